import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	emptyProgress,
	parseProgress,
	recordAnswer,
	type Attempt,
	type Progress,
} from '../../../src/lib/quiz/progress';
import { loadBankFiles } from '../../../src/lib/quiz/files';
import { scoreQuestion, type Answer } from '../../../src/lib/quiz/score';
import {
	drawAttempt,
	drawnAsGiven,
	drawQuestions,
	emptyAnswer,
	fitAnswer,
	gradeOf,
	isAnswered,
	layoutQuestion,
	percentage,
	previewSeed,
	previewSheet,
	quizReducer,
	results,
	seedFromQuery,
	sheetOf,
	testGrades,
	type QuizAction,
	type QuizState,
} from '../../../src/lib/quiz/session';
import { seedFrom } from '../../../src/lib/quiz/shuffle';
import { QuestionSchema, type Question } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

const ordering = question('ordering', {
	items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: t(id) })),
});
const single = question('single', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
		{ id: 'c', text: t('C') },
		{ id: 'none', text: t('None of the above'), pinned: true },
	],
});

function many(topic: string, count: number): Question[] {
	return Array.from({ length: count }, (_, i) =>
		QuestionSchema().parse({
			id: `${topic}-${i}`,
			topic,
			type: 'truefalse',
			answer: true,
			prompt: t('P'),
			explanation: t('E'),
			review: { it: '/a/#b', en: '/en/a/#b' },
		})
	);
}

describe('drawQuestions()', () => {
	const pool = [...many('docker', 10), ...many('hypervisor-types', 10)];

	test('keeps every question, in an order fixed by the seed', () => {
		const drawn = drawQuestions(pool, 9);
		expect(drawn.map((q) => q.id).sort()).toEqual(pool.map((q) => q.id).sort());
		expect(drawQuestions(pool, 9)).toEqual(drawn);
		expect(drawQuestions(pool, 10)).not.toEqual(drawn);
	});

	test('draws a set number per topic for the final quiz', () => {
		const drawn = drawQuestions(pool, 3, 4);
		expect(drawn.filter((q) => q.topic === 'docker')).toHaveLength(4);
		expect(drawn.filter((q) => q.topic === 'hypervisor-types')).toHaveLength(4);
	});
});

describe('layoutQuestion()', () => {
	test('never starts an ordering question in its right order', () => {
		for (let seed = 0; seed < 300; seed++) {
			expect(layoutQuestion(ordering, seed).items).not.toEqual(['a', 'b', 'c', 'd']);
		}
	});

	test('keeps pinned choices in place', () => {
		for (let seed = 0; seed < 50; seed++)
			expect(layoutQuestion(single, seed).choices[3]).toBe('none');
	});

	test('the starting answer of an ordering question is its shuffled order, and counts as given', () => {
		const layout = layoutQuestion(ordering, 1);
		const answer = emptyAnswer(ordering, layout);
		expect(answer).toEqual({ type: 'ordering', order: layout.items });
		expect(isAnswered(ordering, answer)).toBe(true);
		expect(isAnswered(single, emptyAnswer(single, layoutQuestion(single, 1)))).toBe(false);
	});
});

describe('results()', () => {
	test('adds up points per topic and lists the misses', () => {
		const [a, b] = many('docker', 2) as [Question, Question];
		const [c] = many('hypervisor-types', 1) as [Question];
		let progress = recordAnswer(emptyProgress(), a.id, { type: 'truefalse', value: true });
		progress = recordAnswer(progress, b.id, { type: 'truefalse', value: false });
		const result = results([a, b, c], progress, { penalties: { docker: 0.5 } });
		expect(result.points).toBe(0.5);
		expect(result.max).toBe(3);
		expect(result.byTopic).toEqual({
			docker: { points: 0.5, max: 2 },
			'hypervisor-types': { points: 0, max: 1 },
		});
		expect(result.misses.map((q) => q.id)).toEqual([b.id, c.id]);
		expect(percentage(result)).toBe(17);
		expect(percentage({ points: -1, max: 2 })).toBe(0);
	});
});

