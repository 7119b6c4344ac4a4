import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';
import { translator } from '../../../src/lib/i18n/strings';
import {
	checkAnnouncement,
	choose,
	chosenChoices,
	feedbackOf,
	moveInOrder,
	partMarks,
	pointsText,
	rightAnswer,
	roundPoints,
	selectQuestions,
	verdictOf,
} from '../../../src/lib/quiz/attempt';
import { scoreQuestion, type Answer } from '../../../src/lib/quiz/score';
import { BankSchema, type Bank, type Question } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

const it = translator(italian);
const en = translator(english);

const single = question('single', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B'), feedback: t('Not B') },
		{ id: 'c', text: t('C') },
	],
});
const multiple = question('multiple', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B'), correct: true },
		{ id: 'c', text: t('C') },
	],
});
const truefalse = question('truefalse', {
	answer: false,
	feedback: { true: t('It is not true') },
});
const matching = question('matching', {
	pairs: [
		{ id: 'vbox', left: t('VirtualBox'), right: t('Type 2') },
		{ id: 'esx', left: t('ESX'), right: t('Type 1') },
	],
});
const ordering = question('ordering', {
	items: ['pull', 'run', 'rm'].map((id) => ({ id, text: t(id) })),
});
const categorize = question('categorize', {
	categories: [
		{ id: 'vm', text: t('VM') },
		{ id: 'ct', text: t('Container') },
	],
	items: [
		{ id: 'kernel', text: t('Own kernel'), category: 'vm' },
		{ id: 'shared', text: t('Shared kernel'), category: 'ct' },
	],
});
const short = question('short', { accepted: { it: ['contenitore'], en: ['container', 'ctr'] } });
const numeric = question('numeric', { value: 4.5, unit: 'GB' });

describe('verdictOf()', () => {
	test.each([
		['full marks', 1, 1, 'correct'],
		['full marks after floating-point dust', 1 / 3 + 1 / 3 + 1 / 3, 1, 'correct'],
		['some points', 0.5, 1, 'partial'],
		['a sliver short of full marks', 0.9999, 1, 'partial'],
		['no points', 0, 1, 'incorrect'],
		['fewer than none (negative marking)', -0.25, 1, 'incorrect'],
	])('%s: %d of %d is %s', (_, points, max, verdict) => {
		expect(verdictOf({ points, max })).toBe(verdict);
	});
});

describe('pointsText() and checkAnnouncement()', () => {
	test('say the points with at most two decimals', () => {
		expect(roundPoints(1 / 3)).toBe(0.33);
		expect(pointsText({ points: 2 / 3, max: 1 }, it)).toBe('0.67 su 1 punti');
	});

	test.each([
		[{ points: 1, max: 1 }, it, 'Giusto! 1 su 1 punti'],
		[{ points: 0.5, max: 1 }, it, 'In parte giusto. 0.5 su 1 punti'],
		[{ points: -0.25, max: 1 }, it, 'Non è giusto. -0.25 su 1 punti'],
		[{ points: 2, max: 2 }, en, 'Correct! 2 of 2 points'],
	])('announce the same verdict the feedback shows: %o', (score, translate, message) => {
		expect(checkAnnouncement(score, translate)).toBe(message);
		expect(message.startsWith(translate(`quiz.${verdictOf(score)}`))).toBe(true);
	});
});

describe('chosenChoices() and choose()', () => {
	test('read the choices an answer picks', () => {
		expect(chosenChoices({ type: 'single', choice: null })).toEqual([]);
		expect(chosenChoices({ type: 'single', choice: 'a' })).toEqual(['a']);
		expect(chosenChoices({ type: 'multiple', choices: ['a', 'c'] })).toEqual(['a', 'c']);
		expect(chosenChoices({ type: 'truefalse', value: true })).toEqual([]);
	});

	test.each<[string, Question & { type: 'single' | 'multiple' }, Answer, string, Answer]>([
		[
			'single: a new choice replaces the old',
			single,
			{ type: 'single', choice: 'a' },
			'b',
			{ type: 'single', choice: 'b' },
		],
		[
			'multiple: an unpicked choice is added',
			multiple,
			{ type: 'multiple', choices: ['a'] },
			'c',
			{ type: 'multiple', choices: ['a', 'c'] },
		],
		[
			'multiple: a picked choice is taken away',
			multiple,
			{ type: 'multiple', choices: ['a', 'c'] },
			'a',
			{ type: 'multiple', choices: ['c'] },
		],
	])('%s', (_, q, before, id, after) => {
		expect(choose(q, before, id)).toEqual(after);
	});
});

