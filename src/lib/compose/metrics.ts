/**
 * Measures of a placed diagram, to compare layouts and to test one: how many lines cross, how
 * far each label sits from its line, which lines run under a box or a label they have nothing to
 * do with, and whether everything lies inside the canvas. Measured on the lines as drawn
 * (`curveOf`), not on the points they are drawn through.
 */
import {
	contains,
	distanceToPolyline,
	flatten,
	grow,
	rectsOverlap,
	segmentCrossesRect,
	segmentsMeet,
	type Point,
	type Rect,
} from './geometry.ts';
import { curveOf, labelRect, type DiagramLayout, type DiagramNode } from './layout.ts';

/** What `layoutMetrics` counts. */
export interface LayoutMetrics {
	/**
	 * Points where two lines cross or run along each other, apart from where they share an end, and
	 * apart from the `depends_on` lines into the same service, which are drawn as one bundle.
	 */
	crossings: number;
	/** Pairs of lines that run along each other for a stretch, and so read as one. */
	sharedRuns: number;
	/** Places where a line crosses the bus of a network it does not join. */
	busCrossings: number;
	/** Lines (and buses) that pass through a box that is neither of their ends. */
	edgesUnderBoxes: number;
	/** The farthest any label's centre lies from its own line, in pixels. */
	labelDistance: number;
	/** Labels farther than `near` pixels from their line. */
	labelsOffLine: number;
	/** Pairs of labels that overlap, and labels lying on a box. */
	labelOverlaps: number;
	/** Lines that pass under the label of another line, which hides them there. */
	edgesUnderLabels: number;
	/** Boxes, labels and line points not wholly inside the canvas. */
	outside: number;
}

/** How far from its line a label may sit and still read as that line's. */
export const near = 3;

interface Line {
	/** The edge's index, or -1 for a bus. */
	edge: number;
	/** For a `depends_on` line, the service it waits for: lines into it are drawn as one bundle. */
	bundle?: string;
	/** The ids of the boxes at its ends: a bus belongs to its network alone. */
	ends: string[];
	points: Point[];
}

const boxOf = (node: DiagramNode): Rect => ({
	x: node.x - node.width / 2,
	y: node.y - node.height / 2,
	width: node.width,
	height: node.height,
});

/** Measures the layout. */
export function layoutMetrics(layout: DiagramLayout): LayoutMetrics {
	const lines: Line[] = layout.edges.map((edge, index) => ({
		edge: index,
		...(edge.kind === 'depends' && edge.from !== edge.to && { bundle: edge.to }),
		ends: [edge.from, edge.to],
		points: drawn(edge.points),
	}));
	const buses: Line[] = layout.nodes.flatMap((node) =>
		node.bus ? [{ edge: -1, ends: [node.id], points: node.bus }] : []
	);
	const labels = layout.edges.flatMap((edge, index) =>
		edge.labelAt && edge.label.length
			? [{ edge: index, at: edge.labelAt, rect: labelRect(edge.label, edge.labelAt) }]
			: []
	);

	let crossings = 0;
	let sharedRuns = 0;
	for (let i = 0; i < lines.length; i++)
		for (let j = i + 1; j < lines.length; j++) {
			const [a, b] = [lines[i] as Line, lines[j] as Line];
			// One bundle: its lines join with a dot and run together to the service they wait for.
			if (a.bundle !== undefined && a.bundle === b.bundle) continue;
			crossings += meetings(a, b).length;
			if (runAlong(a.points, b.points)) sharedRuns += 1;
		}

	let busCrossings = 0;
	for (const bus of buses)
		for (const line of lines)
			if (!line.ends.includes(bus.ends[0] ?? '')) busCrossings += meetings(line, bus).length;

	let edgesUnderBoxes = 0;
	for (const line of [...lines, ...buses])
		for (const node of layout.nodes)
			if (!line.ends.includes(node.id) && crossesRect(line.points, grow(boxOf(node), -1)))
				edgesUnderBoxes += 1;

	const distances = labels.map(({ edge, at }) => distanceToPolyline(at, lines[edge]?.points ?? []));

	let labelOverlaps = 0;
	for (let i = 0; i < labels.length; i++) {
		const a = grow((labels[i] as (typeof labels)[number]).rect, -0.5);
		for (let j = i + 1; j < labels.length; j++)
			if (rectsOverlap(a, (labels[j] as (typeof labels)[number]).rect)) labelOverlaps += 1;
		for (const node of layout.nodes) if (rectsOverlap(a, boxOf(node))) labelOverlaps += 1;
	}

	let edgesUnderLabels = 0;
	for (const label of labels)
		for (const line of [...lines, ...buses])
			if (line.edge !== label.edge && crossesRect(line.points, grow(label.rect, -1)))
				edgesUnderLabels += 1;

	const canvas = grow({ x: 0, y: 0, width: layout.width, height: layout.height }, 0.01);
	const inside = (rect: Rect) =>
		contains(canvas, { x: rect.x, y: rect.y }) &&
		contains(canvas, { x: rect.x + rect.width, y: rect.y + rect.height });
	const stroke = (p: Point): Rect => ({ x: p.x - 1, y: p.y - 1, width: 2, height: 2 });
	const outside =
		layout.nodes.filter((node) => !inside(boxOf(node))).length +
		labels.filter((label) => !inside(label.rect)).length +
		[...lines, ...buses].filter((line) => !line.points.every((p) => inside(stroke(p)))).length;

	return {
		crossings,
		sharedRuns,
		busCrossings,
		edgesUnderBoxes,
		labelDistance: Math.round(Math.max(0, ...distances) * 10) / 10,
		labelsOffLine: distances.filter((d) => d > near).length,
		labelOverlaps,
		edgesUnderLabels,
		outside,
	};
}

