/**
 * Reads a Dockerfile into the builder's model with `dockerfile-ast`. Instructions are broken down
 * only when printing them back gives the same model; anything else stays a `raw` instruction with
 * its text, so nothing a learner pasted is lost and `parse()` never throws.
 */
import {
	DockerfileParser,
	ModifiableInstruction,
	Onbuild,
	type Comment as AstComment,
	type Instruction as AstInstruction,
} from 'dockerfile-ast';
import type {
	Command,
	Comment,
	Directive,
	Dockerfile,
	Flag,
	FromInstruction,
	Instruction,
	Item,
	KeyValue,
	Port,
	Source,
	Stage,
} from './model.ts';
import {
	assignmentIndex,
	isBareWord,
	joinContinuations,
	lineStarts,
	normalizeNewlines,
	parseJsonArray,
	skipBlanks,
	splitKeyValueWords,
} from './text.ts';
import { printFlag } from './print.ts';

/** A 0-based position as `dockerfile-ast` gives it. */
interface AstPosition {
	line: number;
	character: number;
}

interface AstRange {
	start: AstPosition;
	end: AstPosition;
}

/** The text being parsed, with what is needed to slice it by `dockerfile-ast` ranges. */
interface Document {
	text: string;
	starts: number[];
	escape: string;
}

/** What every instruction converter gets: the instruction and its arguments in three shapes. */
interface Input {
	id: string;
	source: Source;
	document: Document;
	node: AstInstruction;
	/** The arguments after the keyword and flags, as written (continuations included). */
	args: string;
	/** The same with continuation lines joined. */
	joined: string;
	/** The joined arguments split on white space. */
	words: string[];
}

// dockerfile-ast checks the first character for a byte-order mark with Node's `Buffer.from`, which
// browsers lack; outside Node, give it the one method it calls.
const globals = globalThis as { Buffer?: { from(text: string): Uint8Array } };
globals.Buffer ??= { from: (text: string) => new TextEncoder().encode(text) };

type Converter = (input: Input) => Instruction | null;

/** Reads Dockerfile text into the model; never throws. */
export function parse(text: string): Dockerfile {
	const normalized = normalizeNewlines(text);
	try {
		// dockerfile-ast reads a last line without its line break differently (`ENV \` then `#`
		// there is an argument, elsewhere a comment): give it the break `print()` always writes.
		return build(normalized.endsWith('\n') ? normalized : `${normalized}\n`);
	} catch {
		// A parser bug must not lose the learner's text: keep it all as one raw instruction.
		const raw = { id: 'i1', kind: 'raw', keyword: '', text: normalized.trimEnd() } as const;
		return { directives: [], preamble: normalized.trim() ? [raw] : [], stages: [] };
	}
}

function build(text: string): Dockerfile {
	const ast = DockerfileParser.parse(text);
	const document: Document = { text, starts: lineStarts(text), escape: ast.getEscapeCharacter() };
	// dockerfile-ast takes any `# word … =value` line at the top for a directive; BuildKit only
	// `# name=value`, and stops at the first other line: `# hadolint ignore=DL3006` is a comment.
	const parsed = ast.getDirectives();
	const bad = parsed.findIndex(
		(directive) => !isDirectiveLine(sliceRange(document, directive.getRange()))
	);
	const kept = bad === -1 ? parsed : parsed.slice(0, bad);
	const directives = kept.map((directive, index): Directive => ({
		id: `d${index + 1}`,
		source: sourceOf(document, directive.getRange()),
		name: directive.getName().toLowerCase(),
		value: directive.getValue(),
	}));
	const items = orderedItems(document, ast.getInstructions(), [
		...parsed.slice(kept.length),
		...ast.getComments(),
	]);
	return { directives, ...groupStages(document, items) };
}

/** A comment as `dockerfile-ast` gives it, or a top line it took for a directive. */
type CommentNode = Pick<AstComment, 'getRange'>;