describe('seedFromQuery()', () => {
	test.each([
		['?seed=42', 42],
		['?seed=4294967297', 1],
		['?seed=classe-3b', seedFrom('classe-3b')],
		['?seed=', undefined],
		['?other=1', undefined],
		['', undefined],
	])('%s gives %s', (search, seed) => {
		expect(seedFromQuery(search)).toBe(seed);
	});
});

describe('quizReducer()', () => {
	const attempt = (changes: Partial<Attempt> = {}): Attempt => ({
		seed: 7,
		mode: 'practice',
		submitted: false,
		started: 100,
		updated: 100,
		...changes,
	});
	const withAttempts = (attempts: Record<string, Attempt>, progress = emptyProgress()) => ({
		...progress,
		attempts,
	});
	const opened = (progress: Progress): QuizState => ({ quizId: 'docker', progress });
	const open = (
		stored: Progress | string,
		changes: Partial<Extract<QuizAction, { type: 'open' }>> = {}
	): QuizState =>
		quizReducer(
			{ quizId: 'docker' },
			{
				type: 'open',
				loaded: parseProgress(typeof stored === 'string' ? stored : JSON.stringify(stored)),
				questions: [],
				mode: 'practice',
				sharedSeed: undefined,
				seed: 99,
				now: 500,
				...changes,
			}
		);

	describe('opening the page', () => {
		test.each<[string, Progress, Partial<Extract<QuizAction, { type: 'open' }>>, Attempt]>([
			[
				'starts an attempt with a fresh seed when there is none',
				emptyProgress(),
				{ mode: 'test' },
				attempt({ seed: 99, mode: 'test', started: 500, updated: 500 }),
			],
			[
				'keeps the stored attempt, its order and its mode',
				withAttempts({ docker: attempt({ mode: 'test', submitted: true }) }),
				{},
				attempt({ mode: 'test', submitted: true }),
			],
			[
				'keeps the stored attempt when the address shares its own seed',
				withAttempts({ docker: attempt() }),
				{ sharedSeed: 7 },
				attempt(),
			],
			[
				'starts again with a shared seed of another order, in the mode the learner chose',
				withAttempts({ docker: attempt({ mode: 'test', submitted: true }) }),
				{ sharedSeed: 42, mode: 'practice' },
				attempt({ seed: 42, mode: 'test', started: 500, updated: 500 }),
			],
			[
				'starts a shared attempt when there is none',
				emptyProgress(),
				{ sharedSeed: 42 },
				attempt({ seed: 42, started: 500, updated: 500 }),
			],
		])('%s', (_, stored, changes, expected) => {
			expect(open(stored, changes).progress?.attempts['docker']).toEqual(expected);
		});

		test('leaves the other quizzes’ attempts and every answer alone', () => {
			const stored = withAttempts(
				{ final: attempt({ seed: 3 }) },
				recordAnswer(emptyProgress(), 'a', { type: 'truefalse', value: true }, undefined, 1)
			);
			const { progress } = open(stored);
			expect(progress?.attempts['final']).toEqual(attempt({ seed: 3 }));
			expect(progress?.questions).toEqual(stored.questions);
		});

		test('sets unusable stored data aside, to offer for download, and starts afresh', () => {
			const state = open('{"hello":1}');
			expect(state.setAside).toEqual({ problem: 'foreign', text: '{"hello":1}' });
			expect(state.progress?.attempts['docker']).toEqual(
				attempt({ seed: 99, started: 500, updated: 500 })
			);
		});
	});

	test.each<QuizAction>([
		{ type: 'answer', questionId: 'a', answer: { type: 'truefalse', value: true }, now: 1 },
		{ type: 'mode', mode: 'test', now: 1 },
		{ type: 'submit', grades: {}, now: 1 },
		{ type: 'restart', questionIds: [], seed: 1, now: 1 },
		{ type: 'import', text: '{}' },
		{ type: 'merge', text: '{}', base: null, questions: [] },
	])('does nothing before the page has read the device: $type', (action) => {
		const state: QuizState = { quizId: 'docker' };
		expect(quizReducer(state, action)).toBe(state);
	});

	const started = opened(withAttempts({ docker: attempt(), final: attempt({ seed: 3 }) }));
	const answer = { type: 'truefalse', value: true } as const;

	test.each<[string, QuizState, QuizAction, (state: QuizState) => unknown, unknown]>([
		[
			'an answer is kept, unchecked',
			started,
			{ type: 'answer', questionId: 'a', answer, now: 9 },
			(state) => state.progress?.questions['a'],
			{ answer, updated: 9 },
		],
		[
			'a check keeps the answer with its points',
			started,
			{ type: 'check', questionId: 'a', answer, score: { points: 1, max: 1, parts: [] }, now: 9 },
			(state) => [state.progress?.questions['a'], state.progress?.reviews['a']],
			[{ answer, points: 1, max: 1, updated: 9 }, [{ at: 9, grade: 3 }]],
		],
		[
			'a retry keeps the answer and forgets its points',
			opened(recordAnswer(started.progress!, 'a', answer, { points: 0, max: 1 }, 1)),
			{ type: 'retry', questionId: 'a', answer, now: 9 },
			(state) => state.progress?.questions['a'],
			{ answer, updated: 9 },
		],
		[
			'switching to test mode leaves the test unsubmitted',
			opened(withAttempts({ docker: attempt({ submitted: true }) })),
			{ type: 'mode', mode: 'test', now: 300 },
			(state) => state.progress?.attempts['docker'],
			attempt({ mode: 'test', submitted: false, updated: 300 }),
		],
		[
			'submitting marks the test as handed in',
			opened(withAttempts({ docker: attempt({ mode: 'test' }) })),
			{ type: 'submit', grades: { a: 1, b: 3 }, now: 400 },
			(state) => [state.progress?.attempts['docker'], state.progress?.reviews],
			[
				attempt({ mode: 'test', submitted: true, updated: 400 }),
				{ a: [{ at: 400, grade: 1 }], b: [{ at: 400, grade: 3 }] },
			],
		],
		[
			'restarting gives a new order in the same mode',
			opened(withAttempts({ docker: attempt({ mode: 'test', submitted: true }) })),
			{ type: 'restart', questionIds: [], seed: 11, now: 900 },
			(state) => state.progress?.attempts['docker'],
			attempt({ seed: 11, mode: 'test', started: 900, updated: 900 }),
		],
		[
			'importing a file of answers says it worked',
			started,
			{
				type: 'import',
				text: JSON.stringify(recordAnswer(emptyProgress(), 'b', answer, undefined, 5)),
			},
			(state) => [state.imported, state.progress?.questions['b']?.answer],
			['imported', answer],
		],
		[
			'importing a file of something else says it did not, and changes nothing',
			started,
			{ type: 'import', text: 'garbage' },
			(state) => [state.imported, state.progress],
			['importFailed', started.progress],
		],
	])('%s', (_, state, action, read, expected) => {
		expect(read(quizReducer(state, action))).toEqual(expected);
	});

	test('restarting forgets this quiz’s answers only', () => {
		let progress = recordAnswer(started.progress!, 'mine', answer, undefined, 1);
		progress = recordAnswer(progress, 'other', answer, undefined, 1);
		const state = quizReducer(opened(progress), {
			type: 'restart',
			questionIds: ['mine'],
			seed: 11,
			now: 900,
		});
		expect(Object.keys(state.progress!.questions)).toEqual(['other']);
		expect(state.progress!.attempts['final']).toEqual(attempt({ seed: 3 }));
	});

	test('no action of one quiz touches another quiz’s attempt, and an attempt is always there', () => {
		const actions = fc.oneof(
			fc.record({
				type: fc.constant('answer' as const),
				questionId: fc.constantFrom('a', 'b'),
				answer: fc.constant(answer),
				now: fc.nat(),
			}),
			fc.record({
				type: fc.constant('mode' as const),
				mode: fc.constantFrom('practice', 'test'),
				now: fc.nat(),
			}),
			fc.constant({ type: 'submit' as const, grades: { a: 3 as const }, now: 1 }),
			fc.record({
				type: fc.constant('restart' as const),
				questionIds: fc.constant(['a']),
				seed: fc.nat(),
				now: fc.nat(),
			}),
			fc.record({ type: fc.constant('import' as const), text: fc.string() }),
			fc.record({
				type: fc.constant('merge' as const),
				text: fc.oneof(fc.string(), fc.constant(JSON.stringify(emptyProgress()))),
				base: fc.constant(JSON.stringify(started.progress)),
				questions: fc.constant([]),
			})
		);
		fc.assert(
			fc.property(fc.array(actions, { maxLength: 20 }), (sequence) => {
				const end = sequence.reduce<QuizState>(quizReducer, started);
				expect(end.progress?.attempts['final']).toEqual(attempt({ seed: 3 }));
				expect(end.progress?.attempts['docker']).toBeDefined();
			})
		);
	});
});