/** An edge's line as drawn, as a polyline. */
function drawn(points: readonly Point[]): Point[] {
	const curve = curveOf(points);
	return curve ? flatten(curve) : [];
}

/** Whether two polylines share a stretch longer than a few pixels. */
function runAlong(a: readonly Point[], b: readonly Point[]): boolean {
	for (let i = 1; i < a.length; i++)
		for (let j = 1; j < b.length; j++)
			if (overlapLength(a[i - 1] as Point, a[i] as Point, b[j - 1] as Point, b[j] as Point) > 3)
				return true;
	return false;
}

/** How long two segments lie on top of each other (0 unless they are collinear). */
function overlapLength(p: Point, q: Point, r: Point, s: Point): number {
	const [dx, dy] = [q.x - p.x, q.y - p.y];
	const length = Math.hypot(dx, dy);
	if (length < 1e-9) return 0;
	// Both ends of the other segment must lie on this one's line.
	const off = (m: Point) => Math.abs((m.x - p.x) * dy - (m.y - p.y) * dx) / length;
	if (off(r) > 0.5 || off(s) > 0.5) return 0;
	const along = (m: Point) => ((m.x - p.x) * dx + (m.y - p.y) * dy) / length;
	const [from, to] = [Math.min(along(r), along(s)), Math.max(along(r), along(s))];
	return Math.max(0, Math.min(length, to) - Math.max(0, from));
}

function crossesRect(points: readonly Point[], rect: Rect): boolean {
	for (let i = 1; i < points.length; i++)
		if (segmentCrossesRect(points[i - 1] as Point, points[i] as Point, rect)) return true;
	return false;
}

/**
 * Where two lines meet, counting once a stretch they run along together. Two lines that share a
 * box and touch only at their ends are only meeting at that box, which is not a crossing.
 */
function meetings(a: Line, b: Line): Point[] {
	const found: Point[] = [];
	const ends = [a.points[0], a.points.at(-1), b.points[0], b.points.at(-1)].filter(
		(p): p is Point => p !== undefined
	);
	const shared = a.ends.some((id) => b.ends.includes(id));
	const atAnEnd = (p: Point) => ends.some((end) => Math.hypot(p.x - end.x, p.y - end.y) < 2);
	for (let i = 1; i < a.points.length; i++) {
		const [p, q] = [a.points[i - 1] as Point, a.points[i] as Point];
		const [left, right] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
		const [top, bottom] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
		for (let j = 1; j < b.points.length; j++) {
			const [r, s] = [b.points[j - 1] as Point, b.points[j] as Point];
			if (Math.max(r.x, s.x) < left || Math.min(r.x, s.x) > right) continue;
			if (Math.max(r.y, s.y) < top || Math.min(r.y, s.y) > bottom) continue;
			const point = segmentsMeet(p, q, r, s);
			if (!point || (shared && atAnEnd(point))) continue;
			if (!found.some((f) => Math.hypot(f.x - point.x, f.y - point.y) < 2)) found.push(point);
		}
	}
	return found;
}
