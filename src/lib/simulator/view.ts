/**
 * The simulated host as the Compose diagram draws it: containers as its services, on their
 * networks with their addresses, the host ports published to them, and what they mount. The
 * same facts in sentences, for screen readers and as the drawing's text alternative.
 */
import { maxDiagramEdges, maxDiagramNodes, diagramSize } from '../compose/analyze.ts';
import { layoutTopology } from '../compose/layout.ts';
import type { NetworkNode, ServiceNode, TopologyModel, VolumeNode } from '../compose/model.ts';
import type { Mount } from '../compose/mounts.ts';
import type { PortMapping } from '../compose/ports.ts';
import { drawDiagram, type SvgNode } from '../compose/svg.ts';
import type { Locale } from '../i18n/locale.ts';
import { isUp } from './host.ts';
import type { Container, HostState, Network } from './types.ts';

/** How a container's state is said, in the diagram and in the sentences. */
const statusWords: Record<Locale, Record<Container['status'], string>> = {
	it: { created: 'creato', running: 'in esecuzione', exited: 'fermo', paused: 'in pausa' },
	en: { created: 'created', running: 'running', exited: 'stopped', paused: 'paused' },
};

/** The default networks drawn only when a container uses them. */
const drawnWhenUsed = new Set(['host', 'none']);

/** The container's published ports, while it holds them (a stopped container frees them). */
function publishedPorts(container: Container): PortMapping[] {
	if (!isUp(container)) return [];
	return container.ports.map((port) => ({
		target: { start: port.containerPort, end: port.containerPort },
		published: { start: port.hostPort, end: port.hostPort },
		...(port.hostIp && port.hostIp !== '0.0.0.0' && { hostIp: port.hostIp }),
		protocol: port.protocol,
	}));
}

function containerNode(container: Container, lang: Locale): ServiceNode {
	const mounts: Mount[] = container.mounts.map((mount) =>
		mount.type === 'bind'
			? { kind: 'bind', source: mount.source, target: mount.destination, readOnly: mount.readOnly }
			: { kind: 'named', source: mount.source, target: mount.destination, readOnly: mount.readOnly }
	);
	const ports = publishedPorts(container);
	const mode = container.networkMode;
	return {
		name: container.name,
		// The state rides on the image's line: the drawing has no other line for it.
		image: `${container.image} (${statusWords[lang][container.status]})`,
		containerPorts: [...new Set(ports.map((port) => String(port.target.start)))],
		ports,
		networks:
			mode === 'host' || mode === 'none'
				? []
				: container.networks.map((attachment) => ({
						network: attachment.network,
						...(attachment.ip && { ipv4Address: attachment.ip }),
						aliases: attachment.aliases,
					})),
		mounts,
		dependsOn: [],
		...((mode === 'host' || mode === 'none' || mode.startsWith('container:')) && {
			networkMode: mode,
		}),
	};
}

function networkNode(network: Network): NetworkNode {
	return {
		name: network.name,
		driver: network.driver,
		subnets: network.subnet ? [network.subnet] : [],
		gateways: network.gateway ? [network.gateway] : [],
		external: false,
		internal: network.internal,
		implicit: false,
	};
}

/**
 * The host as a Compose topology: every container a service, the networks in use (the default
 * `bridge` always; `host` and `none` are not buses, so they never are), named volumes, and the
 * ports running containers publish.
 */
export function hostModel(state: HostState, lang: Locale): TopologyModel {
	const services = state.containers.map((container) => containerNode(container, lang));
	const networks = state.networks
		.filter((network) => !drawnWhenUsed.has(network.name))
		.map(networkNode);
	const volumes: VolumeNode[] = state.volumes
		.filter((volume) => !volume.anonymous)
		.map((volume) => ({ name: volume.name, driver: 'local', external: false }));
	return {
		services,
		networks,
		volumes,
		host: {
			ports: services
				.filter((service) => service.networkMode !== 'host')
				.flatMap((service) => service.ports.map((mapping) => ({ service: service.name, mapping }))),
			sharedBy: services
				.filter((service) => service.networkMode === 'host')
				.map((service) => service.name),
		},
	};
}

/** What the drawing needs besides the host. */
export interface HostDrawingOptions {
	lang: Locale;
	/** The figure's accessible name. */
	title: string;
	/** Prefix of the ids inside the SVG, unique on the page. */
	idPrefix: string;
}

/** The host's drawing and its sentences; no drawing when it has too many boxes to read. */
export interface HostView {
	diagram?: SvgNode;
	description: string[];
}

/**
 * Draws the host with the Compose diagram's layout, left to right (one row per container, so the
 * drawing grows downwards as containers are added), and describes it.
 */
export function hostView(state: HostState, options: HostDrawingOptions): HostView {
	const model = hostModel(state, options.lang);
	const description = describeHost(state, options.lang);
	const size = diagramSize(model);
	if (size.nodes > maxDiagramNodes || size.edges > maxDiagramEdges) return { description };
	const diagram = drawDiagram(layoutTopology(model, options.lang), {
		lang: options.lang,
		title: options.title,
		description: description.join(' '),
		idPrefix: options.idPrefix,
	});
	return { diagram, description };
}

