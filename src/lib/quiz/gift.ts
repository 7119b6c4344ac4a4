import { stringify } from 'yaml';
import type { Localized } from '../i18n/locale.ts';
import {
	answerFractions,
	categoryPath,
	courseName,
	formatNumber,
	htmlToText,
	markdownToText,
	percentOf,
	shortAnswerPattern,
	textToHtml,
	textToPlain,
	unitNote,
	isExportable,
	notExportable,
} from './moodle.ts';
import type { Bank, BankInput, LocalizedText, Question, Topic } from './schema.ts';
import { acceptedAnswers, matchingOptions } from './score.ts';

/**
 * Moodle's GIFT format, so instructors can move questions between this site and Moodle.
 *
 * Export: one `$CATEGORY:` per bank, then its questions, each titled with its id. Texts are
 * `[html]`, so `code` shows as code and a `<` stays a `<`; the plain-text parts Moodle keeps
 * (matching answers, short answers) lose only the backticks. How each type maps:
 * single and multiple choice → multiple choice (multiple with Moodle's percentages), true/false
 * → true/false, matching → matching (distractors as answers without a question), short →
 * short answer (the accepted forms), numeric → numerical `{#value:tolerance}` (the unit goes in
 * the question text: GIFT has none). GIFT has no ordering or categorize questions: ordering
 * becomes a matching of each item with its position (1, 2, …), categorize a matching of each
 * item with its category; a comment line says so. Moodle XML keeps ordering as ordering.
 */

type Lang = keyof LocalizedText;

/** Escapes GIFT's special characters in text. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
}

/** Our text as GIFT HTML: escaped for HTML, then for GIFT. */
const html = (text: string) => escapeGift(textToHtml(text));

/** Our text for GIFT's plain-text parts. */
const plain = (text: string) => escapeGift(textToPlain(text).replace(/\s+/g, ' ').trim());

/** One question as GIFT, with its id as title and its explanation as general feedback. */
export function questionToGift(question: Question, lang: Lang, penalty = 0): string {
	if (!isExportable(question)) return `// ${question.id}: ${notExportable[lang]}`;
	const t = (text: LocalizedText) => html(text[lang]);
	const feedback = (text: LocalizedText | undefined) => (text ? `#${t(text)}` : '');
	// GIFT has no points: Moodle gives every question a default mark of 1.
	const points =
		question.points === 1
			? ''
			: `, points: ${question.points} (GIFT has none: set the default mark in Moodle, or use Moodle XML)`;
	const lines: string[] = [`// id: ${question.id}, topic: ${question.topic}${points}`];
	const general = `####${t(question.explanation)}`;
	const prompt =
		question.type === 'numeric'
			? `${question.prompt[lang]}${unitNote(question.unit)}`
			: question.prompt[lang];
	const head = `::${escapeGift(question.id)}::[html]${html(prompt)}`;
	const block = (answers: string[]) =>
		`${head} {\n${answers.map((a) => `\t${a}`).join('\n')}\n\t${general}\n}`;
	switch (question.type) {
		case 'single':
		case 'multiple': {
			if (question.choices.some((c) => c.pinned))
				lines.push(
					'// A choice keeps its place on the site; Moodle shuffles as its settings say (Moodle XML keeps the order).'
				);
			const fractions = answerFractions(question, penalty);
			lines.push(
				block(
					question.choices.map((c) => {
						const fraction = fractions.get(c.id) ?? 0;
						const mark =
							question.type === 'single' && fraction === 1
								? '='
								: question.type === 'single' && fraction === 0
									? '~'
									: `~%${percentOf(fraction)}%`;
						return `${mark}${t(c.text)}${feedback(c.feedback)}`;
					})
				)
			);
			break;
		}
		case 'truefalse': {
			// Moodle reads the feedback for a wrong answer first, then for a right one. An empty last
			// one is left out: gift-pegjs stops at `{T#…#####…}`, the empty `#` before `####`.
			const wrong = question.feedback?.[question.answer ? 'false' : 'true'];
			const right = question.feedback?.[question.answer ? 'true' : 'false'];
			const both = right ? `${feedback(wrong) || '#'}${feedback(right)}` : feedback(wrong);
			lines.push(`${head} {${question.answer ? 'T' : 'F'}${both}${general}}`);
			break;
		}
		case 'matching': {
			const options = matchingOptions(question);
			const answer = (pair: (typeof question.pairs)[number]) =>
				options.find((o) => o.text.it === pair.right.it)?.text ?? pair.right;
			lines.push(
				block([
					...question.pairs.map((pair) => `=${t(pair.left)} -> ${plain(answer(pair)[lang])}`),
					...question.distractors.map((d) => `= -> ${plain(d.text[lang])}`),
				])
			);
			break;
		}
		case 'ordering':
			lines.push('// Ordering question, exported as matching: each item goes with its position.');
			lines.push(block(question.items.map((item, index) => `=${t(item.text)} -> ${index + 1}`)));
			break;
		case 'categorize': {
			lines.push('// Categorize question, exported as matching: each item goes with its category.');
			const names = new Map(question.categories.map((c) => [c.id, c.text]));
			const empty = question.categories.filter(
				(c) => !question.items.some((item) => item.category === c.id)
			);
			lines.push(
				block([
					...question.items.map(
						(item) => `=${t(item.text)} -> ${plain(names.get(item.category)![lang])}`
					),
					...empty.map((c) => `= -> ${plain(c.text[lang])}`),
				])
			);
			break;
		}
		case 'short': {
			if (question.match === 'docker') {
				lines.push(
					'// Short answer: on the site, equivalent Docker commands count too; Moodle accepts only these forms.'
				);
			}
			lines.push(
				block(acceptedAnswers(question, lang).map((a) => `=${shortAnswerPattern(escapeGift(a))}`))
			);
			break;
		}
		case 'numeric':
			lines.push(
				`${head} {#${formatNumber(question.value)}:${formatNumber(question.tolerance)}${general}}`
			);
			break;
	}
	return lines.join('\n');
}

