import { describe, expect, test } from 'vitest';
import {
	byPosition,
	countBySeverity,
	worstByLine,
	worstSeverity,
	type PlacedFinding,
} from '../../src/lib/findings';

const at = (line: number, column: number, rule: string, severity: PlacedFinding['severity']) => ({
	line,
	column,
	rule,
	severity,
});

describe('byPosition()', () => {
	test('orders by line, then column, then rule', () => {
		const sorted = [
			at(3, 1, 'b', 'info'),
			at(1, 5, 'a', 'error'),
			at(1, 2, 'z', 'warning'),
			at(1, 2, 'c', 'info'),
		].sort(byPosition);
		expect(sorted.map((f) => `${f.line}:${f.column}:${f.rule}`)).toEqual([
			'1:2:c',
			'1:2:z',
			'1:5:a',
			'3:1:b',
		]);
	});
});

describe('worstSeverity()', () => {
	test.each([
		[['info', 'warning'], 'warning'],
		[['info', 'error', 'warning'], 'error'],
		[['info'], 'info'],
		[[], undefined],
	] as const)('%j → %s', (list, expected) => {
		expect(worstSeverity(list.map((severity) => ({ severity })))).toBe(expected);
	});
});

describe('countBySeverity()', () => {
	test('counts each severity, zero included', () => {
		expect(
			countBySeverity([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }])
		).toEqual({ error: 2, warning: 0, info: 1 });
	});
});

describe('worstByLine()', () => {
	test('keeps the worst severity of each line', () => {
		const lines = worstByLine([
			at(2, 1, 'a', 'info'),
			at(2, 4, 'b', 'error'),
			at(2, 9, 'c', 'warning'),
			at(5, 1, 'd', 'warning'),
		]);
		expect([...lines]).toEqual([
			[2, 'error'],
			[5, 'warning'],
		]);
	});
});
