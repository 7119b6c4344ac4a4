/**
 * A long list drawn a part at a time: the list cut into parts, and which part to draw next so that
 * no task draws more than one part that changed. A part whose items are the same as those on
 * screen is kept as the very array shown, which tells the view it has nothing to redraw there.
 */

/** A list cut into parts of `size` items (the last may be shorter); none for an empty list. */
export function partsOf<T>(items: readonly T[], size: number): (readonly T[])[] {
	const parts: (readonly T[])[] = [];
	for (let start = 0; start < items.length; start += size)
		parts.push(items.slice(start, start + size));
	return parts;
}

/** What the next task draws: the parts then on screen, and where the one after starts. */
export interface PartsStep<T> {
	/** `shown` itself when nothing changed, so that a view can tell without looking inside. */
	parts: readonly (readonly T[])[];
	/** The index to go on from in the next task; `null` once the parts on screen are `wanted`. */
	resume: number | null;
}

/**
 * From `from` on, keeps each part of `shown` whose items have the same keys as in `wanted`, and
 * replaces the first that differs; once no part differs, the list is cut to `wanted`'s length.
 */
export function nextParts<T>(
	shown: readonly (readonly T[])[],
	wanted: readonly (readonly T[])[],
	from: number,
	key: (item: T) => string
): PartsStep<T> {
	for (let index = from; index < wanted.length; index++) {
		const old = shown[index];
		if (old && sameItems(old, wanted[index]!, key)) continue;
		const parts = [...shown];
		parts[index] = wanted[index]!;
		const resume = index + 1 < wanted.length ? index + 1 : null;
		return { parts: resume === null ? parts.slice(0, wanted.length) : parts, resume };
	}
	return {
		parts: shown.length > wanted.length ? shown.slice(0, wanted.length) : shown,
		resume: null,
	};
}

function sameItems<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean {
	return a.length === b.length && a.every((item, index) => key(item) === key(b[index]!));
}
