import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nextParts, partsOf, type PartsStep } from '../../src/lib/parts';

const key = (item: number) => String(item);

/** Every step from an empty screen (or `shown`) to `wanted`, as a view would take them. */
function steps(shown: (readonly number[])[], wanted: (readonly number[])[]) {
	const screens = [];
	let from: number | null = 0;
	let parts: readonly (readonly number[])[] = shown;
	while (from !== null) {
		const step: PartsStep<number> = nextParts(parts, wanted, from, key);
		screens.push(step.parts);
		parts = step.parts;
		from = step.resume;
	}
	return screens;
}

describe('partsOf', () => {
	test('cuts a list in parts of the size, the last shorter; none for an empty list', () => {
		expect(partsOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(partsOf([], 2)).toEqual([]);
	});
});

describe('nextParts', () => {
	test('from an empty screen, one part more at each step', () => {
		const wanted = partsOf([1, 2, 3, 4, 5], 2);
		expect(steps([], wanted).map((parts) => parts.length)).toEqual([1, 2, 3]);
	});

	test('keeps the arrays of the parts that did not change, and redraws only the one that did', () => {
		const shown = partsOf([1, 2, 3, 4, 5, 6], 2);
		const wanted = partsOf([1, 2, 3, 9, 5, 6], 2);
		const [first, last] = steps(shown, wanted);
		expect(last).toBe(first);
		expect(first![0]).toBe(shown[0]);
		expect(first![1]).toBe(wanted[1]);
		expect(first![2]).toBe(shown[2]);
	});

	test('returns the very array shown when nothing changed', () => {
		const shown = partsOf([1, 2, 3], 2);
		const step = nextParts(shown, partsOf([1, 2, 3], 2), 0, key);
		expect(step).toEqual({ parts: shown, resume: null });
		expect(step.parts).toBe(shown);
	});

	test('a shorter list is cut once the parts before are drawn', () => {
		const screens = steps(partsOf([1, 2, 3, 4, 5, 6], 2), partsOf([0, 2, 3], 2));
		expect(screens).toEqual([
			[
				[0, 2],
				[3, 4],
				[5, 6],
			],
			[[0, 2], [3]],
		]);
	});

	test('any screen ends as the wanted list, redrawing at most one part per step', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
				fc.integer({ min: 1, max: 7 }),
				(before, after, size) => {
					const shown = partsOf(before, size);
					const wanted = partsOf(after, size);
					const screens = steps(shown, wanted);
					expect(screens.at(-1)!.flat()).toEqual(after);
					let previous: readonly (readonly number[])[] = shown;
					for (const screen of screens) {
						const redrawn = screen.filter((part, index) => part !== previous[index]);
						expect(redrawn.length).toBeLessThanOrEqual(1);
						previous = screen;
					}
				}
			)
		);
	});
});