/** Whether a line is a parser directive for BuildKit: `# name=value`. */
function isDirectiveLine(line: string): boolean {
	return /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*\S/.test(line);
}

/**
 * Comments and instructions in file order, leaving out comments inside an instruction; comment
 * lines with nothing between them join into one block.
 */
function orderedItems(
	document: Document,
	instructions: AstInstruction[],
	comments: CommentNode[]
): Item[] {
	const items: Item[] = [];
	let next = 0;
	const take = (node: AstInstruction | CommentNode) => {
		const previous = items.at(-1);
		const range = node.getRange();
		if (!('getKeyword' in node) && previous?.kind === 'comment' && previous.source) {
			// The previous block's 1-based last line is this line's 0-based number when they touch.
			if (previous.source.range.endLine === range.start.line) {
				items[items.length - 1] = extendComment(document, previous, previous.source, range);
				return;
			}
		}
		next += 1;
		const id = `i${next}`;
		items.push(
			'getKeyword' in node ? toInstruction(document, node, id) : toComment(document, range, id)
		);
	};
	let commentIndex = 0;
	for (const instruction of instructions) {
		const { start, end } = instruction.getRange();
		for (; commentIndex < comments.length; commentIndex += 1) {
			const comment = comments[commentIndex] as CommentNode;
			const line = comment.getRange().start.line;
			if (line > end.line) break;
			if (line < start.line) take(comment);
		}
		take(instruction);
	}
	comments.slice(commentIndex).forEach(take);
	return items;
}

function groupStages(document: Document, items: Item[]): Pick<Dockerfile, 'preamble' | 'stages'> {
	const preamble: Item[] = [];
	const stages: Stage[] = [];
	for (const item of items) {
		const current = stages.at(-1);
		if (item.kind === 'from') {
			stages.push({ id: `s${stages.length + 1}`, from: item, items: [] });
		} else if (current) {
			current.items.push(item);
		} else {
			preamble.push(item);
		}
	}
	return { preamble, stages: stages.map((stage) => withStageSource(document, stage)) };
}

function withStageSource(document: Document, stage: Stage): Stage {
	const first = stage.from.source;
	const last = (stage.items.at(-1) ?? stage.from).source;
	if (!first || !last) return stage;
	const range = { ...first.range, endLine: last.range.endLine, endColumn: last.range.endColumn };
	const start = offsetOf(document, { line: range.line - 1, character: range.column - 1 });
	const end = offsetOf(document, { line: range.endLine - 1, character: range.endColumn - 1 });
	return { ...stage, source: { range, text: document.text.slice(start, end) } };
}

function toComment(document: Document, range: AstRange, id: string): Comment {
	const source = sourceOf(document, range);
	return { id, source, kind: 'comment', text: commentLine(source.text) };
}

/** The block with one more line: its source then runs from its first line to this one. */
function extendComment(
	document: Document,
	comment: Comment,
	source: Source,
	range: AstRange
): Comment {
	const start = { line: source.range.line - 1, character: source.range.column - 1 };
	const line = commentLine(trimEnd(sliceRange(document, range)));
	return {
		...comment,
		source: sourceOf(document, { start, end: range.end }),
		text: `${comment.text}\n${line}`,
	};
}

/**
 * A comment line (`#` and what follows, trailing blanks trimmed) as the model keeps it: without the
 * `# ` that `print()` puts back, or whole when it does not start so (`#RUN make`, `# # x`).
 */
function commentLine(written: string): string {
	const after = written.slice(1);
	if (after === '') return '';
	return after.startsWith(' ') && after.length > 1 && after[1] !== '#' ? after.slice(1) : written;
}

function toInstruction(document: Document, node: AstInstruction, id: string): Instruction {
	const source = sourceOf(document, node.getRange());
	const raw = {
		id,
		source,
		kind: 'raw',
		keyword: firstWord(source.text, document.escape),
		text: source.text,
	} as const;
	const input = inputOf(document, node, id, source);
	const convert = converters[node.getKeyword()];
	return (input && convert?.(input)) ?? raw;
}