describe('practice tries', () => {
	const state: QuizState = {
		quizId: 'docker',
		progress: {
			...emptyProgress(),
			attempts: { docker: { seed: 5, mode: 'practice', submitted: false, started: 0, updated: 0 } },
		},
	};
	const wrong = { type: 'single', choice: 'b' } as const;
	const right = { type: 'single', choice: 'a' } as const;
	const check = (answer: typeof wrong | typeof right): QuizAction => ({
		type: 'check',
		questionId: single.id,
		answer,
		score: scoreQuestion(single, answer),
		now: 1,
	});
	const tries = (end: QuizState) => sheetOf(end, drawAttempt([single], 5), {})!.rows[0]!.tries;

	test.each<[string, QuizAction[], { wrong: number; revealed: boolean }]>([
		['none before a check', [], { wrong: 0, revealed: false }],
		['a wrong check counts', [check(wrong)], { wrong: 1, revealed: false }],
		['a right one does not', [check(right)], { wrong: 0, revealed: false }],
		['two wrong checks', [check(wrong), check(wrong)], { wrong: 2, revealed: false }],
		[
			'asking for the answer',
			[check(wrong), { type: 'reveal', questionId: single.id }],
			{ wrong: 1, revealed: true },
		],
		[
			'a restart forgets them',
			[check(wrong), check(wrong), { type: 'restart', questionIds: [single.id], seed: 2, now: 3 }],
			{ wrong: 0, revealed: false },
		],
		[
			'retrying keeps them',
			[check(wrong), { type: 'retry', questionId: single.id, answer: wrong, now: 2 }],
			{ wrong: 1, revealed: false },
		],
	])('%s', (_, actions, expected) => {
		expect(tries(actions.reduce(quizReducer, state))).toEqual(expected);
	});
});

