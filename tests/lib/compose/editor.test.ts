import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	applyEdit,
	gutterRows,
	indentEdit,
	lineAt,
	lineCount,
	offsetOf,
} from '../../../src/lib/compose/editor';

describe('lineCount()', () => {
	test('counts lines as an editor numbers them', () => {
		expect(lineCount('')).toBe(1);
		expect(lineCount('a')).toBe(1);
		expect(lineCount('a\n')).toBe(2);
		expect(lineCount('a\nb\nc')).toBe(3);
	});
});

describe('offsetOf()', () => {
	const text = 'services:\n  web:\n    image: nginx\n';

	test('finds the start of a line and a column in it', () => {
		expect(offsetOf(text, 1)).toBe(0);
		expect(offsetOf(text, 2)).toBe(10);
		expect(offsetOf(text, 3, 5)).toBe(text.indexOf('image'));
	});

	test('clamps a line past the end and a column past the end of its line', () => {
		expect(offsetOf(text, 99)).toBe(text.length);
		expect(offsetOf(text, 2, 99)).toBe(text.indexOf('\n', 10));
		expect(offsetOf(text, 0)).toBe(0);
	});

	test('is the inverse of lineAt()', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n') }), fc.nat(40), (t, line) => {
				const target = Math.min(line + 1, lineCount(t));
				expect(lineAt(t, offsetOf(t, target))).toBe(target);
			})
		);
	});
});

describe('indentEdit()', () => {
	test('Tab at the caret inserts two spaces and moves the caret after them', () => {
		const edit = indentEdit('ab', 1, 1);
		expect(applyEdit('ab', edit)).toBe('a  b');
		expect(edit).toMatchObject({ selectionStart: 3, selectionEnd: 3 });
	});

	test('Tab replaces a selection within one line', () => {
		expect(applyEdit('abcd', indentEdit('abcd', 1, 3))).toBe('a  d');
	});

	test('Tab indents every line of a selection over several lines', () => {
		const text = 'a:\n  b: 1\nc: 2\n';
		const edit = indentEdit(text, 3, 12);
		expect(applyEdit(text, edit)).toBe('a:\n    b: 1\n  c: 2\n');
		expect(edit).toMatchObject({ selectionStart: 3, selectionEnd: 16 });
	});

	test('a selection ending right after a newline leaves the next line alone', () => {
		const text = 'a\nb\nc';
		expect(applyEdit(text, indentEdit(text, 0, 4))).toBe('  a\n  b\nc');
	});

	test('Shift+Tab removes up to two leading spaces from each line touched', () => {
		const text = '    a\n b\nc';
		const edit = indentEdit(text, 4, 8, true);
		expect(applyEdit(text, edit)).toBe('  a\nb\nc');
		expect(edit.selectionStart).toBe(2);
		expect(applyEdit(text, indentEdit(text, 10, 10, true))).toBe(text);
	});

	test('keeps the selection inside the text', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('a', ' ', '\n') }),
				fc.nat(),
				fc.nat(),
				fc.boolean(),
				(text, a, b, outdent) => {
					const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort(
						(x, y) => x - y
					) as [number, number];
					const edit = indentEdit(text, start, end, outdent);
					const result = applyEdit(text, edit);
					expect(edit.selectionStart).toBeGreaterThanOrEqual(0);
					expect(edit.selectionEnd).toBeGreaterThanOrEqual(edit.selectionStart);
					expect(edit.selectionEnd).toBeLessThanOrEqual(result.length);
					expect(lineCount(result)).toBe(lineCount(text));
				}
			)
		);
	});
});

describe('gutterRows()', () => {
	test('before it is measured, the first rows; a short file, all of them', () => {
		expect(gutterRows(0, 0, 22, 2000)).toEqual({ first: 0, last: 100 });
		expect(gutterRows(0, 0, 22, 40)).toEqual({ first: 0, last: 40 });
		expect(gutterRows(0, 396, 22, 40)).toEqual({ first: 0, last: 40 });
	});

	test('scrolled into a long file: the rows in view and a margin on each side, in steps', () => {
		// Line 1000 at the top, 18 lines in view.
		expect(gutterRows(22_000, 396, 22, 2000)).toEqual({ first: 900, last: 1150 });
		// A few lines further, the same rows: nothing to draw anew.
		expect(gutterRows(22_000 + 22 * 20, 396, 22, 2000)).toEqual({ first: 900, last: 1150 });
		// At the end, no rows past the last line.
		expect(gutterRows(44_000, 396, 22, 2000)).toEqual({ first: 1900, last: 2000 });
	});

	test('always covers the rows in view, and no more than a few hundred', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: 10_000 }),
				fc.nat({ max: 200_000 }),
				fc.integer({ min: 0, max: 2000 }),
				fc.integer({ min: 10, max: 40 }),
				(lines, scrollTop, viewHeight, lineHeight) => {
					const { first, last } = gutterRows(scrollTop, viewHeight, lineHeight, lines);
					const top = Math.floor(scrollTop / lineHeight);
					const bottom = Math.ceil((scrollTop + viewHeight) / lineHeight);
					expect(first).toBeGreaterThanOrEqual(0);
					expect(last).toBeLessThanOrEqual(lines);
					expect(first).toBeLessThanOrEqual(last);
					if (top < lines) {
						expect(first).toBeLessThanOrEqual(top);
						expect(last).toBeGreaterThanOrEqual(Math.min(bottom, lines));
					}
					expect(last - first).toBeLessThanOrEqual(Math.ceil(viewHeight / lineHeight) + 300);
				}
			)
		);
	});
});
