import { describe, expect, test } from 'vitest';
import { isQuantity, literalNumber, type Quantity } from '../../../src/lib/compose/quantities';

describe('isQuantity()', () => {
	test.each<[unknown, Quantity, boolean]>([
		[0.5, 'decimal', true],
		['0.5', 'decimal', true],
		['.5', 'decimal', true],
		['2', 'decimal', true],
		['1e3', 'decimal', true],
		['50%', 'decimal', false],
		['0,5', 'decimal', false],
		[' 1', 'decimal', false],
		[3, 'integer', true],
		['-500', 'integer', true],
		['3.0', 'integer', false],
		[1.5, 'integer', false],
		['two', 'integer', false],
		[1073741824, 'size', true],
		['-1', 'size', true],
		['512m', 'size', true],
		['1.5g', 'size', true],
		['1GiB', 'size', true],
		['64 MB', 'size', true],
		['1b', 'size', true],
		['1 gigabyte', 'size', false],
		['1g!', 'size', false],
		['1x', 'size', false],
		['10s', 'duration', true],
		['1m30s', 'duration', true],
		['1.5h', 'duration', true],
		['500ms', 'duration', true],
		['2d', 'duration', true],
		['1w', 'duration', true],
		['0', 'duration', true],
		['30', 'duration', false],
		[30, 'duration', false],
		['1 minute', 'duration', false],
		['1m 30s', 'duration', false],
		[true, 'integer', false],
		[3, 'count', true],
		['0', 'count', true],
		[-1, 'count', false],
		['-2', 'count', false],
	])('%j is %s: %s', (value, kind, expected) => {
		expect(isQuantity(value, kind)).toBe(expected);
	});
});

describe('literalNumber()', () => {
	test.each([
		[2, 2],
		['3', 3],
		['0.5', 0.5],
		['${N:-2}', undefined],
		['two', undefined],
		[undefined, undefined],
	])('%j → %j', (value, expected) => {
		expect(literalNumber(value)).toBe(expected);
	});
});