describe('moveInOrder()', () => {
	test.each([
		['moves an item up', ['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
		['moves an item down', ['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
		['does not move the first item up', ['a', 'b', 'c'], 0, -1, undefined],
		['does not move the last item down', ['a', 'b', 'c'], 2, 1, undefined],
	] as const)('%s', (_, order, index, by, expected) => {
		expect(moveInOrder(order, index, by)).toEqual(expected);
	});

	test('always gives the same items, two of them swapped, and leaves the old order alone', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 8 }),
				fc.nat(10),
				fc.constantFrom(-1 as const, 1 as const),
				(order, index, by) => {
					const before = [...order];
					const moved = moveInOrder(order, index, by);
					expect(order).toEqual(before);
					const target = index + by;
					if (index >= order.length || target < 0 || target >= order.length) {
						expect(moved).toBeUndefined();
						return;
					}
					expect([...moved!].sort()).toEqual([...order].sort());
					expect(moved![target]).toBe(order[index]);
					expect(moved![index]).toBe(order[target]);
				}
			)
		);
	});
});

describe('partMarks()', () => {
	test('marks nothing before the answer is checked', () => {
		expect(partMarks(single, { type: 'single', choice: 'b' }, undefined)).toEqual({});
	});

	test('marks only the choices taken or that should have been', () => {
		const answer: Answer = { type: 'single', choice: 'b' };
		expect(partMarks(single, answer, scoreQuestion(single, answer))).toEqual({
			a: 'missed',
			b: 'incorrect',
		});
		const several: Answer = { type: 'multiple', choices: ['a', 'c'] };
		expect(partMarks(multiple, several, scoreQuestion(multiple, several))).toEqual({
			a: 'correct',
			b: 'missed',
			c: 'incorrect',
		});
	});

	test('marks every pair, item or row of the other kinds', () => {
		const answer: Answer = { type: 'matching', matches: { vbox: 'vbox', esx: 'vbox' } };
		expect(partMarks(matching, answer, scoreQuestion(matching, answer))).toEqual({
			vbox: 'correct',
			esx: 'incorrect',
		});
	});
});

describe('rightAnswer()', () => {
	test.each<[string, Question, string, string]>([
		['single: the right choice', single, 'it', 'Risposta giusta: A (it)'],
		['multiple: every right choice', multiple, 'en', 'Right answer: A (en); B (en)'],
		['true or false, in words', truefalse, 'it', 'Risposta giusta: Falso'],
		[
			'matching: every pair',
			matching,
			'en',
			'Right answer: VirtualBox (en) → Type 2 (en); ESX (en) → Type 1 (en)',
		],
		[
			'ordering: the items in order',
			ordering,
			'it',
			'Risposta giusta: pull (it) → run (it) → rm (it)',
		],
		[
			'categorize: each item and its category',
			categorize,
			'en',
			'Right answer: Own kernel (en) → VM (en); Shared kernel (en) → Container (en)',
		],
		['numeric: the value and its unit', numeric, 'it', 'Risposta giusta: 4.5 GB'],
		['short: the answers accepted in Italian', short, 'it', 'Risposte accettate: `contenitore`'],
		['short: the answers accepted in English', short, 'en', 'Accepted answers: `container`, `ctr`'],
	])('%s', (_, q, lang, expected) => {
		expect(rightAnswer(q, lang as 'it' | 'en', lang === 'it' ? it : en)).toBe(expected);
	});
});

