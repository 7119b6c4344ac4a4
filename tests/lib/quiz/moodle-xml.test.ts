import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../../src/lib/quiz/moodle';
import { escapeXml, exportMoodleXml } from '../../../src/lib/quiz/moodle-xml';
import { BankSchema, type BankInput } from '../../../src/lib/quiz/schema';
import { t } from './fixtures';

const review = { it: '/docker/volumi/#a', en: '/en/docker/volumi/#a' };
const common = (id: string) => ({
	id,
	topic: 'docker' as const,
	prompt: t(`Prompt ${id}`),
	explanation: t(`Why ${id}`),
	review,
});
const bankOf = (questions: BankInput['questions'], penalty = 0) =>
	BankSchema().parse({ topic: 'docker', title: t('Docker'), penalty, questions });

interface XmlText {
	text: string;
	format?: string;
}
interface XmlQuestion {
	type: string;
	name?: { text: string };
	questiontext?: XmlText;
	generalfeedback?: XmlText;
	shuffleanswers?: string;
	answer?: (XmlText & { fraction: string; feedback?: XmlText })[];
	subquestion?: (XmlText & { answer: { text: string }[] })[];
	units?: { unit: { unit_name: string }[] };
	showunits?: string;
}

/** Exports, checks the XML is well-formed, and gives back its questions after the category. */
function exported(questions: BankInput['questions'], penalty = 0): XmlQuestion[] {
	const xml = exportMoodleXml([bankOf(questions, penalty)], 'it');
	expect(XMLValidator.validate(xml)).toBe(true);
	const parsed = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		parseTagValue: false,
		isArray: (name) => ['question', 'answer', 'subquestion', 'unit'].includes(name),
	}).parse(xml) as { quiz: { question: XmlQuestion[] } };
	return parsed.quiz.question.slice(1);
}

describe('exportMoodleXml()', () => {
	test('text that looks like markup or ends a CDATA section comes back as written', () => {
		const tricky = 'Scrivi `a]]>b` e <b>non</b> grassetto & "virgolette"';
		const [q] = exported([
			{
				...common('tricky'),
				prompt: { it: tricky, en: tricky },
				type: 'matching',
				pairs: [
					{ id: 'a', left: t('A & <b>'), right: t('`x` & <y>') },
					{ id: 'b', left: t('B'), right: t('z]]>') },
				],
			},
		]);
		expect(htmlToText(q!.questiontext!.text)).toBe(tricky);
		expect(q?.subquestion?.map((s) => [htmlToText(s.text), s.answer[0]!.text])).toEqual([
			['A & <b> (it)', 'x & <y> (it)'],
			['B (it)', 'z]]> (it)'],
		]);
	});

	test('characters XML cannot hold are dropped, and the file stays well-formed', () => {
		expect(escapeXml('a\u0001b\u0008c\td')).toBe('abc\td');
		const [q] = exported([
			{ ...common('ctl'), type: 'truefalse', answer: true, prompt: t('a\u0002b') },
		]);
		expect(q?.questiontext?.text).toBe('ab (it)');
	});

	test('single choice: one right answer; with negative marking the wrong ones cost the penalty', () => {
		const single = {
			...common('single'),
			type: 'single' as const,
			choices: [
				{ id: 'a', text: t('A'), correct: true, feedback: t('Yes') },
				{ id: 'b', text: t('B') },
				{ id: 'none', text: t('None of the above'), pinned: true },
			],
		};
		const [plain] = exported([single]);
		expect(plain?.answer?.map((a) => [a.fraction, htmlToText(a.feedback!.text)])).toEqual([
			['100', 'Yes (it)'],
			['0', ''],
			['0', ''],
		]);
		// The pinned choice keeps its place only if Moodle does not shuffle.
		expect(plain?.shuffleanswers).toBe('false');
		const [penalised] = exported([single], 0.25);
		expect(penalised?.answer?.map((a) => a.fraction)).toEqual(['100', '-25', '-25']);
	});

	test('true/false: the right answer and the feedback for each answer', () => {
		const [q] = exported([
			{ ...common('tf'), type: 'truefalse', answer: false, feedback: { true: t('No') } },
		]);
		expect(q?.answer?.map((a) => [a.text, a.fraction, htmlToText(a.feedback!.text)])).toEqual([
			['true', '0', 'No (it)'],
			['false', '100', ''],
		]);
	});

	test('categorize: each item with its category, a category without items as a spare answer', () => {
		const [q] = exported([
			{
				...common('cat'),
				type: 'categorize',
				categories: [
					{ id: 'full', text: t('Full') },
					{ id: 'para', text: t('Para') },
					{ id: 'emu', text: t('Emulation') },
				],
				items: [
					{ id: 'vmware', text: t('VMware'), category: 'full' },
					{ id: 'xen', text: t('Xen'), category: 'para' },
				],
			},
		]);
		expect(q?.type).toBe('matching');
		expect(q?.subquestion?.map((s) => [s.text, s.answer[0]!.text])).toEqual([
			['VMware (it)', 'Full (it)'],
			['Xen (it)', 'Para (it)'],
			['', 'Emulation (it)'],
		]);
	});

	test('short answer: every form, a literal star escaped from Moodle’s wildcard', () => {
		const [q] = exported([{ ...common('short'), type: 'short', accepted: ['ls *.txt', 'ls -l'] }]);
		expect(q?.answer?.map((a) => [a.text, a.fraction])).toEqual([
			['ls \\*.txt', '100'],
			['ls -l', '100'],
		]);
	});

	test('numeric: a unit is declared, optional for the learner, and said in the text', () => {
		const [withUnit, without] = exported([
			{ ...common('ram'), type: 'numeric', value: 4, tolerance: 0.5, unit: 'GB' },
			{ ...common('port'), type: 'numeric', value: 8080 },
		]);
		expect(withUnit?.units?.unit.map((u) => u.unit_name)).toEqual(['GB']);
		expect(withUnit?.showunits).toBe('0');
		expect(htmlToText(withUnit!.questiontext!.text)).toBe('Prompt ram (it) (in GB)');
		expect(without?.units).toBeUndefined();
		expect(without?.showunits).toBe('3');
	});

	test('a Docker command question says, in a comment, that Moodle knows only these forms', () => {
		const xml = exportMoodleXml(
			[
				bankOf([
					{ ...common('ps'), type: 'short', match: 'docker', accepted: ['docker ps --all'] },
				]),
			],
			'en'
		);
		expect(xml).toContain(
			'<!-- ps: on the site equivalent Docker commands count too; Moodle accepts only these forms. -->\n\t<question type="shortanswer">'
		);
	});

	test('filters by topic', () => {
		const xml = exportMoodleXml(
			[bankOf([{ ...common('tf'), type: 'truefalse', answer: true }])],
			'it',
			'hypervisor-types'
		);
		expect(xml).not.toContain('<question');
	});
});
