/**
 * Checks the data of a Compose file against the schema and turns zod's issues into messages a
 * student can act on. A file with mistakes still gets a model: the broken parts are left out, so
 * the diagram shows what is right while the findings say what is wrong.
 */
import type { z } from 'zod';
import type { Localized } from '../i18n/locale.ts';
import { formatPath, type Issue, type Path } from './finding.ts';
import { checkInterpolation, isInterpolated } from './interpolation.ts';
import { ComposeSchema, isRecord, type ComposeFile, type UnknownKeyParams } from './schema.ts';

/** The typed file (what could be salvaged of it) and the issues found on the way. */
export interface Validation {
	file: ComposeFile | undefined;
	issues: Issue[];
}

type Problem =
	| { kind: 'type'; path: Path; expected: string[] }
	| { kind: 'unknown-key'; path: Path; params: UnknownKeyParams }
	| { kind: 'choice'; path: Path; values: readonly unknown[] }
	| { kind: 'expected'; path: Path; expected: Localized<string> }
	| { kind: 'other'; path: Path; detail: string };

let schema: ReturnType<typeof ComposeSchema> | undefined;

/** Validates parsed YAML as a Compose file. Never throws. */
export function validateCompose(data: unknown): Validation {
	if (!isRecord(data)) return { file: undefined, issues: [notAMapping(data)] };
	schema ??= ComposeSchema();
	// Compose interpolates before it validates: malformed references come first.
	const interpolation = checkInterpolation(data);
	const result = schema.safeParse(data);
	if (result.success) return { file: result.data, issues: interpolation };
	const problems = flatten(result.error.issues, []);
	const reported = problems.filter((problem) => !knownAtRunTime(problem, data));
	return {
		file: salvage(data, problems),
		issues: [...interpolation, ...reported.map((p) => toIssue(p, data))],
	};
}

/**
 * Whether a problem is about a `${VARIABLE}` where a number, a boolean or one of a few words is
 * expected: Compose substitutes the variable first, so the value may well be right when it runs.
 */
function knownAtRunTime(problem: Problem, data: unknown): boolean {
	if (!isInterpolated(valueAt(data, problem.path))) return false;
	if (problem.kind === 'choice' || problem.kind === 'expected') return true;
	const scalars = ['number', 'int', 'boolean', 'null', 'string'];
	return problem.kind === 'type' && problem.expected.every((type) => scalars.includes(type));
}

function notAMapping(data: unknown): Issue {
	const empty = data === null || data === undefined;
	return {
		rule: 'invalid-value',
		severity: 'error',
		path: [],
		message: empty
			? {
					it: 'Il file è vuoto: un file Compose è una mappa con almeno la chiave services.',
					en: 'The file is empty: a Compose file is a mapping with at least a services key.',
				}
			: {
					it: `Un file Compose è una mappa (chiave: valore) con almeno la chiave services, non ${received(data).it}.`,
					en: `A Compose file is a mapping (key: value) with at least a services key, not ${received(data).en}.`,
				},
	};
}

/**
 * Rewrites zod's issues as problems on paths of the document. A union that failed reports every
 * branch: when the value had the right type for one branch, only that branch's issues matter.
 */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: Path): Problem[] {
	return issues.flatMap((issue): Problem[] => {
		const path = [...prefix, ...issue.path.filter((s) => typeof s !== 'symbol')];
		switch (issue.code) {
			case 'invalid_union': {
				const types = issue.errors.map(expectedTypes);
				const matched = issue.errors.filter((_, i) => !types[i]);
				const [first] = matched;
				if (!first) return [{ kind: 'type', path, expected: types.flatMap((t) => t ?? []) }];
				// When several branches had the right type and failed further in, report the first.
				return flatten(first, path);
			}
			case 'invalid_type':
				return [{ kind: 'type', path, expected: [issue.expected] }];
			case 'invalid_value':
				return [{ kind: 'choice', path, values: issue.values }];
			case 'custom': {
				const params = issue.params as Partial<UnknownKeyParams> & { expected?: Localized<string> };
				if (params.rule === 'unknown-key')
					return [{ kind: 'unknown-key', path, params: params as UnknownKeyParams }];
				if (params.expected) return [{ kind: 'expected', path, expected: params.expected }];
				return [{ kind: 'other', path, detail: issue.message }];
			}
			default:
				return [{ kind: 'other', path, detail: issue.message }];
		}
	});
}

/** The types a value should have had, when it had none of them; `undefined` if it had one. */
function expectedTypes(issues: readonly z.core.$ZodIssue[]): string[] | undefined {
	const types: string[] = [];
	for (const issue of issues) {
		if (issue.path.length) return undefined;
		if (issue.code === 'invalid_type') types.push(issue.expected);
		else if (issue.code !== 'invalid_union') return undefined;
		else
			for (const branch of issue.errors) {
				const nested = expectedTypes(branch);
				if (!nested) return undefined;
				types.push(...nested);
			}
	}
	return types;
}

