/**
 * Writes the model as canonical Dockerfile text: upper-case keywords, one space between words,
 * exec forms as JSON arrays, a blank line before each stage, shell commands and comments as the
 * learner wrote them (with a blank line between two comment blocks). `parse(print(model))` gives
 * the model back.
 */
import {
	escapeOf,
	keywords,
	type Command,
	type Comment,
	type Directive,
	type Dockerfile,
	type Flag,
	type Instruction,
	type Item,
	type KeyValue,
	type Port,
	type Source,
	type Stage,
} from './model.ts';
import { isBareWord, printJsonArray } from './text.ts';

/** Pairs of ENV, ARG and LABEL go one per line when the instruction would be longer than this. */
const wrapWidth = 80;

/** The canonical text of a Dockerfile, ending with a line break (empty for an empty model). */
export function print(model: Dockerfile): string {
	return layout(model).text;
}

/**
 * The canonical text, and the line each node starts on in it (by the node's id): the numbers the
 * form shows, the same the findings give.
 */
export function printWithLines(model: Dockerfile): { text: string; lines: Map<string, number> } {
	const { text, sources } = layout(model);
	const lines = new Map<string, number>();
	for (const [node, source] of sources) lines.set((node as { id: string }).id, source.range.line);
	return { text, lines };
}

/**
 * The model with every node's `source` set to where `print()` writes it, so findings on a model
 * edited in the form point at lines of the canonical text.
 */
export function withPrintedSources(model: Dockerfile): Dockerfile {
	const { sources } = layout(model);
	const placed = <T extends { source?: Source }>(node: T): T => {
		const source = sources.get(node);
		return source ? { ...node, source } : node;
	};
	return {
		directives: model.directives.map(placed),
		preamble: model.preamble.map(placed),
		stages: model.stages.map((stage) => ({
			...placed(stage),
			from: placed(stage.from),
			items: stage.items.map(placed),
		})),
	};
}

/** The canonical text of one instruction. */
export function printInstruction(instruction: Instruction, escape = '\\'): string {
	switch (instruction.kind) {
		case 'from':
			return [
				'FROM',
				...(instruction.platform ? [`--platform=${instruction.platform}`] : []),
				imageReference(instruction),
				...(instruction.name ? ['AS', instruction.name] : []),
			].join(' ');
		case 'run':
		case 'cmd':
		case 'entrypoint':
			return withFlags(instruction, printCommand(instruction.command));
		case 'copy':
		case 'add':
			return withFlags(
				instruction,
				printPaths([...instruction.sources, instruction.destination], escape)
			);
		case 'expose':
			return ['EXPOSE', ...instruction.ports.map(printPort)].join(' ');
		case 'env':
		case 'arg':
		case 'label':
			return printPairs(keywords[instruction.kind], instruction.pairs, escape);
		case 'workdir':
			return `WORKDIR ${instruction.path}`;
		case 'user':
			return `USER ${instruction.user}${instruction.group ? `:${instruction.group}` : ''}`;
		case 'volume':
			return `VOLUME ${printPaths(instruction.paths, escape)}`;
		case 'shell':
			return `SHELL ${printJsonArray(instruction.args)}`;
		case 'healthcheck':
			return withFlags(
				instruction,
				instruction.command ? `CMD ${printCommand(instruction.command)}` : 'NONE'
			);
		case 'stopsignal':
			return `STOPSIGNAL ${instruction.signal}`;
		case 'onbuild':
			return `ONBUILD ${printInstruction(instruction.trigger, escape)}`;
		case 'maintainer':
			return `MAINTAINER ${instruction.name}`;
		case 'raw':
			return instruction.text;
	}
}

/** `image[:tag][@digest]`. */
export function imageReference(from: { image: string; tag: string; digest: string }): string {
	return `${from.image}${from.tag ? `:${from.tag}` : ''}${from.digest ? `@${from.digest}` : ''}`;
}

function withFlags(
	instruction: Extract<
		Instruction,
		{ kind: 'run' | 'cmd' | 'entrypoint' | 'copy' | 'add' | 'healthcheck' }
	>,
	rest: string
): string {
	const flags = 'flags' in instruction ? instruction.flags.map(printFlag) : [];
	return [keywords[instruction.kind], ...flags, rest].join(' ');
}

/** `80`, or `53/udp` when a protocol is written. */
export function printPort(port: Port): string {
	return port.protocol ? `${port.port}/${port.protocol}` : port.port;
}

/** `--name=value`, or `--name` for a flag without a value. */
export function printFlag(flag: Flag): string {
	return flag.value === null ? `--${flag.name}` : `--${flag.name}=${flag.value}`;
}

function printCommand(command: Command): string {
	return command.form === 'exec' ? printJsonArray(command.args) : command.text;
}

