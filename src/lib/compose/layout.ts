/**
 * Places the topology as a schematic, one row per service. Left to right (top to bottom when the
 * diagram is turned), the columns are: the host, as a band along every row, with the ports it
 * publishes; the networks, each a bus that its services attach to with a dot; the services; and
 * what they mount (named volumes and host paths). `depends_on` and `network_mode: service:…` run
 * between the services and their mounts.
 *
 * Every line runs in the free channels between the columns and leaves a box from its own slot,
 * so no line passes under a box it does not connect, and every label sits on a straight stretch
 * of its own line, in a channel kept free for labels. The layout is computed along two axes, `u`
 * (across the columns) and `v` (along the rows), and turned into `x` and `y` at the end. Boxes
 * are sized from their text, measured as monospace, since there is no DOM to measure with.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Curve, Point, Rect } from './geometry.ts';
import { diagramLabels } from './labels.ts';
import type { TopologyModel } from './model.ts';
import { formatMapping } from './ports.ts';

export type { Point } from './geometry.ts';

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
export type EdgeKind =
	'port' | 'host-network' | 'network' | 'shared-network' | 'volume' | 'bind' | 'depends';

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
	/** A network drawn as a bus: the line its services attach to, from its box. */
	bus?: Point[];
	/** A service's number of containers, when it is not one: drawn as a stack of boxes. */
	replicas?: number;
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

/** Spacing of the layout, in SVG user units. */
const space = {
	margin: 16,
	/** Between two rows. */
	row: 20,
	/** Between two lines that leave the same side of a box. */
	slot: 14,
	/** Between a label and a line running beside it. */
	labelGap: 4,
	/** From a box's corner to its first line. */
	corner: 9,
	/** Around the labels of a channel. */
	channelPad: 10,
	/** Between two vertical runs in a channel. */
	lane: 10,
	/** Between two vertical runs in the same lane, so they do not read as one line. */
	laneGap: 16,
	/** Between two buses, left to right (top to bottom, buses are as far apart as their boxes). */
	bus: 24,
	/** How far left of its bus a network's box starts, left to right. */
	busInset: 12,
	/** Between two rows of network boxes, and between them and the first row. */
	track: 8,
	/** Between two mounts in the same row. */
	stack: 12,
} as const;

/** Width of a text in the diagram's monospace font. */
export function textWidth(text: string, size: number = metrics.fontSize): number {
	return [...text].length * size * metrics.charWidth;
}

/** The size of the box behind a label, as the drawing paints it: nothing for no label. */
function labelSize(lines: readonly string[]): { width: number; height: number } {
	if (!lines.length) return { width: 0, height: 0 };
	return {
		width: Math.max(...lines.map((line) => textWidth(line))) + 6,
		height: lines.length * metrics.lineHeight,
	};
}

/** The box behind an edge's label, centred on `at`, as the drawing paints it. */
export function labelRect(lines: readonly string[], at: Point): Rect {
	const { width, height } = labelSize(lines);
	return { x: at.x - width / 2, y: at.y - height / 2, width, height };
}

/** How far a bend is rounded. */
const bendRadius = 5;

/**
 * How an edge is drawn through its points: straight runs, each bend rounded by a short curve
 * whose control point is the corner, so the line stays within a few pixels of its points.
 */
export function curveOf(points: readonly Point[]): Curve | undefined {
	const [start, ...rest] = points;
	if (!start) return undefined;
	const pieces: Curve['pieces'] = [];
	let previous = start;
	rest.forEach((corner, i) => {
		const next = rest[i + 1];
		if (!next) {
			pieces.push({ to: corner });
			return;
		}
		const toward = (from: Point, to: Point, share: number) => {
			const length = Math.hypot(to.x - from.x, to.y - from.y);
			const r = Math.min(bendRadius, length * share);
			return length ? r / length : 0;
		};
		const before = toward(corner, previous, 0.5);
		const after = toward(corner, next, 0.5);
		pieces.push({
			to: {
				x: corner.x + (previous.x - corner.x) * before,
				y: corner.y + (previous.y - corner.y) * before,
			},
		});
		pieces.push({
			control: corner,
			to: { x: corner.x + (next.x - corner.x) * after, y: corner.y + (next.y - corner.y) * after },
		});
		previous = corner;
	});
	return { start, pieces };
}

/** A box before it is placed: its text, and its natural size. */
interface Item {
	id: string;
	kind: NodeKind;
	lines: string[];
	external: boolean;
	width: number;
	height: number;
	replicas?: number;
}

/** A line before it is placed. */
interface Link {
	kind: EdgeKind;
	from: string;
	to: string;
	label: string[];
}

/** Where a line leaves a side of a box: its position along the side, and its label's room. */
interface Slot {
	edge: number;
	/** Where the line would like to leave, when it goes somewhere in particular. */
	desired: number;
	/** How much room along the side the label beside this slot takes, if it is here. */
	room: number;
	v: number;
}

/** How far the box behind a service of several containers shows, right and up. */
export const stackOffset = 4;

