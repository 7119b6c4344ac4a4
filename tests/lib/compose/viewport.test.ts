import { describe, expect, test } from 'vitest';
import {
	clampView,
	dragBy,
	fitScale,
	fitView,
	keepsView,
	maxZoom,
	panBy,
	scalePercent,
	viewBoxOf,
	viewForKey,
	visibleArea,
	zoomBy,
} from '../../../src/lib/compose/viewport';

const diagram = { width: 900, height: 400 };
/** A phone's column: the diagram must shrink to fit. */
const phone = { width: 360, height: 160 };

describe('the diagram viewport', () => {
	test('shows the whole diagram at first, shrunk to the box but never enlarged', () => {
		expect(fitScale(diagram, phone)).toBe(0.4);
		expect(fitScale(diagram, { width: 2000, height: 1000 })).toBe(1);
		expect(viewBoxOf(fitView(diagram), diagram, phone)).toBe('0 0 900 400');
		expect(scalePercent(fitView(diagram), diagram, phone)).toBe(40);
		// A box taller than the diagram's proportions shows it whole, centred.
		expect(visibleArea(fitView(diagram), diagram, { width: 360, height: 360 })).toEqual({
			x: 0,
			y: -250,
			width: 900,
			height: 900,
		});
	});

	test('zooms in on a point that stays where it is, up to twice the diagram’s own size', () => {
		const view = zoomBy(fitView(diagram), 2, diagram, phone, { x: 0, y: 0 });
		expect(visibleArea(view, diagram, phone)).toEqual({ x: 0, y: 0, width: 450, height: 200 });
		expect(maxZoom(diagram, phone)).toBe(5);
		const closest = zoomBy(view, 100, diagram, phone);
		expect(closest.zoom).toBe(5);
		expect(scalePercent(closest, diagram, phone)).toBe(200);
		expect(zoomBy(closest, 1 / 100, diagram, phone)).toEqual(fitView(diagram));
	});

	test('moves by a share of what is visible, and no farther than the diagram’s edge', () => {
		const zoomed = zoomBy(fitView(diagram), 2, diagram, phone);
		expect(visibleArea(zoomed, diagram, phone).x).toBe(225);
		expect(visibleArea(panBy(zoomed, 0.2, 0, diagram, phone), diagram, phone).x).toBe(315);
		expect(visibleArea(panBy(zoomed, 5, 5, diagram, phone), diagram, phone)).toMatchObject({
			x: 450,
			y: 200,
		});
		expect(visibleArea(panBy(zoomed, -5, -5, diagram, phone), diagram, phone)).toMatchObject({
			x: 0,
			y: 0,
		});
		// Dragging the drawing right by 36 px shows what lies to its left: 36 px are 45 units here.
		expect(visibleArea(dragBy(zoomed, 36, 0, diagram, phone), diagram, phone).x).toBe(180);
		// All of it fits: there is nowhere to move.
		expect(panBy(fitView(diagram), 0.2, 0.2, diagram, phone)).toEqual(fitView(diagram));
	});

	test('keys: arrows move, Shift a whole box; + and - zoom; 0 shows all; others do nothing', () => {
		const zoomed = zoomBy(fitView(diagram), 2, diagram, phone);
		const after = (key: string, shift = false) =>
			visibleArea(viewForKey(key, shift, zoomed, diagram, phone) ?? zoomed, diagram, phone);
		expect(after('ArrowLeft').x).toBe(135);
		expect(after('ArrowRight', true).x).toBe(450);
		expect(after('ArrowDown').y).toBe(140);
		expect(after('ArrowUp').y).toBe(60);
		expect(after('+').width).toBeCloseTo(300, 6);
		expect(after('-').width).toBeCloseTo(675, 6);
		expect(viewForKey('0', false, zoomed, diagram, phone)).toEqual(fitView(diagram));
		expect(viewForKey('a', false, zoomed, diagram, phone)).toBeUndefined();
	});

	test('a view is kept after a small change of the drawing, not after a new file', () => {
		expect(keepsView(diagram, { width: 900, height: 480 })).toBe(true);
		expect(keepsView(diagram, { width: 650, height: 400 })).toBe(true);
		expect(keepsView(diagram, { width: 900, height: 1200 })).toBe(false);
		expect(keepsView(diagram, { width: 500, height: 400 })).toBe(false);
	});

	test('a view kept from a larger diagram is brought back within the new one', () => {
		const far = { zoom: 9, centre: { x: 5000, y: -300 } };
		expect(clampView(far, diagram, phone)).toEqual({ zoom: 5, centre: { x: 810, y: 40 } });
	});
});