/**
 * Every question of the banks (optionally of one topic) as a GIFT file, each bank in its own
 * category (`$CATEGORY:`), which Moodle creates when "get category from file" is ticked.
 */
export function exportGift(banks: readonly Bank[], lang: Lang, topic?: Topic): string {
	const chosen = banks.filter((bank) => !topic || bank.topic === topic);
	const count = chosen.reduce((sum, bank) => sum + bank.questions.filter(isExportable).length, 0);
	const header = `// ${courseName[lang]}: ${count} questions (${lang}), exported as GIFT for Moodle.`;
	const parts = [header];
	for (const bank of chosen) {
		parts.push(`$CATEGORY: ${categoryPath(bank, lang)}`);
		parts.push(...bank.questions.map((q) => questionToGift(q, lang, bank.penalty)));
	}
	return `${parts.join('\n\n')}\n`;
}

/** A text as the parser of GIFT files gives it, with the format written before it (`[html]`). */
interface GiftText {
	format?: string;
	text: string;
}
/** A numerical answer: a value with a tolerance (`4:0.5`), a range (`3.5..4.5`) or a value. */
interface GiftNumber {
	type?: string;
	number?: number;
	range?: number;
	numberLow?: number;
	numberHigh?: number;
}
interface GiftChoice {
	isCorrect: boolean;
	weight: number | null;
	text: GiftText | GiftNumber;
	feedback: GiftText | null;
}
/** What the parser of GIFT files (gift-pegjs) gives for each question: the parts we read. */
export interface GiftQuestion {
	type: string;
	title: string | null;
	stem?: GiftText;
	globalFeedback?: GiftText | null;
	choices?: GiftChoice[] | GiftNumber;
	isTrue?: boolean;
	/** The first feedback after `{T` or `{F`: in Moodle, the one for a wrong answer. */
	trueFeedback?: GiftText | null;
	/** The second: in Moodle, the one for a right answer. */
	falseFeedback?: GiftText | null;
	matchPairs?: { subquestion: GiftText; subanswer: string }[];
}

/** A question of the GIFT file that was not imported: where it is, and why. */
export interface GiftSkip {
	/** The id it would have had (its title, or the start of its text). */
	question: string;
	/** 1-based line where the question starts in the file, when the file's text was given. */
	line?: number;
	message: Localized<string>;
}

/** The result of importing: the bank as YAML, and the questions that could not be brought over. */
export interface GiftImport {
	yaml: string;
	imported: number;
	skipped: GiftSkip[];
}

const TRANSLATE = 'DA TRADURRE / TO TRANSLATE:';

/** The types of GIFT that the site has no counterpart for, named for the message. */
const otherTypes: Record<string, Localized<string>> = {
	Essay: { it: 'a risposta aperta (saggio)', en: 'essay' },
};

/** A text that cannot become plain text: the question is skipped with the reason. */
class RefusedText extends Error {
	readonly reason: Localized<string>;
	constructor(reason: Localized<string>) {
		super(reason.en);
		this.reason = reason;
	}
}

