/**
 * A small reader of POSIX shell commands, enough to find programs and their arguments: in a
 * Dockerfile's RUN and CMD for the linter (`apt-get install`, pipes, `cd`, `sudo`), and in a
 * learner's answer for the quiz's Docker command matcher. It is not a shell: it knows quotes,
 * escapes, operators, `$(…)`, comments and Dockerfile line continuations, nothing more.
 */

/** After an escape character: the line break, and the blank or comment lines Docker skips. */
const continuationTail = /[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*/y;

/**
 * The length of a line continuation starting at `index` (the escape character, its line break and
 * the blank or comment lines after it), or 0 when there is none.
 */
export function continuationLength(text: string, index: number, escape: string): number {
	if (!text.startsWith(escape, index)) return 0;
	continuationTail.lastIndex = index + escape.length;
	return continuationTail.exec(text) ? continuationTail.lastIndex - index : 0;
}

/** A word of a command, unquoted, with its offsets in the text that was read. */
export interface Word {
	text: string;
	start: number;
	end: number;
}

/** A simple command: its words and the operator that follows it. */
export interface SimpleCommand {
	words: Word[];
	/** `&&`, `||`, `|`, `;`, `&`, a line break, or empty at the end. */
	next: string;
}

/** POSIX-like shells: a script may be piped into them or given to them with `-c`. */
export const shellNames: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** Words before the program that do not change which program runs. */
const prefixes = new Set(['sudo', 'env', 'exec', 'nohup', 'time', 'command', 'nice']);

/**
 * Splits shell text into simple commands. `escape` is the Dockerfile escape character: it
 * followed by a line break continues the line, and comment lines inside the continuation go.
 */
export function splitCommands(text: string, escape = '\\'): SimpleCommand[] {
	const reader = { text, escape, index: 0, commands: [] as SimpleCommand[], words: [] as Word[] };
	while (reader.index < text.length) readToken(reader);
	endCommand(reader, '');
	return reader.commands;
}

/**
 * The index of the word that names the program, after `sudo`, `env`, `VAR=value` and their
 * options; -1 when there is none.
 */
export function programIndex(command: SimpleCommand): number {
	let afterPrefix = false;
	for (const [index, word] of command.words.entries()) {
		const isAssignment = /^[A-Za-z_]\w*=/.test(word.text);
		const isPrefixOption = afterPrefix && word.text.startsWith('-');
		if (prefixes.has(word.text)) afterPrefix = true;
		else if (!isAssignment && !isPrefixOption) return index;
	}
	return -1;
}

/** The program's name without its directory (`/usr/bin/apt-get` → `apt-get`), or empty. */
export function programOf(command: SimpleCommand): string {
	const word = command.words[programIndex(command)];
	return word ? (word.text.split('/').at(-1) ?? '') : '';
}

/** The words after the program. */
export function argumentsOf(command: SimpleCommand): Word[] {
	const index = programIndex(command);
	return index === -1 ? [] : command.words.slice(index + 1);
}

interface Reader {
	text: string;
	escape: string;
	index: number;
	commands: SimpleCommand[];
	words: Word[];
}

function readToken(reader: Reader): void {
	const { text, index } = reader;
	const char = text.charAt(index);
	const continuation = continuationAt(reader);
	if (continuation) {
		reader.index += continuation;
	} else if (char === '\n' || char === ';' || char === '(' || char === ')') {
		endCommand(reader, char === '(' || char === ')' ? ';' : char);
		reader.index += 1;
	} else if (char === '&' || char === '|') {
		const double = text.charAt(index + 1) === char;
		endCommand(reader, double ? char + char : char);
		reader.index += double ? 2 : 1;
	} else if (char === '#') {
		const lineEnd = text.indexOf('\n', index);
		reader.index = lineEnd === -1 ? text.length : lineEnd;
	} else if (isSpace(char)) {
		reader.index += 1;
	} else {
		readWord(reader);
	}
}

function isSpace(char: string): boolean {
	return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** The length of a line continuation at the reader's position; 0 if there is none. */
function continuationAt(reader: Reader): number {
	return continuationLength(reader.text, reader.index, reader.escape);
}

/** A run of characters that need no care inside a word, read in one go. */
const plainRun = /[^\s;&|()'"\\$<>`]+/y;

function readWord(reader: Reader): void {
	const { text } = reader;
	const start = reader.index;
	let value = '';
	while (reader.index < text.length) {
		plainRun.lastIndex = reader.index;
		if (plainRun.test(text)) {
			value += text.slice(reader.index, plainRun.lastIndex);
			reader.index = plainRun.lastIndex;
			continue;
		}
		const char = text.charAt(reader.index);
		if (isSpace(char) || ';&|()'.includes(char) || continuationAt(reader)) break;
		if (char === "'" || char === '"') {
			value += readQuoted(reader, char);
		} else if (char === '\\') {
			value += text.charAt(reader.index + 1);
			reader.index += 2;
		} else if (char === '$' && text.charAt(reader.index + 1) === '(') {
			value += readBalanced(reader);
		} else if ((char === '>' || char === '<') && text.charAt(reader.index + 1) === '&') {
			value += text.slice(reader.index, reader.index + 2);
			reader.index += 2;
		} else {
			value += char;
			reader.index += 1;
		}
	}
	reader.words.push({ text: value, start, end: reader.index });
}

/** A quoted part of a word, without its quotes; a backslash escapes inside double quotes only. */
function readQuoted(reader: Reader, quote: string): string {
	const { text } = reader;
	if (quote === "'") {
		const close = text.indexOf("'", reader.index + 1);
		const end = close === -1 ? text.length : close;
		const value = text.slice(reader.index + 1, end);
		reader.index = end + 1;
		return value;
	}
	let value = '';
	reader.index += 1;
	while (reader.index < text.length && text.charAt(reader.index) !== quote) {
		const escaped = text.charAt(reader.index) === '\\';
		value += text.charAt(reader.index + (escaped ? 1 : 0));
		reader.index += escaped ? 2 : 1;
	}
	reader.index += 1;
	return value;
}

/** `$(…)` as one piece of a word, nested parentheses included. */
function readBalanced(reader: Reader): string {
	const { text } = reader;
	const start = reader.index;
	let depth = 0;
	reader.index += 1;
	do {
		const char = text.charAt(reader.index);
		if (char === '(') depth += 1;
		if (char === ')') depth -= 1;
		reader.index += 1;
	} while (reader.index < text.length && depth > 0);
	return text.slice(start, reader.index);
}

function endCommand(reader: Reader, next: string): void {
	if (reader.words.length) reader.commands.push({ words: reader.words, next });
	else if (next && next !== '\n' && reader.commands.length) {
		// `a &&\n b`: the line break after an operator does not end the command list.
		const last = reader.commands.at(-1);
		if (last && (last.next === '' || last.next === '\n')) last.next = next;
	}
	reader.words = [];
}
