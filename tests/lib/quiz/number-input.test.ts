import { describe, expect, test } from 'vitest';
import { numberOf, readNumber, type NumberReading } from '../../../src/lib/quiz/number-input';

type Case = [text: string, lang: 'it' | 'en', unit: string | undefined, reading: NumberReading];

describe('readNumber()', () => {
	test.each<Case>([
		// Whole numbers and signs.
		['4', 'it', undefined, { value: 4 }],
		['  4  ', 'en', undefined, { value: 4 }],
		['-4', 'it', undefined, { value: -4 }],
		['\u22124', 'it', undefined, { value: -4 }],
		['+ 4', 'en', undefined, { value: 4 }],
		['007', 'it', undefined, { value: 7 }],
		['-0', 'it', undefined, { value: 0 }],
		// Decimals: the comma in Italian, the dot in English, and either one when it is clear.
		['0,5', 'it', undefined, { value: 0.5 }],
		['0.5', 'en', undefined, { value: 0.5 }],
		['0.5', 'it', undefined, { value: 0.5 }],
		['0,5', 'en', undefined, { value: 0.5 }],
		[',5', 'it', undefined, { value: 0.5 }],
		['4,25', 'it', undefined, { value: 4.25 }],
		['1,234', 'it', undefined, { value: 1.234 }],
		['1.234', 'en', undefined, { value: 1.234 }],
		['0.125', 'it', undefined, { value: 0.125 }],
		// Thousands, when the grouping cannot be anything else.
		['8080', 'it', undefined, { value: 8080 }],
		['8 080', 'it', undefined, { value: 8080 }],
		['8\u202f080', 'en', undefined, { value: 8080 }],
		["8'080", 'it', undefined, { value: 8080 }],
		['1.000.000', 'it', undefined, { value: 1_000_000 }],
		['1,000,000', 'en', undefined, { value: 1_000_000 }],
		['1.234,5', 'it', undefined, { value: 1234.5 }],
		['1,234.5', 'it', undefined, { value: 1234.5 }],
		['1 234,5', 'it', undefined, { value: 1234.5 }],
		// The question's unit, written in any of the usual ways, and a final full stop.
		['40%', 'it', '%', { value: 40 }],
		['40 %', 'it', '%', { value: 40 }],
		['40 per cento', 'it', '%', { value: 40 }],
		['40 percent', 'en', '%', { value: 40 }],
		['40%.', 'it', '%', { value: 40 }],
		['4 GB', 'it', 'GB', { value: 4 }],
		['4GB', 'it', 'GB', { value: 4 }],
		['4gb', 'en', 'GB', { value: 4 }],
		['4 Gb', 'en', 'GB', { value: 4 }],
		['4 gigabyte', 'it', 'GB', { value: 4 }],
		['4,5 GB', 'it', 'GB', { value: 4.5 }],
		['6.', 'en', 'GB', { value: 6 }],
		['6', 'it', 'GB', { value: 6 }],
	])('%j (%s, unit %s)', (text, lang, unit, reading) => {
		expect(readNumber(text, { lang, unit })).toEqual(reading);
	});

	test.each<Case>([
		['', 'it', undefined, { problem: { kind: 'empty' } }],
		['   ', 'it', '%', { problem: { kind: 'empty' } }],
		['tanti', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['quattro', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['4,', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['1/4', 'en', undefined, { problem: { kind: 'notNumber' } }],
		['4,5,6', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['4 5', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['12.34.5', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['1.5,3', 'it', undefined, { problem: { kind: 'notNumber' } }],
		['circa 40', 'it', '%', { problem: { kind: 'notNumber' } }],
		['4e3', 'en', undefined, { problem: { kind: 'notNumber' } }],
		['.', 'en', undefined, { problem: { kind: 'notNumber' } }],
		// Another unit than the question's, or one where it has none: said, never converted.
		['4 MB', 'it', 'GB', { problem: { kind: 'unit', given: 'MB', expected: 'GB' } }],
		['4 GiB', 'en', 'GB', { problem: { kind: 'unit', given: 'GiB', expected: 'GB' } }],
		['0,4', 'it', '%', { value: 0.4 }],
		['40%', 'it', undefined, { problem: { kind: 'unit', given: '%' } }],
		['4 metodi', 'it', undefined, { problem: { kind: 'unit', given: 'metodi' } }],
		// One dot or comma before exactly three digits, the other language's way: which is it?
		['8.080', 'it', undefined, { problem: { kind: 'ambiguous', readings: [8080, 8.08] } }],
		['8,080', 'en', undefined, { problem: { kind: 'ambiguous', readings: [8080, 8.08] } }],
		['-1.000', 'it', undefined, { problem: { kind: 'ambiguous', readings: [-1000, -1] } }],
	])('%j (%s, unit %s) cannot be read', (text, lang, unit, reading) => {
		expect(readNumber(text, { lang, unit })).toEqual(reading);
	});
});

describe('numberOf()', () => {
	test('gives the number of a reading, or null', () => {
		expect(numberOf({ value: 4 })).toBe(4);
		expect(numberOf({ problem: { kind: 'notNumber' } })).toBeNull();
	});
});
