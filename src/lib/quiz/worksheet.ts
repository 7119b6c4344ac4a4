/**
 * A quiz on paper: the questions as a worksheet (each part with a letter and an empty box or a
 * line to write on) and the answer key that goes at the end, which names the same letters. It
 * depends only on the questions, the language and a fixed seed, so the server renders it and the
 * printed page needs no JavaScript state.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import { labCommands } from './lab.ts';
import { acceptedAnswers, matchingOptions } from './score.ts';
import type { Question } from './schema.ts';
import { drawQuestions, layoutQuestion, type Layout } from './session.ts';
import { formatNumber, withUnit } from './wording.ts';

/** The seed of the printed sheet: the same on every print, unlike an attempt's. */
export const WORKSHEET_SEED = 1;

/** A part of a printed question: its letter (or number) and its text. */
export interface SheetPart {
	/** The id of the choice, item, pair or option. */
	id: string;
	label: string;
	text: string;
}

/** One question of the worksheet, in the shape it prints. */
export type SheetQuestion = {
	id: string;
	/** Its number on the sheet, from 1. */
	number: number;
	prompt: string;
} & (
	| { kind: 'choices'; multiple: boolean; choices: SheetPart[] }
	| { kind: 'truefalse'; choices: SheetPart[] }
	/** A line to write the answer on, with the unit after it. */
	| { kind: 'write'; unit?: string | undefined }
	/** Items to number in order. */
	| { kind: 'ordering'; items: SheetPart[] }
	/** Left items to give a letter to, and the lettered options. */
	| { kind: 'matching'; items: SheetPart[]; options: SheetPart[] }
	/** Items, each with a box per category. */
	| { kind: 'categorize'; items: SheetPart[]; categories: string[] }
	/** A lab: the starting files to read (or fix), and blank lines to write the commands on. */
	| { kind: 'lab'; files: SheetFile[]; lines: number }
);

/** A file printed whole, with its path. */
export interface SheetFile {
	path: string;
	text: string;
}

/** `a`, `b`, … `z`, `aa`: the letter of the part at an index. */
export function letter(index: number): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz';
	return index < alphabet.length
		? alphabet[index]!
		: letter(Math.floor(index / alphabet.length) - 1) + alphabet[index % alphabet.length]!;
}

/** Items by id, in the order of the layout, each with its letter. */
function lettered<T extends { id: string }>(
	ids: readonly string[],
	all: readonly T[],
	text: (item: T) => string
): SheetPart[] {
	const byId = new Map(all.map((item) => [item.id, item]));
	return ids.map((id, index) => ({ id, label: letter(index), text: text(byId.get(id)!) }));
}

/** A sentence's final full stop, which would sit oddly before the `;` between answers. */
const withoutFullStop = (text: string) => text.replace(/(?<!\.)\.$/, '');

/** How a question prints, with its parts in the order of `layout`. */
export function sheetQuestion(
	question: Question,
	number: number,
	lang: Locale,
	t: Translate,
	layout: Layout = layoutQuestion(question, WORKSHEET_SEED)
): SheetQuestion {
	const head = { id: question.id, number, prompt: question.prompt[lang] };
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				...head,
				kind: 'choices',
				multiple: question.type === 'multiple',
				choices: lettered(layout.choices, question.choices, (c) => c.text[lang]),
			};
		case 'truefalse':
			return {
				...head,
				kind: 'truefalse',
				choices: [
					{ id: 'true', label: letter(0), text: t('quiz.true') },
					{ id: 'false', label: letter(1), text: t('quiz.false') },
				],
			};
		case 'short':
			return { ...head, kind: 'write' };
		case 'numeric':
			return { ...head, kind: 'write', unit: question.unit };
		case 'ordering':
			return {
				...head,
				kind: 'ordering',
				items: lettered(layout.items, question.items, (i) => i.text[lang]),
			};
		case 'matching':
			return {
				...head,
				kind: 'matching',
				items: layout.left.map((id, index) => ({
					id,
					label: String(index + 1),
					text: question.pairs.find((p) => p.id === id)!.left[lang],
				})),
				options: lettered(layout.options, matchingOptions(question), (o) => o.text[lang]),
			};
		case 'categorize':
			return {
				...head,
				kind: 'categorize',
				items: lettered(layout.items, question.items, (i) => i.text[lang]),
				categories: question.categories.map((c) => c.text[lang]),
			};
		case 'lab':
			return {
				...head,
				kind: 'lab',
				files: Object.entries(question.start.files).map(([path, text]) => ({ path, text })),
				// Room for the model solution's commands and a few more.
				lines: Math.max(4, labCommands(question.solution.commands).length + 2),
			};
	}
}