/** The first word in upper case, without a trailing escape (its meaning depends on what follows). */
function firstWord(text: string, escape: string): string {
	const word = (/^\S*/.exec(text)?.[0] ?? '').toUpperCase();
	return word.endsWith(escape) ? word.slice(0, -escape.length) : word;
}

function inputOf(
	document: Document,
	node: AstInstruction,
	id: string,
	source: Source
): Input | null {
	// A text ending in the escape character would swallow the next line once printed elsewhere.
	if (source.text.endsWith(document.escape)) return null;
	const start = argumentsStart(document, node);
	const args = trimEnd(document.text.slice(start, offsetOf(document, node.getRange().end)));
	if (args === '') return null;
	const joined = joinContinuations(args, document.escape).trim();
	return { id, source, document, node, args, joined, words: joined.split(/\s+/) };
}

/** Instructions whose leading `--name=value` words are flags. */
const flagged = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);

/**
 * Where the arguments begin: after the keyword, its flags, and any blanks and continuations.
 * Found here rather than with `getArguments()`, which re-reads the instruction on every call.
 */
function argumentsStart(document: Document, node: AstInstruction): number {
	const afterKeyword = skipBlanks(
		document.text,
		offsetOf(document, node.getInstructionRange().end),
		document.escape
	);
	const mayHaveFlags =
		flagged.has(node.getKeyword()) && document.text.startsWith('--', afterKeyword);
	const flags = mayHaveFlags && node instanceof ModifiableInstruction ? node.getFlags() : [];
	const last = flags.at(-1);
	return last
		? skipBlanks(document.text, offsetOf(document, last.getRange().end), document.escape)
		: afterKeyword;
}

const converters: Partial<Record<string, Converter>> = {
	FROM: toFrom,
	RUN: (input) =>
		withFlags(input, (flags) => ({
			...base(input),
			kind: 'run',
			flags,
			command: commandOf(input.args, input.joined),
		})),
	COPY: (input) => toTransfer(input, 'copy'),
	ADD: (input) => toTransfer(input, 'add'),
	CMD: (input) => ({ ...base(input), kind: 'cmd', command: commandOf(input.args, input.joined) }),
	ENTRYPOINT: (input) => ({
		...base(input),
		kind: 'entrypoint',
		command: commandOf(input.args, input.joined),
	}),
	EXPOSE: toExpose,
	ENV: (input) => withPairs(input, 'env'),
	ARG: (input) => withPairs(input, 'arg'),
	LABEL: (input) => withPairs(input, 'label'),
	WORKDIR: (input) => ({ ...base(input), kind: 'workdir', path: input.joined }),
	USER: toUser,
	VOLUME: toVolume,
	SHELL: (input) => {
		const args = parseJsonArray(input.joined);
		return args ? { ...base(input), kind: 'shell', args } : null;
	},
	HEALTHCHECK: toHealthcheck,
	STOPSIGNAL: (input) =>
		input.words.length === 1 ? { ...base(input), kind: 'stopsignal', signal: input.joined } : null,
	ONBUILD: toOnbuild,
	MAINTAINER: (input) => ({ ...base(input), kind: 'maintainer', name: input.joined }),
};

function base(input: Input): { id: string; source: Source } {
	return { id: input.id, source: input.source };
}

function toFrom(input: Input): FromInstruction | null {
	return withFlags(input, (flags) => {
		const [image = '', as, name = '', ...rest] = input.words;
		const hasStage = as?.toLowerCase() === 'as' && name !== '' && rest.length === 0;
		const platform = flags.length === 1 && flags[0]?.name === 'platform' ? flags[0].value : null;
		const reference = isBareWord(image, input.document.escape) ? splitImage(image) : null;
		const shapeOk = (input.words.length === 1 || hasStage) && (flags.length === 0 || platform);
		if (!reference || !shapeOk) return null;
		return { ...base(input), kind: 'from', platform: platform ?? '', ...reference, name };
	});
}