/** The boxes and lines of the topology, before they are placed. */
function collect(model: TopologyModel, lang: Locale, options: LayoutOptions) {
	const words = diagramLabels[lang];
	const items = new Map<string, Item>();
	const links: Link[] = [];
	const add = (
		id: string,
		kind: NodeKind,
		lines: string[],
		external = false,
		replicas?: number
	) => {
		const inset = kind === 'volume' || kind === 'bind' ? metrics.shapeInset : 0;
		const [title = '', ...rest] = lines;
		const width = Math.max(textWidth(title, metrics.titleSize), ...rest.map((l) => textWidth(l)));
		// A service of several containers is drawn as a stack: the box behind shows at one corner.
		const stack = (replicas ?? 1) > 1 ? stackOffset : 0;
		items.set(id, {
			id,
			kind,
			lines,
			external,
			width: Math.ceil(width + 2 * metrics.padding) + stack,
			height: 2 * metrics.padding + inset + lines.length * metrics.lineHeight + stack,
			...(replicas !== undefined && { replicas }),
		});
	};
	const link = (kind: EdgeKind, from: string, to: string, label: string[] = []) => {
		if (items.has(from) && items.has(to)) links.push({ kind, from, to, label });
	};

	const { host } = model;
	if (host.ports.length || host.sharedBy.length)
		// Left to right the host is a narrow band as tall as the rows: its words go one under another.
		add('host', 'host', [
			words.host,
			...(options.direction === 'TB' ? [words.hostSubtitle] : wrap(words.hostSubtitle, 10)),
		]);
	for (const network of model.networks) {
		if (options.hideDefaultNetwork && network.implicit) continue;
		const driver = network.driver ?? (network.external ? undefined : words.defaultDriver);
		const details = [driver, ...network.subnets].filter((part) => part !== undefined).join(' · ');
		add(
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
			add(
				`volume:${volume.name}`,
				'volume',
				[volume.name, volume.external ? words.externalVolume : words.namedVolume],
				volume.external
			);
	for (const service of model.services) {
		const { replicas, networkMode: mode } = service;
		add(
			`service:${service.name}`,
			'service',
			[
				service.name,
				...(replicas === undefined ? [] : [`${words.replicas}: ${replicas}`]),
				...(service.image === undefined ? [] : [`${words.image}: ${service.image}`]),
				...(service.build === undefined ? [] : [`${words.build}: ${service.build}`]),
				...(service.containerPorts.length
					? [`${words.ports}: ${service.containerPorts.join(', ')}`]
					: []),
				...(mode === undefined || mode === 'host' ? [] : [`network_mode: ${mode}`]),
			],
			false,
			replicas
		);
		if (!options.hideVolumes)
			for (const mount of service.mounts)
				if (
					mount.kind === 'bind' &&
					mount.source !== undefined &&
					!items.has(`bind:${mount.source}`)
				)
					add(`bind:${mount.source}`, 'bind', [mount.source, words.bindMount]);
	}

	for (const service of model.services) {
		const id = `service:${service.name}`;
		const mappings = host.ports.filter((port) => port.service === service.name);
		if (mappings.length)
			link(
				'port',
				'host',
				id,
				mappings.map((port) => formatMapping(port.mapping, words.randomPort))
			);
		const mode = service.networkMode;
		if (mode === 'host') link('host-network', 'host', id, [words.hostNetwork]);
		if (mode?.startsWith('service:'))
			link('shared-network', id, `service:${mode.slice('service:'.length)}`, [words.sharedNetwork]);
		for (const joined of service.networks)
			link(
				'network',
				id,
				`network:${joined.network}`,
				[joined.ipv4Address, joined.ipv6Address].filter((a) => a !== undefined)
			);
		for (const mount of service.mounts) {
			const target = mount.readOnly ? `${mount.target} (${words.readOnly})` : mount.target;
			if (mount.kind === 'named') link('volume', id, `volume:${mount.source ?? ''}`, [target]);
			if (mount.kind === 'bind') link('bind', id, `bind:${mount.source ?? ''}`, [target]);
		}
		for (const dependency of service.dependsOn) {
			const condition = dependency.condition === 'service_started' ? [] : [dependency.condition];
			link('depends', id, `service:${dependency.service}`, condition);
		}
	}
	return { items, links };
}

/** The words of a text in lines of at most about `width` characters. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** Which channel of the diagram a line's label sits in. */
const isHostLine = (kind: EdgeKind) => kind === 'port' || kind === 'host-network';
const isStorage = (kind: EdgeKind) => kind === 'volume' || kind === 'bind';
const isBetweenServices = (kind: EdgeKind) => kind === 'depends' || kind === 'shared-network';

/** Places the topology. */
export function layoutTopology(
	model: TopologyModel,
	lang: Locale,
	options: LayoutOptions = {}
): DiagramLayout {
	const across = options.direction !== 'TB';
	const { items, links } = collect(model, lang, options);
	const kinds = (kind: NodeKind) => [...items.values()].filter((item) => item.kind === kind);
	// Sizes along the two axes: `u` runs across the columns, `v` along the rows.
	const sizeU = (size: { width: number; height: number }) => (across ? size.width : size.height);
	const sizeV = (size: { width: number; height: number }) => (across ? size.height : size.width);
	const roomOf = (edge: number) => sizeV(labelSize(links[edge]?.label ?? []));

	const networks = kinds('network').map((item) => item.id);
	const services = orderServices(
		kinds('service').map((item) => item.id),
		links
	);
	const hostLines = new Set(links.filter((l) => isHostLine(l.kind)).map((l) => l.to));
	const { order: buses, below } = orderBuses(networks, services, links, hostLines);
	const rowOf = new Map(services.map((id, i) => [id, i]));

	// The storage boxes of each row: those first mounted by its service; unmounted ones last.
	const storage = [...kinds('volume'), ...kinds('bind')].map((item) => item.id);
	const storageRow = new Map<string, number>();
	for (const edge of links)
		if (isStorage(edge.kind) && !storageRow.has(edge.to))
			storageRow.set(edge.to, rowOf.get(edge.from) ?? 0);
	const loose = storage.filter((id) => !storageRow.has(id));
	const rows = services.length + (loose.length ? 1 : 0);
	for (const id of loose) storageRow.set(id, services.length);
	const stacks: string[][] = Array.from({ length: rows }, () => []);
	for (const id of storage) stacks[storageRow.get(id) ?? 0]?.push(id);

	// The slots on each side of each box: `in` faces the host, `out` faces the mounts.
	const slotsIn = new Map<string, Slot[]>();
	const slotsOut = new Map<string, Slot[]>();
	const push = (map: Map<string, Slot[]>, id: string, slot: Omit<Slot, 'v'>) => {
		const list = map.get(id) ?? [];
		list.push({ ...slot, v: 0 });
		map.set(id, list);
	};
	const busRank = new Map(buses.map((id, i) => [id, i]));
	// The `depends_on` lines into the same service share one run to it, which each joins with a
	// dot: one lane per service waited for, not one per line. `bundleOf` names each line's first.
	const bundleOf = links.map((_, index) => index);
	const firstInto = new Map<string, number>();
	const sourcesOf = new Map<number, string[]>();
	links.forEach((edge, index) => {
		if (edge.kind !== 'depends' || edge.from === edge.to) return;
		const first = firstInto.get(edge.to) ?? index;
		firstInto.set(edge.to, first);
		bundleOf[index] = first;
		sourcesOf.set(first, [...(sourcesOf.get(first) ?? []), edge.from]);
	});
	links.forEach((edge, index) => {
		const room = roomOf(index);
		if (isHostLine(edge.kind)) push(slotsIn, edge.to, { edge: index, desired: 0, room });
		else if (edge.kind === 'network') push(slotsIn, edge.from, { edge: index, desired: 0, room });
		else if (isStorage(edge.kind)) {
			push(slotsOut, edge.from, { edge: index, desired: 0, room: 0 });
			push(slotsIn, edge.to, { edge: index, desired: 0, room });
		} else {
			// The label sits where the line leaves; a bundle arrives at its service by one slot.
			push(slotsOut, edge.from, { edge: index, desired: 0, room });
			if (bundleOf[index] === index) push(slotsOut, edge.to, { edge: index, desired: 0, room: 0 });
		}
	});
	// Along a service's side: the buses that come from before the first row, nearest first; the
	// host's lines; the buses that come from after the last row, nearest last. A bus that ends at
	// this service then ends before the lines that go farther, which so do not cross it.
	const inRank = (slot: Slot) => {
		const edge = links[slot.edge];
		if (!edge || isHostLine(edge.kind)) return buses.length;
		const rank = busRank.get(edge.to) ?? 0;
		return below.has(edge.to) ? buses.length + 1 + rank : buses.length - 1 - rank;
	};
	for (const list of slotsIn.values())
		list.sort((a, b) => inRank(a) - inRank(b) || a.edge - b.edge);

	// Box sizes along the rows: at least room for their slots.
	const boxV = new Map<string, number>();
	const footprint = new Map<string, number>();
	for (const item of items.values()) {
		const sides = [slotsIn.get(item.id) ?? [], slotsOut.get(item.id) ?? []];
		const need = Math.max(...sides.map((list) => spanOf(list) + 2 * space.corner));
		const v = Math.max(sizeV(item), need);
		boxV.set(item.id, v);
		// A label beside a slot near the box's end may reach past it.
		const room = Math.max(0, ...sides.flat().map((slot) => slot.room));
		footprint.set(item.id, Math.max(v, v - 2 * space.corner + room, ...sides.map(extentOf)));
	}

	// Rows, along v; the network boxes come before the first row, once the columns are known.
	const centreV = new Map<string, number>();
	let cursor = 0;
	for (let row = 0; row < rows; row++) {
		const service = services[row];
		const stack = stacks[row] ?? [];
		const stackV =
			stack.reduce((sum, id) => sum + (footprint.get(id) ?? 0), 0) +
			space.stack * Math.max(0, stack.length - 1);
		const extent = Math.max(service ? (footprint.get(service) ?? 0) : 0, stackV);
		let start = cursor + extent / 2 - stackV / 2;
		for (const id of stack) {
			const size = footprint.get(id) ?? 0;
			centreV.set(id, start + size / 2);
			start += size + space.stack;
		}
		if (service) centreV.set(service, cursor + extent / 2);
		cursor += extent + space.row;
	}
	const rowsEnd = Math.max(0, cursor - space.row);

	// Slots of the mounts first (ordered by the row of the service they come from), then those of
	// the services, each line leaving as near as it can to where it goes.
	const other = (edge: Link, id: string) => (edge.from === id ? edge.to : edge.from);
	for (const id of storage) {
		const list = slotsIn.get(id) ?? [];
		const source = (slot: Slot) => rowOf.get(links[slot.edge]?.from ?? '') ?? 0;
		list.sort((a, b) => source(a) - source(b) || a.edge - b.edge);
		spreadEvenly(list, centreV.get(id) ?? 0);
	}
	for (const id of services) {
		spreadEvenly(slotsIn.get(id) ?? [], centreV.get(id) ?? 0);
		const list = slotsOut.get(id) ?? [];
		for (const slot of list) {
			const edge = links[slot.edge] as Link;
			const target = other(edge, id);
			if (isStorage(edge.kind))
				slot.desired =
					slotsIn.get(target)?.find((s) => s.edge === slot.edge)?.v ?? centreV.get(target) ?? 0;
			else if (target === id) slot.desired = (centreV.get(id) ?? 0) + (edge.from === id ? -1 : 1);
			else if (edge.to === id && sourcesOf.has(slot.edge)) {
				const from = (sourcesOf.get(slot.edge) ?? []).map((source) => centreV.get(source) ?? 0);
				slot.desired = from.reduce((a, b) => a + b, 0) / from.length;
			} else slot.desired = centreV.get(target) ?? 0;
		}
		list.sort((a, b) => a.desired - b.desired || a.edge - b.edge);
		const half = (boxV.get(id) ?? 0) / 2 - space.corner;
		const centre = centreV.get(id) ?? 0;
		spreadNear(list, centre - half, centre + half);
	}
	const slotOf = (map: Map<string, Slot[]>, id: string, edge: number, last = false) => {
		const list = (map.get(id) ?? []).filter((slot) => slot.edge === edge);
		return (last ? list.at(-1) : list[0])?.v ?? centreV.get(id) ?? 0;
	};

	// Vertical runs: between services, and from a service to a mount in another place.
	const bundleRuns = new Map<number, { edge: number; from: number; to: number }>();
	const storageRuns: { edge: number; from: number; to: number }[] = [];
	const ends = links.map((edge, index) => {
		if (isStorage(edge.kind)) {
			const from = slotOf(slotsOut, edge.from, index);
			const to = slotOf(slotsIn, edge.to, index);
			if (Math.abs(from - to) > 0.5) storageRuns.push({ edge: index, from, to });
			return { from, to };
		}
		if (isBetweenServices(edge.kind)) {
			const bundle = bundleOf[index] ?? index;
			const from = slotOf(slotsOut, edge.from, index);
			const to = slotOf(slotsOut, edge.to, bundle, edge.from === edge.to);
			const run = bundleRuns.get(bundle);
			bundleRuns.set(bundle, {
				edge: bundle,
				from: Math.min(run?.from ?? Infinity, from, to),
				to: Math.max(run?.to ?? -Infinity, from, to),
			});
			return { from, to };
		}
		const service = edge.kind === 'network' ? edge.from : edge.to;
		const v = slotOf(slotsIn, service, index);
		return { from: v, to: v };
	});
	const serviceRuns = [...bundleRuns.values()];
	const serviceLane = assignLanes(serviceRuns);
	const storageLane = assignLanes(storageRuns, true);

	// Columns, along u.
	const widest = (ids: string[]) => Math.max(0, ...ids.map((id) => sizeU(items.get(id) as Item)));
	const labelsOf = (test: (edge: Link) => boolean) =>
		Math.max(0, ...links.filter((edge) => test(edge)).map((edge) => sizeU(labelSize(edge.label))));
	const channel = (labels: number, least: number) =>
		labels ? labels + 2 * space.channelPad : least;
	const hasHost = items.has('host');
	const headers = buses.map((id) => items.get(id) as Item);
	const busStep = across
		? space.bus
		: Math.max(space.bus, ...headers.map((item) => sizeU(item) + space.track));
	let u = 0;
	const hostU = { start: u, size: hasHost ? widest(['host']) : 0 };
	u += hostU.size;
	const portChannel = {
		start: u,
		size: hasHost
			? channel(
					labelsOf((e) => isHostLine(e.kind)),
					24
				)
			: 0,
	};
	u += portChannel.size;
	const busU = buses.map((_, i) => u + space.bus / 2 + i * busStep);
	u += buses.length ? space.bus / 2 + (buses.length - 1) * busStep + space.bus / 2 : 0;
	const anyIn = hasHost || buses.length > 0;
	const addressChannel = {
		start: u,
		size: anyIn
			? channel(
					labelsOf((e) => e.kind === 'network'),
					16
				)
			: 0,
	};
	u += addressChannel.size;
	const column = { start: u, size: widest(services) };
	u += column.size;
	const linkLabels = {
		start: u,
		size: serviceRuns.length
			? channel(
					labelsOf((e) => isBetweenServices(e.kind)),
					12
				)
			: 0,
	};
	u += linkLabels.size;
	const serviceLanes = Math.max(0, ...serviceLane.values()) + (serviceRuns.length ? 1 : 0);
	const linkLanes = { start: u, size: serviceLanes * space.lane };
	u += linkLanes.size;
	const hasStorage = storage.length > 0;
	const storageLanes = Math.max(0, ...storageLane.values()) + (storageRuns.length ? 1 : 0);
	const mountLanes = {
		start: u + (storageLanes ? space.lane / 2 : 0),
		size: storageLanes * space.lane,
	};
	u += mountLanes.size + (storageLanes ? space.lane / 2 : 0);
	const mountLabels = {
		start: u,
		size: hasStorage
			? channel(
					labelsOf((e) => isStorage(e.kind)),
					24
				)
			: 0,
	};
	u += mountLabels.size;
	const mounts = { start: u };
	const middle = (part: { start: number; size: number }) => part.start + part.size / 2;
	// Labels next to what they say something about: a port next to the host, a mount's path next
	// to the mount, a condition next to the service it waits for.
	const ahead = (part: { start: number; size: number }, edge: Link) =>
		part.start + space.channelPad + sizeU(labelSize(edge.label)) / 2;
	const behind = (part: { start: number; size: number }, edge: Link) =>
		part.start + part.size - space.channelPad - sizeU(labelSize(edge.label)) / 2;

	// The network boxes, in rows before the first row of services or after the last: a box may
	// cover the buses of those nearer the services only from a row farther out than theirs, where
	// those buses have not begun.
	const track: number[] = [];
	const span = headers.map((item, i) => {
		const size = sizeU(item);
		const start = (busU[i] ?? 0) - (across ? space.busInset : size / 2);
		return { start, end: start + size };
	});
	const inner: number[] = [];
	for (const after of [false, true]) {
		const group = buses.flatMap((id, i) => (below.has(id) === after ? [i] : []));
		for (const i of [...group].reverse()) {
			const mine = span[i] as { start: number; end: number };
			let t = 0;
			for (const j of group) {
				if (j <= i) continue;
				const theirs = span[j] as { start: number; end: number };
				const covers = (busU[j] ?? 0) >= mine.start - 2 && (busU[j] ?? 0) <= mine.end + 2;
				const overlaps =
					theirs.start < mine.end + space.track && mine.start < theirs.end + space.track;
				if (covers || overlaps) t = Math.max(t, (track[j] ?? 0) + 1);
			}
			track[i] = t;
		}
		const depth: number[] = [];
		for (const i of group) {
			const t = track[i] ?? 0;
			depth[t] = Math.max(depth[t] ?? 0, sizeV(headers[i] as Item));
		}
		// Where each track meets the rows' side: a box's side that faces the rows lies there.
		const edgeOf: number[] = [];
		let boundary = after ? rowsEnd + space.track : -space.track;
		for (let t = 0; t < depth.length; t++) {
			edgeOf[t] = boundary;
			boundary += (after ? 1 : -1) * ((depth[t] ?? 0) + space.track);
		}
		for (const i of group) inner[i] = edgeOf[track[i] ?? 0] ?? 0;
	}

	// Everything in u, v; then turned into x, y.
	const at = (pu: number, pv: number): Point => (across ? { x: pu, y: pv } : { x: pv, y: pu });
	const nodes: DiagramNode[] = [];
	const boxAt = (item: Item, u0: number, sizeUBox: number, v0: number, sizeVBox: number) => {
		const centre = at(u0 + sizeUBox / 2, v0);
		const [width, height] = across ? [sizeUBox, sizeVBox] : [sizeVBox, sizeUBox];
		return { ...item, x: centre.x, y: centre.y, width, height };
	};
	const placed = new Map<string, DiagramNode>();
	for (const item of items.values()) {
		let node: DiagramNode;
		if (item.kind === 'host')
			node = boxAt(item, hostU.start, hostU.size, rowsEnd / 2, Math.max(rowsEnd, sizeV(item)));
		else if (item.kind === 'network') {
			const i = buses.indexOf(item.id);
			const after = below.has(item.id);
			const side = inner[i] ?? 0;
			const { start } = span[i] as { start: number };
			const centre = side + ((after ? 1 : -1) * sizeV(item)) / 2;
			node = boxAt(item, start, sizeU(item), centre, sizeV(item));
			const attached = links.flatMap((link, index) =>
				link.to === item.id ? [ends[index]?.to ?? 0] : []
			);
			if (attached.length) {
				const end = after ? Math.min(...attached) : Math.max(...attached);
				node.bus = [at(busU[i] ?? 0, side), at(busU[i] ?? 0, end)];
			}
		} else if (item.kind === 'service')
			node = boxAt(
				item,
				column.start,
				sizeU(item),
				centreV.get(item.id) ?? 0,
				boxV.get(item.id) ?? 0
			);
		else
			node = boxAt(
				item,
				mounts.start,
				sizeU(item),
				centreV.get(item.id) ?? 0,
				boxV.get(item.id) ?? 0
			);
		placed.set(item.id, node);
		nodes.push(node);
	}
	const outside = (id: string) => column.start + sizeU(items.get(id) as Item);

	const edges: DiagramEdge[] = links.map((link, index) => {
		const { from, to } = ends[index] as { from: number; to: number };
		const labelled = (points: Point[], labelU: number, labelV: number): DiagramEdge => ({
			...link,
			points,
			...(link.label.length > 0 && { labelAt: at(labelU, labelV) }),
		});
		if (isHostLine(link.kind))
			return labelled(
				[at(hostU.start + hostU.size, from), at(column.start, from)],
				ahead(portChannel, link),
				from
			);
		if (link.kind === 'network') {
			const bus = busU[buses.indexOf(link.to)] ?? 0;
			return labelled([at(column.start, from), at(bus, from)], middle(addressChannel), from);
		}
		if (isStorage(link.kind)) {
			const lane = storageLane.get(index);
			const start = at(outside(link.from), from);
			const end = at(mounts.start, to);
			if (lane === undefined) return labelled([start, end], behind(mountLabels, link), to);
			const laneU = mountLanes.start + (lane + 0.5) * space.lane;
			return labelled([start, at(laneU, from), at(laneU, to), end], behind(mountLabels, link), to);
		}
		const lane = serviceLane.get(bundleOf[index] ?? index) ?? 0;
		const laneU = linkLanes.start + (lane + 0.5) * space.lane;
		return labelled(
			[at(outside(link.from), from), at(laneU, from), at(laneU, to), at(outside(link.to), to)],
			ahead(linkLabels, link),
			from
		);
	});

	return normalise(nodes, edges);
}

/** Room the slots take along their side, from the first line to the last. */
function spanOf(slots: readonly Slot[]): number {
	let total = 0;
	for (let i = 1; i < slots.length; i++)
		total += gapBetween(slots[i - 1] as Slot, slots[i] as Slot);
	return total;
}

/** Room the slots and the labels beside them take along their side. */
function extentOf(slots: readonly Slot[]): number {
	if (!slots.length) return 0;
	return spanOf(slots) + ((slots[0] as Slot).room + (slots.at(-1) as Slot).room) / 2;
}

/** How far apart two neighbouring slots must be, for their labels not to cover the other line. */
function gapBetween(a: Slot, b: Slot): number {
	return Math.max(space.slot, (a.room + b.room) / 2 + space.labelGap);
}

/** Puts the slots one after the other, as close as they may be, centred on `centre`. */
function spreadEvenly(slots: Slot[], centre: number): void {
	let v = centre - spanOf(slots) / 2;
	slots.forEach((slot, i) => {
		if (i) v += gapBetween(slots[i - 1] as Slot, slot);
		slot.v = v;
	});
}

/**
 * Puts each slot as near as it can to where its line would like to leave, in their order, as far
 * apart as their labels need and between `low` and `high`: the least-squares answer (pooling
 * neighbours that would come too close), then held within the side.
 */
function spreadNear(slots: Slot[], low: number, high: number): void {
	const offsets: number[] = [];
	slots.forEach((slot, i) => {
		offsets.push(i ? (offsets[i - 1] ?? 0) + gapBetween(slots[i - 1] as Slot, slot) : 0);
	});
	const blocks: { sum: number; count: number }[] = [];
	slots.forEach((slot, i) => {
		blocks.push({ sum: slot.desired - (offsets[i] ?? 0), count: 1 });
		while (blocks.length > 1) {
			const last = blocks.at(-1) as { sum: number; count: number };
			const before = blocks.at(-2) as { sum: number; count: number };
			if (before.sum / before.count <= last.sum / last.count) break;
			blocks.pop();
			before.sum += last.sum;
			before.count += last.count;
		}
	});
	const top = high - (offsets.at(-1) ?? 0);
	let i = 0;
	for (const block of blocks) {
		const base = Math.min(Math.max(block.sum / block.count, low), Math.max(low, top));
		for (let k = 0; k < block.count; k++, i++) (slots[i] as Slot).v = base + (offsets[i] ?? 0);
	}
}

/** A vertical run of a line: from where it turns off its first stretch to where it turns again. */
interface Run {
	edge: number;
	from: number;
	to: number;
}

/**
 * Gives each vertical run a lane: the shortest runs nearest the boxes they leave, so that runs
 * nested inside one another do not cross. Two runs share a lane only far enough apart.
 *
 * With `ordered`, a line whose first stretch lies where another's last stretch lies (the same
 * place along the rows: it leaves its service just where the other enters its mount) turns in a
 * lane nearer the services than the other, so the two stretches do not run along each other.
 */
function assignLanes(runs: readonly Run[], ordered = false): Map<number, number> {
	const lanes = new Map<number, [number, number, number][]>();
	const lane = new Map<number, number>();
	const span = (run: Run) => [Math.min(run.from, run.to), Math.max(run.from, run.to)] as const;
	const fits = (k: number, run: Run) => {
		const [low, high] = span(run);
		return (lanes.get(k) ?? []).every(
			([edge, a, b]) => edge === run.edge || high + space.laneGap <= a || low >= b + space.laneGap
		);
	};
	const put = (run: Run, least: number) => {
		let k = least;
		while (!fits(k, run)) k++;
		const old = lane.get(run.edge);
		if (old !== undefined)
			lanes.set(
				old,
				(lanes.get(old) ?? []).filter(([edge]) => edge !== run.edge)
			);
		lanes.set(k, [...(lanes.get(k) ?? []), [run.edge, ...span(run)]]);
		lane.set(run.edge, k);
	};
	const sorted = [...runs].sort(
		(a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from) || a.edge - b.edge
	);
	for (const run of sorted) put(run, 0);
	if (!ordered) return lane;
	const enters = new Map<number, Run[]>();
	for (const run of runs)
		enters.set(Math.round(run.to), [...(enters.get(Math.round(run.to)) ?? []), run]);
	// Each pass only moves lines outwards, and a line cannot have to turn both before and after
	// another: a few passes settle it.
	for (let pass = 0, moved = true; moved && pass < runs.length + 1; pass++) {
		moved = false;
		for (const run of runs)
			for (const other of [-1, 0, 1].flatMap((d) => enters.get(Math.round(run.from) + d) ?? [])) {
				if (other === run || Math.abs(other.to - run.from) > 1) continue;
				const mine = lane.get(run.edge) ?? 0;
				if ((lane.get(other.edge) ?? 0) > mine) continue;
				put(other, mine + 1);
				moved = true;
			}
	}
	return lane;
}

/**
 * The order of the services down the rows. Candidates: the file's order, and the orders that
 * sorting each service by the mean place of its networks and neighbours gives, a few times over;
 * the one whose lines cross fewest buses (and whose neighbours sit nearest) wins. A service with
 * `network_mode: service:X` then moves to just after X, whose network it uses.
 */
function orderServices(services: readonly string[], links: readonly Link[]): string[] {
	const membersOf = new Map<string, string[]>();
	const neighbours = new Map<string, string[]>(services.map((id) => [id, []]));
	const users = new Map<string, string[]>();
	const sharing = new Map<string, string>();
	for (const link of links) {
		if (link.kind === 'network')
			membersOf.set(link.to, [...(membersOf.get(link.to) ?? []), link.from]);
		if (isStorage(link.kind)) users.set(link.to, [...(users.get(link.to) ?? []), link.from]);
		if (isBetweenServices(link.kind) && link.from !== link.to) {
			neighbours.get(link.from)?.push(link.to);
			neighbours.get(link.to)?.push(link.from);
		}
		if (link.kind === 'shared-network' && link.from !== link.to) sharing.set(link.from, link.to);
	}
	for (const list of users.values())
		for (const a of list) for (const b of list) if (a !== b) neighbours.get(a)?.push(b);
	const hostLines = new Set(links.filter((l) => isHostLine(l.kind)).map((l) => l.to));
	const networksOf = new Map<string, string[]>(services.map((id) => [id, []]));
	for (const [network, members] of membersOf)
		for (const member of members) networksOf.get(member)?.push(network);

	const cost = (order: readonly string[]) => {
		const pos = new Map(order.map((id, i) => [id, i]));
		return (
			orderBuses([...membersOf.keys()], order, links, hostLines, false).crossings +
			0.25 *
				[...neighbours].reduce(
					(sum, [id, list]) =>
						sum + list.reduce((s, n) => s + Math.abs((pos.get(id) ?? 0) - (pos.get(n) ?? 0)), 0),
					0
				)
		);
	};

	let order = [...services];
	let best = order;
	let bestCost = cost(order);
	for (let sweep = 0; sweep < 6 && services.length > 2; sweep++) {
		const pos = new Map(order.map((id, i) => [id, i]));
		const mean = (list: readonly number[], fallback: number) =>
			list.length ? list.reduce((a, b) => a + b, 0) / list.length : fallback;
		const busAt = new Map(
			[...membersOf].map(([network, members]) => [
				network,
				mean(
					members.map((m) => pos.get(m) ?? 0),
					0
				),
			])
		);
		const key = new Map(
			order.map((id) => {
				const near = [
					...(networksOf.get(id) ?? []).map((n) => busAt.get(n) ?? 0),
					...(neighbours.get(id) ?? []).map((n) => pos.get(n) ?? 0),
				];
				return [id, mean(near, pos.get(id) ?? 0)];
			})
		);
		order = [...order].sort(
			(a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || (pos.get(a) ?? 0) - (pos.get(b) ?? 0)
		);
		const value = cost(order);
		if (value < bestCost) [best, bestCost] = [order, value];
	}

	// Sharers follow the service whose network they use, in their own order.
	const placed = new Set<string>();
	const result: string[] = [];
	const visit = (id: string) => {
		if (placed.has(id)) return;
		placed.add(id);
		result.push(id);
		for (const other of best) if (sharing.get(other) === id) visit(other);
	};
	for (const id of best) {
		const target = sharing.get(id);
		if (target === undefined || !neighbours.has(target) || !reaches(sharing, id)) visit(id);
	}
	for (const id of best) visit(id);
	return result;
}

/** Whether following `network_mode: service:…` from `id` ends at a service that uses its own. */
function reaches(sharing: ReadonlyMap<string, string>, id: string): boolean {
	const seen = new Set<string>();
	let at: string | undefined = id;
	while (at !== undefined && sharing.has(at)) {
		if (seen.has(at)) return false;
		seen.add(at);
		at = sharing.get(at);
	}
	return true;
}

/** The buses in order, the first farthest from the services, and which have their box last. */
interface BusPlan {
	order: string[];
	/** How many times lines cross a bus they do not join. */
	crossings: number;
	/** Buses whose box comes after the last row, as they run up to their services from there. */
	below: Set<string>;
}

/**
 * How many times lines cross a bus they do not join, with the buses in this order. Each bus runs
 * from its box to the farthest service on it; its box goes before the first row or after the
 * last, whichever has fewer lines to cross on the way. Rows stand for places along the side.
 */
function busCrossings(
	buses: readonly string[],
	links: readonly Link[],
	pos: ReadonlyMap<string, number>,
	hostLines: ReadonlySet<string>
): { total: number; below: Set<string> } {
	const first = new Map<string, number>();
	const last = new Map<string, number>();
	const members = new Map<string, Set<string>>();
	for (const link of links)
		if (link.kind === 'network') {
			const row = pos.get(link.from) ?? 0;
			first.set(link.to, Math.min(first.get(link.to) ?? Infinity, row));
			last.set(link.to, Math.max(last.get(link.to) ?? -Infinity, row));
			members.set(link.to, (members.get(link.to) ?? new Set()).add(link.from));
		}
	const index = new Map(buses.map((id, i) => [id, i]));
	const joined = buses.map((bus) => members.get(bus));
	const [lastRow, firstRow] = [
		buses.map((bus) => last.get(bus) ?? 0),
		buses.map((bus) => first.get(bus) ?? 0),
	];
	const above = new Array<number>(buses.length).fill(0);
	const under = new Array<number>(buses.length).fill(0);
	const pass = (service: string, from: number) => {
		const row = pos.get(service) ?? 0;
		for (let j = from; j < buses.length; j++) {
			const on = joined[j];
			if (!on || on.has(service)) continue;
			if (row < (lastRow[j] ?? 0)) above[j] = (above[j] ?? 0) + 1;
			if (row > (firstRow[j] ?? 0)) under[j] = (under[j] ?? 0) + 1;
		}
	};
	for (const link of links)
		if (link.kind === 'network' && index.has(link.to))
			pass(link.from, (index.get(link.to) ?? 0) + 1);
	for (const service of hostLines) if (pos.has(service)) pass(service, 0);
	let total = 0;
	const below = new Set<string>();
	buses.forEach((bus, j) => {
		const [a, b] = [above[j] ?? 0, under[j] ?? 0];
		if (b < a) below.add(bus);
		total += Math.min(a, b);
	});
	return { total, below };
}

/**
 * The order of the buses: the longest first (farthest from the services), so fewer lines pass
 * it; then, with `swaps`, neighbours swapped while that crosses fewer buses.
 */
function orderBuses(
	networks: readonly string[],
	services: readonly string[],
	links: readonly Link[],
	hostLines: ReadonlySet<string>,
	swaps = true
): BusPlan {
	const pos = new Map(services.map((id, i) => [id, i]));
	const reach = new Map<string, [number, number]>(networks.map((id) => [id, [Infinity, -1]]));
	for (const link of links) {
		const range = reach.get(link.to);
		if (link.kind === 'network' && range) {
			const row = pos.get(link.from) ?? 0;
			reach.set(link.to, [Math.min(range[0], row), Math.max(range[1], row)]);
		}
	}
	const length = (id: string) => {
		const [from, to] = reach.get(id) ?? [0, -1];
		return to - from;
	};
	const order = [...networks].sort((a, b) => length(b) - length(a));
	const cost = (candidate: readonly string[]) => busCrossings(candidate, links, pos, hostLines);
	let current = cost(order);
	if (swaps && order.length <= 12)
		for (let pass = 0, swapped = true; swapped && pass < 3; pass++) {
			swapped = false;
			for (let i = 0; i + 1 < order.length; i++) {
				const candidate = [...order];
				[candidate[i], candidate[i + 1]] = [candidate[i + 1] as string, candidate[i] as string];
				const value = cost(candidate);
				if (value.total < current.total) {
					order.splice(0, order.length, ...candidate);
					current = value;
					swapped = true;
				}
			}
		}
	return { order, below: current.below, crossings: current.total };
}

/**
 * Moves the drawing so that everything (boxes, labels, lines with their arrows and dots, buses)
 * lies inside the canvas with a margin, and sizes the canvas to hold it.
 */
function normalise(nodes: DiagramNode[], edges: DiagramEdge[]): DiagramLayout {
	let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
	const take = (x: number, y: number, reach = 0) => {
		[left, right] = [Math.min(left, x - reach), Math.max(right, x + reach)];
		[top, bottom] = [Math.min(top, y - reach), Math.max(bottom, y + reach)];
	};
	for (const node of nodes) {
		take(node.x - node.width / 2, node.y - node.height / 2);
		take(node.x + node.width / 2, node.y + node.height / 2);
		for (const p of node.bus ?? []) take(p.x, p.y, 3);
	}
	for (const edge of edges) {
		for (const p of edge.points) take(p.x, p.y, 4);
		if (edge.labelAt) {
			const rect = labelRect(edge.label, edge.labelAt);
			take(rect.x, rect.y);
			take(rect.x + rect.width, rect.y + rect.height);
		}
	}
	if (left > right) [left, top, right, bottom] = [0, 0, 0, 0];
	const [dx, dy] = [space.margin - left, space.margin - top];
	const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
	return {
		width: Math.ceil(right - left + 2 * space.margin),
		height: Math.ceil(bottom - top + 2 * space.margin),
		nodes: nodes.map((node) => ({
			...node,
			x: node.x + dx,
			y: node.y + dy,
			...(node.bus && { bus: node.bus.map(move) }),
		})),
		edges: edges.map((edge) => ({
			...edge,
			points: edge.points.map(move),
			...(edge.labelAt && { labelAt: move(edge.labelAt) }),
		})),
	};
}