/**
 * A GIFT text as our plain text. `[html]` is read as HTML (tags dropped, `<code>` back to
 * backticks, entities decoded); `[markdown]` as Markdown, or refused when it holds what plain
 * text cannot say; `[moodle]` and `[plain]` are kept as written.
 */
function readGiftText(value: GiftText | null | undefined): string {
	if (!value) return '';
	switch (value.format) {
		case 'html':
			return htmlToText(value.text);
		case 'markdown': {
			const read = markdownToText(value.text);
			if (!read.ok) throw new RefusedText(read.reason);
			return read.text;
		}
		default:
			return value.text.trim();
	}
}

/**
 * The line where each question of a GIFT file starts (its first line that is not a comment), in
 * the order the parser gives the questions: GIFT separates questions with blank lines, and a
 * block of comments alone is no question.
 */
export function giftQuestionLines(source: string): number[] {
	const starts: number[] = [];
	let inQuestion = false;
	source.split(/\r\n|\n|\r/).forEach((line, index) => {
		const text = line.trim();
		if (text === '') inQuestion = false;
		else if (!inQuestion && !text.startsWith('//')) {
			starts.push(index + 1);
			inQuestion = true;
		}
	});
	return starts;
}

/** The characters gift-pegjs hides behind placeholders while it reads an escaped text. */
const placeholders: Record<string, string> = {
	'&&092;': '\\',
	'&&058;': ':',
	'&&035;': '#',
	'&&061;': '=',
	'&&123;': '{',
	'&&125;': '}',
	'&&126;': '~',
	'&&010': '\n',
};

/**
 * The answer of a matching pair as Moodle reads it. gift-pegjs decodes every escaped text but
 * that one: `=a -> b\: c` gives `b&&058; c`, where Moodle reads `b: c`.
 */
export function decodeGiftPlaceholders(text: string): string {
	return text.replace(/&&(?:092|058|035|061|123|125|126);|&&010/g, (code) => placeholders[code]!);
}

/** The value and tolerance of a numerical answer, whichever way GIFT wrote it. */
function numericAnswer(
	answer: GiftNumber | undefined
): { value: number; tolerance: number } | null {
	if (!answer) return null;
	if (answer.numberLow !== undefined && answer.numberHigh !== undefined)
		return {
			value: (answer.numberLow + answer.numberHigh) / 2,
			tolerance: Math.abs(answer.numberHigh - answer.numberLow) / 2,
		};
	return answer.number === undefined
		? null
		: { value: answer.number, tolerance: answer.range ?? 0 };
}

/**
 * Turns parsed GIFT questions into one of our banks, in YAML. The text fills the given language;
 * the other language repeats it behind a "to translate" mark, and every review link points at a
 * placeholder anchor, so `npm run quiz -- check` lists what is left to do. With the file's text
 * (`source`), each skipped question says the line it starts on.
 */
export function giftToBank(
	questions: readonly GiftQuestion[],
	lang: Lang,
	topic: Topic,
	source?: string
): GiftImport {
	const other: Lang = lang === 'it' ? 'en' : 'it';
	const lines = source === undefined ? [] : giftQuestionLines(source);
	const text = (value: string): LocalizedText => {
		const words = value.trim() || '—';
		return { [lang]: words, [other]: `${TRANSLATE} ${words}` } as LocalizedText;
	};
	const rich = (value: GiftText | null | undefined) => text(readGiftText(value));
	const used = new Set<string>();
	const skipped: GiftSkip[] = [];
	const converted: BankInput['questions'] = [];
	questions.forEach((gift, index) => {
		if (gift.type === 'Category' || gift.type === 'Description') return;
		const id = uniqueId(gift.title ?? gift.stem?.text ?? '', index, used);
		const skip = (message: Localized<string>) =>
			skipped.push({ question: id, ...(lines[index] ? { line: lines[index] } : {}), message });
		try {
			const question = convertQuestion(gift, id, topic, rich);
			if ('skip' in question) skip(question.skip);
			else converted.push(question);
		} catch (error) {
			if (!(error instanceof RefusedText)) throw error;
			skip(error.reason);
		}
	});
	const bank: BankInput = {
		topic,
		title: text(`Imported questions (${topic})`),
		questions: converted,
	};
	const yaml = [
		'# yaml-language-server: $schema=../../../public/schemas/quiz-bank.json',
		`# Imported from GIFT: the ${lang === 'it' ? 'Italian' : 'English'} texts are filled in; translate the ones marked "${TRANSLATE}"`,
		'# and point each `review` at the heading that teaches the answer.',
		stringify(bank, { lineWidth: 100 }),
	].join('\n');
	return { yaml, imported: converted.length, skipped };
}

