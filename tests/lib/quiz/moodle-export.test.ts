/**
 * The exports of the course's real banks, read back by parsers that are not ours: gift-pegjs for
 * GIFT and fast-xml-parser for Moodle XML. The banks are read from src/content/quizzes as they
 * are when the tests run, so a new question is checked the day it is written.
 */
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import giftParser from 'gift-pegjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadBankFiles } from '../../../src/lib/quiz/files';
import {
	decodeGiftPlaceholders,
	exportGift,
	giftQuestionLines,
	giftToBank,
	type GiftQuestion,
} from '../../../src/lib/quiz/gift';
import {
	answerFractions,
	categoryPath,
	htmlToText,
	isExportable,
	moodleNotes,
	textToPlain,
	unitNote,
} from '../../../src/lib/quiz/moodle';
import { exportMoodleXml } from '../../../src/lib/quiz/moodle-xml';
import { BankSchema, type Bank, type Question } from '../../../src/lib/quiz/schema';
import { acceptedAnswers, matchingOptions } from '../../../src/lib/quiz/score';

const root = join(import.meta.dirname, '../../..');
const loaded = loadBankFiles(root);
const banks: Bank[] = loaded.flatMap((bank) => (bank.bank ? [bank.bank] : []));
const langs = ['it', 'en'] as const;
const cases = banks.flatMap((bank) => langs.map((lang) => ({ bank, lang, topic: bank.topic })));

/** The questions of a bank that Moodle can take: all but the labs. */
const exported = (bank: Bank) => bank.questions.filter(isExportable);

test('the banks are there and valid, so the exports below test them all', () => {
	expect(loaded.length).toBeGreaterThanOrEqual(4);
	expect(banks).toHaveLength(loaded.length);
});

/** A fraction as a percentage to four decimals, to compare what the files round. */
const percent = (fraction: number) => Number((fraction * 100).toFixed(4));

/** The prompt as an export writes it: a numeric question says its unit. */
const promptOf = (question: Question, lang: 'it' | 'en') =>
	question.prompt[lang] + (question.type === 'numeric' ? unitNote(question.unit) : '');

/** The pairs a matching export must hold: left text (or none, for a spare answer) → answer. */
function expectedPairs(question: Question, lang: 'it' | 'en'): [string, string][] {
	switch (question.type) {
		case 'matching': {
			const options = matchingOptions(question);
			return [
				...question.pairs.map((pair): [string, string] => [
					pair.left[lang],
					textToPlain(options.find((o) => o.text.it === pair.right.it)!.text[lang]),
				]),
				...question.distractors.map((d): [string, string] => ['', textToPlain(d.text[lang])]),
			];
		}
		case 'ordering':
			return question.items.map((item, index) => [item.text[lang], String(index + 1)]);
		case 'categorize': {
			const names = new Map(question.categories.map((c) => [c.id, c.text[lang]]));
			return [
				...question.items.map((item): [string, string] => [
					item.text[lang],
					textToPlain(names.get(item.category)!),
				]),
				...question.categories
					.filter((c) => !question.items.some((item) => item.category === c.id))
					.map((c): [string, string] => ['', textToPlain(c.text[lang])]),
			];
		}
		default:
			return [];
	}
}

describe('lab exercises, which Moodle cannot run', () => {
	const labs = banks.flatMap((bank) => bank.questions.filter((q) => q.type === 'lab'));

	test('the banks hold labs, and neither export holds them as questions', () => {
		expect(labs.length).toBeGreaterThanOrEqual(8);
		for (const lang of langs) {
			const gift = exportGift(banks, lang);
			const xml = exportMoodleXml(banks, lang);
			for (const lab of labs) {
				expect(gift).not.toContain(`::${lab.id}::`);
				expect(xml).not.toContain(`<name><text>${lab.id}</text></name>`);
			}
		}
	});

	test('each export says which labs it leaves out, and the notes list them', () => {
		const gift = exportGift(banks, 'en');
		const xml = exportMoodleXml(banks, 'it');
		const notes = moodleNotes(banks);
		for (const lab of labs) {
			expect(gift).toContain(`// ${lab.id}: not exportable (lab)`);
			expect(xml).toContain(`<!-- ${lab.id}: non esportabile (lab)`);
			const note = notes.find((n) => n.question === lab.id);
			expect(note?.message.en).toMatch(/^not exportable \(lab\)/);
		}
	});
});

