/**
 * What the lint rules see: the model split into stages, each instruction's shell commands read
 * once, and helpers that turn a word of an instruction into a 1-based range.
 */
import type { Severity } from '../findings.ts';
import type { Localized } from '../i18n/locale.ts';
import {
	commentLines,
	escapeOf,
	isInstruction,
	type Command,
	type Dockerfile,
	type Instruction,
	type Source,
	type SourceRange,
	type Stage,
} from './model.ts';
import { shellNames, splitCommands, type SimpleCommand, type Word } from '../shell.ts';
import { rangeIn } from './text.ts';

/** What the builder and the docs list about a rule. */
export interface RuleInfo {
	/** Our kebab-case id: `untagged-image`. */
	id: string;
	/** The same check elsewhere: a hadolint code (`DL3006`) or a `docker build --check` name. */
	counterpart: string | null;
	severity: Severity;
	/** Why it matters and how to fix it, in each language. */
	message: Localized<string>;
	/** A page of the course, without the base path: `/docker/dockerfile/`. */
	docs: string;
	/**
	 * Other tools' names for the same check (`DL3025` beside `JSONArgsRecommended`): a comment
	 * that turns any of them off turns this rule off too.
	 */
	aliases?: readonly string[];
	/** Off unless `# check=experimental=…` names it, as BuildKit does with its experimental checks. */
	experimental?: boolean;
}

/** A node with an id and, in the linter, always a source. */
export interface Located {
	id: string;
	source?: Source;
}

/** One place a rule complains about. */
export interface Hit {
	node: Located;
	/** The offending text; the whole node when absent. */
	range?: SourceRange;
	/** What to say about this place (naming the packages, say), instead of the rule's message. */
	message?: Localized<string>;
}

/** A comment line as BuildKit and hadolint read it. */
export interface CommentLine {
	/** The text after `#`, trimmed. */
	text: string;
	/** Its 1-based line. */
	line: number;
}

/** A rule: what it is, and the check that finds its hits. */
export interface Rule extends RuleInfo {
	check(context: LintContext): Hit[];
}

/** A stage as the rules see it. */
export interface StageContext {
	index: number;
	stage: Stage;
	/** The stage name in lower case (Docker compares them so), or empty. */
	name: string;
	/** The instructions after FROM, in order. */
	instructions: Instruction[];
	/** The earlier stage this one is built FROM, if any. */
	parent: StageContext | null;
	/** Whether this is the last stage, the image that `docker build` produces. */
	isFinal: boolean;
}

/** A command's simple commands and where each word is. */
export interface ShellView {
	commands: SimpleCommand[];
	/** The range of a word; the whole instruction when words have no offsets (exec form). */
	rangeOf(word: Word): SourceRange;
	/** The range from one word to another. */
	span(from: Word, to: Word): SourceRange;
}

/** Everything a rule's check receives. */
export interface LintContext {
	model: Dockerfile;
	escape: string;
	/** The instructions before the first FROM. */
	preamble: Instruction[];
	stages: StageContext[];
	/**
	 * The first stage named `name` (in lower case), if it comes before the stage at index `before`:
	 * what a FROM or `--from` naming it refers to. A map, so that thousands of stages stay linear.
	 */
	stageNamed(name: string, before?: number): StageContext | null;
	/** Every instruction of the file in order, FROMs included. */
	instructions: Instruction[];
	/** Every comment line between the instructions, in order (parser directives are not comments). */
	comments: CommentLine[];
	/**
	 * The comment lines just above an instruction, after the one before it: what BuildKit reads as
	 * its description or its `# check=` comment. A bare `#` line starts the list over; blank lines
	 * do not, as in BuildKit's parser.
	 */
	commentsAbove(node: Instruction): CommentLine[];
	/** The shell view of a RUN, CMD, ENTRYPOINT or HEALTHCHECK command (read once). */
	shell(node: Located, command: Command): ShellView;
	/** The range of the first `needle` in the node's text at or after `from`, else the node's. */
	find(node: Located, needle: string, from?: number): SourceRange;
	/** The range of the last `needle` in the node's text, else the node's. */
	findLast(node: Located, needle: string): SourceRange;
	/** The range of `text.slice(start, end)` in the node's text. */
	at(node: Located, start: number, end: number): SourceRange;
}

