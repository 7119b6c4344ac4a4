/**
 * Plain-text editing for the Compose editor, a `<textarea>`: where a line starts, and what Tab
 * and Shift+Tab change. YAML is indented with spaces only, two per level.
 */

/** The indentation one Tab inserts. */
export const indentUnit = '  ';

/** A change to the text: replace `start`–`end` with `insert`, then select the range given. */
export interface TextEdit {
	start: number;
	end: number;
	insert: string;
	selectionStart: number;
	selectionEnd: number;
}

/** How many lines the text has, as an editor numbers them (an empty text has one). */
export function lineCount(text: string): number {
	let count = 1;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
	return count;
}

/**
 * The offset of a 1-based line and column, clamped to the text: a line past the end gives the
 * end of the text, a column past the end of its line gives the end of that line.
 */
export function offsetOf(text: string, line: number, column = 1): number {
	let start = 0;
	for (let current = 1; current < line; current++) {
		const next = text.indexOf('\n', start);
		if (next === -1) return text.length;
		start = next + 1;
	}
	const end = text.indexOf('\n', start);
	const lineEnd = end === -1 ? text.length : end;
	return Math.min(start + Math.max(column, 1) - 1, lineEnd);
}

/** The 1-based line an offset falls on. */
export function lineAt(text: string, offset: number): number {
	return lineCount(text.slice(0, Math.max(0, offset)));
}

/**
 * What Tab (or Shift+Tab, `outdent`) does to a selection. Tab replaces a selection within one line
 * (or inserts at the caret) with two spaces; with a selection over several lines it indents each
 * of them. Shift+Tab removes up to two leading spaces from every line the selection touches.
 */
export function indentEdit(text: string, start: number, end: number, outdent = false): TextEdit {
	const selected = text.slice(start, end);
	if (!outdent && !selected.includes('\n')) {
		const caret = start + indentUnit.length;
		return { start, end, insert: indentUnit, selectionStart: caret, selectionEnd: caret };
	}
	// `lastIndexOf` with -1 would still look at offset 0.
	const from = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
	// A selection ending right after a newline does not take in the line below it.
	const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
	const newline = text.indexOf('\n', last);
	const to = newline === -1 ? text.length : newline;
	const lines = text.slice(from, to).split('\n');
	const changed = lines.map((line) =>
		outdent ? line.replace(/^ {1,2}/, '') : `${indentUnit}${line}`
	);
	const removedOnFirst = (lines[0]?.length ?? 0) - (changed[0]?.length ?? 0);
	const delta = changed.join('\n').length - lines.join('\n').length;
	const selectionStart = outdent
		? Math.max(from, start - removedOnFirst)
		: start === from
			? start
			: start + indentUnit.length;
	return {
		start: from,
		end: to,
		insert: changed.join('\n'),
		selectionStart,
		selectionEnd: Math.max(selectionStart, end + delta),
	};
}

/** Applies an edit to a string (what the textarea does natively). */
export function applyEdit(text: string, edit: TextEdit): string {
	return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/** The rows of the gutter to draw, 0-based: from `first`, up to but not including `last`. */
export interface RowWindow {
	first: number;
	last: number;
}

/**
 * Which gutter rows to draw: those in view and `margin` more on either side, with both ends moved
 * in steps of `step` rows, so that a paste of thousands of lines lays out a few hundred rows and
 * scrolling draws anew only every `step` rows. Before the editor is measured (on the server),
 * `viewHeight` is 0 and the window is the first rows.
 */
export function gutterRows(
	scrollTop: number,
	viewHeight: number,
	lineHeight: number,
	lines: number,
	margin = 100,
	step = 50
): RowWindow {
	const top = Math.floor(Math.max(0, scrollTop) / lineHeight);
	const seen = Math.ceil(Math.max(0, viewHeight) / lineHeight);
	const first = Math.min(Math.max(0, Math.floor((top - margin) / step) * step), lines);
	const last = Math.min(lines, Math.ceil((top + seen + margin) / step) * step);
	return { first: Math.min(first, last), last };
}
