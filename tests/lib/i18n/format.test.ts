import { describe, expect, test } from 'vitest';
import { codeSegments, format, parseNumber } from '../../../src/lib/i18n/format';

describe('format()', () => {
	test('fills the placeholders it has values for and leaves the others', () => {
		expect(format('{n} di {total} {x}', { n: 2, total: 5 })).toBe('2 di 5 {x}');
	});

	test('inserts values as they are, markup included, for the page to show as text', () => {
		expect(format('Ciao {name}', { name: '<img src=x onerror=alert(1)>' })).toBe(
			'Ciao <img src=x onerror=alert(1)>'
		);
	});
});

describe('codeSegments()', () => {
	test('separates code between backticks from plain text', () => {
		expect(codeSegments('Che cosa fa `docker ps -a`?')).toEqual([
			{ code: false, text: 'Che cosa fa ' },
			{ code: true, text: 'docker ps -a' },
			{ code: false, text: '?' },
		]);
	});

	test('keeps a lone backtick as text', () => {
		expect(codeSegments('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
	});
});

describe('parseNumber()', () => {
	test.each([
		['4', 4],
		['4.5', 4.5],
		['4,5', 4.5],
		[' -2 ', -2],
		['.5', 0.5],
		['', null],
		['4 GB', null],
		['1e3', null],
		['abc', null],
	])('%j → %j', (text, expected) => {
		expect(parseNumber(text)).toBe(expected);
	});
});
