/**
 * `docker network …`: create (with Docker's default pools), ls, inspect, connect, disconnect, rm
 * and prune, with the daemon's messages for overlaps, bad CIDRs and networks still in use.
 */
import { daemonError, fail, ok, type Answer, type Context } from './context.ts';
import { isAnswer, parseFlags } from './flags.ts';
import { isoTime, table } from './format.ts';
import {
	allocateIp,
	findContainer,
	findNetwork,
	inSubnet,
	ipToNumber,
	macAddress,
	nextPool,
	numberToIp,
	parseCidr,
	subnetsOverlap,
} from './host.ts';
import { hex } from './random.ts';
import type { HostState, Network } from './types.ts';

/** Makes a network; used by `network create` and by Compose. */
export function createNetwork(
	ctx: Context,
	name: string,
	options: {
		driver?: string;
		subnet?: string;
		gateway?: string;
		ipRange?: string;
		internal?: boolean;
		compose?: Network['compose'];
	}
): Network | Answer {
	const { state } = ctx;
	if (state.networks.some((n) => n.name === name)) return daemonError('network-exists', { name });
	let subnet = options.subnet;
	if (subnet !== undefined) {
		const cidr = parseCidr(subnet);
		if (!cidr) return daemonError('invalid-cidr', { cidr: subnet });
		subnet = `${numberToIp(cidr.base)}/${cidr.prefix}`;
		if (state.networks.some((n) => n.subnet && subnetsOverlap(n.subnet, subnet!)))
			return daemonError('pool-overlap', {}, { explain: { subnet } });
	} else subnet = nextPool(state);
	if (!subnet)
		return {
			exitCode: 1,
			output: 'Error response from daemon: all predefined address pools have been fully subnetted',
		};
	const gateway = options.gateway ?? numberToIp(parseCidr(subnet)!.base + 1);
	if (!inSubnet(gateway, subnet)) return daemonError('ip-outside-subnet', { ip: gateway });
	const network: Network = {
		id: hex(ctx.rng, 64),
		name,
		driver: options.driver ?? 'bridge',
		subnet,
		gateway,
		ipRange: options.ipRange ?? '',
		internal: !!options.internal,
		created: state.clock,
		builtin: false,
		...(options.compose && { compose: options.compose }),
	};
	state.networks.push(network);
	return network;
}

/** Connects a container to a network (running: it gets an address now). */
export function connect(
	ctx: Context,
	containerRef: string,
	networkRef: string,
	ip?: string,
	aliases: string[] = []
): Answer {
	const { state } = ctx;
	const network = findNetwork(state, networkRef);
	if (!network) return daemonError('network-not-found', { name: networkRef });
	const c = findContainer(state, containerRef);
	if (!c) return daemonError('no-such-container', { name: containerRef });
	if (c.networks.some((a) => a.network === network.name))
		return daemonError('already-connected', { container: c.name, network: network.name });
	if (ip) {
		if (network.builtin) return daemonError('ip-default-bridge', {});
		if (!inSubnet(ip, network.subnet)) return daemonError('ip-outside-subnet', { ip });
		if (
			state.containers.some((o) =>
				o.networks.some((a) => a.network === network.name && (a.ip === ip || a.staticIp === ip))
			)
		)
			return {
				exitCode: 1,
				output: `Error response from daemon: Address already in use`,
				explanation: { key: 'ip-outside-subnet', params: { ip } },
			};
	}
	const attachment = {
		network: network.name,
		ip: '',
		staticIp: ip ?? '',
		aliases,
		mac: '',
		endpointId: hex(ctx.rng, 64),
	};
	c.networks.push(attachment);
	if (c.status === 'running' && network.subnet) {
		attachment.ip = ip || allocateIp(state, network) || '';
		attachment.mac = macAddress(ctx.rng);
	}
	return ok();
}

/** The network as `docker network inspect` shows it. */
export function inspectNetwork(state: HostState, n: Network): unknown {
	const containers: Record<string, unknown> = {};
	for (const c of state.containers)
		for (const a of c.networks)
			if (a.network === n.name && a.ip)
				containers[c.id] = {
					Name: c.name,
					EndpointID: a.endpointId,
					MacAddress: a.mac,
					IPv4Address: `${a.ip}/${n.subnet.split('/')[1]}`,
					IPv6Address: '',
				};
	return {
		Name: n.name,
		Id: n.id,
		Created: isoTime(n.created),
		Scope: 'local',
		Driver: n.driver,
		EnableIPv4: true,
		EnableIPv6: false,
		IPAM: {
			Driver: 'default',
			Options: n.builtin ? null : {},
			Config: n.subnet
				? [{ Subnet: n.subnet, ...(n.ipRange && { IPRange: n.ipRange }), Gateway: n.gateway }]
				: [],
		},
		Internal: n.internal,
		Attachable: false,
		Ingress: false,
		ConfigFrom: { Network: '' },
		ConfigOnly: false,
		Containers: containers,
		Options:
			n.name === 'bridge'
				? {
						'com.docker.network.bridge.default_bridge': 'true',
						'com.docker.network.bridge.name': 'docker0',
					}
				: {},
		Labels: n.compose
			? {
					'com.docker.compose.network': n.compose.network,
					'com.docker.compose.project': n.compose.project,
				}
			: {},
	};
}