describe('GIFT export of every real bank, read by gift-pegjs', () => {
	const parse = (text: string) =>
		(giftParser as { parse: (input: string) => GiftQuestion[] }).parse(text);

	test.each(cases)('$topic ($lang): every question parses, in its category', ({ bank, lang }) => {
		const parsed = parse(exportGift([bank], lang));
		expect(parsed[0]).toMatchObject({ type: 'Category', title: categoryPath(bank, lang) });
		expect(parsed.slice(1).map((q) => q.title)).toEqual(exported(bank).map((q) => q.id));
	});

	test.each(cases)(
		'$topic ($lang): types, texts and right answers as in the bank',
		({ bank, lang }) => {
			const parsed = parse(exportGift([bank], lang)).slice(1);
			const giftTypes: Record<Exclude<Question['type'], 'lab'>, string> = {
				single: 'MC',
				multiple: 'MC',
				truefalse: 'TF',
				matching: 'Matching',
				ordering: 'Matching',
				categorize: 'Matching',
				short: 'Short',
				numeric: 'Numerical',
			};
			exported(bank).forEach((question, index) => {
				const gift = parsed[index]!;
				const where = `${question.id} (${lang})`;
				expect(gift.type, where).toBe(giftTypes[question.type]);
				expect(gift.stem?.format, where).toBe('html');
				expect(htmlToText(gift.stem!.text), where).toBe(promptOf(question, lang));
				expect(htmlToText(gift.globalFeedback!.text), where).toBe(question.explanation[lang]);
				const choices = Array.isArray(gift.choices) ? gift.choices : [];
				const text = (value: unknown) => htmlToText((value as { text: string }).text);
				switch (question.type) {
					case 'single':
					case 'multiple': {
						const fractions = answerFractions(question, bank.penalty);
						expect(
							choices.map((c) => [
								text(c.text),
								c.isCorrect,
								c.weight === null ? null : percent(c.weight / 100),
							]),
							where
						).toEqual(
							question.choices.map((c) => {
								const fraction = fractions.get(c.id)!;
								const plain = question.type === 'single' && (fraction === 1 || fraction === 0);
								return [
									c.text[lang],
									question.type === 'single' && c.correct,
									plain ? null : percent(fraction),
								];
							})
						);
						expect(
							choices.map((c) => (c.feedback ? htmlToText(c.feedback.text) : null)),
							where
						).toEqual(question.choices.map((c) => c.feedback?.[lang] ?? null));
						break;
					}
					case 'truefalse': {
						expect(gift.isTrue, where).toBe(question.answer);
						// Moodle's order: the feedback for a wrong answer, then for a right one.
						const wrong = question.feedback?.[question.answer ? 'false' : 'true']?.[lang];
						const right = question.feedback?.[question.answer ? 'true' : 'false']?.[lang];
						const first = gift.trueFeedback ? htmlToText(gift.trueFeedback.text) : undefined;
						const second = gift.falseFeedback ? htmlToText(gift.falseFeedback.text) : undefined;
						expect([first, second], where).toEqual([wrong, right]);
						break;
					}
					case 'matching':
					case 'ordering':
					case 'categorize':
						expect(
							gift.matchPairs!.map((pair) => [
								htmlToText(pair.subquestion.text),
								decodeGiftPlaceholders(pair.subanswer),
							]),
							where
						).toEqual(expectedPairs(question, lang));
						break;
					case 'short':
						expect(
							choices.map((c) => (c.text as { text: string }).text.replaceAll('\\*', '*')),
							where
						).toEqual(acceptedAnswers(question, lang));
						expect(
							choices.every((c) => c.isCorrect),
							where
						).toBe(true);
						break;
					case 'numeric': {
						const answer = Array.isArray(gift.choices) ? gift.choices[0]?.text : gift.choices;
						expect(answer, where).toMatchObject({
							number: question.value,
							range: question.tolerance,
						});
						break;
					}
				}
			});
		}
	);

	test.each(cases)(
		'$topic ($lang): imported back, the texts come home unchanged',
		({ bank, lang }) => {
			const source = exportGift([bank], lang);
			const result = giftToBank(parse(source), lang, bank.topic, source);
			expect(result.skipped).toEqual([]);
			const imported = BankSchema().parse(parseYaml(result.yaml));
			expect(imported.questions.map((q) => q.prompt[lang])).toEqual(
				exported(bank).map((q) => promptOf(q, lang))
			);
			expect(imported.questions.map((q) => q.explanation[lang])).toEqual(
				exported(bank).map((q) => q.explanation[lang])
			);
			const feedbacks = (q: Question) =>
				q.type === 'truefalse'
					? [q.answer, q.feedback?.true?.[lang], q.feedback?.false?.[lang]]
					: [];
			expect(imported.questions.map(feedbacks)).toEqual(exported(bank).map(feedbacks));
		}
	);

	test('the line of each question is the line of its title', () => {
		const source = exportGift(banks, 'it');
		const lines = source.split('\n');
		const starts = giftQuestionLines(source).map(
			(line) => /^(\$CATEGORY: .*|::[a-z0-9-]+::\[html\])/.exec(lines[line - 1]!)?.[1]
		);
		expect(starts).toEqual(
			banks.flatMap((bank) => [
				`$CATEGORY: ${categoryPath(bank, 'it')}`,
				...exported(bank).map((q) => `::${q.id}::[html]`),
			])
		);
	});
});

