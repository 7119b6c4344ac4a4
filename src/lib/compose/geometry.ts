/**
 * Plane geometry for the diagram: what the layout needs to keep lines off boxes, and what the
 * layout's measures (`metrics.ts`) need to check that it did. Plain numbers, no DOM.
 */

/** A point of the drawing. */
export interface Point {
	x: number;
	y: number;
}

/** A rectangle by its top-left corner and size. */
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The rectangle grown by `by` on every side (shrunk when `by` is negative). */
export function grow(rect: Rect, by: number): Rect {
	return {
		x: rect.x - by,
		y: rect.y - by,
		width: Math.max(0, rect.width + 2 * by),
		height: Math.max(0, rect.height + 2 * by),
	};
}

/** Whether two rectangles share some area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether the point lies in the rectangle, borders included. */
export function contains(rect: Rect, p: Point): boolean {
	return (
		p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height
	);
}

/**
 * Whether the segment passes through the inside of the rectangle (Liang–Barsky clipping): a
 * segment that only touches its border does not.
 */
export function segmentCrossesRect(a: Point, b: Point, rect: Rect): boolean {
	if (rect.width <= 0 || rect.height <= 0) return false;
	const [dx, dy] = [b.x - a.x, b.y - a.y];
	let [low, high] = [0, 1];
	const sides: [number, number][] = [
		[-dx, a.x - rect.x],
		[dx, rect.x + rect.width - a.x],
		[-dy, a.y - rect.y],
		[dy, rect.y + rect.height - a.y],
	];
	for (const [p, q] of sides) {
		if (p === 0) {
			if (q <= 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) low = Math.max(low, t);
		else high = Math.min(high, t);
		if (low >= high) return false;
	}
	// Some length inside, not a single point where the segment grazes a corner.
	return (high - low) * Math.hypot(dx, dy) > 1e-6;
}

/**
 * Where two segments meet: the crossing point, the middle of their common part when they run
 * along each other, or `undefined` when they do not meet.
 */
export function segmentsMeet(a: Point, b: Point, c: Point, d: Point): Point | undefined {
	const r = { x: b.x - a.x, y: b.y - a.y };
	const s = { x: d.x - c.x, y: d.y - c.y };
	const cross = r.x * s.y - r.y * s.x;
	const qp = { x: c.x - a.x, y: c.y - a.y };
	const epsilon = 1e-9;
	if (Math.abs(cross) < epsilon) {
		// Parallel: they meet only if collinear and overlapping.
		if (Math.abs(qp.x * r.y - qp.y * r.x) > epsilon * Math.max(1, Math.hypot(r.x, r.y))) return;
		const length = r.x * r.x + r.y * r.y;
		if (length < epsilon) return;
		const t0 = (qp.x * r.x + qp.y * r.y) / length;
		const t1 = t0 + (s.x * r.x + s.y * r.y) / length;
		const [from, to] = [Math.max(0, Math.min(t0, t1)), Math.min(1, Math.max(t0, t1))];
		if (from > to) return;
		const t = (from + to) / 2;
		return { x: a.x + r.x * t, y: a.y + r.y * t };
	}
	const t = (qp.x * s.y - qp.y * s.x) / cross;
	const u = (qp.x * r.y - qp.y * r.x) / cross;
	if (t < -epsilon || t > 1 + epsilon || u < -epsilon || u > 1 + epsilon) return;
	return { x: a.x + r.x * t, y: a.y + r.y * t };
}

/** The distance from a point to the nearest point of a polyline. */
export function distanceToPolyline(p: Point, line: readonly Point[]): number {
	if (line.length === 1 && line[0]) return Math.hypot(p.x - line[0].x, p.y - line[0].y);
	let best = Infinity;
	for (let i = 1; i < line.length; i++) {
		const [a, b] = [line[i - 1], line[i]] as [Point, Point];
		const [dx, dy] = [b.x - a.x, b.y - a.y];
		const length = dx * dx + dy * dy;
		const t = length ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0;
		best = Math.min(best, Math.hypot(p.x - (a.x + dx * t), p.y - (a.y + dy * t)));
	}
	return best;
}

/** The smallest rectangle holding every point. */
export function boundsOf(points: readonly Point[]): Rect {
	if (!points.length) return { x: 0, y: 0, width: 0, height: 0 };
	let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { x, y } of points) {
		[left, right] = [Math.min(left, x), Math.max(right, x)];
		[top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
	}
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * One piece of a drawn line, from where the previous piece ended: straight to `to`, or a
 * quadratic curve towards `control` when there is one.
 */
export interface PathPiece {
	control?: Point;
	to: Point;
}

/** A line as drawn: where it starts and its pieces. */
export interface Curve {
	start: Point;
	pieces: PathPiece[];
}

/** The curve as a polyline, each quadratic piece cut into `steps` straight parts. */
export function flatten({ start, pieces }: Curve, steps = 8): Point[] {
	const points = [start];
	let from = start;
	for (const { control, to } of pieces) {
		if (control)
			for (let i = 1; i < steps; i++) {
				const t = i / steps;
				const [a, b, c] = [(1 - t) * (1 - t), 2 * t * (1 - t), t * t];
				points.push({
					x: a * from.x + b * control.x + c * to.x,
					y: a * from.y + b * control.y + c * to.y,
				});
			}
		points.push(to);
		from = to;
	}
	return points;
}
