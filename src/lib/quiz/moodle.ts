import { codeSegments } from '../i18n/format.ts';
import type { Localized } from '../i18n/locale.ts';
import type { Bank, Question } from './schema.ts';
import { choiceWeights } from './score.ts';

/**
 * Text between our banks and Moodle, both ways. Our texts are plain, with `code` between
 * backticks; Moodle keeps most texts as HTML and a few (matching answers, short answers) as plain
 * text. Exports write HTML that shows exactly our words; imports turn Moodle's HTML or Markdown
 * back into our plain text, so nothing a file brings in is ever taken as markup by the site.
 */

const htmlEscapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
};

/**
 * HTML-escapes text. Named entities only: a numeric one (`&#39;`) would put a `#`, which GIFT
 * reads as feedback, into every apostrophe.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"]/g, (char) => htmlEscapes[char]!);
}

/**
 * Our text as the HTML Moodle shows: escaped, `code` in `<code>`, line breaks as `<br>`. Moodle
 * shows it as the site does, and a text like `docker run <image>` keeps its `<image>`.
 */
export function textToHtml(text: string): string {
	return codeSegments(text)
		.map((segment) =>
			segment.code ? `<code>${escapeHtml(segment.text)}</code>` : escapeHtml(segment.text)
		)
		.join('')
		.replace(/\r?\n/g, '<br>');
}

/**
 * Our text for Moodle's plain-text fields (the answers of a matching question, shown in a
 * drop-down, and the accepted short answers): the backticks around code go, the words stay.
 */
export function textToPlain(text: string): string {
	return codeSegments(text)
		.map((segment) => segment.text)
		.join('');
}

/** Named entities that Moodle's editor writes, besides the five of XML. */
const namedEntities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	laquo: '«',
	raquo: '»',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	middot: '·',
	bull: '•',
	deg: '°',
	times: '×',
	euro: '€',
	copy: '©',
	reg: '®',
	trade: '™',
	agrave: 'à',
	aacute: 'á',
	egrave: 'è',
	eacute: 'é',
	igrave: 'ì',
	iacute: 'í',
	ograve: 'ò',
	oacute: 'ó',
	ugrave: 'ù',
	uacute: 'ú',
	Agrave: 'À',
	Egrave: 'È',
	Eacute: 'É',
	Igrave: 'Ì',
	Ograve: 'Ò',
	Ugrave: 'Ù',
};

/** Decodes HTML entities: the named ones above and every numeric one; others stay as written. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity, name: string) => {
		if (name.startsWith('#')) {
			const code =
				name[1] === 'x' || name[1] === 'X'
					? Number.parseInt(name.slice(2), 16)
					: Number.parseInt(name.slice(1), 10);
			// A non-breaking space reads as a space; a code that is no character stays as written.
			if (code === 0xa0) return ' ';
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
				? String.fromCodePoint(code)
				: entity;
		}
		return namedEntities[name] ?? entity;
	});
}

/** A tag: its name, then attributes whose quoted values may hold `>`. */
const tagPattern =
	/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** Tags after which a line ends, as the browser lays them out. */
const blockTags = new Set([
	'br',
	'p',
	'div',
	'li',
	'ul',
	'ol',
	'tr',
	'table',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'pre',
	'blockquote',
	'hr',
]);

/**
 * Moodle's HTML as our plain text: comments, scripts and styles dropped with what they hold,
 * `<code>` back to backticks, line and paragraph breaks to line breaks, every other tag dropped,
 * entities decoded last (so `&lt;b&gt;` becomes the words `<b>`, not a tag). Spaces collapse as
 * the browser collapses them. A `<` that opens no tag (`a < b`) stays.
 */