/** Splits `registry/path:tag@digest`; a colon before the last slash is a registry port. */
function splitImage(word: string): Pick<FromInstruction, 'image' | 'tag' | 'digest'> | null {
	const at = word.indexOf('@');
	const named = at === -1 ? word : word.slice(0, at);
	const digest = at === -1 ? '' : word.slice(at + 1);
	const colon = named.lastIndexOf(':');
	const hasTag = colon > named.lastIndexOf('/');
	const image = hasTag ? named.slice(0, colon) : named;
	const tag = hasTag ? named.slice(colon + 1) : '';
	const empty =
		image === '' ||
		(hasTag && tag === '') ||
		(at !== -1 && (digest === '' || digest.includes('@')));
	return empty ? null : { image, tag, digest };
}

function commandOf(args: string, joined: string): Command {
	const exec = parseJsonArray(joined);
	return exec ? { form: 'exec', args: exec } : { form: 'shell', text: args };
}

function toTransfer(input: Input, kind: 'copy' | 'add'): Instruction | null {
	return withFlags(input, (flags) => {
		const paths = pathsOf(input);
		if (!paths || paths.length < 2) return null;
		return {
			...base(input),
			kind,
			flags,
			sources: paths.slice(0, -1),
			destination: paths.at(-1) ?? '',
		};
	});
}

/** The JSON form's strings, or the bare words of the plain form. */
function pathsOf(input: Input): string[] | null {
	const json = parseJsonArray(input.joined);
	if (json) return json;
	return input.words.every((word) => isBareWord(word, input.document.escape)) ? input.words : null;
}

function toExpose(input: Input): Instruction | null {
	const ports: Port[] = [];
	for (const word of input.words) {
		if (!isBareWord(word, input.document.escape)) return null;
		const slash = word.lastIndexOf('/');
		const port = slash === -1 ? word : word.slice(0, slash);
		const protocol = slash === -1 ? '' : word.slice(slash + 1);
		if (port === '' || (slash !== -1 && protocol === '')) return null;
		ports.push({ port, protocol });
	}
	return { ...base(input), kind: 'expose', ports };
}

function toUser(input: Input): Instruction | null {
	const colon = input.joined.indexOf(':');
	const user = colon === -1 ? input.joined : input.joined.slice(0, colon);
	const group = colon === -1 ? '' : input.joined.slice(colon + 1);
	if (input.words.length !== 1 || user === '' || (colon !== -1 && group === '')) return null;
	return { ...base(input), kind: 'user', user, group };
}

function toVolume(input: Input): Instruction | null {
	const paths = pathsOf(input);
	return paths?.length ? { ...base(input), kind: 'volume', paths } : null;
}

function toHealthcheck(input: Input): Instruction | null {
	return withFlags(input, (flags) => {
		const [word = ''] = input.words;
		if (word.toUpperCase() === 'NONE' && input.words.length === 1) {
			return { ...base(input), kind: 'healthcheck', flags, command: null };
		}
		const rest = input.args.slice(skipBlanks(input.args, word.length, input.document.escape));
		if (word.toUpperCase() !== 'CMD' || !/^\S+/.test(rest) || !input.args.startsWith(word))
			return null;
		const command = commandOf(rest, joinContinuations(rest, input.document.escape).trim());
		return { ...base(input), kind: 'healthcheck', flags, command };
	});
}

function toOnbuild(input: Input): Instruction | null {
	const triggerNode = input.node instanceof Onbuild ? input.node.getTriggerInstruction() : null;
	if (!triggerNode) return null;
	const trigger = toInstruction(input.document, triggerNode, `${input.id}-trigger`);
	const forbidden = ['raw', 'from', 'maintainer', 'onbuild'].includes(trigger.kind);
	return forbidden ? null : { ...base(input), kind: 'onbuild', trigger };
}

/**
 * Converts the flags of RUN, COPY, ADD, FROM and HEALTHCHECK, then builds the instruction; a flag
 * that would not print back as written (quotes, spaces, a continuation inside) makes it raw.
 */
