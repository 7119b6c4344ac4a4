/**
 * The host's state and the small operations on it the commands share: a fresh host, finding
 * containers and networks by name or id prefix, addresses, and the work context of one command.
 */
import { catalogue } from './catalogue.ts';
import { hashHex, hex, type Rng } from './random.ts';
import type { Container, HostState, Image, Network } from './types.ts';

/** 2026-03-02 09:00:00 UTC: every session starts at the same moment. */
export const startTime = Date.UTC(2026, 2, 2, 9, 0, 0) / 1000;

/** How many seconds each command takes. */
export const clockStep = 2;

/** The host's working directory, for `$(pwd)` and bind mounts. */
export const workingDirectory = '/home/studente/progetto';

/** Options of a fresh host. */
export interface HostOptions {
	seed?: number;
	files?: Record<string, string>;
	/** The Compose project name when the file has no `name:`; `progetto` by default. */
	projectName?: string;
}

/** A fresh host: no images, no containers, the three default networks, the given files. */
export function createHost(options: HostOptions = {}): HostState {
	const rng: Rng = { state: (options.seed ?? 1) | 0 };
	const network = (name: string, driver: string, subnet: string, gateway: string): Network => ({
		id: hex(rng, 64),
		name,
		driver,
		subnet,
		gateway,
		ipRange: '',
		internal: false,
		created: startTime - 86400,
		builtin: true,
	});
	return {
		images: [],
		containers: [],
		networks: [
			network('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1'),
			network('host', 'host', '', ''),
			network('none', 'null', '', ''),
		],
		volumes: [],
		files: { ...(options.files ?? {}) },
		clock: startTime,
		random: rng.state,
		nextEphemeralPort: 32768,
		buildCache: [],
		projectName: options.projectName ?? 'progetto',
	};
}

/** An image of the catalogue as pulled, with a stable id per reference. */
export function catalogueImage(repository: string, tag: string): Image {
	const entry = catalogue[repository]!;
	const alpine = tag.includes('alpine');
	return {
		id: `sha256:${hashHex(`${repository}:${tag}`, 64)}`,
		tags: [`${repository}:${tag}`],
		created: startTime - entry.ageDays * 86400,
		size: alpine && entry.alpineSize ? entry.alpineSize : entry.size,
		cmd: [...entry.cmd],
		entrypoint: [...entry.entrypoint],
		env: [...entry.env],
		exposedPorts: [...entry.exposedPorts],
		workdir: entry.workdir,
		volumes: [...(entry.volumes ?? [])],
		behaviour: entry.behaviour,
		family: alpine && entry.family === 'debian' ? 'alpine' : entry.family,
		files: {},
		layers: [],
	};
}

/** `nginx` → `nginx:latest`; a reference with a tag stays. */
export function withTag(reference: string): string {
	const slash = reference.lastIndexOf('/');
	return reference.lastIndexOf(':') > slash ? reference : `${reference}:latest`;
}

/** The image a reference (name, name:tag, or id prefix) names. */
export function findImage(state: HostState, reference: string): Image | undefined {
	const tagged = withTag(reference.replace(/^(?:docker\.io\/)?library\//, ''));
	const byTag = state.images.find((image) => image.tags.includes(tagged));
	if (byTag) return byTag;
	const bare = reference.replace(/^sha256:/, '');
	if (bare.length < 4 || !/^[0-9a-f]+$/.test(bare)) return undefined;
	return state.images.find((image) => image.id.slice(7).startsWith(bare));
}

/** The container a name or id prefix names, as the daemon looks it up: full id, name, prefix. */
export function findContainer(state: HostState, ref: string): Container | undefined {
	const name = ref.replace(/^\//, '');
	return (
		state.containers.find((c) => c.id === ref) ??
		state.containers.find((c) => c.name === name) ??
		(ref.length > 0 && /^[0-9a-f]+$/.test(ref)
			? state.containers.find((c) => c.id.startsWith(ref))
			: undefined)
	);
}

/** The network a name or id prefix names. */
export function findNetwork(state: HostState, ref: string): Network | undefined {
	return (
		state.networks.find((n) => n.name === ref) ??
		state.networks.find((n) => n.id === ref) ??
		(ref.length > 0 && /^[0-9a-f]+$/.test(ref)
			? state.networks.find((n) => n.id.startsWith(ref))
			: undefined)
	);
}

/** An IPv4 address as a number, or undefined when it is not one. */
export function ipToNumber(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
		value = value * 256 + Number(part);
	}
	return value;
}

/** A number as a dotted IPv4 address. */
export function numberToIp(value: number): string {
	return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A subnet read from CIDR text: its first address and size; undefined when it is not CIDR. */
export function parseCidr(
	text: string
): { base: number; size: number; prefix: number } | undefined {
	const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
	if (!match) return undefined;
	const address = ipToNumber(match[1]!);
	const prefix = Number(match[2]);
	if (address === undefined || prefix > 32) return undefined;
	const size = 2 ** (32 - prefix);
	return { base: Math.floor(address / size) * size, size, prefix };
}

/** Whether an address lies inside a subnet. */
export function inSubnet(ip: string, subnet: string): boolean {
	const cidr = parseCidr(subnet);
	const address = ipToNumber(ip);
	return !!cidr && address !== undefined && address >= cidr.base && address < cidr.base + cidr.size;
}

/** Whether two subnets share an address. */
export function subnetsOverlap(a: string, b: string): boolean {
	const x = parseCidr(a);
	const y = parseCidr(b);
	return !!x && !!y && x.base < y.base + y.size && y.base < x.base + x.size;
}

/**
 * The next subnet of Docker's default address pools not yet used: 172.17–31.0.0/16, then
 * 192.168.0.0/16 in /20 blocks.
 */
export function nextPool(state: HostState): string | undefined {
	const candidates = [
		...Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`),
		...Array.from({ length: 16 }, (_, i) => `192.168.${i * 16}.0/20`),
	];
	return candidates.find(
		(pool) => !state.networks.some((n) => n.subnet && subnetsOverlap(n.subnet, pool))
	);
}

/** The first free address of a network (after its gateway), or undefined when it is full. */
export function allocateIp(state: HostState, network: Network): string | undefined {
	const cidr = parseCidr(network.ipRange || network.subnet);
	if (!cidr) return undefined;
	const used = new Set(
		state.containers.flatMap((c) =>
			c.networks.filter((a) => a.network === network.name).flatMap((a) => [a.ip, a.staticIp])
		)
	);
	used.add(network.gateway);
	const subnet = parseCidr(network.subnet)!;
	for (let n = Math.max(cidr.base, subnet.base + 1); n < cidr.base + cidr.size - 1; n++) {
		const ip = numberToIp(n);
		if (!used.has(ip)) return ip;
	}
	return undefined;
}

/** A MAC address Docker style, from the PRNG. */
export function macAddress(rng: Rng): string {
	return `02:42:${hex(rng, 8).match(/../g)!.join(':')}`;
}

/**
 * Whether the container is up: running, or paused (its processes frozen, while it keeps its
 * process, its addresses and its published ports, and Docker still reports it as running).
 */
export const isUp = (c: Container) => c.status === 'running' || c.status === 'paused';
