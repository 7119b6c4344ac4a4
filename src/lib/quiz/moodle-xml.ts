import {
	answerFractions,
	categoryPath,
	courseName,
	formatNumber,
	percentOf,
	shortAnswerPattern,
	textToHtml,
	textToPlain,
	unitNote,
	isExportable,
	notExportable,
} from './moodle.ts';
import type { Bank, LocalizedText, Question, QuestionOf, Topic } from './schema.ts';
import { acceptedAnswers, matchingOptions } from './score.ts';

/**
 * Moodle XML, the format Moodle itself exports, for what GIFT cannot say: ordering questions,
 * distractors, units, points and the order of the choices. How each type maps:
 * single choice → multichoice with one right answer (a wrong one takes away the bank's
 * penalty), multiple → multichoice with several, each choice with its fraction; true/false →
 * truefalse, with the feedback for each answer; matching → matching (a distractor is an answer
 * without a question); ordering → ordering (qtype_ordering, in Moodle's core since 4.4), graded
 * item by item on the item that follows (the site grades on the item that precedes: the same
 * pairs count); categorize → matching of each item with its category; short → shortanswer with
 * every accepted form (for a Docker command, the site also accepts equivalent forms Moodle does
 * not know); numeric → numerical with its tolerance and unit. Each bank is a category; the
 * explanation is the general feedback; the points are the default mark.
 */

type Lang = keyof LocalizedText;