function withFlags<T extends Instruction>(
	input: Input,
	make: (flags: Flag[]) => T | null
): T | null {
	const flags: Flag[] = [];
	// As in `argumentsStart()`: `--` later in the arguments (`RUN !--x --from=a`) starts no flag.
	const { document, node } = input;
	const afterKeyword = skipBlanks(
		document.text,
		offsetOf(document, node.getInstructionRange().end),
		document.escape
	);
	const hasFlags = document.text.startsWith('--', afterKeyword);
	const astFlags = hasFlags && node instanceof ModifiableInstruction ? node.getFlags() : [];
	for (const flag of astFlags) {
		const converted = { name: flag.getName(), value: flag.getValue() };
		const written = sliceRange(input.document, flag.getRange());
		const clean =
			/^[A-Za-z][\w-]*$/.test(converted.name) &&
			isFlagValue(converted.value, input.document.escape);
		if (!clean || written !== printFlag(converted)) return null;
		flags.push(converted);
	}
	return make(flags);
}

function isFlagValue(value: string | null, escape: string): boolean {
	return value === null || value === '' || isBareWord(value, escape);
}

/**
 * The `key=value` pairs of ENV, ARG and LABEL, as written. The legacy form `ENV KEY value` becomes
 * `KEY=value` (quoted when it holds spaces); ARG has no legacy form (`ARG A b` declares two).
 */
function withPairs(input: Input, kind: 'env' | 'arg' | 'label'): Instruction | null {
	const { escape } = input.document;
	const words = splitKeyValueWords(input.joined, escape);
	const [first = ''] = words;
	const legacy = kind !== 'arg' && words.length > 1 && assignmentIndex(first, escape) === -1;
	const pairs = legacy
		? legacyPair(first, input.joined.slice(first.length).trim(), escape)
		: words.map((word) => pairOf(word, escape));
	const invalid =
		!pairs?.length || pairs.some((pair) => pair.key === '') || input.joined.includes('\n');
	if (invalid) return null;
	return { ...base(input), kind, pairs };
}

function pairOf(word: string, escape: string): KeyValue {
	const equals = assignmentIndex(word, escape);
	return equals === -1
		? { key: word, value: null }
		: { key: word.slice(0, equals), value: word.slice(equals + 1) };
}

/**
 * `ENV KEY some value` means `KEY="some value"`, and `ENV KEY "some value"` the same; other quotes
 * or escapes in it make it raw.
 */
function legacyPair(key: string, value: string, escape: string): KeyValue[] | null {
	if (!/\s/.test(value)) return [{ key, value }];
	const quoted = /^("[^"\\`]*"|'[^'\\`]*')$/.test(value) && !value.includes(escape);
	if (quoted) return [{ key, value }];
	return /["'\\`]/.test(value) || value.includes(escape) ? null : [{ key, value: `"${value}"` }];
}

function sourceOf(document: Document, range: AstRange): Source {
	const text = trimEnd(sliceRange(document, range));
	const end = endOf(range.start, text);
	return {
		range: {
			line: range.start.line + 1,
			column: range.start.character + 1,
			endLine: end.line + 1,
			endColumn: end.character + 1,
		},
		text,
	};
}

/** The position just after `text` when it starts at `start` (after trimming, the end moves). */
function endOf(start: AstPosition, text: string): AstPosition {
	const lastBreak = text.lastIndexOf('\n');
	if (lastBreak === -1) return { line: start.line, character: start.character + text.length };
	return { line: start.line + text.split('\n').length - 1, character: text.length - lastBreak - 1 };
}

function sliceRange(document: Document, range: AstRange): string {
	return document.text.slice(offsetOf(document, range.start), offsetOf(document, range.end));
}

function offsetOf(document: Document, position: AstPosition): number {
	const start = document.starts[position.line] ?? document.text.length;
	return Math.min(start + position.character, document.text.length);
}

function trimEnd(text: string): string {
	return text.replace(/[ \t\n]+$/, '');
}
