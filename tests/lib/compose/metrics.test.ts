import { describe, expect, test } from 'vitest';
import {
	distanceToPolyline,
	segmentCrossesRect,
	segmentsMeet,
} from '../../../src/lib/compose/geometry';
import type { DiagramEdge, DiagramLayout, DiagramNode } from '../../../src/lib/compose/layout';
import { layoutMetrics } from '../../../src/lib/compose/metrics';

const box = (id: string, x: number, y: number, extra: Partial<DiagramNode> = {}): DiagramNode => ({
	id,
	kind: 'service',
	lines: [id],
	external: false,
	x,
	y,
	width: 40,
	height: 20,
	...extra,
});
const line = (
	from: string,
	to: string,
	points: [number, number][],
	extra: Partial<DiagramEdge> = {}
): DiagramEdge => ({
	kind: 'network',
	from,
	to,
	points: points.map(([x, y]) => ({ x, y })),
	label: [],
	...extra,
});
const canvas = (nodes: DiagramNode[], edges: DiagramEdge[]): DiagramLayout => ({
	width: 400,
	height: 300,
	nodes,
	edges,
});

describe('geometry', () => {
	test('segments meet where they cross, or along their common part', () => {
		expect(
			segmentsMeet({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })
		).toEqual({
			x: 5,
			y: 5,
		});
		expect(
			segmentsMeet({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 1 }, { x: 10, y: 1 })
		).toBeUndefined();
		expect(segmentsMeet({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 0 }, { x: 20, y: 0 })).toEqual({
			x: 7.5,
			y: 0,
		});
	});

	test('a segment crosses a box through its inside, not along its border', () => {
		const rect = { x: 10, y: 10, width: 20, height: 10 };
		expect(segmentCrossesRect({ x: 0, y: 15 }, { x: 40, y: 15 }, rect)).toBe(true);
		expect(segmentCrossesRect({ x: 0, y: 10 }, { x: 40, y: 10 }, rect)).toBe(false);
		expect(segmentCrossesRect({ x: 0, y: 0 }, { x: 9, y: 30 }, rect)).toBe(false);
		expect(segmentCrossesRect({ x: 15, y: 12 }, { x: 16, y: 13 }, rect)).toBe(true);
	});

	test('the distance to a polyline is to its nearest segment', () => {
		const path = [
			{ x: 0, y: 0 },
			{ x: 10, y: 0 },
			{ x: 10, y: 10 },
		];
		expect(distanceToPolyline({ x: 5, y: 3 }, path)).toBe(3);
		expect(distanceToPolyline({ x: 14, y: 5 }, path)).toBe(4);
	});
});

describe('layoutMetrics()', () => {
	test('counts crossings, but not lines that meet at the box they share', () => {
		const nodes = [box('a', 50, 50), box('b', 150, 50), box('c', 50, 150), box('d', 150, 150)];
		const crossed = canvas(nodes, [
			line('a', 'd', [
				[70, 60],
				[130, 140],
			]),
			line('c', 'b', [
				[70, 140],
				[130, 60],
			]),
			line('a', 'b', [
				[70, 50],
				[130, 50],
			]),
		]);
		expect(layoutMetrics(crossed)).toMatchObject({ crossings: 1, sharedRuns: 0 });
		const along = canvas(nodes, [
			line('a', 'd', [
				[50, 60],
				[50, 100],
				[150, 100],
				[150, 140],
			]),
			line('c', 'b', [
				[50, 140],
				[50, 100],
				[150, 100],
				[150, 60],
			]),
		]);
		expect(layoutMetrics(along).sharedRuns).toBe(1);
	});

	test('finds a line that runs under a box it does not connect', () => {
		const nodes = [box('a', 50, 50), box('b', 150, 50), box('c', 250, 50)];
		const under = canvas(nodes, [
			line('a', 'c', [
				[70, 50],
				[230, 50],
			]),
		]);
		const around = canvas(nodes, [
			line('a', 'c', [
				[50, 40],
				[50, 20],
				[250, 20],
				[250, 40],
			]),
		]);
		expect(layoutMetrics(under).edgesUnderBoxes).toBe(1);
		expect(layoutMetrics(around).edgesUnderBoxes).toBe(0);
	});

	test('measures how far a label sits from the line as drawn', () => {
		const nodes = [box('a', 50, 50), box('b', 250, 150)];
		const bent = (labelAt: { x: number; y: number }) =>
			canvas(nodes, [
				line(
					'a',
					'b',
					[
						[70, 50],
						[250, 50],
						[250, 140],
					],
					{ label: ['80'], labelAt }
				),
			]);
		expect(layoutMetrics(bent({ x: 150, y: 50 }))).toMatchObject({
			labelDistance: 0,
			labelsOffLine: 0,
		});
		expect(layoutMetrics(bent({ x: 250, y: 100 }))).toMatchObject({ labelDistance: 0 });
		// Beside the line, as at the control point of a curve that does not pass through it.
		const beside = layoutMetrics(bent({ x: 200, y: 90 }));
		expect(beside.labelDistance).toBe(40);
		expect(beside.labelsOffLine).toBe(1);
	});

	test('finds overlapping labels, lines under labels and what lies outside the canvas', () => {
		const nodes = [box('a', 50, 50), box('b', 250, 50), box('c', 150, 100), box('far', 390, 290)];
		const layout = canvas(nodes, [
			line(
				'a',
				'b',
				[
					[70, 50],
					[230, 50],
				],
				{ label: ['one'], labelAt: { x: 150, y: 50 } }
			),
			line(
				'c',
				'b',
				[
					[150, 90],
					[150, 40],
					[230, 40],
				],
				{ label: ['two'], labelAt: { x: 150, y: 60 } }
			),
		]);
		expect(layoutMetrics(layout)).toMatchObject({
			labelOverlaps: 1,
			edgesUnderLabels: 1,
			outside: 1,
		});
	});

	test('counts lines crossing the bus of a network they do not join', () => {
		const nodes = [
			box('a', 50, 50),
			box('network:n', 150, 20, {
				kind: 'network',
				bus: [
					{ x: 150, y: 30 },
					{ x: 150, y: 200 },
				],
			}),
			box('b', 250, 50),
		];
		const layout = canvas(nodes, [
			line('a', 'b', [
				[70, 50],
				[230, 50],
			]),
			line('a', 'network:n', [
				[70, 55],
				[150, 55],
			]),
		]);
		expect(layoutMetrics(layout)).toMatchObject({ busCrossings: 1, crossings: 0 });
	});
});
