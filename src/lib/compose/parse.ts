/**
 * Reads the text of a Compose file with `yaml`, refusing what a browser tab should not chew on
 * (huge pastes, alias bombs, absurd nesting, binary files) and keeping every node's position, so
 * each finding can point at a line and column.
 */
import {
	isAlias,
	isCollection,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	type Document,
	type Node,
	type Pair,
	type YAMLError,
} from 'yaml';
import type { Localized } from '../i18n/locale.ts';
import type { Finding, Issue, Path } from './finding.ts';

/** The limits past which the input is refused before (or instead of) being analysed. */
export const limits = {
	/** Characters of input: Compose files are a few kilobytes; 256 KB is far past any real one. */
	maxChars: 256 * 1024,
	/** Nesting of collections: real files stay under 10 levels. */
	maxDepth: 64,
	/** Aliases expanded when building the data, as `yaml`'s own guard against alias bombs. */
	maxAliasCount: 100,
} as const;

/** A range of the text, 1-based, as editors show it. */
export interface Span {
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

/**
 * Finds where a path of the data sits in the text; the nearest existing ancestor if it is gone.
 * `within` narrows a string value to part of it, when the text holds that value as written
 * (on one line, with no escapes); otherwise the whole value is given.
 */
export type Locator = (
	path: Path,
	at?: 'key' | 'value',
	within?: { start: number; end: number }
) => Span;

/** The outcome of reading: the data and a locator, or the findings that stopped the reading. */
export type ParseResult =
	| { ok: true; data: unknown; findings: Finding[]; locate: Locator }
	| { ok: false; findings: Finding[] };

/** Parses Compose YAML (merge keys on) within the limits above. Never throws. */
export function parseCompose(text: string): ParseResult {
	const refused = refuse(text);
	if (refused) return { ok: false, findings: [refused] };

	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false });
	const span = (start: number, end = start): Span => {
		const from = lineCounter.linePos(start);
		const to = lineCounter.linePos(Math.max(start, end));
		return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
	};
	const yamlFinding = (error: YAMLError, severity: 'error' | 'warning'): Finding => ({
		rule: 'yaml-syntax',
		severity,
		message: explainYamlError(error),
		...span(error.pos[0], error.pos[1]),
		path: [],
	});
	const findings = [
		...doc.errors.map((error) => yamlFinding(error, 'error')),
		...doc.warnings.map((warning) => yamlFinding(warning, 'warning')),
	];
	if (doc.errors.length) return { ok: false, findings };

	const limit = (message: Localized<string>): ParseResult => ({
		ok: false,
		findings: [{ rule: 'input-limit', severity: 'error', message, ...span(0), path: [] }],
	});
	if (depthOf(doc.contents) > limits.maxDepth) return limit(tooDeep);
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
	} catch {
		// `yaml` throws a ReferenceError when the aliases would expand past the limit.
		return limit(tooManyAliases);
	}
	const locate: Locator = (path, at = 'value', within) => {
		const node = nodeAt(doc, path, at);
		if (!node?.range) return span(0);
		const [from, to] = node.range;
		if (within && isScalar(node) && typeof node.value === 'string') {
			const value = node.value;
			const written = text.slice(from, to).indexOf(value);
			if (written >= 0 && !value.includes('\n'))
				return span(from + written + within.start, from + written + within.end);
		}
		return span(from, to);
	};
	return { ok: true, data, findings, locate };
}

/** Places the issues found on the data, so they become findings with lines and columns. */
export function placeIssues(issues: readonly Issue[], locate: Locator): Finding[] {
	return issues.map(({ at, within, ...issue }) => ({
		...issue,
		...locate(issue.path, at, within),
	}));
}

const tooDeep: Localized<string> = {
	it: `Il file è annidato troppo in profondità (oltre ${limits.maxDepth} livelli): un file Compose ne usa meno di 10. Controlla parentesi e indentazione.`,
	en: `The file is nested too deeply (over ${limits.maxDepth} levels): a Compose file uses fewer than 10. Check the brackets and the indentation.`,
};

const tooManyAliases: Localized<string> = {
	it: `Il file usa troppi alias YAML (*nome), oltre ${limits.maxAliasCount} espansioni: è così che è fatta una "alias bomb". Riduci gli alias o scrivi i valori per esteso.`,
	en: `The file uses too many YAML aliases (*name), over ${limits.maxAliasCount} expansions: that is how an "alias bomb" is built. Use fewer aliases or write the values out.`,
};

/** The reason to refuse the text before parsing it, if there is one. */
function refuse(text: string): Finding | undefined {
	const refusal = (message: Localized<string>, line = 1, column = 1): Finding => ({
		rule: 'input-limit',
		severity: 'error',
		message,
		line,
		column,
		path: [],
	});
	if (text.length > limits.maxChars) {
		const kb = (chars: number) => Math.ceil(chars / 1024);
		return refusal({
			it: `Il testo è troppo lungo (${kb(text.length)} KB, il massimo è ${kb(limits.maxChars)} KB): un file Compose è di pochi KB. Incolla solo il file docker-compose.yml.`,
			en: `The text is too long (${kb(text.length)} KB, the limit is ${kb(limits.maxChars)} KB): a Compose file is a few KB. Paste only the docker-compose.yml file.`,
		});
	}
	// YAML forbids these control characters, and only a binary file is full of them.
	// eslint-disable-next-line no-control-regex -- finding control characters is the point.
	const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.exec(text);
	if (control) {
		const before = text.slice(0, control.index).split('\n');
		return refusal(
			{
				it: 'Il testo contiene caratteri di controllo: sembra un file binario, non un file YAML. Apri il file docker-compose.yml con un editor di testo e incollane il contenuto.',
				en: 'The text contains control characters: it looks like a binary file, not a YAML file. Open docker-compose.yml in a text editor and paste its content.',
			},
			before.length,
			(before.at(-1)?.length ?? 0) + 1
		);
	}
	// Flow collections (`[[[[…`) nest without indentation; `yaml` recurses on them, so count first.
	let depth = 0;
	for (const char of text) {
		if (char === '[' || char === '{') depth++;
		else if ((char === ']' || char === '}') && depth > 0) depth--;
		if (depth > limits.maxDepth) return refusal(tooDeep);
	}
	return undefined;
}

