/**
 * "Did you mean …?" for misspelt keys and names: the closest known word within a few edits, where
 * a swap of two neighbouring letters (`netwroks`) counts as one edit. How many edits depends on the
 * length of the word: one slip in a short word, up to three in a long one, so `gpus` does not
 * suggest `pid` while `enviromnent` still finds `environment`.
 */

/** The largest distance ever worth a suggestion; further away, a guess would mislead. */
export const maxSuggestionDistance = 3;

/** The edits allowed for a word of this length: one in three letters, at least one, at most three. */
export function allowedDistance(length: number): number {
	return Math.max(1, Math.min(maxSuggestionDistance, Math.floor(length / 3)));
}

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
 * The candidate closest to `word`, if it is within the edits allowed for the longer of the two
 * and closer than a full rewrite of the word (so `ab` does not suggest `cd`). Ties go to the
 * earlier candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const distance = editDistance(lower, candidate.toLowerCase());
		const allowed = allowedDistance(Math.min(word.length, candidate.length));
		if (distance <= allowed && distance < bestDistance)
			[best, bestDistance] = [candidate, distance];
	}
	return bestDistance < word.length ? best : undefined;
}
