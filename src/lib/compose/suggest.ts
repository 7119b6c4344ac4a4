/**
 * "Did you mean …?" for misspelt keys and names: the closest known word within two edits, where a
 * swap of two neighbouring letters (`netwroks`) counts as one edit.
 */

/** The largest distance still worth a suggestion; further away, a guess would mislead. */
export const maxSuggestionDistance = 2;

/** Damerau–Levenshtein distance (optimal string alignment) between two words. */
export function editDistance(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
	for (let i = 1; i <= a.length; i++) {
		const row = rows[i] ?? [];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
		}
	}
	return at(a.length, b.length);
}

/**
 * The candidate closest to `word`, if one is at most two edits away and shorter than a full
 * rewrite of the word (so `ab` does not suggest `cd`). Ties go to the earlier candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const distance = editDistance(lower, candidate.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return bestDistance <= maxSuggestionDistance && bestDistance < word.length ? best : undefined;
}
