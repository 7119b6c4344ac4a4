/**
 * The playground's prompt, apart from the engine so that the page can load it first: the line
 * ↑ and ↓ recall, and what Tab does with the completions the engine offers.
 */

/**
 * The line ↑ and ↓ show: `index` counts back from the newest entry (0 is the newest), and past
 * the end of the history, below the newest, is the draft the learner was typing.
 * @param index From -1 (the draft) to `history.length - 1` (the oldest line).
 */
export function historyAt(history: readonly string[], index: number, draft: string): string {
	if (index < 0 || index >= history.length) return draft;
	return history[history.length - 1 - index] ?? draft;
}

/** The next index for ↑ (`-1` → `0` …) or ↓, kept within the history and the draft. */
export function historyStep(history: readonly string[], index: number, up: boolean): number {
	return up ? Math.min(index + 1, history.length - 1) : Math.max(index - 1, -1);
}

/** What Tab does to the line: the new line and cursor, and the candidates to list when several. */
export interface Completion {
	line: string;
	cursor: number;
	/** The candidates, when more than one fits and the line could not be completed further. */
	choices: string[];
}

/**
 * Applies the completions of the word under the cursor: one candidate replaces the word and adds
 * a space; several extend the word to their common prefix, and are listed when it cannot grow.
 * `undefined` when nothing fits, so Tab can move focus as usual.
 */
export function complete(
	line: string,
	cursor: number,
	candidates: readonly string[]
): Completion | undefined {
	if (!candidates.length) return undefined;
	const at = Math.max(0, Math.min(cursor, line.length));
	const before = line.slice(0, at);
	const start = before.search(/\S*$/);
	const word = before.slice(start);
	const after = line.slice(at);
	const fill = (text: string, space: boolean) => {
		const added = space && !after.startsWith(' ') ? `${text} ` : text;
		return { line: `${line.slice(0, start)}${added}${after}`, cursor: start + added.length };
	};
	if (candidates.length === 1) {
		const only = candidates[0]!;
		// A volume's `name:` waits for the path after the colon.
		return { ...fill(only, !only.endsWith(':')), choices: [] };
	}
	const prefix = commonPrefix(candidates);
	if (prefix.length > word.length) return { ...fill(prefix, false), choices: [] };
	return { line, cursor: at, choices: [...candidates] };
}

function commonPrefix(words: readonly string[]): string {
	let prefix = words[0] ?? '';
	for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}
