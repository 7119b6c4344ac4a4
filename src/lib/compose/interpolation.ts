/**
 * Variables in a Compose file, read the way Compose reads them before anything else: `$VAR` and
 * `${VAR}` take the variable's value, `${VAR:-default}` and `${VAR-default}` fall back to a
 * default (when the variable is empty or unset, or only when unset), `${VAR:?message}` and
 * `${VAR?message}` stop Compose with the message, `${VAR:+other}` and `${VAR+other}` use `other`
 * when the variable is set, and `$$` is a `$` sign. A default may hold references itself.
 * A `$` followed by anything else (`$1`, `5 $`) stays as it is.
 *
 * Only values are interpolated, never keys. A value that holds a reference is known only when
 * Compose runs, so the other checks leave it alone.
 */
import { isObject as isRecord } from '../guards.ts';
import type { Localized } from '../i18n/locale.ts';
import type { Issue, Path } from './finding.ts';

/** What a braced reference does when the variable is unset (`-`, `?`, `+`) or also empty (`:`). */
export type Operator = '-' | ':-' | '?' | ':?' | '+' | ':+';

/** One reference to a variable, with its place in the text (`end` excluded). */
export interface Reference {
	name: string;
	start: number;
	end: number;
	operator?: Operator;
	/** The default, the error message or the alternative, as written. */
	argument?: string;
}

/** Why a `$` reference cannot be read; Compose stops with "invalid interpolation format". */
export type TemplateProblemKind = 'unclosed' | 'empty' | 'bad-name' | 'bad-operator';

export interface TemplateProblem {
	kind: TemplateProblemKind;
	/** The reference as far as it was written. */
	text: string;
	start: number;
}

/** Every reference in a value and every malformed one, defaults included, in order. */
export interface Template {
	references: Reference[];
	problems: TemplateProblem[];
}

const nameStart = /[_a-zA-Z]/;
const nameChar = /[_a-zA-Z0-9]/;

/** Reads the references of one value. Never throws; linear in the length of the text. */
export function scanTemplate(text: string, offset = 0, depth = 0): Template {
	const references: Reference[] = [];
	const problems: TemplateProblem[] = [];
	let i = 0;
	while (i < text.length) {
		const dollar = text.indexOf('$', i);
		if (dollar < 0) break;
		const next = text[dollar + 1] ?? '';
		if (next === '$') {
			i = dollar + 2;
		} else if (nameStart.test(next)) {
			let end = dollar + 2;
			while (end < text.length && nameChar.test(text[end] ?? '')) end++;
			references.push({
				name: text.slice(dollar + 1, end),
				start: offset + dollar,
				end: offset + end,
			});
			i = end;
		} else if (next === '{') {
			i = braced(text, dollar, offset, depth, references, problems);
		} else i = dollar + 1;
	}
	return { references, problems };
}

/** Reads `${…}` starting at `dollar`; returns where to go on. */
function braced(
	text: string,
	dollar: number,
	offset: number,
	depth: number,
	references: Reference[],
	problems: TemplateProblem[]
): number {
	// The end of the line bounds the reference: Compose's pattern does not cross it.
	const lineEnd = text.indexOf('\n', dollar) < 0 ? text.length : text.indexOf('\n', dollar);
	const close = closingBrace(text, dollar + 1, lineEnd);
	const problem = (kind: TemplateProblemKind, until = close < 0 ? lineEnd : close + 1) => {
		problems.push({ kind, text: text.slice(dollar, until), start: offset + dollar });
		return until;
	};
	let end = dollar + 2;
	if (!nameStart.test(text[end] ?? '')) return problem(text[end] === '}' ? 'empty' : 'bad-name');
	while (end < lineEnd && nameChar.test(text[end] ?? '')) end++;
	const name = text.slice(dollar + 2, end);
	if (close < 0) return problem('unclosed');
	if (end === close) {
		references.push({ name, start: offset + dollar, end: offset + close + 1 });
		return close + 1;
	}
	const operator = /^:?[-?+]/.exec(text.slice(end, end + 2))?.[0] as Operator | undefined;
	if (!operator) return problem(/^[:\w]/.test(text[end] ?? '') ? 'bad-operator' : 'bad-name');
	const argument = text.slice(end + operator.length, close);
	references.push({ name, start: offset + dollar, end: offset + close + 1, operator, argument });
	// Compose interpolates the default (or message) too; stop descending past absurd nesting.
	if (depth < 16) {
		const nested = scanTemplate(argument, offset + end + operator.length, depth + 1);
		references.push(...nested.references);
		problems.push(...nested.problems);
	}
	return close + 1;
}

