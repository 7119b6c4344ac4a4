/**
 * What part of the diagram its box on the page shows: the whole of it by default (never larger
 * than its own size), or closer, moved about by keys, buttons or dragging. The island keeps a
 * `View` and turns it into the SVG's `viewBox`; the drawing itself never changes, so what is
 * exported is always the whole diagram.
 */
import type { Point, Rect } from './geometry.ts';

/** A width and a height, in CSS pixels for the box, in SVG user units for the diagram. */
export interface Size {
	width: number;
	height: number;
}

/** How close the box looks, and at which point of the diagram it looks. */
export interface View {
	/** 1 shows the whole diagram; 2 shows it twice as large. */
	zoom: number;
	/** The point of the diagram at the centre of the box, in its user units. */
	centre: Point;
}

/** How much one step of zooming enlarges or reduces. */
export const zoomStep = 1.5;
/** The closest view shows the diagram at this many times its own size. */
export const largestScale = 2;
/** How much of the visible part one press of an arrow key moves it. */
export const panStep = 0.2;

/** The whole diagram, centred. */
export function fitView(diagram: Size): View {
	return { zoom: 1, centre: { x: diagram.width / 2, y: diagram.height / 2 } };
}

/** How many CSS pixels one user unit takes when the whole diagram fits: never more than one. */
export function fitScale(diagram: Size, box: Size): number {
	if (diagram.width <= 0 || diagram.height <= 0 || box.width <= 0 || box.height <= 0) return 1;
	return Math.min(1, box.width / diagram.width, box.height / diagram.height);
}

/** The closest zoom: the diagram at `largestScale` times its own size. */
export function maxZoom(diagram: Size, box: Size): number {
	return Math.max(1, largestScale / fitScale(diagram, box));
}

/** How many CSS pixels one user unit takes in this view, as a percentage (for people). */
export function scalePercent(view: View, diagram: Size, box: Size): number {
	return Math.round(fitScale(diagram, box) * view.zoom * 100);
}

/**
 * The view within its limits: zoom between the whole diagram and the closest, and the centre
 * where the box shows no more outside the diagram than it must.
 */
export function clampView(view: View, diagram: Size, box: Size): View {
	const zoom = Math.min(Math.max(1, view.zoom), maxZoom(diagram, box));
	const scale = fitScale(diagram, box) * zoom;
	const axis = (centre: number, seen: number, size: number) =>
		seen >= size ? size / 2 : Math.min(Math.max(centre, seen / 2), size - seen / 2);
	return {
		zoom,
		centre: {
			x: axis(view.centre.x, box.width / scale, diagram.width),
			y: axis(view.centre.y, box.height / scale, diagram.height),
		},
	};
}

/** The part of the diagram the box shows, in its user units (as the SVG's `viewBox`). */
export function visibleArea(view: View, diagram: Size, box: Size): Rect {
	const { zoom, centre } = clampView(view, diagram, box);
	const scale = fitScale(diagram, box) * zoom;
	const [width, height] = [box.width / scale, box.height / scale];
	return { x: centre.x - width / 2, y: centre.y - height / 2, width, height };
}

/** The `viewBox` attribute of the view. */
export function viewBoxOf(view: View, diagram: Size, box: Size): string {
	const round = (value: number) => Math.round(value * 100) / 100;
	const { x, y, width, height } = visibleArea(view, diagram, box);
	return [x, y, width, height].map(round).join(' ');
}

/**
 * Zooms by `factor`, keeping `focus` (a point of the diagram, the centre of the box unless
 * given) where it is on screen.
 */
export function zoomBy(
	view: View,
	factor: number,
	diagram: Size,
	box: Size,
	focus: Point = clampView(view, diagram, box).centre
): View {
	const before = clampView(view, diagram, box);
	const zoom = Math.min(Math.max(1, before.zoom * factor), maxZoom(diagram, box));
	const ratio = before.zoom / zoom;
	return clampView(
		{
			zoom,
			centre: {
				x: focus.x + (before.centre.x - focus.x) * ratio,
				y: focus.y + (before.centre.y - focus.y) * ratio,
			},
		},
		diagram,
		box
	);
}

/** Moves the view by a share of the visible part (`dx` of its width, `dy` of its height). */
export function panBy(view: View, dx: number, dy: number, diagram: Size, box: Size): View {
	const { width, height } = visibleArea(view, diagram, box);
	const { zoom, centre } = clampView(view, diagram, box);
	return clampView(
		{ zoom, centre: { x: centre.x + dx * width, y: centre.y + dy * height } },
		diagram,
		box
	);
}

/** Moves the view by a drag of the pointer, in CSS pixels. */
export function dragBy(view: View, dx: number, dy: number, diagram: Size, box: Size): View {
	if (box.width <= 0 || box.height <= 0) return view;
	return panBy(view, -dx / box.width, -dy / box.height, diagram, box);
}

/**
 * Whether a view still makes sense for a new drawing of the file: yes after an edit that grew or
 * shrank it a little (a service more), no after another file or the other direction, which
 * change its size by half or more and so start again from the whole diagram.
 */
export function keepsView(before: Size, after: Size): boolean {
	const near = (a: number, b: number) => Math.max(a, b) < 1.5 * Math.min(a, b);
	return near(before.width, after.width) && near(before.height, after.height);
}

/** Whether two views show the same thing. */
export function sameView(a: View, b: View): boolean {
	const close = (p: number, q: number) => Math.abs(p - q) < 1e-6;
	return close(a.zoom, b.zoom) && close(a.centre.x, b.centre.x) && close(a.centre.y, b.centre.y);
}

/**
 * What a key pressed on the diagram's box does: arrows move (Shift: a whole box at a time),
 * `+` and `-` zoom, `0` shows the whole diagram. Any other key does nothing here.
 */
export function viewForKey(
	key: string,
	shift: boolean,
	view: View,
	diagram: Size,
	box: Size
): View | undefined {
	const step = shift ? 1 : panStep;
	switch (key) {
		case 'ArrowLeft':
			return panBy(view, -step, 0, diagram, box);
		case 'ArrowRight':
			return panBy(view, step, 0, diagram, box);
		case 'ArrowUp':
			return panBy(view, 0, -step, diagram, box);
		case 'ArrowDown':
			return panBy(view, 0, step, diagram, box);
		case '+':
		case '=':
			return zoomBy(view, zoomStep, diagram, box);
		case '-':
		case '_':
			return zoomBy(view, 1 / zoomStep, diagram, box);
		case '0':
			return fitView(diagram);
		default:
			return undefined;
	}
}
