import GithubSlugger from 'github-slugger';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { BankSchema, type Bank } from './schema.ts';

/** A problem in a bank, said as `file:line: question id: field: what is wrong`. */
export interface BankProblem {
	file: string;
	/** 1-based line of the offending value, when known. */
	line?: number;
	/** The question's id, when the problem is inside a question. */
	question?: string;
	/** The field, as a dotted path inside the question or the bank (`choices.2.text.en`). */
	field?: string;
	message: string;
}

/** One line per problem, for the build log, the CLI and the tests. */
export function formatProblem(problem: BankProblem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	return [where, problem.question && `question ${problem.question}`, problem.field, problem.message]
		.filter(Boolean)
		.join(': ');
}

/** A bank read from its file: the bank when valid, and its problems. */
export interface LoadedBank {
	file: string;
	bank?: Bank;
	problems: BankProblem[];
}

/** Parses and validates the YAML text of one bank. Never throws. */
export function parseBank(text: string, file: string): LoadedBank {
	const lineCounter = new LineCounter();
	const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	if (document.errors.length > 0) {
		return {
			file,
			problems: document.errors.map((error) => ({
				file,
				line: lineCounter.linePos(error.pos[0]).line,
				message: `YAML: ${error.message.split('\n')[0]}`,
			})),
		};
	}
	const result = BankSchema().safeParse(document.toJS(), { reportInput: true });
	if (result.success) return { file, bank: result.data, problems: [] };
	const data = document.toJS() as { questions?: { id?: unknown }[] } | null;
	return {
		file,
		problems: result.error.issues.map((issue) =>
			describeIssue(issue, file, data, (path) => {
				const node = document.getIn(path, true) as Node | undefined;
				const offset = node?.range?.[0] ?? nearestRange(document.contents, path);
				return offset === undefined ? undefined : lineCounter.linePos(offset).line;
			})
		),
	};
}

/** The start offset of the deepest existing node on a path (for a missing key, its parent). */
function nearestRange(root: unknown, path: readonly PropertyKey[]): number | undefined {
	let node = root;
	let offset: number | undefined;
	for (const key of path) {
		if (isMap(node) || isSeq(node)) {
			offset = node.range?.[0] ?? offset;
			node = node.get(key, true);
		} else break;
	}
	return (node as Node | undefined)?.range?.[0] ?? offset;
}

function describeIssue(
	issue: z.core.$ZodIssue,
	file: string,
	data: { questions?: { id?: unknown }[] } | null,
	lineOf: (path: readonly PropertyKey[]) => number | undefined
): BankProblem {
	const path = issue.path;
	const inQuestion = path[0] === 'questions' && typeof path[1] === 'number';
	const id = inQuestion ? data?.questions?.[path[1] as number]?.id : undefined;
	const fieldPath = inQuestion ? path.slice(2) : path;
	const problem: BankProblem = { file, message: humanMessage(issue) };
	const line = lineOf(path);
	if (line !== undefined) problem.line = line;
	if (inQuestion) problem.question = typeof id === 'string' ? id : `#${(path[1] as number) + 1}`;
	if (fieldPath.length > 0) problem.field = fieldPath.map(String).join('.');
	return problem;
}

/** Zod's messages, said for a person writing a bank by hand. */
function humanMessage(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? `missing (expected ${issue.expected})`
				: `expected ${issue.expected}`;
		case 'unrecognized_keys':
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
		case 'invalid_union':
			return 'does not match any allowed form (check the field names and the question type)';
		case 'invalid_value':
			return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		default:
			return issue.message;
	}
}

/** Where each heading anchor of the course lives: site path → anchors of that page. */
export type HeadingIndex = Map<string, Set<string>>;

/**
 * The anchors of a chapter's headings, as Starlight makes them (GitHub's slugger), from its MDX
 * source. Headings inside code blocks are not headings.
 */
export function headingAnchors(source: string): Set<string> {
	const slugger = new GithubSlugger();
	const anchors = new Set<string>();
	const prose = source
		.replace(/^---\n[\s\S]*?\n---\n/, '')
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm, '');
	for (const [, text = ''] of prose.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
		// Inline code and emphasis marks are not part of the anchor text.
		anchors.add(slugger.slug(text.replace(/[`*_]/g, '')));
	}
	return anchors;
}

/**
 * Checks what no single bank can: question ids unique across every bank, and review links that
 * point at an existing heading in each language.
 */
export function checkBanks(banks: readonly LoadedBank[], headings?: HeadingIndex): BankProblem[] {
	const problems: BankProblem[] = [];
	const owners = new Map<string, string>();
	for (const { file, bank } of banks) {
		for (const question of bank?.questions ?? []) {
			const owner = owners.get(question.id);
			if (owner) {
				problems.push({
					file,
					question: question.id,
					field: 'id',
					message: `the same id is already used in ${owner}; ids must be unique across every bank`,
				});
			} else owners.set(question.id, file);
			if (!headings) continue;
			for (const lang of ['it', 'en'] as const) {
				const [path = '', anchor = ''] = question.review[lang].split('#');
				const page = headings.get(path);
				if (!page?.has(anchor)) {
					problems.push({
						file,
						question: question.id,
						field: `review.${lang}`,
						message: page
							? `the page ${path} has no heading with the anchor "#${anchor}"`
							: `there is no page ${path}`,
					});
				}
			}
		}
	}
	return problems;
}