describe('feedbackOf()', () => {
	test('a right answer needs no right answer shown', () => {
		const answer: Answer = { type: 'single', choice: 'a' };
		expect(feedbackOf(single, answer, scoreQuestion(single, answer), 'it', it)).toEqual({
			verdict: 'correct',
			notes: [],
		});
	});

	test('a wrong choice shows the right answer and the feedback written for that choice', () => {
		const answer: Answer = { type: 'single', choice: 'b' };
		expect(feedbackOf(single, answer, scoreQuestion(single, answer), 'en', en)).toEqual({
			verdict: 'incorrect',
			rightAnswer: 'Right answer: A (en)',
			notes: ['Not B (en)'],
		});
	});

	test('true or false: the feedback written for the value given, if any', () => {
		const wrong: Answer = { type: 'truefalse', value: true };
		expect(feedbackOf(truefalse, wrong, scoreQuestion(truefalse, wrong), 'it', it).notes).toEqual([
			'It is not true (it)',
		]);
		const right: Answer = { type: 'truefalse', value: false };
		expect(feedbackOf(truefalse, right, scoreQuestion(truefalse, right), 'it', it).notes).toEqual(
			[]
		);
	});

	test('partly right: says so, and shows the whole right answer', () => {
		const answer: Answer = { type: 'matching', matches: { vbox: 'vbox', esx: 'vbox' } };
		const feedback = feedbackOf(matching, answer, scoreQuestion(matching, answer), 'it', it);
		expect(feedback.verdict).toBe('partial');
		expect(feedback.rightAnswer).toMatch(/^Risposta giusta: VirtualBox/);
	});
});

describe('selectQuestions()', () => {
	const review = (page: string, en: string) => ({ it: `${page}#a`, en: `/en${en}#a` });
	const bank = (topic: string, penalty: number, pages: string[]): Bank =>
		BankSchema().parse({
			topic,
			title: t(topic),
			penalty,
			questions: pages.map((page, index) => ({
				id: `${topic}-${index}`,
				topic,
				type: 'truefalse',
				answer: true,
				prompt: t('P'),
				explanation: t('E'),
				review: review(page, page),
			})),
		});
	const banks = [
		bank('docker', 0.25, ['/docker/volumi/', '/docker/reti/']),
		bank('hypervisor-types', 0, ['/virtualizzazione/hypervisor/', '/docker/volumi/']),
	];
	const ids = (questions: Question[]) => questions.map((q) => q.id);

	test('a topic page: the whole bank of that topic, in practice mode', () => {
		const selection = selectQuestions({ banks, topic: 'docker', page: '/quiz/docker/' });
		expect(ids(selection.questions)).toEqual(['docker-0', 'docker-1']);
		expect(selection).toMatchObject({
			quizId: 'docker',
			perTopic: undefined,
			mode: 'practice',
			compact: false,
		});
	});

	test('the final quiz: every question, drawn per topic, in test mode', () => {
		const selection = selectQuestions({
			banks,
			topic: 'final',
			perTopic: 5,
			page: '/quiz/final/',
		});
		expect(selection.questions).toHaveLength(4);
		expect(selection).toMatchObject({ quizId: 'final', perTopic: 5, mode: 'test', compact: false });
	});

	test('no topic: every question, all of them, in practice mode', () => {
		const selection = selectQuestions({ banks, perTopic: 5, page: '/quiz/all/' });
		expect(selection.questions).toHaveLength(4);
		expect(selection).toMatchObject({ quizId: 'final', perTopic: undefined, mode: 'practice' });
	});

	test('a chapter: the questions of any topic whose review link is this page, compact', () => {
		const selection = selectQuestions({ banks, chapter: true, page: '/docker/volumi/' });
		expect(ids(selection.questions)).toEqual(['docker-0', 'hypervisor-types-1']);
		expect(selection).toMatchObject({
			quizId: 'chapter-docker-volumi',
			mode: 'practice',
			compact: true,
		});
	});

	test('a chapter no question sends the learner back to has none', () => {
		expect(selectQuestions({ banks, chapter: true, page: '/docker/' }).questions).toEqual([]);
	});

	test('gives every bank’s negative marking by topic', () => {
		expect(selectQuestions({ banks, topic: 'docker', page: '/' }).penalties).toEqual({
			docker: 0.25,
			'hypervisor-types': 0,
		});
	});
});