/** The deepest nesting of collections under a node, without recursion. */
function depthOf(root: unknown): number {
	let deepest = 0;
	const stack: [unknown, number][] = [[root, 1]];
	for (let entry = stack.pop(); entry; entry = stack.pop()) {
		const [node, depth] = entry;
		if (!isCollection(node)) continue;
		deepest = Math.max(deepest, depth);
		if (deepest > limits.maxDepth) break;
		for (const item of node.items as unknown[]) {
			if (isMap(node)) {
				const pair = item as Pair;
				stack.push([pair.key, depth + 1], [pair.value, depth + 1]);
			} else stack.push([item, depth + 1]);
		}
	}
	return deepest;
}

/** The node at a path, following aliases and `<<` merges; the deepest ancestor if it is missing. */
function nodeAt(doc: Document, path: Path, at: 'key' | 'value'): Node | undefined {
	const resolve = (node: unknown) => (isAlias(node) ? node.resolve(doc) : node);
	let found = doc.contents ?? undefined;
	for (const [index, segment] of path.entries()) {
		const node = resolve(found);
		let next: unknown;
		if (isMap(node)) {
			const pair = pairOf(node.items, segment, resolve);
			if (pair && at === 'key' && index === path.length - 1) return pair.key as Node;
			// An empty value (`int:`) has no extent of its own: its key is what the reader sees.
			const value = pair?.value as Node | null | undefined;
			next = value?.range && value.range[1] > value.range[0] ? value : pair?.key;
		} else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
		if (!next || !(next as Node).range) break;
		found = next as Node;
	}
	return found;
}

function pairOf(
	items: Pair[],
	key: string | number,
	resolve: (node: unknown) => unknown,
	hops = 0
): Pair | undefined {
	const direct = items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key));
	if (direct) return direct;
	// A key brought in by `<<: *base` lives in the anchored map; point there (a map may merge
	// itself, so the hops are counted).
	if (hops > 8) return undefined;
	for (const pair of items) {
		if (!isMergeKey(pair.key)) continue;
		const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
		for (const source of sources.map(resolve)) {
			const found = isMap(source) ? pairOf(source.items, key, resolve, hops + 1) : undefined;
			if (found) return found;
		}
	}
	return undefined;
}

/** `<<`, which `yaml` reads as a symbol when merge keys are on. */
function isMergeKey(node: unknown): boolean {
	if (!isScalar(node)) return false;
	const { value } = node;
	return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** What went wrong in the YAML, said for a student, with `yaml`'s own words as a fallback. */
function explainYamlError(error: YAMLError): Localized<string> {
	const detail = error.message.split('\n')[0] ?? '';
	const known: Partial<Record<YAMLError['code'], Localized<string>>> = {
		BAD_INDENT: {
			it: "Indentazione sbagliata: le chiavi allo stesso livello devono partire dalla stessa colonna, e i figli un po' più a destra del genitore.",
			en: 'Wrong indentation: keys at the same level must start in the same column, and children a little to the right of their parent.',
		},
		TAB_AS_INDENT: {
			it: 'Qui si indenta con un tabulatore: YAML accetta solo spazi. Sostituisci i tabulatori con spazi.',
			en: 'This line is indented with a tab: YAML accepts only spaces. Replace the tabs with spaces.',
		},
		DUPLICATE_KEY: {
			it: 'Chiave ripetuta: in una mappa ogni chiave può comparire una sola volta. Unisci le due voci o rinominane una.',
			en: 'Repeated key: each key may appear only once in a mapping. Merge the two entries or rename one.',
		},
		MULTIPLE_DOCS: {
			it: 'Il testo contiene più documenti YAML (separati da ---): un file Compose ne ha uno solo.',
			en: 'The text holds several YAML documents (separated by ---): a Compose file has only one.',
		},
		MISSING_CHAR: {
			it: `Manca un carattere di chiusura (virgolette, parentesi o due punti): ${detail}`,
			en: `A closing character is missing (quote, bracket or colon): ${detail}`,
		},
		BAD_ALIAS: {
			it: 'Alias non valido: *nome deve riferirsi a un ancora &nome definita prima nel file.',
			en: 'Invalid alias: *name must refer to an anchor &name defined earlier in the file.',
		},
		BLOCK_AS_IMPLICIT_KEY: {
			it: "Struttura non valida: probabilmente manca uno spazio dopo i due punti o il trattino, oppure l'indentazione è sbagliata.",
			en: 'Invalid structure: a space after a colon or a dash is probably missing, or the indentation is wrong.',
		},
		MULTILINE_IMPLICIT_KEY: {
			it: 'Una chiave non può continuare su più righe: probabilmente manca un "chiave:" o l\'indentazione è sbagliata.',
			en: 'A key cannot span several lines: a "key:" is probably missing or the indentation is wrong.',
		},
	};
	return (
		known[error.code] ?? {
			it: `Errore di sintassi YAML: ${detail}`,
			en: `YAML syntax error: ${detail}`,
		}
	);
}