/** Characters XML 1.0 does not allow in a document at all, even escaped. */
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as the content of an XML element. */
export function escapeXml(text: string): string {
	return text
		.replace(forbidden, '')
		.replace(/[&<>"]/g, (char) =>
			char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;'
		);
}

/** HTML in a CDATA section, as Moodle writes it; a `]]>` inside is split across two sections. */
function cdata(html: string): string {
	return html === ''
		? ''
		: `<![CDATA[${html.replace(forbidden, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** An XML comment: `--` may not appear inside one. */
function comment(text: string): string {
	return `<!-- ${text.replace(/-(?=-)/g, '- ').replace(forbidden, '')} -->`;
}

/** A text field of Moodle: our text as HTML, or plain text for the fields Moodle keeps plain. */
const htmlField = (tag: string, text: string, attributes = '') =>
	`<${tag}${attributes} format="html"><text>${cdata(textToHtml(text))}</text></${tag}>`;
const plainText = (text: string) => `<text>${escapeXml(text)}</text>`;

/** The feedback Moodle shows for a whole answer that is right, partly right or wrong: none. */
const combinedFeedback = [
	'<correctfeedback format="html"><text></text></correctfeedback>',
	'<partiallycorrectfeedback format="html"><text></text></partiallycorrectfeedback>',
	'<incorrectfeedback format="html"><text></text></incorrectfeedback>',
	'<shownumcorrect/>',
];

/** One question as Moodle XML: the elements every type has, then its own. */
export function questionToXml(question: Question, lang: Lang, penalty = 0): string {
	if (!isExportable(question)) return comment(`${question.id}: ${notExportable[lang]}`);
	const t = (text: LocalizedText) => text[lang];
	const prompt = t(question.prompt) + (question.type === 'numeric' ? unitNote(question.unit) : '');
	const { type, notes, body } = typeParts(question, lang, penalty);
	const lines = [
		...notes.map(comment),
		`<question type="${type}">`,
		`\t<name>${plainText(question.id)}</name>`,
		`\t${htmlField('questiontext', prompt)}`,
		`\t${htmlField('generalfeedback', t(question.explanation))}`,
		`\t<defaultgrade>${formatNumber(question.points)}</defaultgrade>`,
		'\t<hidden>0</hidden>',
		`\t<tags><tag>${plainText(question.topic)}</tag></tags>`,
		...body.map((line) => `\t${line}`),
		'</question>',
	];
	return lines.join('\n');
}

/** The Moodle type of a question, the comments that say how it maps, and its own elements. */
function typeParts(
	question: Exclude<Question, { type: 'lab' }>,
	lang: Lang,
	penalty: number
): { type: string; notes: string[]; body: string[] } {
	const t = (text: LocalizedText) => text[lang];
	const feedback = (text: LocalizedText | undefined) =>
		text ? htmlField('feedback', t(text)) : '<feedback format="html"><text></text></feedback>';
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const fractions = answerFractions(question, penalty);
			return {
				type: 'multichoice',
				notes: [],
				body: [
					`<single>${question.type === 'single'}</single>`,
					// A pinned choice ("none of the above") keeps its place only if Moodle keeps the order.
					`<shuffleanswers>${!question.choices.some((c) => c.pinned)}</shuffleanswers>`,
					'<answernumbering>none</answernumbering>',
					...combinedFeedback,
					...question.choices.flatMap((choice) => [
						`<answer fraction="${percentOf(fractions.get(choice.id) ?? 0)}" format="html">`,
						`\t<text>${cdata(textToHtml(t(choice.text)))}</text>`,
						`\t${feedback(choice.feedback)}`,
						'</answer>',
					]),
				],
			};
		}
		case 'truefalse':
			return {
				type: 'truefalse',
				notes: [],
				body: [true, false].flatMap((value) => [
					`<answer fraction="${value === question.answer ? 100 : 0}" format="moodle_auto_format">`,
					`\t<text>${value}</text>`,
					`\t${feedback(question.feedback?.[value ? 'true' : 'false'])}`,
					'</answer>',
				]),
			};
		case 'matching':
			return { type: 'matching', notes: [], body: matchingBody(matchingRows(question), lang) };
		case 'categorize': {
			const names = new Map(question.categories.map((c) => [c.id, c.text]));
			const rows: MatchingRow[] = [
				...question.items.map((item) => ({ left: item.text, right: names.get(item.category)! })),
				...question.categories
					.filter((c) => !question.items.some((item) => item.category === c.id))
					.map((c) => ({ right: c.text })),
			];
			return {
				type: 'matching',
				notes: [`${question.id}: categorize question, exported as matching (item → category).`],
				body: matchingBody(rows, lang),
			};
		}
		case 'ordering':
			return {
				type: 'ordering',
				notes: [],
				body: [
					'<layouttype>VERTICAL</layouttype>',
					'<selecttype>ALL</selecttype>',
					`<selectcount>${question.items.length}</selectcount>`,
					'<gradingtype>RELATIVE_NEXT_INCLUDE_LAST</gradingtype>',
					'<showgrading>SHOW</showgrading>',
					'<numberingstyle>none</numberingstyle>',
					...combinedFeedback,
					...question.items.map(
						(item, index) =>
							`<answer fraction="${index + 1}" format="html"><text>${cdata(textToHtml(t(item.text)))}</text></answer>`
					),
				],
			};
		case 'short':
			return {
				type: 'shortanswer',
				notes:
					question.match === 'docker'
						? [
								`${question.id}: on the site equivalent Docker commands count too; Moodle accepts only these forms.`,
							]
						: [],
				body: [
					'<usecase>0</usecase>',
					...acceptedAnswers(question, lang).map(
						(answer) =>
							`<answer fraction="100" format="moodle_auto_format">${plainText(shortAnswerPattern(answer))}<feedback format="html"><text></text></feedback></answer>`
					),
				],
			};
		case 'numeric':
			return {
				type: 'numerical',
				notes: [],
				body: [
					'<answer fraction="100" format="moodle_auto_format">',
					`\t${plainText(formatNumber(question.value))}`,
					'\t<feedback format="html"><text></text></feedback>',
					`\t<tolerance>${formatNumber(question.tolerance)}</tolerance>`,
					'</answer>',
					// With a unit, the learner may type it or not (Moodle's "units are optional").
					...(question.unit
						? [
								`<units><unit><multiplier>1</multiplier><unit_name>${escapeXml(question.unit)}</unit_name></unit></units>`,
								'<unitgradingtype>0</unitgradingtype>',
								'<unitpenalty>0</unitpenalty>',
								'<showunits>0</showunits>',
								'<unitsleft>0</unitsleft>',
							]
						: ['<showunits>3</showunits>']),
				],
			};
	}
}

/** A row of a Moodle matching question: a question and its answer, or an answer alone. */
interface MatchingRow {
	left?: LocalizedText;
	right: LocalizedText;
}

/** The rows of a matching question: each pair (pairs sharing a right text share its words), then the distractors. */
function matchingRows(question: QuestionOf<'matching'>): MatchingRow[] {
	const options = matchingOptions(question);
	return [
		...question.pairs.map((pair) => ({
			left: pair.left,
			right: options.find((o) => o.text.it === pair.right.it)?.text ?? pair.right,
		})),
		...question.distractors.map((d) => ({ right: d.text })),
	];
}

function matchingBody(rows: MatchingRow[], lang: Lang): string[] {
	return [
		'<shuffleanswers>true</shuffleanswers>',
		...combinedFeedback,
		...rows.map(
			(row) =>
				`<subquestion format="html"><text>${row.left ? cdata(textToHtml(row.left[lang])) : ''}</text><answer>${plainText(textToPlain(row.right[lang]))}</answer></subquestion>`
		),
	];
}

/**
 * Every question of the banks (optionally of one topic) as one Moodle XML file, each bank in
 * its own category, which Moodle creates when "get category from file" is ticked.
 */
export function exportMoodleXml(banks: readonly Bank[], lang: Lang, topic?: Topic): string {
	const chosen = banks.filter((bank) => !topic || bank.topic === topic);
	const count = chosen.reduce((sum, bank) => sum + bank.questions.filter(isExportable).length, 0);
	const parts: string[] = [];
	for (const bank of chosen) {
		parts.push(
			[
				'<question type="category">',
				`\t<category>${plainText(categoryPath(bank, lang))}</category>`,
				'\t<info format="html"><text></text></info>',
				'</question>',
			].join('\n')
		);
		parts.push(...bank.questions.map((q) => questionToXml(q, lang, bank.penalty)));
	}
	const indented = parts.map((part) => part.replace(/^/gm, '\t'));
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		comment(`${courseName[lang]}: ${count} questions (${lang}), exported as Moodle XML.`),
		'<quiz>',
		...indented,
		'</quiz>',
		'',
	].join('\n');
}