/**
 * The right answer of a printed question, in the page's language, by the letters the worksheet
 * gives its parts: `b) Type 1`, `a, c`, `True`, `docker ps -a`, `4 GB`, `c → a → b`, `1 → b; 2 → a`,
 * `a: Type 1; b: Type 2`. Typed answers list every accepted form, separated by ` / `.
 */
export function answerKey(
	question: Question,
	lang: Locale,
	t: Translate,
	layout: Layout = layoutQuestion(question, WORKSHEET_SEED)
): string {
	const sheet = sheetQuestion(question, 1, lang, t, layout);
	const labelOf = (parts: readonly SheetPart[], id: string) =>
		parts.find((part) => part.id === id)!.label;
	switch (question.type) {
		case 'single':
		case 'multiple': {
			if (sheet.kind !== 'choices') break;
			return sheet.choices
				.filter((part) => question.choices.find((c) => c.id === part.id)?.correct)
				.map((part) => `${part.label}) ${withoutFullStop(part.text)}`)
				.join('; ');
		}
		case 'truefalse':
			return t(question.answer ? 'quiz.true' : 'quiz.false');
		case 'short':
			return acceptedAnswers(question, lang)
				.map((answer) => `\`${answer}\``)
				.join(' / ');
		case 'numeric': {
			const value = withUnit(formatNumber(question.value, lang, 10), question.unit);
			if (question.tolerance === 0) return value;
			return `${value} (${t('quiz.range', {
				min: withUnit(formatNumber(question.value - question.tolerance, lang, 10), question.unit),
				max: withUnit(formatNumber(question.value + question.tolerance, lang, 10), question.unit),
			})})`;
		}
		case 'ordering': {
			if (sheet.kind !== 'ordering') break;
			return question.items.map((item) => labelOf(sheet.items, item.id)).join(' → ');
		}
		case 'matching': {
			if (sheet.kind !== 'matching') break;
			// Pairs that share a right-hand text share its option: the first pair's id.
			const options = matchingOptions(question);
			return sheet.items
				.map((item) => {
					const pair = question.pairs.find((p) => p.id === item.id)!;
					const option = options.find((o) => o.text.it === pair.right.it)!;
					return `${item.label} → ${labelOf(sheet.options, option.id)}`;
				})
				.join('; ');
		}
		case 'categorize': {
			if (sheet.kind !== 'categorize') break;
			const names = new Map(question.categories.map((c) => [c.id, c.text[lang]]));
			return sheet.items
				.map((item) => {
					const category = question.items.find((i) => i.id === item.id)!.category;
					return `${item.label}: ${names.get(category)}`;
				})
				.join('; ');
		}
		case 'lab': {
			const commands = labCommands(question.solution.commands).map((c) => `\`${c}\``);
			const files = Object.keys(question.solution.files).map((path) => `\`${path}\``);
			return [
				...commands,
				...(files.length ? [t('quiz.lab.solutionFiles', { files: files.join(', ') })] : []),
			].join('; ');
		}
	}
	return '';
}

/** The files a lab's model solution edits, whole, for the answer key. */
export function keyFiles(question: Question): SheetFile[] {
	if (question.type !== 'lab') return [];
	return Object.entries(question.solution.files).map(([path, text]) => ({ path, text }));
}

/** A quiz on paper: its questions in the sheet's order, and the key in the same order. */
export interface Worksheet {
	questions: SheetQuestion[];
	/** Each answer; a lab's also has the files of its model solution, printed whole. */
	key: { number: number; answer: string; files: SheetFile[] }[];
}

/**
 * The worksheet of a quiz: every question in the order of the bank, or, for a draw (`perTopic`),
 * the fixed draw of the sheet's seed; each question's parts shuffled by the same seed.
 */
export function worksheetOf(
	questions: readonly Question[],
	lang: Locale,
	t: Translate,
	perTopic?: number
): Worksheet {
	const drawn =
		perTopic === undefined ? [...questions] : drawQuestions(questions, WORKSHEET_SEED, perTopic);
	return {
		questions: drawn.map((question, index) => sheetQuestion(question, index + 1, lang, t)),
		key: drawn.map((question, index) => ({
			number: index + 1,
			answer: answerKey(question, lang, t),
			files: keyFiles(question),
		})),
	};
}
