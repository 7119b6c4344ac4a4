/**
 * Seeded shuffling, so that an attempt keeps its order across reloads and `?seed=…` gives a whole
 * class the same order.
 */

/** A seed from any text (a number in the URL, a word chosen by the teacher). */
export function seedFrom(text: string): number {
	// FNV-1a: short, well spread, and the same in every browser.
	let hash = 0x811c9dc5;
	for (const char of text) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** A new random seed for an attempt. */
export function newSeed(random: () => number = Math.random): number {
	return Math.floor(random() * 2 ** 32) >>> 0;
}

/** Mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. */
export function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A shuffled copy of `items` (Fisher–Yates), the same for the same seed and salt. Items for which
 * `pinned` is true keep their place. The salt (e.g. a question id) gives each list its own order.
 */
export function shuffle<T>(
	items: readonly T[],
	seed: number,
	salt = '',
	pinned?: (item: T) => boolean
): T[] {
	const random = generator((seed ^ seedFrom(salt)) >>> 0);
	const free = items.map((item, index) => ({ item, index })).filter(({ item }) => !pinned?.(item));
	for (let i = free.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[free[i], free[j]] = [free[j]!, free[i]!];
	}
	const result = [...items];
	const slots = items.map((item, index) => ({ item, index })).filter(({ item }) => !pinned?.(item));
	slots.forEach((slot, k) => {
		result[slot.index] = free[k]!.item;
	});
	return result;
}
