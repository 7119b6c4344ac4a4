import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/lib/i18n/strings';
import {
	formatNumber,
	formatPercent,
	listOf,
	plural,
	scoreBand,
	withUnit,
} from '../../../src/lib/quiz/wording';

describe('formatNumber()', () => {
	test.each<[number, 'it' | 'en', string]>([
		[0.6667, 'it', '0,67'],
		[0.6667, 'en', '0.67'],
		[2, 'it', '2'],
		[-0.25, 'it', '-0,25'],
		[-0, 'en', '0'],
		[8080, 'it', '8080'],
		[8080, 'en', '8080'],
		[12000, 'it', '12.000'],
		[12000, 'en', '12,000'],
	])('%d in %s: %s', (value, lang, text) => {
		expect(formatNumber(value, lang)).toBe(text);
	});
});

describe('formatPercent()', () => {
	test.each<[number, 'it' | 'en', string]>([
		[40, 'it', '40%'],
		[59.6, 'en', '60%'],
		[-10, 'it', '0%'],
	])('%d in %s: %s', (value, lang, text) => {
		expect(formatPercent(value, lang)).toBe(text);
	});
});

describe('plural()', () => {
	const t = translator({
		'quiz.n.one': '{count} punto',
		'quiz.n.other': '{count} punti',
		'quiz.only.other': '{count} cose',
	});
	test.each<[string, number, 'it' | 'en', string]>([
		['quiz.n', 1, 'it', '1 punto'],
		['quiz.n', 0, 'it', '0 punti'],
		['quiz.n', 2, 'it', '2 punti'],
		['quiz.n', 0.5, 'it', '0,5 punti'],
		['quiz.n', 1.5, 'en', '1.5 punti'],
		['quiz.only', 1, 'it', '1 cose'],
	])('%s with %d in %s', (key, count, lang, text) => {
		expect(plural(t, lang, key, count)).toBe(text);
	});
});

describe('listOf()', () => {
	test.each<[string[], 'it' | 'en', 'conjunction' | 'disjunction', string]>([
		[['A'], 'it', 'conjunction', 'A'],
		[['A', 'B'], 'it', 'conjunction', 'A e B'],
		[['A', 'B', 'C'], 'it', 'conjunction', 'A, B e C'],
		[['A', 'B', 'C'], 'it', 'disjunction', 'A, B o C'],
		[['A', 'B', 'C'], 'en', 'conjunction', 'A, B, and C'],
		[['A', 'B'], 'en', 'disjunction', 'A or B'],
	])('%j in %s (%s)', (items, lang, type, text) => {
		expect(listOf(items, lang, type)).toBe(text);
	});
});

describe('withUnit()', () => {
	test('puts % right after the number and other units after a no-break space', () => {
		expect(withUnit('40', '%')).toBe('40%');
		expect(withUnit('4,5', 'GB')).toBe('4,5\u00a0GB');
		expect(withUnit('4', undefined)).toBe('4');
	});
});

describe('scoreBand()', () => {
	test.each<[number, number, string]>([
		[0, 10, 'low'],
		[5.9, 10, 'low'],
		[5.96, 10, 'mid'],
		[6, 10, 'mid'],
		[7.9, 10, 'mid'],
		[8, 10, 'high'],
		[10, 10, 'high'],
		[-1, 10, 'low'],
		[0, 0, 'low'],
	])('%d of %d: %s', (points, max, band) => {
		expect(scoreBand({ points, max })).toBe(band);
	});
});
