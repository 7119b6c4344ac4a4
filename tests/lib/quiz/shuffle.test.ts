import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generator, newSeed, seedFrom, shuffle } from '../../../src/lib/quiz/shuffle';

describe('shuffle()', () => {
	const items = Array.from({ length: 12 }, (_, i) => `item-${i}`);

	test('gives the same order for the same seed and salt', () => {
		expect(shuffle(items, 42, 'q1')).toEqual(shuffle(items, 42, 'q1'));
	});

	test('gives other orders for other seeds or salts', () => {
		expect(shuffle(items, 42, 'q1')).not.toEqual(shuffle(items, 43, 'q1'));
		expect(shuffle(items, 42, 'q1')).not.toEqual(shuffle(items, 42, 'q2'));
	});

	test('keeps every item exactly once, and pinned items in place', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer(), { maxLength: 30 }),
				fc.nat(),
				fc.string(),
				(list, seed, salt) => {
					const pinned = (n: number) => n % 3 === 0;
					const result = shuffle(list, seed, salt, pinned);
					expect([...result].sort()).toEqual([...list].sort());
					list.forEach((item, index) => {
						if (pinned(item)) expect(result[index]).toBe(item);
					});
				}
			)
		);
	});

	test('does not change the list it is given', () => {
		const copy = [...items];
		shuffle(items, 7);
		expect(items).toEqual(copy);
	});

	test('spreads items over every position', () => {
		const firsts = new Set(Array.from({ length: 200 }, (_, seed) => shuffle(items, seed)[0]));
		expect(firsts.size).toBe(items.length);
	});
});

describe('seeds', () => {
	test('the same text always gives the same seed', () => {
		expect(seedFrom('lezione-3')).toBe(seedFrom('lezione-3'));
		expect(seedFrom('lezione-3')).not.toBe(seedFrom('lezione-4'));
	});

	test('generators give numbers in [0, 1), the same for the same seed', () => {
		const a = generator(5);
		const b = generator(5);
		for (let i = 0; i < 100; i++) {
			const value = a();
			expect(value).toBe(b());
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThan(1);
		}
	});

	test('new seeds are 32-bit unsigned integers', () => {
		expect(newSeed(() => 0.999999999)).toBeLessThan(2 ** 32);
		expect(Number.isInteger(newSeed())).toBe(true);
	});
});
