/**
 * The comments that turn checks off, read the way the tools that define them read them:
 * BuildKit's `# check=skip=…` (a parser directive for the whole file, or since Dockerfile 1.21 a
 * comment just above one instruction, for the checks BuildKit runs instruction by instruction)
 * and hadolint's `# hadolint ignore=…` (the instruction on the next line) and
 * `# hadolint global ignore=…` (the whole file). A rule is named by our id, its counterpart or one
 * of its aliases.
 */
import type { CommentLine, LintContext, Located, RuleInfo } from './context.ts';
import type { Directive } from './model.ts';

/** What turned a finding off: the kind of comment, and its line. */
export interface Silenced {
	/** `check-skip`: a `# check=skip=…` directive or comment; `hadolint-ignore`: a hadolint pragma. */
	by: 'check-skip' | 'hadolint-ignore';
	/** The 1-based line of that directive or comment. */
	line: number;
}

/** BuildKit's check options, as in `# check=skip=A,B;experimental=C;error=true`. */
export interface CheckOptions {
	/** `skip=all`: every check but the experimental ones is off. */
	skipAll: boolean;
	/** The rules `skip=` names. */
	skip: ReadonlySet<string>;
	/** `experimental=all`: every experimental check is on. */
	experimentalAll: boolean;
	/** The experimental checks `experimental=` turns on. */
	experimental: ReadonlySet<string>;
	/** `error=true`: a check that fires makes the build fail. */
	error: boolean;
}

/** A `# hadolint ignore=…` pragma: the rules it names, for the next instruction or the file. */
export interface HadolintIgnore {
	/** `# hadolint global ignore=`: the whole file, not just the next instruction. */
	global: boolean;
	/** The rule names, as written. */
	rules: string[];
}

/** What the file's directive and comments say about the rules. */
export interface Silencing {
	/** Whether the file's `# check=error=true` turns the build checks that fire into errors. */
	errors: boolean;
	/** Whether the rule is off for the whole file, so it need not run. */
	offEverywhere(rule: RuleInfo): boolean;
	/** Whether an experimental rule is on for a node (other rules always are). */
	enabled(rule: RuleInfo, node: Located): boolean;
	/** What turns the rule off on a node, or `null`. */
	silencer(rule: RuleInfo, node: Located): Silenced | null;
}

/** What one comment or directive does, and where it is. */
interface Setting<T> {
	value: T;
	line: number;
}

/** The settings that apply to one instruction. */
interface NodeSettings {
	check: Setting<CheckOptions> | null;
	hadolint: Setting<string[]> | null;
}

/**
 * The checks BuildKit runs over the whole file at once, with only the file's `# check=`
 * directive: a comment above one instruction does not turn them off.
 */
const fileWide = new Set([
	'ConsistentInstructionCasing',
	'DuplicateStageName',
	'InvalidDefaultArgInFrom',
	'NoEmptyContinuation',
	'ReservedStageName',
]);

const noOptions: CheckOptions = {
	skipAll: false,
	skip: new Set(),
	experimentalAll: false,
	experimental: new Set(),
	error: false,
};

/** Reads the file's directive and comments once per lint run. */
export function readSilencing(context: LintContext): Silencing {
	const file = fileCheck(context.model.directives);
	const global = context.comments.flatMap((comment) => {
		const ignore = parseHadolintIgnore(comment.text);
		return ignore?.global ? [{ value: ignore.rules, line: comment.line }] : [];
	});
	const byNode = new Map<Located, NodeSettings>();
	for (const node of context.instructions) {
		const above = context.commentsAbove(node);
		const settings = { check: instructionCheck(above), hadolint: hadolintAbove(node, above) };
		if (settings.check || settings.hadolint) byNode.set(node, settings);
	}
	const fileOff = (rule: RuleInfo) => !rule.experimental && skips(file?.value, rule);
	return {
		errors: file?.value.error ?? false,
		offEverywhere: (rule) =>
			fileOff(rule) || global.some((setting) => setting.value.some((name) => names(rule, name))),
		enabled(rule, node) {
			const local = byNode.get(node)?.check?.value;
			return !rule.experimental || enables(file?.value, rule) || enables(local, rule);
		},
		silencer(rule, node) {
			const { check, hadolint } = byNode.get(node) ?? { check: null, hadolint: null };
			const ignored = (setting: Setting<string[]> | null | undefined) =>
				setting?.value.some((name) => names(rule, name)) ? setting : null;
			const hadolintLine = ignored(hadolint)?.line;
			if (hadolintLine !== undefined) return { by: 'hadolint-ignore', line: hadolintLine };
			const local = !rule.experimental && !fileWide.has(rule.counterpart ?? '');
			const checkLine = local && skips(check?.value, rule) ? check?.line : undefined;
			if (checkLine !== undefined) return { by: 'check-skip', line: checkLine };
			if (file && fileOff(rule)) return { by: 'check-skip', line: file.line };
			const globalLine = global.find((setting) => ignored(setting))?.line;
			return globalLine === undefined ? null : { by: 'hadolint-ignore', line: globalLine };
		},
	};
}