/** Builds the context for a model whose nodes all have a source. */
export function createContext(model: Dockerfile): LintContext {
	const escape = escapeOf(model);
	const cache = new Map<Located, ShellView>();
	const stages: StageContext[] = [];
	const firstNamed = new Map<string, StageContext>();
	const stageNamed = (name: string, before = Infinity) => {
		const stage = name === '' ? undefined : firstNamed.get(name);
		return stage && stage.index < before ? stage : null;
	};
	for (const [index, stage] of model.stages.entries()) {
		const context: StageContext = {
			index,
			stage,
			name: stage.from.name.toLowerCase(),
			instructions: stage.items.filter(isInstruction),
			parent: stageNamed(stage.from.image.toLowerCase()),
			isFinal: index === model.stages.length - 1,
		};
		stages.push(context);
		if (context.name && !firstNamed.has(context.name)) firstNamed.set(context.name, context);
	}
	const preamble = model.preamble.filter(isInstruction);
	const { comments, above } = readComments(model);
	return {
		model,
		escape,
		preamble,
		stages,
		stageNamed,
		instructions: [
			...preamble,
			...stages.flatMap((stage) => [stage.stage.from, ...stage.instructions]),
		],
		comments,
		commentsAbove: (node) => above.get(node) ?? [],
		shell(node, command) {
			const cached = cache.get(node);
			if (cached) return cached;
			const view = shellView(node, command, escape);
			cache.set(node, view);
			return view;
		},
		find: (node, needle, from = 0) =>
			foundAt(node, node.source?.text.indexOf(needle, from) ?? -1, needle),
		findLast: (node, needle) => foundAt(node, node.source?.text.lastIndexOf(needle) ?? -1, needle),
		at: (node, start, end) => (node.source ? rangeIn(node.source, start, end) : rangeOf(node)),
	};
}

/** The comment lines of the file, and those gathered above each instruction. */
function readComments(model: Dockerfile): {
	comments: CommentLine[];
	above: Map<Instruction, CommentLine[]>;
} {
	const comments: CommentLine[] = [];
	const above = new Map<Instruction, CommentLine[]>();
	let pending: CommentLine[] = [];
	const body = [
		...model.preamble,
		...model.stages.flatMap((stage) => [stage.from, ...stage.items]),
	];
	for (const item of body) {
		if (item.kind !== 'comment') {
			above.set(item, pending);
			pending = [];
			continue;
		}
		// A comment block prints as one `#` line per line of its text.
		const first = rangeOf(item).line;
		for (const [index, text] of commentLines(item).entries()) {
			const line = { text, line: first + index };
			comments.push(line);
			if (line.text === '') pending = [];
			else pending.push(line);
		}
	}
	return { comments, above };
}

/** The range of a whole node. */
export function rangeOf(node: Located): SourceRange {
	return node.source?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The range of `needle` found at `index` in the node's text; the whole node if not found. */
function foundAt(node: Located, index: number, needle: string): SourceRange {
	return node.source && index !== -1 && needle !== ''
		? rangeIn(node.source, index, index + needle.length)
		: rangeOf(node);
}

function shellView(node: Located, command: Command, escape: string): ShellView {
	const text = command.form === 'shell' ? command.text : null;
	const source = node.source;
	const offset =
		text !== null && source?.text.endsWith(text) ? source.text.length - text.length : -1;
	const locate = (start: number, end: number) =>
		source && offset !== -1 && start >= 0
			? rangeIn(source, offset + start, offset + end)
			: rangeOf(node);
	return {
		commands:
			text === null
				? execCommands(command.form === 'exec' ? command.args : [], escape)
				: splitCommands(text, escape),
		rangeOf: (word) => locate(word.start, word.end),
		span: (from, to) => locate(from.start, to.end),
	};
}

/** An exec form is one command, unless it runs a shell with `-c`: then its script is read. */
function execCommands(args: readonly string[], escape: string): SimpleCommand[] {
	const [program = '', flag, script] = args;
	if (shellNames.has(program.split('/').at(-1) ?? '') && flag === '-c' && script !== undefined) {
		return splitCommands(script, escape).map((command) => ({
			...command,
			words: command.words.map((word) => ({ ...word, start: -1, end: -1 })),
		}));
	}
	return [{ words: args.map((text) => ({ text, start: -1, end: -1 })), next: '' }];
}
