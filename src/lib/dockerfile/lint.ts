/**
 * Checks a Dockerfile model against the course's rules, most of which match a hadolint code or a
 * `docker build --check` name, and says in Italian and English why each finding matters. The
 * file's own comments can turn rules off, as BuildKit and hadolint let them (see `silencing.ts`).
 */
import type { Localized } from '../i18n/locale.ts';
import { byPosition, type Severity } from '../findings.ts';
import { createContext, rangeOf, type Hit, type Rule, type RuleInfo } from './context.ts';
import { fieldAt, type FindingField } from './fields.ts';
import type { Dockerfile, SourceRange } from './model.ts';
import { withPrintedSources } from './print.ts';
import { definitionRules } from './rules-definitions.ts';
import { instructionRules } from './rules-instructions.ts';
import { packageRules } from './rules-packages.ts';
import { shellRules } from './rules-shell.ts';
import { stageRules } from './rules-stages.ts';
import { syntaxRules } from './rules-syntax.ts';
import { readSilencing, type Silenced } from './silencing.ts';

export type { FindingField, RuleInfo, Silenced };

/** One problem found, placed on the text. */
export interface Finding extends SourceRange {
	/** The rule's id: `untagged-image`. */
	rule: string;
	counterpart: string | null;
	severity: Severity;
	message: Localized<string>;
	/** The course page that explains it, without the base path. */
	docs: string;
	/** The id of the instruction (or stage, or directive) it is about, to highlight its fields. */
	nodeId: string;
	/** The field of that instruction at fault, when the range says: `{ name: 'from' }`. */
	field?: FindingField;
	/** Which comment turned it off; only with `lint(model, { silenced: true })`. */
	silenced?: Silenced;
}

/** How `lint()` reports. */
export interface LintOptions {
	/** Also return the findings the file's comments turned off, each marked `silenced`. */
	silenced?: boolean;
}

const allRules: readonly Rule[] = [
	...syntaxRules,
	...stageRules,
	...definitionRules,
	...instructionRules,
	...shellRules,
	...packageRules,
];

/** Every rule, for the builder and the docs to list. */
export const rules: readonly RuleInfo[] = allRules.map(
	({ id, counterpart, severity, message, docs, aliases, experimental }) => ({
		id,
		counterpart,
		severity,
		message,
		docs,
		...(aliases ? { aliases } : {}),
		...(experimental ? { experimental } : {}),
	})
);

/**
 * The findings for a model, sorted by position. Positions refer to the parsed text when every
 * node still has its source; once the form has added or changed a node, to `print(model)`.
 *
 * Rules are turned off, by our id, their counterpart or an alias, by `# check=skip=…` (the
 * directive for the file, `all` for every rule; a comment of that form just above an instruction
 * for that one), `# hadolint ignore=…` on the line above an instruction, and
 * `# hadolint global ignore=…` anywhere for the file. Those findings are left out unless
 * `options.silenced` asks for them. Experimental rules run only when `# check=experimental=…`
 * names them, and `# check=error=true` makes the build checks that fire errors, as in BuildKit.
 */
export function lint(model: Dockerfile, options: LintOptions = {}): Finding[] {
	const located = isLocated(model) ? model : withPrintedSources(model);
	const context = createContext(located);
	const silencing = readSilencing(context);
	const findings: Finding[] = [];
	for (const rule of allRules) {
		if (!options.silenced && silencing.offEverywhere(rule)) continue;
		const severity = silencing.errors && isBuildCheck(rule) ? 'error' : rule.severity;
		for (const hit of rule.check(context)) {
			if (!silencing.enabled(rule, hit.node)) continue;
			const silenced = silencing.silencer(rule, hit.node);
			if (silenced && !options.silenced) continue;
			findings.push({
				...toFinding(rule, hit, severity, context.escape),
				...(silenced ? { silenced } : {}),
			});
		}
	}
	return findings.sort(byPosition);
}

function toFinding(rule: Rule, hit: Hit, severity: Severity, escape: string): Finding {
	const range = hit.range ?? rangeOf(hit.node);
	const { id, counterpart, docs } = rule;
	const message = hit.message ?? rule.message;
	const field = hit.range ? fieldAt(hit.node, hit.range, escape, id) : undefined;
	const finding = { rule: id, counterpart, severity, message, docs, nodeId: hit.node.id, ...range };
	return field ? { ...finding, field } : finding;
}

/** Whether `docker build --check` has this rule: a counterpart or alias that is not a DL code. */
function isBuildCheck(rule: RuleInfo): boolean {
	return [rule.counterpart, ...(rule.aliases ?? [])].some(
		(name) => name !== null && !/^DL\d{4}$/.test(name)
	);
}

function isLocated(model: Dockerfile): boolean {
	const nodes = [
		...model.directives,
		...model.preamble,
		...model.stages.flatMap((stage) => [stage, stage.from, ...stage.items]),
	];
	return nodes.every((node) => node.source !== undefined);
}