export function htmlToText(html: string): string {
	const withoutHidden = html
		.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
		.replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
	const lines = withoutHidden
		.replace(/\s+/g, ' ')
		.replace(/<code\b[^>]*>([^<`]+)<\/code\s*>/gi, '`$1`')
		.replace(tagPattern, (_tag: string, _closing: string, name: string) =>
			blockTags.has(name.toLowerCase()) ? '\n' : ''
		);
	return decodeEntities(lines)
		.split('\n')
		.map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
		.filter((line) => line !== '')
		.join('\n');
}

/** What a Markdown text becomes: our plain text, or the reason it cannot. */
export type MarkdownText = { ok: true; text: string } | { ok: false; reason: Localized<string> };

/**
 * Moodle's Markdown as our plain text, for the parts that have a plain reading: `code` stays in
 * backticks, emphasis marks and heading marks go, a link keeps its words and its address in
 * brackets, backslash escapes are undone. What has no plain reading is refused: an image, a code
 * block, or HTML written inside the Markdown.
 */
export function markdownToText(markdown: string): MarkdownText {
	if (/!\[[^\]]*\]\([^)]*\)/.test(markdown))
		return refuse({
			it: "un'immagine (![…](…)), che il sito non mostra nelle domande",
			en: 'an image (![…](…)), which the site does not show in questions',
		});
	if (/^\s*(```|~~~)/m.test(markdown))
		return refuse({
			it: 'un blocco di codice, mentre il sito mostra il codice solo dentro una riga, tra backtick',
			en: 'a code block, while the site only shows code within a line, between backticks',
		});
	if (/<\/?[a-zA-Z][^>]*>/.test(markdown.replace(/`[^`]*`/g, '')))
		return refuse({
			it: 'codice HTML dentro il Markdown',
			en: 'HTML inside the Markdown',
		});
	const text = markdown
		.split(/\r?\n/)
		.map((line) => {
			// Code is set aside while the marks around it go, so **`ls`** keeps its backticks.
			const code: string[] = [];
			const marked = codeSegments(line)
				.map((segment) =>
					segment.code ? `\uE000${code.push(segment.text) - 1}\uE001` : segment.text
				)
				.join('');
			return plainMarkdown(marked)
				.replace(
					/\uE000(\d+)\uE001/g,
					(_mark: string, index: string) => `\`${code[Number(index)]}\``
				)
				.replace(/^\s{0,3}#{1,6}\s+/, '')
				.replace(/\s+#+\s*$/, '')
				.trim();
		})
		.filter((line) => line !== '')
		.join('\n');
	return { ok: true, text };
}

/** The inline marks of Markdown outside code: links, emphasis, escapes. */
function plainMarkdown(text: string): string {
	// An escaped character (`\*`) is set aside first: it is a character, never a mark.
	return text
		.replace(
			/\\([\\`*_{}[\]()#+\-.!|~>])/g,
			(_escape: string, char: string) => `\uE002${char.charCodeAt(0)}\uE003`
		)
		.replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, '$1 ($2)')
		.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
		.replace(/(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1')
		.replace(/(?<![\w_])_(?=\S)([^_]*?\S)_(?![\w_])/g, '$1')
		.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
		.replace(/\uE002(\d+)\uE003/g, (_mark: string, code: string) =>
			String.fromCharCode(Number(code))
		);
}

function refuse(what: Localized<string>): MarkdownText {
	return {
		ok: false,
		reason: {
			it: `il testo in Markdown contiene ${what.it}: riscrivilo come testo semplice (il codice tra backtick) o esporta la domanda da Moodle in HTML`,
			en: `the Markdown text holds ${what.en}: rewrite it as plain text (code between backticks) or export the question from Moodle as HTML`,
		},
	};
}

/**
 * A short answer as Moodle compares it: `*` is its wildcard, so a literal star is written `\*`.
 * In GIFT it goes after the GIFT escapes, which leave `*` alone.
 */
export const shortAnswerPattern = (answer: string) => answer.replaceAll('*', '\\*');

/** The unit of a numeric question, said in its text: Moodle shows none by the input box. */
export const unitNote = (unit: string | undefined) => (unit ? ` (in ${unit})` : '');

/** The course's name, the top of the Moodle categories the exports create. */
export const courseName: Localized<string> = {
	it: 'Virtualizzazione e Docker',
	en: 'Virtualization and Docker',
};

/**
 * The Moodle category of a bank: the course, then the bank's title. Moodle reads `/` as the
 * step to a subcategory, and `//` as a slash in a name. The path has no `$course$/` start, so
 * Moodle creates it where the instructor imports (a course's bank, or a shared question bank).
 */
export function categoryPath(bank: Pick<Bank, 'title'>, lang: keyof Localized<string>): string {
	const name = (text: string) => text.replace(/\s+/g, ' ').trim().replaceAll('/', '//');
	return `${name(courseName[lang])}/${name(bank.title[lang])}`;
}

/**
 * The grades Moodle allows an answer, as fractions; its import refuses any other unless the
 * instructor picks "nearest grade", so a weight outside the list is told before the import.
 */
export const moodleFractions: readonly number[] = [
	1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
	0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0,
];

/** Whether Moodle accepts a fraction (within the 0.00001 its import allows), negative or not. */
export function isMoodleFraction(fraction: number): boolean {
	return moodleFractions.some((allowed) => Math.abs(Math.abs(fraction) - allowed) < 0.00001);
}

/**
 * A fraction as Moodle's percentage, with the seven decimals of its grades (33.33333 for 1/3), so
 * the import finds it in its list.
 */
export function percentOf(fraction: number): string {
	return formatNumber(Number((fraction * 100).toFixed(5)));
}

/** A number as GIFT and Moodle read it: plain digits and a point, never `1e-7`. */
export function formatNumber(value: number): string {
	const text = String(value);
	if (!/e/i.test(text)) return text;
	if (Math.abs(value) >= 1e21) return BigInt(value).toString();
	return value
		.toFixed(20)
		.replace(/(\.\d*?)0+$/, '$1')
		.replace(/\.$/, '');
}

/** Something Moodle will do differently from the site with one question, told at export. */
export interface MoodleNote {
	/** The question's id. */
	question: string;
	message: Localized<string>;
}

/** Whether Moodle has a question type for it: a lab needs the course's simulated Docker host. */
export function isExportable(question: Question): question is Exclude<Question, { type: 'lab' }> {
	return question.type !== 'lab';
}

/** What the export says in place of a question it leaves out. */
export const notExportable = {
	it: "non esportabile (lab): un esercizio di laboratorio si svolge sull'host Docker simulato del corso, che Moodle non ha",
	en: "not exportable (lab): a lab exercise runs on the course's simulated Docker host, which Moodle does not have",
};

/**
 * What an instructor should know before importing the banks into Moodle: a weight that is not
 * one of Moodle's grades (its import refuses the question unless told to take the nearest
 * grade), and negative marking on a true/false question, which Moodle does not do.
 */
export function moodleNotes(banks: readonly Bank[]): MoodleNote[] {
	const notes: MoodleNote[] = [];
	for (const bank of banks) {
		for (const question of bank.questions) {
			if (!isExportable(question)) {
				notes.push({ question: question.id, message: notExportable });
				continue;
			}
			const fractions = answerFractions(question, bank.penalty);
			for (const [choice, fraction] of fractions) {
				if (isMoodleFraction(fraction)) continue;
				notes.push({
					question: question.id,
					message: {
						it: `la scelta ${choice} vale ${percentOf(fraction)}%, che non è un voto di Moodle: nell'importazione scegli di usare il voto più vicino, o cambia il peso (1/2, 1/3, 1/4, 1/5, 1/6, 1/8, 1/10…)`,
						en: `choice ${choice} is worth ${percentOf(fraction)}%, which is not one of Moodle's grades: choose the nearest grade when importing, or change the weight (1/2, 1/3, 1/4, 1/5, 1/6, 1/8, 1/10…)`,
					},
				});
			}
			if (question.type === 'truefalse' && bank.penalty > 0)
				notes.push({
					question: question.id,
					message: {
						it: `in Moodle una risposta vero/falso sbagliata vale 0, non −${bank.penalty} × i punti come sul sito`,
						en: `in Moodle a wrong true/false answer scores 0, not −${bank.penalty} × the points as on the site`,
					},
				});
		}
	}
	return notes;
}

/**
 * The fraction of the points each choice of a choice question gives in Moodle: the right one 1
 * and the others 0 (or minus the bank's penalty) for a single choice, the weights for a multiple
 * choice. Other types have no fractions to check.
 */
export function answerFractions(question: Question, penalty: number): Map<string, number> {
	if (question.type === 'single')
		return new Map(question.choices.map((c) => [c.id, c.correct ? 1 : -penalty]));
	if (question.type === 'multiple') return choiceWeights(question);
	return new Map();
}