/** Removes a network, unless containers are still attached. */
export function removeNetwork(ctx: Context, ref: string): Answer {
	const { state } = ctx;
	const n = findNetwork(state, ref);
	if (!n) return daemonError('network-not-found', { name: ref });
	if (n.builtin) return daemonError('network-builtin', { name: n.name });
	const attached = state.containers.filter((c) => c.networks.some((a) => a.network === n.name));
	// The daemon counts endpoints: only running containers have one.
	const active = attached.filter((c) => c.status === 'running');
	if (active.length) {
		const endpoints = active
			.map(
				(c) =>
					`name:"${c.name}" id:"${c.networks.find((a) => a.network === n.name)!.endpointId.slice(0, 12)}"`
			)
			.join(', ');
		return daemonError('network-active-endpoints', { name: n.name, endpoints });
	}
	for (const c of attached) c.networks = c.networks.filter((a) => a.network !== n.name);
	state.networks = state.networks.filter((other) => other !== n);
	return ok(ref);
}

/** `docker network SUBCOMMAND …`. */
export function network(ctx: Context, words: string[]): Answer {
	const [sub, ...rest] = words;
	const { state } = ctx;
	switch (sub) {
		case 'create': {
			const parsed = parseFlags(
				rest,
				{
					driver: { short: 'd', value: true },
					subnet: { value: true },
					gateway: { value: true },
					'ip-range': { value: true },
					internal: {},
					attachable: {},
					label: { value: true },
					ipv6: {},
				},
				'network create'
			);
			if (isAnswer(parsed)) return parsed;
			const name = parsed.args[0];
			if (!name) return fail('requires-argument', { command: 'network create' });
			const one = (key: string) => parsed.flags[key]?.at(-1);
			const made = createNetwork(ctx, name, {
				...(one('driver') !== undefined && { driver: one('driver')! }),
				...(one('subnet') !== undefined && { subnet: one('subnet')! }),
				...(one('gateway') !== undefined && { gateway: one('gateway')! }),
				...(one('ip-range') !== undefined && { ipRange: one('ip-range')! }),
				internal: !!parsed.flags['internal'],
			});
			return 'exitCode' in made ? made : ok(made.id);
		}
		case 'ls':
		case 'list': {
			if (rest.includes('-q'))
				return ok(
					[...state.networks]
						.sort((a, b) => a.name.localeCompare(b.name))
						.map((n) => n.id.slice(0, 12))
				);
			const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE']];
			for (const n of [...state.networks].sort((a, b) => a.name.localeCompare(b.name)))
				rows.push([n.id.slice(0, 12), n.name, n.driver, 'local']);
			return ok(table(rows));
		}
		case 'inspect': {
			const names = rest.filter((w) => !w.startsWith('-'));
			if (!names.length) return fail('requires-argument', { command: 'network inspect' });
			const found = [];
			for (const name of names) {
				const n = findNetwork(state, name);
				if (!n)
					return {
						exitCode: 1,
						output: `[]\nError response from daemon: network ${name} not found`,
						explanation: { key: 'network-not-found', params: { name } },
					};
				found.push(inspectNetwork(state, n));
			}
			return ok(JSON.stringify(found, null, 4));
		}
		case 'connect': {
			const parsed = parseFlags(
				rest,
				{ ip: { value: true }, alias: { value: true }, ip6: { value: true } },
				'network connect'
			);
			if (isAnswer(parsed)) return parsed;
			const [networkRef, containerRef] = parsed.args;
			if (!networkRef || !containerRef)
				return fail('requires-argument', { command: 'network connect' });
			return connect(
				ctx,
				containerRef,
				networkRef,
				parsed.flags['ip']?.at(-1),
				parsed.flags['alias'] ?? []
			);
		}
		case 'disconnect': {
			const args = rest.filter((w) => !w.startsWith('-'));
			const [networkRef, containerRef] = args;
			if (!networkRef || !containerRef)
				return fail('requires-argument', { command: 'network disconnect' });
			const n = findNetwork(state, networkRef);
			if (!n) return daemonError('network-not-found', { name: networkRef });
			const c = findContainer(state, containerRef);
			if (!c) return daemonError('no-such-container', { name: containerRef });
			if (!c.networks.some((a) => a.network === n.name))
				return daemonError('not-connected', { id: c.id, network: n.name });
			c.networks = c.networks.filter((a) => a.network !== n.name);
			return ok();
		}
		case 'rm':
		case 'remove': {
			const names = rest.filter((w) => !w.startsWith('-'));
			if (!names.length) return fail('requires-argument', { command: 'network rm' });
			const out: string[] = [];
			for (const name of names) {
				const answer = removeNetwork(ctx, name);
				out.push(answer.output);
				if (answer.exitCode) return { ...answer, output: out.join('\n') };
			}
			return ok(out);
		}
		case 'prune': {
			const removed: string[] = [];
			for (const n of [...state.networks])
				if (
					!n.builtin &&
					!state.containers.some((c) => c.networks.some((a) => a.network === n.name))
				) {
					state.networks = state.networks.filter((o) => o !== n);
					removed.push(n.name);
				}
			return ok(removed.length ? ['Deleted Networks:', ...removed] : []);
		}
		default:
			return {
				exitCode: sub ? 1 : 0,
				output:
					"Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.",
			};
	}
}

/** Whether an address is a valid IPv4 one. */
export const isIp = (text: string): boolean => ipToNumber(text) !== undefined;