function toIssue(problem: Problem, data: unknown): Issue {
	const where = formatPath(problem.path) || 'file';
	const error = (message: Localized<string>, at?: 'key'): Issue => ({
		rule: problem.kind === 'unknown-key' ? 'unknown-key' : 'invalid-value',
		severity: 'error',
		message,
		path: problem.path,
		...(at && { at }),
	});
	switch (problem.kind) {
		case 'unknown-key': {
			const { key, suggestion } = problem.params;
			return error(
				suggestion
					? {
							it: `La chiave "${key}" non esiste in Compose: forse intendevi "${suggestion}"?`,
							en: `"${key}" is not a Compose key: did you mean "${suggestion}"?`,
						}
					: {
							it: `La chiave "${key}" non fa parte della specifica Compose: controlla come è scritta, oppure usa il prefisso "x-" se è una tua estensione.`,
							en: `"${key}" is not a key of the Compose Specification: check its spelling, or prefix it with "x-" if it is your own extension.`,
						},
				'key'
			);
		}
		case 'type': {
			const value = valueAt(data, problem.path);
			const wanted = listOf(problem.expected.map(typeName));
			if (value === undefined)
				return error({
					it: `Manca la chiave ${where}, che è obbligatoria: deve essere ${wanted.it}.`,
					en: `The required key ${where} is missing: it must be ${wanted.en}.`,
				});
			const hint = problem.expected.includes('array')
				? {
						it: ' Scrivi ogni elemento su una riga che inizia con "- ".',
						en: ' Write each item on its own line starting with "- ".',
					}
				: formatPath(problem.path) === 'version'
					? {
							it: ' La chiave è obsoleta: cancella la riga (o scrivi il numero tra virgolette).',
							en: ' The key is obsolete: delete the line (or put the number in quotes).',
						}
					: problem.expected.includes('string') && typeof value === 'number'
						? {
								it: ` Scrivilo tra virgolette: "${value}".`,
								en: ` Put it in quotes: "${value}".`,
							}
						: { it: '', en: '' };
			return error({
				it: `${where} deve essere ${wanted.it}, non ${received(value).it}.${hint.it}`,
				en: `${where} must be ${wanted.en}, not ${received(value).en}.${hint.en}`,
			});
		}
		case 'choice': {
			const values = problem.values.map((v) => `"${String(v)}"`).join(', ');
			if (valueAt(data, problem.path) === undefined)
				return error({
					it: `Manca la chiave ${where}, che è obbligatoria: deve essere uno tra ${values}.`,
					en: `The required key ${where} is missing: it must be one of ${values}.`,
				});
			return error({
				it: `Valore non valido per ${where}: deve essere uno tra ${values}.`,
				en: `Invalid value for ${where}: it must be one of ${values}.`,
			});
		}
		case 'expected':
			return error({
				it: `Valore non valido per ${where}: deve essere ${problem.expected.it}.`,
				en: `Invalid value for ${where}: it must be ${problem.expected.en}.`,
			});
		case 'other':
			return error({
				it: `Valore non valido per ${where} (${problem.detail}).`,
				en: `Invalid value for ${where} (${problem.detail}).`,
			});
	}
}

const typeNames: Record<string, Localized<string>> = {
	string: { it: 'un testo', en: 'a string' },
	number: { it: 'un numero', en: 'a number' },
	int: { it: 'un numero intero', en: 'a whole number' },
	boolean: { it: 'true o false', en: 'true or false' },
	array: { it: 'una lista', en: 'a list' },
	object: { it: 'una mappa (chiave: valore)', en: 'a mapping (key: value)' },
	record: { it: 'una mappa (chiave: valore)', en: 'a mapping (key: value)' },
	null: { it: 'vuoto', en: 'empty' },
};

function typeName(type: string): Localized<string> {
	return typeNames[type] ?? { it: type, en: type };
}

/** What a value is, for "…, not a string (\"8080\")". */
function received(value: unknown): Localized<string> {
	if (value === null) return { it: 'un valore vuoto', en: 'an empty value' };
	if (Array.isArray(value)) return typeName('array');
	if (isRecord(value)) return typeName('object');
	const type = typeName(typeof value);
	const shown = JSON.stringify(value);
	const sample = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
	return { it: `${type.it} (${sample})`, en: `${type.en} (${sample})` };
}

/** "a, b o c" / "a, b or c", without repeating a type two branches share. */
function listOf(items: Localized<string>[]): Localized<string> {
	const join = (words: string[], or: string) =>
		words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${or} ${words.at(-1)}`;
	const unique = (lang: 'it' | 'en') => [...new Set(items.map((item) => item[lang]))];
	return { it: join(unique('it'), 'o'), en: join(unique('en'), 'or') };
}

function valueAt(data: unknown, path: Path): unknown {
	let value = data;
	for (const segment of path) {
		if (!isRecord(value) && !Array.isArray(value)) return undefined;
		value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
	}
	return value;
}

const entitySections = new Set(['services', 'networks', 'volumes']);

/**
 * Drops what failed until the rest passes: misspelt keys alone, other mistakes with the field
 * that holds them (`services.web.ports`), then the whole entry, then the whole section.
 */
function salvage(data: Record<string, unknown>, first: Problem[]): ComposeFile | undefined {
	const copy = structuredClone(data);
	let problems = first;
	for (const depth of [3, 2, 1]) {
		for (const problem of problems) {
			const { path } = problem;
			const cut = entitySections.has(String(path[0])) ? depth : 1;
			removeAt(copy, problem.kind === 'unknown-key' ? path : path.slice(0, cut));
		}
		const result = (schema ??= ComposeSchema()).safeParse(copy);
		if (result.success) return result.data;
		problems = flatten(result.error.issues, []);
	}
	return undefined;
}

function removeAt(data: Record<string, unknown>, path: Path): void {
	const parent = valueAt(data, path.slice(0, -1));
	const key = path.at(-1);
	if (isRecord(parent) && key !== undefined) delete parent[key];
}
