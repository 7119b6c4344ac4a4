/**
 * Checks a Dockerfile model against the course's rules, most of which match a hadolint code or a
 * `docker build --check` name, and says in Italian and English why each finding matters.
 */
import type { Localized } from '../i18n/locale.ts';
import { byPosition, type Severity } from '../findings.ts';
import { createContext, rangeOf, type Hit, type Rule, type RuleInfo } from './context.ts';
import type { Dockerfile, SourceRange } from './model.ts';
import { withPrintedSources } from './print.ts';
import { instructionRules } from './rules-instructions.ts';
import { shellRules } from './rules-shell.ts';
import { stageRules } from './rules-stages.ts';
import { syntaxRules } from './rules-syntax.ts';

export type { RuleInfo };

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
}

const allRules: readonly Rule[] = [
	...syntaxRules,
	...stageRules,
	...instructionRules,
	...shellRules,
];

/** Every rule, for the builder and the docs to list. */
export const rules: readonly RuleInfo[] = allRules.map(
	({ id, counterpart, severity, message, docs }) => ({ id, counterpart, severity, message, docs })
);

/**
 * The findings for a model, sorted by position. Positions refer to the parsed text when every
 * node still has its source; once the form has added or changed a node, to `print(model)`.
 * A `# check=skip=…` directive turns rules off by our id or their counterpart's (`skip=all`).
 */
export function lint(model: Dockerfile): Finding[] {
	const located = isLocated(model) ? model : withPrintedSources(model);
	const context = createContext(located);
	const skipped = skippedRules(located);
	return allRules
		.filter(
			(rule) => !skipped.has('all') && !skipped.has(rule.id) && !skipped.has(rule.counterpart ?? '')
		)
		.flatMap((rule) => rule.check(context).map((hit) => toFinding(rule, hit)))
		.sort(byPosition);
}

function toFinding(rule: Rule, hit: Hit): Finding {
	const range = hit.range ?? rangeOf(hit.node);
	const { id, counterpart, severity, message, docs } = rule;
	return { rule: id, counterpart, severity, message, docs, nodeId: hit.node.id, ...range };
}

function isLocated(model: Dockerfile): boolean {
	const nodes = [
		...model.directives,
		...model.preamble,
		...model.stages.flatMap((stage) => [stage, stage.from, ...stage.items]),
	];
	return nodes.every((node) => node.source !== undefined);
}

/** The names listed in `# check=skip=A,B` (several `;`-separated settings may follow). */
function skippedRules(model: Dockerfile): Set<string> {
	const check = model.directives.find((directive) => directive.name === 'check')?.value ?? '';
	const skip = check.split(';').find((setting) => setting.startsWith('skip='));
	return new Set(skip ? skip.slice('skip='.length).split(',') : []);
}
