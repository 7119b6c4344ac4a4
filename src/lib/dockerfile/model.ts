/**
 * The typed model of a Dockerfile that the builder edits as a form. Every field is plain data, so a
 * view can render it as inputs and change it with spreads; `parse()` builds it from text and
 * `print()` turns it back into canonical text.
 *
 * Conventions: optional words (a tag, a stage name, a group) are empty strings when absent, so a
 * text input can bind to them directly; `null` is kept for the few places where "no value" and
 * "empty value" mean different things (`ARG NAME` versus `ARG NAME=`).
 */

/** A 1-based range in the source text; `endColumn` is exclusive (just after the last character). */
export interface SourceRange {
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

/**
 * Where a node came from. `parse()` sets it; nodes created or changed in the editor have none, and
 * `lint()` then places findings on the canonical text instead.
 */
export interface Source {
	/** The lines and columns the node spans. */
	range: SourceRange;
	/** The node's text exactly as written, continuation lines included. */
	text: string;
}

/** Fields every node has. */
export interface NodeBase {
	/** Stable key for the view (`i3`, `s1`, `d1`): kept when the node is edited or moved. */
	id: string;
	/** Position and original text; absent on nodes the editor made or changed. */
	source?: Source;
}

/** A flag such as `--mount=type=cache,target=/root/.cache` (`value` is `null` for `--link`). */
export interface Flag {
	/** The name without the leading dashes: `mount`, `from`, `chown`. */
	name: string;
	/** The text after `=`, or `null` when the flag has no `=`. */
	value: string | null;
}

/**
 * A command of RUN, CMD, ENTRYPOINT or HEALTHCHECK. The exec form runs a program directly with
 * these arguments; the shell form goes through `/bin/sh -c` and keeps the learner's text, line
 * continuations included.
 */
export type Command = { form: 'exec'; args: string[] } | { form: 'shell'; text: string };

/** One `key=value` of ENV, ARG or LABEL, both as written (quotes included). */
export interface KeyValue {
	key: string;
	/**
	 * `null` when there is no `=` at all, as in `ARG VERSION`. In ENV and LABEL only a pair after
	 * the first may lack it: `ENV KEY other=x` is the legacy form, KEY set to `other=x`.
	 */
	value: string | null;
}

/** One port of EXPOSE: `port` is a number, a range (`8000-8010`) or a variable. */
export interface Port {
	port: string;
	/** `tcp`, `udp`, `sctp`, or empty when not written (Docker then assumes `tcp`). */
	protocol: string;
}

/** `FROM [--platform=…] image[:tag][@digest] [AS name]`. */
export interface FromInstruction extends NodeBase {
	kind: 'from';
	/** The `--platform` value, or empty. */
	platform: string;
	/** The image with its registry and path, without tag or digest: `ubuntu`, `ghcr.io/a/b`. */
	image: string;
	tag: string;
	/** `sha256:…`, or empty. */
	digest: string;
	/** The stage name after `AS`, or empty. */
	name: string;
}

/** `RUN [flags] command`. */
export interface RunInstruction extends NodeBase {
	kind: 'run';
	/** `--mount`, `--network`, `--security` and any other flag, in order. */
	flags: Flag[];
	command: Command;
}

/** The fields COPY and ADD share. */
export interface TransferFields {
	/** `--from`, `--chown`, `--chmod`, `--link` and any other flag, in order. */
	flags: Flag[];
	/** At least one path, URL or (for COPY) glob. */
	sources: string[];
	destination: string;
}

/** `COPY [flags] source… destination`. */
export interface CopyInstruction extends NodeBase, TransferFields {
	kind: 'copy';
}

/** `ADD [flags] source… destination`. */
export interface AddInstruction extends NodeBase, TransferFields {
	kind: 'add';
}

/** `CMD command`: the default command of the container. */
export interface CmdInstruction extends NodeBase {
	kind: 'cmd';
	command: Command;
}

/** `ENTRYPOINT command`: the program the container always runs. */
export interface EntrypointInstruction extends NodeBase {
	kind: 'entrypoint';
	command: Command;
}

/** `EXPOSE port[/protocol]…`. */
export interface ExposeInstruction extends NodeBase {
	kind: 'expose';
	ports: Port[];
}

/** `ENV key=value…`. */
export interface EnvInstruction extends NodeBase {
	kind: 'env';
	pairs: KeyValue[];
}

/** `ARG name[=default]…`. */
export interface ArgInstruction extends NodeBase {
	kind: 'arg';
	pairs: KeyValue[];
}

/** `LABEL key=value…`. */
export interface LabelInstruction extends NodeBase {
	kind: 'label';
	pairs: KeyValue[];
}

/** `WORKDIR path`. */
export interface WorkdirInstruction extends NodeBase {
	kind: 'workdir';
	path: string;
}

/** `USER user[:group]`. */
export interface UserInstruction extends NodeBase {
	kind: 'user';
	user: string;
	/** The group after `:`, or empty. */
	group: string;
}

/** `VOLUME path…`. */
export interface VolumeInstruction extends NodeBase {
	kind: 'volume';
	paths: string[];
}

/** `SHELL ["executable", "parameters"…]` (exec form only). */
export interface ShellInstruction extends NodeBase {
	kind: 'shell';
	args: string[];
}

/** `HEALTHCHECK [flags] CMD command`, or `HEALTHCHECK NONE` when `command` is `null`. */
export interface HealthcheckInstruction extends NodeBase {
	kind: 'healthcheck';
	/** `--interval`, `--timeout`, `--start-period`, `--retries`… */
	flags: Flag[];
	command: Command | null;
}

/** `STOPSIGNAL signal`. */
export interface StopsignalInstruction extends NodeBase {
	kind: 'stopsignal';
	signal: string;
}

/** `ONBUILD instruction`: runs when another image is built FROM this one. */
export interface OnbuildInstruction extends NodeBase {
	kind: 'onbuild';
	/** Any instruction but FROM, MAINTAINER and ONBUILD. */
	trigger: Instruction;
}

/** `MAINTAINER name` (deprecated in favour of a LABEL). */
export interface MaintainerInstruction extends NodeBase {
	kind: 'maintainer';
	name: string;
}

/**
 * An instruction the model does not break down (unknown, malformed, or written in a form the
 * editor has no fields for, such as a heredoc COPY), kept verbatim so nothing is lost.
 */
export interface RawInstruction extends NodeBase {
	kind: 'raw';
	/** The first word in upper case: `FOO`, `COPY`. */
	keyword: string;
	/** The whole instruction as written, keyword and continuation lines included. */
	text: string;
}

/** Every instruction the model knows. */
export type Instruction =
	| FromInstruction
	| RunInstruction
	| CopyInstruction
	| AddInstruction
	| CmdInstruction
	| EntrypointInstruction
	| ExposeInstruction
	| EnvInstruction
	| ArgInstruction
	| LabelInstruction
	| WorkdirInstruction
	| UserInstruction
	| VolumeInstruction
	| ShellInstruction
	| HealthcheckInstruction
	| StopsignalInstruction
	| OnbuildInstruction
	| MaintainerInstruction
	| RawInstruction;

/** The `kind` of an instruction. */
export type InstructionKind = Instruction['kind'];

/**
 * A block of `#` comment lines between instructions: consecutive lines make one block, and a blank
 * line separates two blocks.
 */
export interface Comment extends NodeBase {
	kind: 'comment';
	/**
	 * One line per comment line, as written but for trailing blanks: `# note` is `note` (the space
	 * after `#` is the usual separator), `#   indented` is `  indented`, and a line that does not
	 * fit that mould keeps its `#`, as `#RUN make` or `####`. An empty line stands for a bare `#`.
	 */
	text: string;
}

/** Anything listed inside a stage or before the first FROM. */
export type Item = Instruction | Comment;

/** A parser directive at the top of the file: `# syntax=docker/dockerfile:1`, `# escape=\``. */
export interface Directive extends NodeBase {
	/** The name in lower case: `syntax`, `escape`, `check`. */
	name: string;
	value: string;
}

/** A build stage: its FROM and everything up to the next FROM. */
export interface Stage extends NodeBase {
	from: FromInstruction;
	items: Item[];
}

/** A whole Dockerfile. */
export interface Dockerfile {
	directives: Directive[];
	/** What comes before the first FROM: global ARGs and comments (anything else is an error). */
	preamble: Item[];
	stages: Stage[];
}

/** The upper-case keyword of each modelled kind. */
export const keywords = {
	from: 'FROM',
	run: 'RUN',
	copy: 'COPY',
	add: 'ADD',
	cmd: 'CMD',
	entrypoint: 'ENTRYPOINT',
	expose: 'EXPOSE',
	env: 'ENV',
	arg: 'ARG',
	label: 'LABEL',
	workdir: 'WORKDIR',
	user: 'USER',
	volume: 'VOLUME',
	shell: 'SHELL',
	healthcheck: 'HEALTHCHECK',
	stopsignal: 'STOPSIGNAL',
	onbuild: 'ONBUILD',
	maintainer: 'MAINTAINER',
} as const satisfies Record<Exclude<InstructionKind, 'raw'>, string>;

/** The keyword of an instruction as Docker reads it (`FOO` for an unknown one). */
export function keywordOf(instruction: Instruction): string {
	return instruction.kind === 'raw' ? instruction.keyword : keywords[instruction.kind];
}

/** The escape character the file declares with `# escape=`, by default a backslash. */
export function escapeOf(model: Dockerfile): string {
	// Like Docker, the first `escape` directive with a valid value wins.
	const directive = model.directives.find(
		(d) => d.name === 'escape' && (d.value === '`' || d.value === '\\')
	);
	return directive?.value ?? '\\';
}

/**
 * What follows `#` on each line of a comment block, trimmed, as it prints: what the tools read a
 * pragma such as `# hadolint ignore=DL3008` or `# check=skip=…` from.
 */
export function commentLines(comment: Comment): string[] {
	return comment.text.split('\n').map((line) => line.replace(/^#/, '').trim());
}

/** Whether an item is an instruction rather than a comment. */
export function isInstruction(item: Item): item is Instruction {
	return item.kind !== 'comment';
}

/** Every instruction in file order (stage FROMs included, ONBUILD triggers not). */
export function instructionsOf(model: Dockerfile): Instruction[] {
	return [
		...model.preamble.filter(isInstruction),
		...model.stages.flatMap((stage) => [stage.from, ...stage.items.filter(isInstruction)]),
	];
}

/**
 * A copy of the model without ids and sources: two models are the same Dockerfile when these
 * copies are deeply equal.
 */
export function withoutSource(model: Dockerfile): unknown {
	return JSON.parse(JSON.stringify(model), (key, value: unknown) =>
		key === 'id' || key === 'source' ? undefined : value
	);
}