type ImportedQuestion = BankInput['questions'][number];

/** One parsed GIFT question as ours, or why it has no counterpart. */
function convertQuestion(
	gift: GiftQuestion,
	id: string,
	topic: Topic,
	rich: (value: GiftText | null | undefined) => LocalizedText
): ImportedQuestion | { skip: Localized<string> } {
	const base = {
		id,
		topic,
		prompt: rich(gift.stem),
		explanation: rich(gift.globalFeedback),
		review: { it: '/#da-completare', en: '/en/#to-do' },
	};
	const choices = Array.isArray(gift.choices) ? gift.choices : [];
	switch (gift.type) {
		case 'MC': {
			const weighted = choices.some((c) => c.weight !== null);
			const list = choices.map((c, i) => ({
				id: `c${i + 1}`,
				text: rich('text' in c.text ? c.text : { text: '' }),
				correct: weighted ? (c.weight ?? 0) > 0 : c.isCorrect,
				...(weighted ? { weight: (c.weight ?? 0) / 100 } : {}),
				...(c.feedback ? { feedback: rich(c.feedback) } : {}),
			}));
			const right = list.filter((c) => c.correct).length;
			const single = !weighted && right === 1;
			return { ...base, type: single ? 'single' : 'multiple', choices: list };
		}
		case 'TF': {
			// Moodle gives the feedback for a wrong answer first, then for a right one; the parser
			// calls them trueFeedback and falseFeedback whatever the answer.
			const isTrue = gift.isTrue ?? true;
			const wrong = gift.trueFeedback ? rich(gift.trueFeedback) : undefined;
			const right = gift.falseFeedback ? rich(gift.falseFeedback) : undefined;
			const forTrue = isTrue ? right : wrong;
			const forFalse = isTrue ? wrong : right;
			return {
				...base,
				type: 'truefalse',
				answer: isTrue,
				...(forTrue || forFalse
					? {
							feedback: {
								...(forTrue ? { true: forTrue } : {}),
								...(forFalse ? { false: forFalse } : {}),
							},
						}
					: {}),
			};
		}
		case 'Short':
			// Moodle keeps short answers as plain text, and reads `\*` as a literal star.
			return {
				...base,
				type: 'short',
				accepted: choices
					.filter((c) => c.isCorrect && (c.weight === null || c.weight > 0) && 'text' in c.text)
					.map((c) => (c.text as GiftText).text.replaceAll('\\*', '*').trim())
					.filter((answer) => answer !== ''),
			};
		case 'Numerical': {
			const right = Array.isArray(gift.choices)
				? (
						gift.choices.find((c) => c.isCorrect && (c.weight === null || c.weight >= 100)) ??
						gift.choices[0]
					)?.text
				: gift.choices;
			const answer = right && !('text' in right) ? numericAnswer(right) : null;
			if (!answer)
				return {
					skip: {
						it: 'la domanda numerica non ha un valore giusto leggibile: scrivilo come {#valore:tolleranza}',
						en: 'the numerical question has no right value that can be read: write it as {#value:tolerance}',
					},
				};
			return { ...base, type: 'numeric', ...answer };
		}
		case 'Matching': {
			const pairs = gift.matchPairs ?? [];
			const asked = pairs.filter((pair) => pair.subquestion.text.trim() !== '');
			const spare = pairs.filter((pair) => pair.subquestion.text.trim() === '');
			return {
				...base,
				type: 'matching',
				pairs: asked.map((pair, i) => ({
					id: `p${i + 1}`,
					left: rich(pair.subquestion),
					right: rich({ text: decodeGiftPlaceholders(pair.subanswer) }),
				})),
				distractors: spare.map((pair, i) => ({
					id: `d${i + 1}`,
					text: rich({ text: decodeGiftPlaceholders(pair.subanswer) }),
				})),
			};
		}
		default: {
			const kind = otherTypes[gift.type] ?? { it: gift.type, en: gift.type };
			return {
				skip: {
					it: `il sito non ha domande di tipo ${kind.it}: riscrivila nella banca come uno dei tipi del sito`,
					en: `the site has no ${kind.en} questions: write it into the bank as one of the site's types`,
				},
			};
		}
	}
}

function uniqueId(source: string, index: number, used: Set<string>): string {
	const base =
		source
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40)
			.replace(/-+$/, '') || `question-${index + 1}`;
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	used.add(id);
	return id;
}