describe('isAnswered(): numbers', () => {
	const numeric = question('numeric', { value: 40, unit: '%' });
	test.each<[string, Parameters<typeof isAnswered>[1], boolean]>([
		['a number', { type: 'numeric', value: 40, text: '40 %' }, true],
		[
			'text that cannot be read, so checking it can say why',
			{ type: 'numeric', value: null, text: '40 MB' },
			true,
		],
		['nothing', { type: 'numeric', value: null, text: '  ' }, false],
		['nothing, stored before the text was', { type: 'numeric', value: null }, false],
	])('%s', (_, answer, answered) => {
		expect(isAnswered(numeric, answer)).toBe(answered);
	});
});

describe('sheetOf()', () => {
	const truefalse = many('docker', 1)[0]!;
	const drawn = drawAttempt([single, ordering, truefalse], 5);
	const state = (mode: Attempt['mode'], progress = emptyProgress(), submitted = false) => ({
		quizId: 'docker',
		progress: {
			...progress,
			attempts: { docker: { seed: 5, mode, submitted, started: 0, updated: 0 } },
		},
	});
	const row = (sheet: ReturnType<typeof sheetOf>, id: string) =>
		sheet!.rows.find((r) => r.question.id === id)!;

	test('shows nothing before the page has read the device', () => {
		expect(sheetOf({ quizId: 'docker' }, drawn, {})).toBeUndefined();
	});

	test('each question starts with its empty answer; only an ordering is complete from the start', () => {
		const sheet = sheetOf(state('practice'), drawn, {});
		expect(row(sheet, single.id).answer).toEqual({ type: 'single', choice: null });
		expect(row(sheet, single.id).complete).toBe(false);
		expect(row(sheet, ordering.id).complete).toBe(true);
		// An ordering counts as answered only once the learner has moved something.
		expect(sheet!.answered).toBe(0);
	});

	test('practice: a checked answer shows its score, an unchecked one does not', () => {
		const chosen = { type: 'single', choice: 'a' } as const;
		let progress = recordAnswer(emptyProgress(), single.id, chosen, scoreQuestion(single, chosen));
		progress = recordAnswer(progress, truefalse.id, { type: 'truefalse', value: false });
		const sheet = sheetOf(state('practice', progress), drawn, {});
		expect(row(sheet, single.id).score?.points).toBe(1);
		expect(row(sheet, truefalse.id).score).toBeUndefined();
		expect(sheet!.answered).toBe(2);
	});

	test('test mode: no score is shown until the results, which take the questions’ place', () => {
		const chosen = { type: 'single', choice: 'a' } as const;
		const progress = recordAnswer(emptyProgress(), single.id, chosen, { points: 1, max: 1 });
		expect(row(sheetOf(state('test', progress), drawn, {}), single.id).score).toBeUndefined();
		expect(sheetOf(state('test', progress), drawn, {})!.showResults).toBe(false);
		expect(sheetOf(state('test', progress, true), drawn, {})!.showResults).toBe(true);
		expect(sheetOf(state('practice', progress, true), drawn, {})!.showResults).toBe(false);
	});
});