/**
 * Reads BuildKit's check options as its `ParseLintOptions` does: at most three `;`-separated
 * settings, `skip` and `experimental` taking `all` or a list, `error` a boolean. Anything else
 * makes the whole value invalid (`null`): BuildKit then refuses a directive and ignores a comment.
 */
export function parseCheckOptions(value: string): CheckOptions | null {
	const trimmed = value.trim();
	if (trimmed === '') return noOptions;
	const options = { ...noOptions };
	for (const part of splitN(trimmed, ';', 3)) {
		const equals = part.indexOf('=');
		if (equals === -1) return null;
		const key = part.slice(0, equals).trim();
		const setting = part.slice(equals + 1).trim();
		const list = new Set(setting.split(',').map((name) => name.trim()));
		if (key === 'skip')
			Object.assign(options, { skipAll: options.skipAll || setting === 'all', skip: list });
		else if (key === 'experimental')
			Object.assign(options, {
				experimentalAll: options.experimentalAll || setting === 'all',
				experimental: list,
			});
		else if (key === 'error') {
			const flag = goBool(setting);
			if (flag === null) return null;
			options.error = flag;
		} else return null;
	}
	return options;
}

/**
 * Reads a hadolint pragma from a comment's text as hadolint's grammar does: `hadolint`, maybe
 * `global`, then `ignore=` and rule names separated by commas, maybe followed by `# a reason`.
 * hadolint's own codes are `DL` and `SC` ones; our ids are accepted too.
 */
export function parseHadolintIgnore(comment: string): HadolintIgnore | null {
	const pragma =
		/^[ \t]*hadolint[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*([A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*)[ \t]*(?:#.*)?$/.exec(
			comment
		);
	if (!pragma?.[2]) return null;
	return {
		global: pragma[1] !== undefined,
		rules: pragma[2].split(',').map((name) => name.trim()),
	};
}

/** Whether a name given in a comment is this rule's id, counterpart or alias. */
function names(rule: RuleInfo, name: string): boolean {
	return name === rule.id || name === rule.counterpart || (rule.aliases ?? []).includes(name);
}

function skips(options: CheckOptions | undefined, rule: RuleInfo): boolean {
	if (!options) return false;
	return options.skipAll || [...options.skip].some((name) => names(rule, name));
}

function enables(options: CheckOptions | undefined, rule: RuleInfo): boolean {
	if (!options) return false;
	return options.experimentalAll || [...options.experimental].some((name) => names(rule, name));
}

/** The file's `# check=` directive: the first one, with its value as BuildKit reads the line. */
function fileCheck(directives: readonly Directive[]): Setting<CheckOptions> | null {
	const directive = directives.find((each) => each.name === 'check');
	if (!directive) return null;
	// dockerfile-ast ends the value at the first blank; BuildKit reads to the end of the line.
	const text = directive.source?.text ?? `# check=${directive.value}`;
	const value = /^#\s*[a-zA-Z][a-zA-Z0-9]*\s*=\s*(.+?)\s*$/.exec(text)?.[1] ?? directive.value;
	const options = parseCheckOptions(value);
	return options ? { value: options, line: directive.source?.range.line ?? 1 } : null;
}

/**
 * The first `# check=` comment above an instruction. BuildKit reads its value up to the first
 * blank, so `# check=skip=Rule // why` works; an invalid one is ignored.
 */
function instructionCheck(above: readonly CommentLine[]): Setting<CheckOptions> | null {
	for (const comment of above) {
		const directive = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(comment.text);
		if (directive?.[1]?.toLowerCase() !== 'check') continue;
		const options = parseCheckOptions(directive[2]?.split(' ')[0] ?? '');
		return options ? { value: options, line: comment.line } : null;
	}
	return null;
}

/** A `# hadolint ignore=` pragma on the line just above the instruction. */
function hadolintAbove(node: Located, above: readonly CommentLine[]): Setting<string[]> | null {
	const last = above.at(-1);
	const line = node.source?.range.line;
	if (!last || line === undefined || last.line !== line - 1) return null;
	const ignore = parseHadolintIgnore(last.text);
	return ignore && !ignore.global ? { value: ignore.rules, line: last.line } : null;
}

/** Go's `strings.SplitN`: at most `count` parts, the last holding the rest. */
function splitN(text: string, separator: string, count: number): string[] {
	const parts = text.split(separator);
	return parts.length <= count
		? parts
		: [...parts.slice(0, count - 1), parts.slice(count - 1).join(separator)];
}

/** Go's `strconv.ParseBool`. */
function goBool(text: string): boolean | null {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
	return null;
}
