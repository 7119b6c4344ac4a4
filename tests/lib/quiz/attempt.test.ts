import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadDockerMatcher } from '../../../src/lib/quiz/docker-matcher';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';
import { translator } from '../../../src/lib/i18n/strings';
import {
	checkAnnouncement,
	choose,
	chosenChoices,
	entryProblem,
	entryProblemText,
	feedbackOf,
	feedbackStage,
	hintsOf,
	moveInOrder,
	noTries,
	partMarks,
	pointsText,
	rightAnswer,
	rightAnswerOf,
	roundPoints,
	selectQuestions,
	verdictOf,
} from '../../../src/lib/quiz/attempt';
import { scoreQuestion, type Answer } from '../../../src/lib/quiz/score';
import { BankSchema, type Bank, type Question } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

// Docker answers are compared by the matcher the quiz loads apart.
beforeAll(async () => {
	await loadDockerMatcher();
});
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
	});

	test.each<[number, number, 'it' | 'en', string]>([
		[1, 1, 'it', '1 punto su 1'],
		[0, 1, 'it', '0 punti su 1'],
		[2, 3, 'it', '2 punti su 3'],
		[2 / 3, 2, 'it', '0,67 punti su 2'],
		[1.5, 2, 'it', '1,5 punti su 2'],
		[-0.25, 1, 'it', '-0,25 punti su 1'],
		[1, 1, 'en', '1 point out of 1'],
		[0, 1, 'en', '0 points out of 1'],
		[2 / 3, 2, 'en', '0.67 points out of 2'],
		[12345, 20000, 'it', '12.345 punti su 20.000'],
	])('%d of %d in %s: %s', (points, max, lang, text) => {
		expect(pointsText({ points, max }, lang === 'it' ? it : en, lang)).toBe(text);
	});

	test.each<[{ points: number; max: number }, 'it' | 'en', string]>([
		[{ points: 1, max: 1 }, 'it', 'Giusto! 1 punto su 1'],
		[{ points: 0.5, max: 1 }, 'it', 'In parte giusto. 0,5 punti su 1'],
		[{ points: -0.25, max: 1 }, 'it', 'Non è giusto. -0,25 punti su 1'],
		[{ points: 2, max: 2 }, 'en', 'Correct! 2 points out of 2'],
	])('announce the same verdict the feedback shows: %o', (score, lang, message) => {
		const translate = lang === 'it' ? it : en;
		expect(checkAnnouncement(score, translate, lang)).toBe(message);
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

	test('a hint marks only the wrong choice of a single-choice question', () => {
		const answer: Answer = { type: 'single', choice: 'b' };
		expect(partMarks(single, answer, scoreQuestion(single, answer), 'hint')).toEqual({
			b: 'incorrect',
		});
	});

	test('a hint marks no choice of a multiple-choice question: it counts them', () => {
		const several: Answer = { type: 'multiple', choices: ['a', 'c'] };
		expect(partMarks(multiple, several, scoreQuestion(multiple, several), 'hint')).toEqual({});
	});

	test('ordering: an item is marked right when the item before it is the right one', () => {
		// pull, run, rm in the wrong order rm, pull, run: pull is first no more, but run still
		// follows pull.
		const answer: Answer = { type: 'ordering', order: ['rm', 'pull', 'run'] };
		expect(partMarks(ordering, answer, scoreQuestion(ordering, answer), 'hint')).toEqual({
			rm: 'incorrect',
			pull: 'incorrect',
			run: 'correct',
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

const sentence = (text: string) => ({ it: text, en: text });
const sentences = question('multiple', {
	choices: [
		{
			id: 'a',
			text: sentence('Servono meno server fisici, e quelli rimasti sono sfruttati meglio.'),
			correct: true,
		},
		{ id: 'b', text: sentence('Ogni applicazione resta isolata nella sua VM.'), correct: true },
		{ id: 'c', text: sentence('Le VM condividono il kernel.') },
	],
});
const command = question('short', {
	match: 'docker',
	accepted: ['docker run -d -p 8080:80 nginx', 'docker run -d -p 8080:80 nginx:latest'],
});
const ranged = question('numeric', { value: 4, tolerance: 0.5, unit: 'GB' });
const percent = question('numeric', { value: 40, unit: '%' });
const port = question('numeric', { value: 8080 });

describe('rightAnswer()', () => {
	test.each<[string, Question, string, string]>([
		['single: the right choice', single, 'it', 'Risposta giusta: A (it)'],
		['multiple: every right choice, as a list', multiple, 'en', 'Right answers: A (en) and B (en)'],
		['multiple: in Italian', multiple, 'it', 'Risposte giuste: A (it) e B (it)'],
		['true or false, in words', truefalse, 'it', 'Risposta giusta: Falso'],
		[
			'matching: every pair',
			matching,
			'en',
			'Right matches: VirtualBox (en) → Type 2 (en) and ESX (en) → Type 1 (en)',
		],
		[
			'ordering: the items in order',
			ordering,
			'it',
			'Ordine giusto: pull (it) → run (it) → rm (it)',
		],
		[
			'categorize: each item and its category',
			categorize,
			'en',
			'Where each item goes: Own kernel (en) → VM (en) and Shared kernel (en) → Container (en)',
		],
		[
			'numeric: the value with a decimal comma and its unit',
			numeric,
			'it',
			'Risposta giusta: 4,5\u00a0GB',
		],
		['numeric: a decimal point in English', numeric, 'en', 'Right answer: 4.5\u00a0GB'],
		['numeric: a percentage', percent, 'it', 'Risposta giusta: 40%'],
		['numeric: a port, not grouped', port, 'en', 'Right answer: 8080'],
		[
			'numeric: the range the tolerance allows',
			ranged,
			'it',
			'Risposta giusta: 4\u00a0GB (va bene tutto da 3,5\u00a0GB a 4,5\u00a0GB)',
		],
		['short: the one answer accepted in Italian', short, 'it', 'Risposta accettata: `contenitore`'],
		[
			'short: the answers accepted in English',
			short,
			'en',
			'Accepted answers: `container` or `ctr`',
		],
	])('%s', (_, q, lang, expected) => {
		expect(rightAnswer(q, lang as 'it' | 'en', lang === 'it' ? it : en)).toBe(expected);
	});

	test('choices that are sentences come as a list; the sentence drops their full stops', () => {
		expect(rightAnswerOf(sentences, 'it', it)).toEqual({
			text: 'Risposte giuste: Servono meno server fisici, e quelli rimasti sono sfruttati meglio e Ogni applicazione resta isolata nella sua VM',
			list: {
				lead: 'Risposte giuste',
				items: [
					'Servono meno server fisici, e quelli rimasti sono sfruttati meglio.',
					'Ogni applicazione resta isolata nella sua VM.',
				],
			},
		});
	});

	test('a Docker command says that equivalent forms count too', () => {
		expect(rightAnswerOf(command, 'it', it)).toEqual({
			text: 'Risposte accettate: `docker run -d -p 8080:80 nginx` o `docker run -d -p 8080:80 nginx:latest`',
			note: it('quiz.equivalentForms'),
		});
	});
});

describe('feedbackStage()', () => {
	test.each<[string, number, { wrong: number; revealed: boolean }, string]>([
		['right at once', 1, noTries, 'answer'],
		['wrong once: a hint', 0, { wrong: 1, revealed: false }, 'hint'],
		['partly right once: a hint', 0.5, { wrong: 1, revealed: false }, 'hint'],
		['wrong twice: the answer', 0, { wrong: 2, revealed: false }, 'answer'],
		['wrong once, answer asked for', 0, { wrong: 1, revealed: true }, 'answer'],
		['checked before the page opened: a hint', 0, noTries, 'hint'],
	])('%s', (_, points, tries, stage) => {
		expect(feedbackStage({ points, max: 1 }, tries)).toBe(stage);
	});
});

describe('hintsOf()', () => {
	const hints = (q: Question, answer: Answer, lang: 'it' | 'en' = 'it') =>
		hintsOf(q, answer, scoreQuestion(q, answer, { lang }), lang, lang === 'it' ? it : en);
	const four = question('multiple', {
		choices: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
			id,
			text: t(id),
			correct: id < 'd',
		})),
	});
	test.each<[string, Question, Answer, 'it' | 'en', string[]]>([
		['single', single, { type: 'single', choice: 'b' }, 'it', [it('quiz.hint.single')]],
		[
			'multiple: one wrong choice made',
			multiple,
			{ type: 'multiple', choices: ['a', 'b', 'c'] },
			'it',
			['Una delle scelte fatte è sbagliata.'],
		],
		[
			'multiple: wrong choices made and right ones missing',
			four,
			{ type: 'multiple', choices: ['d', 'e'] },
			'it',
			['2 delle scelte fatte sono sbagliate.', 'Mancano 3 scelte giuste.'],
		],
		[
			'multiple: in English',
			four,
			{ type: 'multiple', choices: ['a', 'b'] },
			'en',
			['One right choice is missing.'],
		],
		[
			'matching: how many pairs are off',
			matching,
			{ type: 'matching', matches: { vbox: 'esx', esx: 'vbox' } },
			'it',
			['2 abbinamenti su 2 non sono giusti: sono segnati con ✗.'],
		],
		[
			'categorize',
			categorize,
			{ type: 'categorize', placement: { kernel: 'vm', shared: 'vm' } },
			'en',
			['One item of 2 is in the wrong category: it is marked ✗.'],
		],
		[
			'ordering: by the item before',
			ordering,
			{ type: 'ordering', order: ['run', 'pull', 'rm'] },
			'it',
			['3 elementi su 3 non vengono subito dopo quello giusto: sono segnati con ✗.'],
		],
		['short', short, { type: 'short', text: 'contenitori' }, 'it', [it('quiz.hint.short')]],
		[
			'docker: not a Docker command',
			command,
			{ type: 'short', text: 'podman run nginx' },
			'it',
			[it('quiz.hint.notDocker')],
		],
		[
			'docker: another command',
			command,
			{ type: 'short', text: 'docker start nginx' },
			'en',
			['`docker container start` is not the command needed here.'],
		],
		[
			'docker: a value off and an option too many',
			command,
			{ type: 'short', text: 'docker run -d --rm -p 80:8080 nginx' },
			'it',
			['Il valore di `--publish` non è quello giusto.', '`--rm` qui non serve.'],
		],
		[
			'docker: an option missing',
			command,
			{ type: 'short', text: 'sudo docker run -p 8080:80 nginx' },
			'it',
			["Manca un'opzione."],
		],
		[
			'docker: another image',
			command,
			{ type: 'short', text: 'docker run -d -p 8080:80 httpd' },
			'en',
			[en('quiz.hint.arguments')],
		],
		[
			'numeric: too high',
			numeric,
			{ type: 'numeric', value: 6, text: '6' },
			'it',
			['Il valore è troppo alto.'],
		],
		['numeric: too low', numeric, { type: 'numeric', value: 4 }, 'en', ['The value is too low.']],
		[
			'numeric: what cannot be read',
			numeric,
			{ type: 'numeric', value: null, text: '4 MB' },
			'it',
			["L'unità di questa domanda è GB, non MB: scrivi solo il numero, o il numero seguito da GB."],
		],
	])('%s', (_, q, answer, lang, expected) => {
		expect(hints(q, answer, lang)).toEqual(expected);
	});
});

describe('entryProblem() and entryProblemText()', () => {
	test.each<[Answer, 'it' | 'en', string | undefined]>([
		[{ type: 'numeric', value: 4.5, text: '4,5 GB' }, 'it', undefined],
		[{ type: 'numeric', value: null, text: '' }, 'it', undefined],
		[{ type: 'numeric', value: null }, 'it', undefined],
		[
			{ type: 'numeric', value: null, text: 'tanti' },
			'it',
			'«tanti» non si legge come un numero: scrivi per esempio 4 oppure 4,5.',
		],
		[
			{ type: 'numeric', value: null, text: '4 MB' },
			'en',
			"This question's unit is GB, not MB: type just the number, or the number followed by GB.",
		],
		[
			{ type: 'numeric', value: null, text: '4.500' },
			'it',
			'Non è chiaro se «4.500» voglia dire 4500 o 4,5: scrivilo senza separatore delle migliaia (4500) o con la virgola dei decimali (4,5).',
		],
	])('%o in %s', (answer, lang, text) => {
		const problem = entryProblem(numeric, answer, lang);
		const said =
			problem &&
			entryProblemText(
				problem,
				answer.type === 'numeric' ? (answer.text ?? '') : '',
				lang,
				lang === 'it' ? it : en
			);
		expect(said).toBe(text);
	});

	test('only numbers can have an entry problem', () => {
		expect(entryProblem(short, { type: 'short', text: '4 MB' }, 'it')).toBeUndefined();
	});

	test('a unit where the question has none', () => {
		const problem = entryProblem(port, { type: 'numeric', value: null, text: '8080 porta' }, 'it');
		expect(problem && entryProblemText(problem, '8080 porta', 'it', it)).toBe(
			'Qui basta il numero, senza «porta».'
		);
	});
});

describe('feedbackOf()', () => {
	test('a right answer needs no right answer shown, and explains', () => {
		const answer: Answer = { type: 'single', choice: 'a' };
		expect(feedbackOf(single, answer, scoreQuestion(single, answer), 'it', it, 'hint')).toEqual({
			verdict: 'correct',
			stage: 'answer',
			hints: [],
			notes: [],
			explain: true,
		});
	});

	test('a first wrong try: a hint and the note on that choice, not the answer nor why', () => {
		const answer: Answer = { type: 'single', choice: 'b' };
		expect(feedbackOf(single, answer, scoreQuestion(single, answer), 'en', en, 'hint')).toEqual({
			verdict: 'incorrect',
			stage: 'hint',
			hints: [en('quiz.hint.single')],
			notes: ['Not B (en)'],
			explain: false,
		});
	});

	test('then the right answer, the note and the explanation', () => {
		const answer: Answer = { type: 'single', choice: 'b' };
		expect(feedbackOf(single, answer, scoreQuestion(single, answer), 'en', en)).toEqual({
			verdict: 'incorrect',
			stage: 'answer',
			hints: [],
			rightAnswer: { text: 'Right answer: A (en)' },
			notes: ['Not B (en)'],
			explain: true,
		});
	});

	test('true or false: the feedback written for the value given, once the answer is shown', () => {
		const wrong: Answer = { type: 'truefalse', value: true };
		const score = scoreQuestion(truefalse, wrong);
		expect(feedbackOf(truefalse, wrong, score, 'it', it).notes).toEqual(['It is not true (it)']);
		expect(feedbackOf(truefalse, wrong, score, 'it', it, 'hint').notes).toEqual([]);
		const right: Answer = { type: 'truefalse', value: false };
		expect(feedbackOf(truefalse, right, scoreQuestion(truefalse, right), 'it', it).notes).toEqual(
			[]
		);
	});

	test('multiple choice: a hint gives no notes, which would tell right choices from wrong', () => {
		const withNotes = question('multiple', {
			choices: [
				{ id: 'a', text: t('A'), correct: true, feedback: t('Yes, A') },
				{ id: 'b', text: t('B'), feedback: t('Not B') },
			],
		});
		const answer: Answer = { type: 'multiple', choices: ['a', 'b'] };
		const score = scoreQuestion(withNotes, answer);
		expect(feedbackOf(withNotes, answer, score, 'it', it, 'hint').notes).toEqual([]);
		expect(feedbackOf(withNotes, answer, score, 'it', it).notes).toEqual([
			'Yes, A (it)',
			'Not B (it)',
		]);
	});

	test('partly right: says so, and shows the whole right answer', () => {
		const answer: Answer = { type: 'matching', matches: { vbox: 'vbox', esx: 'vbox' } };
		const feedback = feedbackOf(matching, answer, scoreQuestion(matching, answer), 'it', it);
		expect(feedback.verdict).toBe('partial');
		expect(feedback.rightAnswer?.text).toMatch(/^Abbinamenti giusti: VirtualBox/);
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