describe('stored answers against the questions of today', () => {
	const matching = question('matching', {
		pairs: [
			{ id: 'kvm', left: t('KVM'), right: t('Type 1') },
			{ id: 'vbox', left: t('VirtualBox'), right: t('Type 2') },
		],
		distractors: [{ id: 'none', text: t('Neither') }],
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
	const multiple = question('multiple', {
		choices: [
			{ id: 'a', text: t('A'), correct: true },
			{ id: 'b', text: t('B') },
		],
	});
	const numeric = question('numeric', { value: 4 });
	const short = question('short', { accepted: ['docker ps'] });
	const truefalse = many('docker', 1)[0]!;
	const all = [single, multiple, truefalse, matching, ordering, categorize, short, numeric];

	test.each<[string, Question, Answer, Answer | undefined]>([
		[
			'a choice the question no longer has',
			single,
			{ type: 'single', choice: 'gone' },
			{ type: 'single', choice: null },
		],
		[
			'choices it no longer has, and twice the same',
			multiple,
			{ type: 'multiple', choices: ['a', 'gone', 'a'] },
			{ type: 'multiple', choices: ['a'] },
		],
		[
			'an ordering with an unknown item and one missing',
			ordering,
			{ type: 'ordering', order: ['c', 'x', 'a', 'c'] },
			{ type: 'ordering', order: ['c', 'a', 'b', 'd'] },
		],
		[
			'a match of an unknown pair or option',
			matching,
			{ type: 'matching', matches: { kvm: 'none', vbox: 'gone', old: 'kvm' } },
			{ type: 'matching', matches: { kvm: 'none' } },
		],
		[
			'a placement in a category that is gone',
			categorize,
			{ type: 'categorize', placement: { kernel: 'vm', shared: 'old' } },
			{ type: 'categorize', placement: { kernel: 'vm' } },
		],
		['an answer of another type', single, { type: 'truefalse', value: true }, undefined],
		[
			'an ordering of a question now multiple choice',
			multiple,
			{ type: 'ordering', order: ['a'] },
			undefined,
		],
	])('%s is made to fit', (_, q, answer, fitted) => {
		expect(fitAnswer(q, answer)).toEqual(fitted);
	});

	test('an answer that fits comes back as the same object', () => {
		const answers: Answer[] = [
			{ type: 'single', choice: 'a' },
			{ type: 'multiple', choices: ['b', 'a'] },
			{ type: 'truefalse', value: null },
			{ type: 'matching', matches: { kvm: 'kvm', vbox: null } },
			{ type: 'ordering', order: ['d', 'c', 'b', 'a'] },
			{ type: 'categorize', placement: { shared: 'ct' } },
			{ type: 'short', text: 'anything' },
			{ type: 'numeric', value: 3.5 },
		];
		all.forEach((q, index) => expect(fitAnswer(q, answers[index]!)).toBe(answers[index]));
	});

	test('opening sets aside what does not fit, says so, and keeps the rest checked', () => {
		let stored = recordAnswer(
			emptyProgress(),
			ordering.id,
			{ type: 'ordering', order: ['a', 'zzz'] },
			{ points: 1, max: 1 },
			5
		);
		stored = recordAnswer(stored, single.id, { type: 'numeric', value: 3 }, undefined, 5);
		stored = recordAnswer(
			stored,
			truefalse.id,
			{ type: 'truefalse', value: true },
			{ points: 1, max: 1 },
			5
		);
		const text = JSON.stringify(stored);
		const state = quizReducer(
			{ quizId: 'docker' },
			{
				type: 'open',
				loaded: parseProgress(text),
				questions: all,
				mode: 'practice',
				sharedSeed: undefined,
				seed: 1,
				now: 9,
			}
		);
		expect(state.setAside).toEqual({ problem: 'partial', text });
		expect(state.progress?.questions[ordering.id]).toEqual({
			answer: { type: 'ordering', order: ['a', 'b', 'c', 'd'] },
			updated: 5,
		});
		expect(state.progress?.questions[single.id]).toBeUndefined();
		expect(state.progress?.questions[truefalse.id]).toEqual(stored.questions[truefalse.id]);
	});

	test('opening what fits says nothing', () => {
		const stored = recordAnswer(emptyProgress(), truefalse.id, { type: 'truefalse', value: true });
		const state = quizReducer(
			{ quizId: 'docker' },
			{
				type: 'open',
				loaded: parseProgress(JSON.stringify(stored)),
				questions: all,
				mode: 'practice',
				sharedSeed: undefined,
				seed: 1,
				now: 9,
			}
		);
		expect(state.setAside).toBeUndefined();
	});

	test('whatever is stored, the quiz opens, shows every question and scores it without throwing', () => {
		const ids = fc.oneof(
			fc.constantFrom('a', 'b', 'c', 'd', 'kvm', 'vbox', 'none', 'vm', 'ct', 'kernel', 'shared'),
			fc.string({ maxLength: 4 }),
			fc.constantFrom('__proto__', 'constructor', 'toString')
		);
		const answer = fc.oneof(
			fc.record({
				type: fc.constant('single'),
				choice: fc.oneof(ids, fc.constant(null), fc.anything()),
			}),
			fc.record({ type: fc.constant('multiple'), choices: fc.array(ids) }),
			fc.record({
				type: fc.constant('truefalse'),
				value: fc.oneof(fc.boolean(), fc.constant(null), fc.anything()),
			}),
			fc.record({
				type: fc.constant('matching'),
				matches: fc.dictionary(ids, fc.oneof(ids, fc.constant(null))),
			}),
			fc.record({ type: fc.constant('ordering'), order: fc.oneof(fc.array(ids), fc.anything()) }),
			fc.record({
				type: fc.constant('categorize'),
				placement: fc.dictionary(ids, fc.oneof(ids, fc.constant(null))),
			}),
			fc.record({ type: fc.constant('short'), text: fc.oneof(fc.string(), fc.anything()) }),
			fc.record({ type: fc.constant('numeric'), value: fc.oneof(fc.double(), fc.constant(null)) }),
			fc.anything()
		);
		const entry = fc.record(
			{
				answer,
				updated: fc.oneof(fc.nat(), fc.anything()),
				points: fc.oneof(fc.double(), fc.nat()),
				max: fc.nat(),
			},
			{ requiredKeys: ['answer', 'updated'] }
		);
		const stored = fc.record({
			version: fc.oneof(fc.constantFrom(1, 2), fc.anything()),
			questions: fc.oneof(
				fc.dictionary(fc.oneof(fc.constantFrom(...all.map((q) => q.id)), fc.string()), entry),
				fc.anything()
			),
			attempts: fc.oneof(
				fc.constant({ docker: { seed: 3, mode: 'test', submitted: true, started: 1, updated: 1 } }),
				fc.anything()
			),
			reviews: fc.anything(),
		});
		fc.assert(
			fc.property(stored, fc.constantFrom<Attempt['mode']>('practice', 'test'), (data, mode) => {
				const state = quizReducer(
					{ quizId: 'docker' },
					{
						type: 'open',
						loaded: parseProgress(JSON.stringify(data) ?? null),
						questions: all,
						mode,
						sharedSeed: undefined,
						seed: 4,
						now: 9,
					}
				);
				const seed = state.progress!.attempts['docker']!.seed;
				const sheet = sheetOf(state, drawAttempt(all, seed), { lang: 'en' })!;
				expect(sheet.rows).toHaveLength(all.length);
				for (const row of sheet.rows) {
					expect(fitAnswer(row.question, row.answer)).toBe(row.answer);
					scoreQuestion(row.question, row.answer, { lang: 'it' });
				}
				results(all, state.progress!, {});
				testGrades(all, state.progress!, {});
			}),
			{ numRuns: 300 }
		);
	});
});

describe('another tab', () => {
	const tf = many('docker', 2) as [Question, Question];
	const opened = (progress: Progress): QuizState => ({
		quizId: 'docker',
		progress: {
			...progress,
			attempts: { docker: { seed: 1, mode: 'practice', submitted: false, started: 1, updated: 1 } },
		},
	});
	const merge = (
		state: QuizState,
		theirs: Progress | string | null,
		base: Progress | null = null
	) =>
		quizReducer(state, {
			type: 'merge',
			text: typeof theirs === 'string' || theirs === null ? theirs : JSON.stringify(theirs),
			base: base && JSON.stringify(base),
			questions: tf,
		});

	test('its newer answers join ours, question by question', () => {
		const mine = opened(
			recordAnswer(
				recordAnswer(emptyProgress(), tf[0].id, { type: 'truefalse', value: true }, undefined, 10),
				tf[1].id,
				{ type: 'truefalse', value: true },
				undefined,
				1
			)
		);
		const theirs = recordAnswer(
			recordAnswer(emptyProgress(), tf[0].id, { type: 'truefalse', value: false }, undefined, 5),
			tf[1].id,
			{ type: 'truefalse', value: false },
			undefined,
			20
		);
		const merged = merge(mine, theirs).progress!;
		expect(merged.questions[tf[0].id]?.answer).toEqual({ type: 'truefalse', value: true });
		expect(merged.questions[tf[1].id]?.answer).toEqual({ type: 'truefalse', value: false });
		expect(merged.attempts['docker']).toEqual(mine.progress!.attempts['docker']);
	});

	test('nothing new, nothing readable, or nothing at all leaves the state as it is', () => {
		const mine = opened(
			recordAnswer(emptyProgress(), tf[0].id, { type: 'truefalse', value: true }, undefined, 10)
		);
		expect(merge(mine, mine.progress!)).toBe(mine);
		expect(merge(mine, '{ broken')).toBe(mine);
		expect(merge(mine, '{"hello":1}')).toBe(mine);
		expect(merge(mine, null, mine.progress)).toBe(mine);
		expect(merge(mine, '', mine.progress)).toBe(mine);
	});

	test('a quiz started again there forgets its answers here too, unless answered here since', () => {
		const base = recordAnswer(
			recordAnswer(emptyProgress(), tf[0].id, { type: 'truefalse', value: true }, undefined, 10),
			tf[1].id,
			{ type: 'truefalse', value: true },
			undefined,
			10
		);
		const mine = opened(
			recordAnswer(base, tf[1].id, { type: 'truefalse', value: false }, undefined, 30)
		);
		const merged = merge(mine, emptyProgress(), base).progress!;
		expect(merged.questions[tf[0].id]).toBeUndefined();
		expect(merged.questions[tf[1].id]?.answer).toEqual({ type: 'truefalse', value: false });
	});
});

describe('testGrades()', () => {
	test('grades the answered questions of a test: right good, partly hard, wrong again', () => {
		const [a, b, c] = many('docker', 3) as [Question, Question, Question];
		let progress = recordAnswer(emptyProgress(), a.id, { type: 'truefalse', value: true });
		progress = recordAnswer(progress, b.id, { type: 'truefalse', value: false });
		expect(testGrades([a, b, c], progress, {})).toEqual({ [a.id]: 3, [b.id]: 1 });
		expect(gradeOf({ points: 0.5, max: 1 })).toBe(2);
		expect(gradeOf({ points: -0.25, max: 1 })).toBe(1);
	});
});

describe('previewSheet()', () => {
	const questions = many('docker', 6);

	test('draws with a seed of the quiz alone, so the server and the first render agree', () => {
		expect(previewSeed('docker')).toBe(previewSeed('docker'));
		expect(previewSeed('docker')).not.toBe(previewSeed('final'));
		const drawn = drawAttempt(questions, previewSeed('docker'), 2);
		const first = previewSheet('docker', drawn, {}, 'test');
		const again = previewSheet(
			'docker',
			drawAttempt(questions, previewSeed('docker'), 2),
			{},
			'test'
		);
		expect(again).toEqual(first);
	});

	test('is a fresh attempt in the mode a new one starts in, nothing answered', () => {
		const drawn = drawAttempt(questions, previewSeed('docker'));
		const sheet = previewSheet('docker', drawn, {}, 'test');
		expect(sheet.attempt).toMatchObject({ mode: 'test', submitted: false });
		expect(sheet.answered).toBe(0);
		expect(sheet.showResults).toBe(false);
		expect(sheet.rows.map((row) => row.question.id)).toEqual(drawn.map((d) => d.question.id));
		expect(sheet.progress.questions).toEqual({});
	});
});

describe('drawnAsGiven()', () => {
	// The final test's page carries its draw only, not the pool it was drawn from: the island's
	// first render must be the server's, and the attempt the same once the pool has come.
	const root = join(import.meta.dirname, '../../..');
	const pool = loadBankFiles(root).flatMap((loaded) => loaded.bank?.questions ?? []);

	test('lays out a draw of the real banks as drawing it from the whole pool does', () => {
		expect(pool.length).toBeGreaterThan(100);
		for (const quizId of ['final', 'another-quiz']) {
			const seed = previewSeed(quizId);
			const sent = drawQuestions(pool, seed, 5);
			// What the page sends: five of each of the banks' five topics, 25 questions.
			expect(sent).toHaveLength(25);
			expect(new Set(sent.map((question) => question.topic)).size).toBe(5);
			expect(drawnAsGiven(sent, seed)).toEqual(drawAttempt(pool, seed, 5));
		}
	});

	test('keeps the order given, whatever the seed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
				const given = [ordering, single];
				expect(drawnAsGiven(given, seed).map(({ question }) => question)).toEqual(given);
				expect(drawnAsGiven(given, seed)[0]!.layout).toEqual(layoutQuestion(ordering, seed));
			})
		);
	});
});
