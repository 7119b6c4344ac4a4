/**
 * Places the topology with dagre: the host, then the services, then what they connect to
 * (networks, volumes, host paths), left to right or top to bottom. Boxes are sized from their
 * text, measured as monospace, since there is no DOM to measure with.
 */
import { Graph, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { Locale } from '../i18n/locale.ts';
import { diagramLabels } from './labels.ts';
import type { TopologyModel } from './model.ts';
import { formatMapping } from './ports.ts';

/** Sizes the drawing shares with the layout, in SVG user units. */
export const metrics = {
	fontSize: 12,
	titleSize: 13,
	lineHeight: 16,
	padding: 10,
	/** Width of one monospace character, in ems. */
	charWidth: 0.62,
	/** Extra height for a volume's top rim and a folder's tab. */
	shapeInset: 8,
} as const;

/** What a box stands for. */
export type NodeKind = 'host' | 'service' | 'network' | 'volume' | 'bind';
/** What a line stands for. */
export type EdgeKind = 'port' | 'host-network' | 'network' | 'volume' | 'bind' | 'depends';

/** A point of the drawing. */
export interface Point {
	x: number;
	y: number;
}

/** A placed box: its centre, size and text (the first line is the title). */
export interface DiagramNode {
	id: string;
	kind: NodeKind;
	lines: string[];
	external: boolean;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A placed line between two boxes, with its label (one string per line) at `labelAt`. */
export interface DiagramEdge {
	kind: EdgeKind;
	from: string;
	to: string;
	points: Point[];
	label: string[];
	labelAt?: Point;
}

/** The placed diagram, without the legend. */
export interface DiagramLayout {
	width: number;
	height: number;
	nodes: DiagramNode[];
	edges: DiagramEdge[];
}

/** What to show and which way the diagram runs. */
export interface LayoutOptions {
	/** `LR` (left to right, the default) or `TB` (top to bottom). */
	direction?: 'LR' | 'TB';
	/** Leaves out the `default` network Compose creates implicitly. */
	hideDefaultNetwork?: boolean;
	/** Leaves out named volumes and host paths. */
	hideVolumes?: boolean;
}

/**
 * Past this many boxes dagre's finest passes take too long for a live preview: the layout then
 * ranks faster, orders each rank in a few sweeps, and leaves `depends_on` out of the ranking
 * (drawn as curves between the boxes), so the services stay in one rank.
 */
const largeGraph = 60;
/** Likewise past this many lines, however few the boxes: those passes grow with the lines too. */
const largeGraphLines = 100;

/** Width of a text in the diagram's monospace font. */
export function textWidth(text: string, size: number = metrics.fontSize): number {
	return [...text].length * size * metrics.charWidth;
}

/** Places the topology. */
export function layoutTopology(
	model: TopologyModel,
	lang: Locale,
	options: LayoutOptions = {}
): DiagramLayout {
	const words = diagramLabels[lang];
	const graph = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
	const nodes = new Map<string, Omit<DiagramNode, 'x' | 'y' | 'width' | 'height'>>();
	const edges: (Omit<DiagramEdge, 'points'> & { ranked: boolean })[] = [];
	let large = false;
	const addNode = (id: string, kind: NodeKind, lines: string[], external = false) => {
		nodes.set(id, { id, kind, lines, external });
		const inset = kind === 'volume' || kind === 'bind' ? metrics.shapeInset : 0;
		const [title = '', ...rest] = lines;
		const width = Math.max(textWidth(title, metrics.titleSize), ...rest.map((l) => textWidth(l)));
		graph.setNode(id, {
			width: Math.ceil(width + 2 * metrics.padding),
			height: 2 * metrics.padding + inset + lines.length * metrics.lineHeight,
		});
	};
	const addEdge = (kind: EdgeKind, from: string, to: string, label: string[] = []) => {
		if (!nodes.has(from) || !nodes.has(to)) return;
		const ranked = !(large && kind === 'depends');
		const width = Math.max(0, ...label.map((line) => textWidth(line)));
		const size = { width: label.length ? width + 6 : 0, height: label.length * metrics.lineHeight };
		if (ranked) graph.setEdge(from, to, { ...size, labelpos: 'c' }, String(edges.length));
		edges.push({ kind, from, to, label, ranked });
	};

	const { host } = model;
	if (host.ports.length || host.sharedBy.length)
		addNode('host', 'host', [words.host, words.hostSubtitle]);
	for (const network of model.networks) {
		if (options.hideDefaultNetwork && network.implicit) continue;
		const driver = network.driver ?? (network.external ? undefined : words.defaultDriver);
		const details = [driver, ...network.subnets].filter((part) => part !== undefined).join(' · ');
		addNode(
			`network:${network.name}`,
			'network',
			[
				network.name,
				...(details ? [details] : []),
				...(network.implicit ? [words.implicitNetwork] : []),
				...(network.internal ? [words.internalNetwork] : []),
				...(network.external ? [words.externalNetwork] : []),
			],
			network.external
		);
	}
	if (!options.hideVolumes)
		for (const volume of model.volumes)
			addNode(
				`volume:${volume.name}`,
				'volume',
				[volume.name, volume.external ? words.externalVolume : words.namedVolume],
				volume.external
			);

	for (const service of model.services) {
		const id = `service:${service.name}`;
		const mode = service.networkMode;
		addNode(id, 'service', [
			service.name,
			...(service.image === undefined ? [] : [`${words.image}: ${service.image}`]),
			...(service.build === undefined ? [] : [`${words.build}: ${service.build}`]),
			...(service.containerPorts.length
				? [`${words.ports}: ${service.containerPorts.join(', ')}`]
				: []),
			...(mode === undefined || mode === 'host' ? [] : [`network_mode: ${mode}`]),
		]);
		if (!options.hideVolumes)
			for (const mount of service.mounts)
				if (
					mount.kind === 'bind' &&
					mount.source !== undefined &&
					!nodes.has(`bind:${mount.source}`)
				)
					addNode(`bind:${mount.source}`, 'bind', [mount.source, words.bindMount]);
	}

	large =
		nodes.size > largeGraph ||
		model.services.reduce(
			(lines, service) =>
				lines + service.networks.length + service.mounts.length + service.dependsOn.length,
			0
		) > largeGraphLines;
	for (const service of model.services) {
		const id = `service:${service.name}`;
		const mappings = host.ports.filter((port) => port.service === service.name);
		if (mappings.length)
			addEdge(
				'port',
				'host',
				id,
				mappings.map((port) => formatMapping(port.mapping, words.randomPort))
			);
		if (service.networkMode === 'host') addEdge('host-network', 'host', id, [words.hostNetwork]);
		for (const link of service.networks)
			addEdge(
				'network',
				id,
				`network:${link.network}`,
				[link.ipv4Address, link.ipv6Address].filter((a) => a !== undefined)
			);
		for (const mount of service.mounts) {
			const target = mount.readOnly ? `${mount.target} (${words.readOnly})` : mount.target;
			if (mount.kind === 'named') addEdge('volume', id, `volume:${mount.source ?? ''}`, [target]);
			if (mount.kind === 'bind') addEdge('bind', id, `bind:${mount.source ?? ''}`, [target]);
		}
		for (const dependency of service.dependsOn) {
			const condition = dependency.condition === 'service_started' ? [] : [dependency.condition];
			addEdge('depends', id, `service:${dependency.service}`, condition);
		}
	}

	graph.setGraph({
		rankdir: options.direction ?? 'LR',
		nodesep: 24,
		ranksep: 48,
		edgesep: 12,
		marginx: 16,
		marginy: 16,
		...(large && { ranker: 'longest-path' }),
	});
	layout(graph, large ? { customOrder: barycentricOrder } : {});

	const placed = new Map(
		[...nodes.values()].map((node) => {
			const { x = 0, y = 0, width, height } = graph.node(node.id);
			return [node.id, { ...node, x, y, width, height }];
		})
	);
	const routed = edges.map(({ ranked, ...edge }, index): DiagramEdge => {
		const from = placed.get(edge.from);
		const to = placed.get(edge.to);
		if (!ranked && from && to) return { ...edge, ...curveBetween(from, to) };
		const { points = [], x, y } = graph.edge(edge.from, edge.to, String(index));
		return { ...edge, points, ...(x !== undefined && y !== undefined && { labelAt: { x, y } }) };
	});
	const { width = 0, height = 0 } = graph.graph();
	return { width, height, nodes: [...placed.values()], edges: routed };
}

/**
 * Orders each rank by the mean position of its neighbours in the rank before (sweeping down) or
 * after (sweeping up): the heart of dagre's own ordering, without its costly crossing counts.
 */
function barycentricOrder(graph: Graph<GraphLabel, NodeLabel, EdgeLabel>): void {
	const ranks: string[][] = [];
	for (const id of graph.nodes()) (ranks[graph.node(id).rank ?? 0] ??= []).push(id);
	const order = (id: string) => graph.node(id).order ?? 0;
	const place = (rank: string[]) =>
		rank.forEach((id, i) => {
			graph.node(id).order = i;
		});
	ranks.forEach(place);
	for (let sweep = 0; sweep < 4; sweep++) {
		const down = sweep % 2 === 0;
		for (const rank of down ? ranks : [...ranks].reverse()) {
			if (!rank) continue;
			const weight = new Map(
				rank.map((id) => {
					const next = (down ? graph.predecessors(id) : graph.successors(id)) ?? [];
					const sum = next.reduce((total, n) => total + order(n), 0);
					return [id, next.length ? sum / next.length : order(id)];
				})
			);
			rank.sort((a, b) => (weight.get(a) ?? 0) - (weight.get(b) ?? 0));
			place(rank);
		}
	}
}

type Box = Pick<DiagramNode, 'x' | 'y' | 'width' | 'height'>;

/** A curve from box to box, bent sideways so it does not run through the boxes between them. */
function curveBetween(from: Box, to: Box): Pick<DiagramEdge, 'points' | 'labelAt'> {
	const [dx, dy] = [to.x - from.x, to.y - from.y];
	const length = Math.hypot(dx, dy);
	// A service that depends on itself gets a small loop on its right side.
	const offset = length ? Math.min(length / 4, 60) / length : 0;
	const right = from.x + from.width / 2;
	const bend = length
		? { x: (from.x + to.x) / 2 - dy * offset, y: (from.y + to.y) / 2 + dx * offset }
		: { x: right + 40, y: from.y };
	const start = length ? borderPoint(from, bend) : { x: right, y: from.y - 6 };
	const end = length ? borderPoint(to, bend) : { x: right, y: from.y + 6 };
	const labelAt = { x: (start.x + 2 * bend.x + end.x) / 4, y: (start.y + 2 * bend.y + end.y) / 4 };
	return { points: [start, bend, end], labelAt };
}

/** Where the line from a box's centre towards a point leaves the box. */
function borderPoint(box: Box, toward: Point): Point {
	const [dx, dy] = [toward.x - box.x, toward.y - box.y];
	const [halfWidth, halfHeight] = [box.width / 2, box.height / 2];
	if (!dx && !dy) return { x: box.x, y: box.y };
	const scale = Math.min(
		dx ? halfWidth / Math.abs(dx) : Infinity,
		dy ? halfHeight / Math.abs(dy) : Infinity
	);
	return { x: box.x + dx * scale, y: box.y + dy * scale };
}