/** The `}` that closes the `{` at `open`, counting the braces in between; -1 if none. */
function closingBrace(text: string, open: number, limit: number): number {
	let depth = 0;
	for (let i = open; i < limit; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

/** Whether a value holds a reference (well formed or not): then it is known only at run time. */
export function isInterpolated(value: unknown): boolean {
	if (typeof value !== 'string' || !value.includes('$')) return false;
	const { references, problems } = scanTemplate(value);
	return references.length > 0 || problems.length > 0;
}

/** Past this many, more findings of the same kind would only bury the first ones. */
const maxIssues = 50;

/**
 * Finds the malformed references in every value of the file (errors: Compose refuses the file)
 * and explains each required variable once (info: Compose stops unless it is set).
 */
export function checkInterpolation(data: unknown): Issue[] {
	const issues: Issue[] = [];
	const required = new Set<string>();
	const stack: [unknown, Path][] = [[data, []]];
	for (let entry = stack.pop(); entry && issues.length < maxIssues; entry = stack.pop()) {
		const [value, path] = entry;
		if (Array.isArray(value)) {
			for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
			continue;
		}
		if (isRecord(value)) {
			for (const key of Object.keys(value).reverse()) stack.push([value[key], [...path, key]]);
			continue;
		}
		if (typeof value !== 'string' || !value.includes('$')) continue;
		const { references, problems } = scanTemplate(value);
		for (const problem of problems.slice(0, 1))
			issues.push({
				rule: 'invalid-interpolation',
				severity: 'error',
				path,
				message: explainProblem(problem),
				within: { start: problem.start, end: problem.start + problem.text.length },
			});
		for (const reference of references) {
			if (reference.operator !== '?' && reference.operator !== ':?') continue;
			if (required.has(reference.name)) continue;
			required.add(reference.name);
			issues.push({
				rule: 'required-variable',
				severity: 'info',
				path,
				message: explainRequired(reference),
				within: { start: reference.start, end: reference.end },
			});
		}
	}
	return issues;
}

const escapeHint: Localized<string> = {
	it: ' Se volevi proprio il carattere $, scrivilo due volte: $$.',
	en: ' If you meant the $ sign itself, write it twice: $$.',
};

function explainProblem({ kind, text }: TemplateProblem): Localized<string> {
	const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
	const name = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)/.exec(text)?.[1] ?? 'VARIABILE';
	const messages: Record<TemplateProblemKind, Localized<string>> = {
		unclosed: {
			it: `La variabile "${shown}" non è chiusa: manca la parentesi graffa }. Docker Compose rifiuta il file ("invalid interpolation format"). Scrivi \${${name}}.`,
			en: `The variable "${shown}" is not closed: the brace } is missing. Docker Compose refuses the file ("invalid interpolation format"). Write \${${name}}.`,
		},
		empty: {
			it: `"${shown}" non nomina nessuna variabile: Docker Compose rifiuta il file. Scrivi il nome tra le graffe, ad esempio \${PORTA}.`,
			en: `"${shown}" names no variable: Docker Compose refuses the file. Write the name between the braces, for example \${PORT}.`,
		},
		'bad-name': {
			it: `"${shown}" non è un nome di variabile valido: un nome inizia con una lettera o un trattino basso e continua con lettere, cifre o trattini bassi. Docker Compose rifiuta il file.`,
			en: `"${shown}" is not a valid variable name: a name starts with a letter or an underscore and goes on with letters, digits or underscores. Docker Compose refuses the file.`,
		},
		'bad-operator': {
			it: `In "${shown}" dopo il nome della variabile ci vuole }, oppure un valore predefinito con :- (\${${name}:-valore}), un errore con :? (\${${name}:?messaggio}) o un'alternativa con :+. Docker Compose rifiuta il file così com'è.`,
			en: `In "${shown}" the variable's name must be followed by }, or by a default with :- (\${${name}:-value}), an error with :? (\${${name}:?message}) or an alternative with :+. Docker Compose refuses the file as it is.`,
		},
	};
	const message = messages[kind];
	return { it: message.it + escapeHint.it, en: message.en + escapeHint.en };
}

function explainRequired({ name, operator, argument }: Reference): Localized<string> {
	const empty = operator === ':?';
	const when = empty
		? { it: 'non è impostata o è vuota', en: 'is unset or empty' }
		: { it: 'non è impostata', en: 'is unset' };
	const reason = argument
		? { it: ` con il messaggio "${argument}"`, en: ` with the message "${argument}"` }
		: { it: '', en: '' };
	return {
		it: `La variabile ${name} è obbligatoria: se ${when.it}, Docker Compose si ferma${reason.it}. Impostala nell'ambiente o nel file .env accanto al file Compose (${name}=…).`,
		en: `Variable ${name} is required: if it ${when.en}, Docker Compose stops${reason.en}. Set it in the environment or in the .env file next to the Compose file (${name}=…).`,
	};
}