const joinWords = (items: string[], lang: Locale) =>
	items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} ${lang === 'it' ? 'e' : 'and'} ${items.at(-1)}`;

/** One container in a sentence: its image and state, its networks, ports and mounts. */
function describeContainer(state: HostState, container: Container, lang: Locale): string {
	const it = lang === 'it';
	const status = statusWords[lang][container.status];
	const head = it
		? `Il container ${container.name} (${container.image}, ${status})`
		: `Container ${container.name} (${container.image}, ${status})`;
	const clauses: string[] = [];
	const mode = container.networkMode;
	if (mode === 'host')
		clauses.push(it ? "usa direttamente la rete dell'host" : "uses the host's network directly");
	else if (mode === 'none') clauses.push(it ? 'non è su nessuna rete' : 'is on no network');
	else if (container.networks.length) {
		const on = container.networks.map((a) => {
			const address = a.ip
				? it
					? ` con indirizzo ${a.ip}`
					: ` with address ${a.ip}`
				: it
					? ' (senza indirizzo finché è fermo)'
					: ' (no address while stopped)';
			return `${a.network}${address}`;
		});
		const many = on.length > 1;
		clauses.push(
			it
				? `è ${many ? 'sulle reti' : 'sulla rete'} ${joinWords(on, lang)}`
				: `is on ${many ? 'networks' : 'network'} ${joinWords(on, lang)}`
		);
	}
	const ports = publishedPorts(container);
	if (ports.length) {
		const pairs = ports.map((p) => {
			const where = p.hostIp ? `${p.hostIp}:` : '';
			return it
				? `la porta ${where}${p.published!.start} dell'host porta alla sua porta ${p.target.start}`
				: `port ${where}${p.published!.start} of the host leads to its port ${p.target.start}`;
		});
		clauses.push(joinWords(pairs, lang));
	}
	const mounts = container.mounts.map((m) => {
		const anonymous = state.volumes.find((v) => v.name === m.source)?.anonymous;
		const ro = m.readOnly ? (it ? ' in sola lettura' : ' read-only') : '';
		if (m.type === 'bind')
			return it
				? `la cartella dell'host ${m.source} in ${m.destination}${ro}`
				: `host folder ${m.source} at ${m.destination}${ro}`;
		if (anonymous)
			return it
				? `un volume anonimo in ${m.destination}${ro}`
				: `an anonymous volume at ${m.destination}${ro}`;
		return it
			? `il volume ${m.source} in ${m.destination}${ro}`
			: `volume ${m.source} at ${m.destination}${ro}`;
	});
	if (mounts.length)
		clauses.push(it ? `monta ${joinWords(mounts, lang)}` : `mounts ${joinWords(mounts, lang)}`);
	return clauses.length ? `${head} ${clauses.join('; ')}.` : `${head}.`;
}

/**
 * The host in sentences: a summary, then each container (state, networks with addresses,
 * published ports, mounts), each network with its subnet, and the named volumes.
 */
export function describeHost(state: HostState, lang: Locale): string[] {
	const it = lang === 'it';
	const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const running = state.containers.filter((c) => c.status === 'running').length;
	const named = state.volumes.filter((v) => !v.anonymous);
	const summary = it
		? `Sull'host ci sono ${joinWords(
				[
					`${count(state.containers.length, 'container', 'container')}${state.containers.length ? ` (${running} in esecuzione)` : ''}`,
					count(state.images.length, 'immagine', 'immagini'),
					count(named.length, 'volume con nome', 'volumi con nome'),
				],
				lang
			)}.`
		: `The host has ${joinWords(
				[
					`${count(state.containers.length, 'container', 'containers')}${state.containers.length ? ` (${running} running)` : ''}`,
					count(state.images.length, 'image', 'images'),
					count(named.length, 'named volume', 'named volumes'),
				],
				lang
			)}.`;
	const networks = state.networks
		.filter((n) => !drawnWhenUsed.has(n.name))
		.map((n) => {
			const users = state.containers.filter((c) => c.networks.some((a) => a.network === n.name));
			const who = users.length
				? it
					? `${users.length === 1 ? 'vi è collegato' : 'vi sono collegati'} ${joinWords(
							users.map((c) => c.name),
							lang
						)}`
					: `${joinWords(
							users.map((c) => c.name),
							lang
						)} ${users.length === 1 ? 'is' : 'are'} connected to it`
				: it
					? 'nessun container vi è collegato'
					: 'no container is connected to it';
			return it
				? `La rete ${n.name} (${n.driver}, sottorete ${n.subnet}, gateway ${n.gateway}): ${who}.`
				: `Network ${n.name} (${n.driver}, subnet ${n.subnet}, gateway ${n.gateway}): ${who}.`;
		});
	const volumes = named.map((v) => {
		const users = state.containers.filter((c) => c.mounts.some((m) => m.source === v.name));
		const list = joinWords(
			users.map((c) => c.name),
			lang
		);
		if (it)
			return users.length
				? `Il volume ${v.name} è montato da ${list}.`
				: `Il volume ${v.name} non è montato da nessun container.`;
		return users.length
			? `Volume ${v.name} is mounted by ${list}.`
			: `Volume ${v.name} is mounted by no container.`;
	});
	return [
		summary,
		...state.containers.map((c) => describeContainer(state, c, lang)),
		...networks,
		...volumes,
	];
}