/** Bare words when each reads back unchanged, the JSON form otherwise (spaces, quotes…). */
function printPaths(paths: readonly string[], escape: string): string {
	const bare =
		paths.every((path) => isBareWord(path, escape)) &&
		!paths[0]?.startsWith('-') &&
		!paths[0]?.startsWith('[');
	return bare ? paths.join(' ') : printJsonArray(paths);
}

function printPairs(keyword: string, pairs: readonly KeyValue[], escape: string): string {
	const written = pairs.map((pair) =>
		pair.value === null ? pair.key : `${pair.key}=${pair.value}`
	);
	const line = `${keyword} ${written.join(' ')}`;
	// A wrapped line that started with `#` would be read as a comment, and its pair lost.
	const wrappable = pairs.length > 1 && !written.some((pair) => pair.startsWith('#'));
	return line.length <= wrapWidth || !wrappable
		? line
		: `${keyword} ${written.join(` ${escape}\n    `)}`;
}

/** Each line as the model keeps it: `# ` in front unless it has its own `#`, a bare `#` if empty. */
function printComment(comment: Comment): string {
	return comment.text
		.split('\n')
		.map((line) => line.trimEnd())
		.map((line) => (line === '' ? '#' : line.startsWith('#') ? line : `# ${line}`))
		.join('\n');
}

function printDirective(directive: Directive): string {
	return `# ${directive.name}=${directive.value}`;
}

/**
 * An item's text. An instruction read from a file with comment lines between its continuation
 * lines is written as it was when its canonical text would drop them: the fields of a FROM or an
 * ENV have nowhere to keep a comment.
 */
function printItem(item: Item, escape: string): string {
	if (item.kind === 'comment') return printComment(item);
	const canonical = printInstruction(item, escape);
	return item.source && dropsComments(item.source.text, canonical) ? item.source.text : canonical;
}

/** Whether `printed` lacks, in order, a comment line that `written` has after its first line. */
function dropsComments(written: string, printed: string): boolean {
	if (!/\n[ \t]*#/.test(written)) return false;
	const lines = printed.split('\n').map((line) => line.trim());
	let from = 0;
	for (const line of written.split('\n').slice(1)) {
		if (!/^[ \t]*#/.test(line)) continue;
		from = lines.indexOf(line.trim(), from) + 1;
		if (from === 0) return true;
	}
	return false;
}

/** Where each node goes: the text, and the source of every node keyed by the node itself. */
function layout(model: Dockerfile): { text: string; sources: Map<object, Source> } {
	const escape = escapeOf(model);
	const lines: string[] = [];
	const sources = new Map<object, Source>();
	const place = (node: object, text: string) => {
		const line = lines.length + 1;
		const written = text.split('\n');
		lines.push(...written);
		const endColumn = (written.at(-1) ?? '').length + 1;
		const range = { line, column: 1, endLine: lines.length, endColumn };
		sources.set(node, { range, text });
	};
	for (const directive of model.directives) place(directive, printDirective(directive));
	const body = bodyOf(model);
	if (body.length && (model.directives.length || looksLikeDirective(body[0]))) lines.push('');
	for (const [index, item] of body.entries()) {
		if (startsStageBlock(body, index) || startsCommentBlock(body, index)) lines.push('');
		place(item, printItem(item, escape));
	}
	for (const stage of model.stages) placeStage(stage, sources, lines);
	return { text: lines.length ? `${lines.join('\n')}\n` : '', sources };
}

function bodyOf(model: Dockerfile): Item[] {
	return [...model.preamble, ...model.stages.flatMap((stage) => [stage.from, ...stage.items])];
}

/**
 * A blank line goes before each FROM, or before the comments just above it, which belong to it;
 * not at the very top.
 */
function startsStageBlock(body: readonly Item[], index: number): boolean {
	if (index === 0 || body[index - 1]?.kind === 'comment') return false;
	let next = index;
	while (body[next]?.kind === 'comment') next += 1;
	return body[next]?.kind === 'from';
}

/** Two comment blocks in a row were apart in the text: a blank line keeps them so. */
function startsCommentBlock(body: readonly Item[], index: number): boolean {
	return body[index]?.kind === 'comment' && body[index - 1]?.kind === 'comment';
}

/** Docker reads a first line such as `# name=value` as a parser directive, not a comment. */
function looksLikeDirective(item: Item | undefined): boolean {
	if (item?.kind !== 'comment') return false;
	const [first = ''] = item.text.split('\n', 1);
	const equals = first.indexOf('=');
	return equals > 0 && first.slice(0, equals).replace(/^#/, '').trim() !== '';
}

function placeStage(stage: Stage, sources: Map<object, Source>, lines: readonly string[]): void {
	const first = sources.get(stage.from);
	const last = sources.get(stage.items.at(-1) ?? stage.from);
	if (!first || !last) return;
	const range = { ...first.range, endLine: last.range.endLine, endColumn: last.range.endColumn };
	const text = lines.slice(range.line - 1, range.endLine).join('\n');
	sources.set(stage, { range, text });
}
