import giftParser from 'gift-pegjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { escapeGift, exportGift, giftToBank, type GiftQuestion } from '../../../src/lib/quiz/gift';
import { BankSchema, type Bank } from '../../../src/lib/quiz/schema';
import { t } from './fixtures';

const review = { it: '/docker/volumi/#a', en: '/en/docker/volumi/#a' };
const common = (id: string) => ({
	id,
	topic: 'docker',
	prompt: t(`Prompt ${id} {1} = ~#:`),
	explanation: t(`Why ${id}`),
	review,
});

const bank: Bank = BankSchema().parse({
	topic: 'docker',
	title: t('Docker'),
	questions: [
		{
			...common('single'),
			type: 'single',
			choices: [
				{ id: 'a', text: t('A'), correct: true, feedback: t('Yes') },
				{ id: 'b', text: t('B = b') },
			],
		},
		{
			...common('multiple'),
			type: 'multiple',
			choices: [
				{ id: 'a', text: t('A'), correct: true },
				{ id: 'b', text: t('B'), correct: true },
				{ id: 'c', text: t('C') },
			],
		},
		{
			...common('truefalse'),
			type: 'truefalse',
			answer: false,
			feedback: { true: t('No'), false: t('Right') },
		},
		{
			...common('matching'),
			type: 'matching',
			pairs: [
				{ id: 'vbox', left: t('VirtualBox'), right: t('Type 2') },
				{ id: 'esx', left: t('ESX'), right: t('Type 1') },
			],
			distractors: [{ id: 'x', text: t('Type 3') }],
		},
		{
			...common('ordering'),
			type: 'ordering',
			items: ['pull', 'run', 'rm'].map((id) => ({ id, text: t(id) })),
		},
		{
			...common('categorize'),
			type: 'categorize',
			categories: [
				{ id: 'full', text: t('Full') },
				{ id: 'para', text: t('Para') },
			],
			items: [
				{ id: 'vmware', text: t('VMware'), category: 'full' },
				{ id: 'xen', text: t('Xen'), category: 'para' },
			],
		},
		{
			...common('short'),
			type: 'short',
			match: 'docker',
			accepted: ['docker ps -a', 'docker container ls --all'],
		},
		{ ...common('numeric'), type: 'numeric', value: 4, tolerance: 0.5 },
	],
});

function parse(text: string): GiftQuestion[] {
	return (giftParser as { parse: (input: string) => GiftQuestion[] }).parse(text);
}

describe('exportGift()', () => {
	const exported = exportGift([bank], 'it');
	const parsed = parse(exported);
	const byId = new Map(parsed.map((q) => [q.title, q]));

	test('every question survives an independent GIFT parser', () => {
		expect(parsed.map((q) => q.title)).toEqual(bank.questions.map((q) => q.id));
	});

	test('keeps the prompt, with special characters escaped', () => {
		expect(byId.get('single')?.stem?.text).toBe('Prompt single {1} = ~#: (it)');
		expect(byId.get('single')?.globalFeedback?.text).toBe('Why single (it)');
	});

	test('single choice: the right answer and per-choice feedback', () => {
		const choices = byId.get('single')?.choices as {
			isCorrect: boolean;
			text: { text: string };
			feedback: { text: string } | null;
		}[];
		expect(choices.map((c) => [c.isCorrect, c.text.text, c.feedback?.text ?? null])).toEqual([
			[true, 'A (it)', 'Yes (it)'],
			[false, 'B = b (it)', null],
		]);
	});

	test('multiple choice: Moodle weights', () => {
		const choices = byId.get('multiple')?.choices as { weight: number }[];
		expect(choices.map((c) => c.weight)).toEqual([50, 50, -50]);
	});

	test('true/false: the answer and the feedback for each answer', () => {
		const q = byId.get('truefalse');
		expect(q?.isTrue).toBe(false);
		expect(q?.trueFeedback?.text).toBe('No (it)');
		expect(q?.falseFeedback?.text).toBe('Right (it)');
	});

	test('matching, ordering and categorize become matching pairs, said in a comment', () => {
		const pairs = (id: string) =>
			byId.get(id)?.matchPairs?.map((p) => [p.subquestion.text, p.subanswer]);
		expect(pairs('matching')).toEqual([
			['VirtualBox (it)', 'Type 2 (it)'],
			['ESX (it)', 'Type 1 (it)'],
		]);
		expect(pairs('ordering')).toEqual([
			['pull (it)', '1'],
			['run (it)', '2'],
			['rm (it)', '3'],
		]);
		expect(pairs('categorize')).toEqual([
			['VMware (it)', 'Full (it)'],
			['Xen (it)', 'Para (it)'],
		]);
		expect(exported).toContain('// Ordering question, exported as matching');
		expect(exported).toContain('// Categorize question, exported as matching');
		expect(exported).toContain('// 1 distractor left out');
	});

	test('short answers and numeric answers', () => {
		const short = byId.get('short')?.choices as { text: { text: string } }[];
		expect(short.map((c) => c.text.text)).toEqual(['docker ps -a', 'docker container ls --all']);
		const numeric = byId.get('numeric')?.choices as
			{ text: { number: number; range: number } }[] | { number: number; range: number };
		const value = Array.isArray(numeric) ? numeric[0]?.text : numeric;
		expect(value).toMatchObject({ number: 4, range: 0.5 });
	});

	test('the English export is in English', () => {
		expect(parse(exportGift([bank], 'en'))[0]?.stem?.text).toBe('Prompt single {1} = ~#: (en)');
	});

	test('filters by topic', () => {
		expect(exportGift([bank], 'it', 'hypervisor-types')).not.toContain('::');
	});
});

describe('giftToBank()', () => {
	test('imports a GIFT file into a valid bank, the other language marked to translate', () => {
		const source = parse(exportGift([bank], 'en'));
		const result = giftToBank(source, 'en', 'docker');
		const imported = BankSchema().parse(parseYaml(result.yaml));
		expect(result.imported).toBe(8);
		expect(result.skipped).toEqual([]);
		expect(imported.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'matching',
			'matching',
			'matching',
			'short',
			'numeric',
		]);
		expect(imported.questions[0]?.prompt.en).toBe('Prompt single {1} = ~#: (en)');
		expect(imported.questions[0]?.prompt.it).toBe(
			'DA TRADURRE / TO TRANSLATE: Prompt single {1} = ~#: (en)'
		);
		expect(result.yaml).toMatch(/^# yaml-language-server: \$schema=/);
	});

	test('keeps the weights of a multiple-choice question', () => {
		const imported = BankSchema().parse(
			parseYaml(giftToBank(parse('::q:: Pick {~%50%A ~%50%B ~%-100%C}'), 'it', 'docker').yaml)
		);
		const question = imported.questions[0];
		expect(
			question?.type === 'multiple' && question.choices.map((c) => [c.correct, c.weight])
		).toEqual([
			[true, 0.5],
			[true, 0.5],
			[false, -1],
		]);
	});
});

describe('escapeGift()', () => {
	test('escapes every special character', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
	});
});
