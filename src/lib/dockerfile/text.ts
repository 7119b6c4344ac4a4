/**
 * Text helpers shared by the parser, the printer and the linter: line continuations, the JSON
 * (exec) form, and positions inside a node's source text.
 */
import { continuationLength } from '../shell.ts';
import type { Source, SourceRange } from './model.ts';

/** Drops a byte-order mark and turns CRLF and lone CR line ends into LF. */
export function normalizeNewlines(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The offset of the first character at or after `offset` that is not a blank or continuation. */
export function skipBlanks(text: string, offset: number, escape: string): number {
	let index = offset;
	for (;;) {
		while (text.charAt(index) === ' ' || text.charAt(index) === '\t') index += 1;
		const length = continuationLength(text, index, escape);
		if (length === 0) return index;
		index += length;
	}
}

/** Whether a line ends with the escape character, which continues the instruction. */
export function continues(line: string, escape: string): boolean {
	const trimmed = line.replace(/[ \t]+$/, '');
	return trimmed.endsWith(escape);
}

/**
 * Joins continuation lines as Docker does before reading an instruction's arguments: the escape
 * character and its line break go, and blank or comment lines inside the instruction are skipped.
 * Lines not continued (a heredoc's body) keep their line break.
 */
export function joinContinuations(text: string, escape: string): string {
	if (!text.includes('\n')) return text;
	const lines = text.split('\n');
	let joined = '';
	let continuing = false;
	for (const [index, line] of lines.entries()) {
		if (continuing && /^[ \t]*(#.*)?$/.test(line)) continue;
		const last = index === lines.length - 1;
		continuing = !last && continues(line, escape);
		if (continuing) joined += line.replace(/[ \t]*$/, '').slice(0, -escape.length);
		else joined += last ? line : `${line}\n`;
	}
	return joined;
}

/**
 * Reads the exec form: a JSON array of strings such as `["npm", "start"]`. Anything else (Docker
 * then falls back to the shell form) gives `null`.
 */
export function parseJsonArray(text: string): string[] | null {
	const trimmed = text.trim();
	if (!trimmed.startsWith('[')) return null;
	try {
		const value: unknown = JSON.parse(trimmed);
		return isStringArray(value) ? value : null;
	} catch {
		return null;
	}
}

function isStringArray(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Writes the exec form with double quotes and a space after each comma, as Docker's docs do. */
export function printJsonArray(items: readonly string[]): string {
	return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/**
 * Whether a word can be written bare in COPY, ADD or VOLUME and read back unchanged; otherwise
 * the instruction is written in the JSON form.
 */
export function isBareWord(word: string, escape: string): boolean {
	return word !== '' && !/[\s"']/.test(word) && !word.includes(escape) && !word.startsWith('<<');
}

/** The offsets at which each line of a text starts. */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
		starts.push(index + 1);
	}
	return starts;
}

/**
 * The 1-based range of `text.slice(start, end)` inside a node whose source is given; used to
 * point a finding at one word of an instruction rather than at all of it.
 */
export function rangeIn(source: Source, start: number, end: number): SourceRange {
	const from = positionIn(source, start);
	const to = positionIn(source, Math.max(start, end));
	return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function positionIn(source: Source, offset: number): { line: number; column: number } {
	const before = source.text.slice(0, offset);
	const lineBreak = before.lastIndexOf('\n');
	if (lineBreak === -1) {
		return { line: source.range.line, column: source.range.column + before.length };
	}
	const lines = before.split('\n').length - 1;
	return { line: source.range.line + lines, column: before.length - lineBreak };
}

/**
 * Splits arguments on white space outside quotes, keeping each word as written (quotes and
 * escapes included), as Docker reads the words of ENV, ARG and LABEL.
 */
export function splitKeyValueWords(text: string, escape: string): string[] {
	const words: string[] = [];
	let current = '';
	let quote = '';
	for (let index = 0; index < text.length; index += 1) {
		const char = text.charAt(index);
		if (char === escape && quote !== "'" && index + 1 < text.length) {
			current += char + text.charAt(index + 1);
			index += 1;
		} else if (quote) {
			current += char;
			if (char === quote) quote = '';
		} else if (/\s/.test(char)) {
			if (current) words.push(current);
			current = '';
		} else {
			current += char;
			if (char === '"' || char === "'") quote = char;
		}
	}
	if (current) words.push(current);
	return words;
}

/** The index of the first `=` outside quotes, or -1. */
export function assignmentIndex(word: string, escape: string): number {
	let quote = '';
	for (let index = 0; index < word.length; index += 1) {
		const char = word.charAt(index);
		if (char === escape && quote !== "'") index += 1;
		else if (quote) quote = char === quote ? '' : quote;
		else if (char === '"' || char === "'") quote = char;
		else if (char === '=') return index;
	}
	return -1;
}

/** A `$NAME` or `${NAME…}` reference, with its offsets in the text. */
export interface VariableUse {
	name: string;
	start: number;
	end: number;
	/** Whether it gives a fallback (`${NAME:-default}`, `${NAME+alt}`), so it may be unset. */
	hasDefault: boolean;
}

/**
 * The variables a Dockerfile instruction expands, skipping escaped dollars and single quotes, as
 * Docker does for ENV, COPY, WORKDIR and the other instructions it substitutes in.
 */
export function variablesIn(text: string, escape: string): VariableUse[] {
	const uses: VariableUse[] = [];
	const pattern = /\$(?:\{([A-Za-z_]\w*)(:?[-+?])?[^}]*\}?|([A-Za-z_]\w*))/y;
	for (let index = 0; index < text.length; index += 1) {
		const char = text.charAt(index);
		if (char === escape) {
			index += 1;
		} else if (char === "'") {
			const close = text.indexOf("'", index + 1);
			index = close === -1 ? text.length : close;
		} else if (char === '$') {
			pattern.lastIndex = index;
			const match = pattern.exec(text);
			const name = match?.[1] ?? match?.[3];
			if (!match || !name) continue;
			const hasDefault = /^:?[-+]$/.test(match[2] ?? '');
			uses.push({ name, start: index, end: index + match[0].length, hasDefault });
			index += match[0].length - 1;
		}
	}
	return uses;
}