describe('Moodle XML export of every real bank, read by fast-xml-parser', () => {
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		parseTagValue: false,
		isArray: (name) => ['question', 'answer', 'subquestion', 'unit', 'tag'].includes(name),
	});
	interface XmlText {
		text: string;
		format?: string;
	}
	interface XmlAnswer extends XmlText {
		fraction: string;
		feedback?: XmlText;
		tolerance?: string;
	}
	interface XmlQuestion {
		type: string;
		name?: { text: string };
		category?: { text: string };
		questiontext?: XmlText;
		generalfeedback?: XmlText;
		defaultgrade?: string;
		single?: string;
		shuffleanswers?: string;
		gradingtype?: string;
		answer?: XmlAnswer[];
		subquestion?: (XmlText & { answer: { text: string }[] })[];
		units?: { unit: { unit_name: string; multiplier: string }[] };
		showunits?: string;
	}
	const read = (xml: string): XmlQuestion[] =>
		(parser.parse(xml) as { quiz: { question: XmlQuestion[] } }).quiz.question;

	test.each(cases)(
		'$topic ($lang): well-formed XML, one question each, in its category',
		({ bank, lang }) => {
			const xml = exportMoodleXml([bank], lang);
			expect(XMLValidator.validate(xml)).toBe(true);
			const [category, ...questions] = read(xml);
			expect(category).toMatchObject({
				type: 'category',
				category: { text: categoryPath(bank, lang) },
			});
			expect(questions.map((q) => q.name?.text)).toEqual(exported(bank).map((q) => q.id));
		}
	);

	test.each(cases)(
		'$topic ($lang): types, texts, grades and answers as in the bank',
		({ bank, lang }) => {
			const questions = read(exportMoodleXml([bank], lang)).slice(1);
			const xmlTypes: Record<Exclude<Question['type'], 'lab'>, string> = {
				single: 'multichoice',
				multiple: 'multichoice',
				truefalse: 'truefalse',
				matching: 'matching',
				ordering: 'ordering',
				categorize: 'matching',
				short: 'shortanswer',
				numeric: 'numerical',
			};
			exported(bank).forEach((question, index) => {
				const xml = questions[index]!;
				const where = `${question.id} (${lang})`;
				expect(xml.type, where).toBe(xmlTypes[question.type]);
				expect(xml.questiontext?.format, where).toBe('html');
				expect(htmlToText(xml.questiontext!.text), where).toBe(promptOf(question, lang));
				expect(htmlToText(xml.generalfeedback!.text), where).toBe(question.explanation[lang]);
				expect(Number(xml.defaultgrade), where).toBe(question.points);
				const answers = xml.answer ?? [];
				switch (question.type) {
					case 'single':
					case 'multiple': {
						const fractions = answerFractions(question, bank.penalty);
						expect(xml.single, where).toBe(String(question.type === 'single'));
						expect(xml.shuffleanswers, where).toBe(String(!question.choices.some((c) => c.pinned)));
						expect(
							answers.map((a) => [htmlToText(a.text), percent(Number(a.fraction) / 100)]),
							where
						).toEqual(question.choices.map((c) => [c.text[lang], percent(fractions.get(c.id)!)]));
						expect(
							answers.map((a) => htmlToText(a.feedback?.text ?? '') || undefined),
							where
						).toEqual(question.choices.map((c) => c.feedback?.[lang]));
						break;
					}
					case 'truefalse':
						expect(
							answers.map((a) => [
								a.text,
								Number(a.fraction),
								htmlToText(a.feedback?.text ?? '') || undefined,
							]),
							where
						).toEqual([
							['true', question.answer ? 100 : 0, question.feedback?.true?.[lang]],
							['false', question.answer ? 0 : 100, question.feedback?.false?.[lang]],
						]);
						break;
					case 'ordering':
						// Moodle reads the items in their right order from the file.
						expect(xml.gradingtype, where).toBe('RELATIVE_NEXT_INCLUDE_LAST');
						expect(
							answers.map((a) => htmlToText(a.text)),
							where
						).toEqual(question.items.map((item) => item.text[lang]));
						break;
					case 'matching':
					case 'categorize':
						expect(
							xml.subquestion!.map((s) => [htmlToText(s.text), s.answer[0]!.text]),
							where
						).toEqual(expectedPairs(question, lang));
						break;
					case 'short':
						expect(
							answers.map((a) => [a.text.replaceAll('\\*', '*'), a.fraction]),
							where
						).toEqual(acceptedAnswers(question, lang).map((a) => [a, '100']));
						break;
					case 'numeric':
						expect(
							answers.map((a) => [Number(a.text), Number(a.tolerance), a.fraction]),
							where
						).toEqual([[question.value, question.tolerance, '100']]);
						expect(xml.units?.unit.map((u) => u.unit_name) ?? [], where).toEqual(
							question.unit ? [question.unit] : []
						);
						expect(xml.showunits, where).toBe(question.unit ? '0' : '3');
						break;
				}
			});
		}
	);

	test('every weight of every bank is one of the grades Moodle accepts', () => {
		// The only notes are the labs left out.
		expect(moodleNotes(banks).filter((note) => !note.message.en.includes('(lab)'))).toEqual([]);
	});
});

describe('the whole export, as an instructor imports it', () => {
	const count = banks.reduce((sum, bank) => sum + exported(bank).length, 0);

	test.each(langs)('%s: GIFT and Moodle XML hold every question of every bank', (lang) => {
		const gift = (giftParser as { parse: (input: string) => GiftQuestion[] }).parse(
			exportGift(banks, lang)
		);
		expect(gift.filter((q) => q.type === 'Category')).toHaveLength(banks.length);
		expect(gift.filter((q) => q.type !== 'Category')).toHaveLength(count);
		const xml = exportMoodleXml(banks, lang);
		expect(XMLValidator.validate(xml)).toBe(true);
		const questions = (
			new XMLParser({
				ignoreAttributes: false,
				attributeNamePrefix: '',
				isArray: (name) => name === 'question',
			}).parse(xml) as { quiz: { question: { type: string }[] } }
		).quiz.question;
		expect(questions.filter((q) => q.type === 'category')).toHaveLength(banks.length);
		expect(questions.filter((q) => q.type !== 'category')).toHaveLength(count);
	});
});
