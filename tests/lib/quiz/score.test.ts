import { beforeAll, describe, expect, test } from 'vitest';
import { loadDockerMatcher } from '../../../src/lib/quiz/docker-matcher';
import {
	acceptedAnswers,
	isFullMarks,
	matchingOptions,
	scoreQuestion,
	type Answer,
} from '../../../src/lib/quiz/score';
import { question, t } from './fixtures';

// Docker answers are compared by the matcher the quiz loads apart.
beforeAll(async () => {
	await loadDockerMatcher();
});
const single = question('single', {
	points: 2,
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
		{ id: 'c', text: t('C') },
	],
});

const multiple = question('multiple', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B'), correct: true },
		{ id: 'c', text: t('C') },
		{ id: 'd', text: t('D') },
	],
});

const weighted = question('multiple', {
	points: 4,
	choices: [
		{ id: 'a', text: t('A'), correct: true, weight: 0.75 },
		{ id: 'b', text: t('B'), correct: true, weight: 0.25 },
		{ id: 'c', text: t('C'), weight: -1 },
	],
});

const truefalse = question('truefalse', { answer: false });

const matching = question('matching', {
	pairs: [
		{ id: 'virtualbox', left: t('VirtualBox'), right: t('Type 2') },
		{ id: 'esx', left: t('ESX'), right: t('Type 1') },
		{ id: 'workstation', left: t('Workstation'), right: t('Type 2') },
		{ id: 'lpar', left: t('LPAR'), right: t('Type 0') },
	],
	distractors: [{ id: 'type-3', text: t('Type 3') }],
});

const ordering = question('ordering', {
	items: ['pull', 'create', 'start', 'stop', 'rm'].map((id) => ({ id, text: t(id) })),
});

const categorize = question('categorize', {
	categories: [
		{ id: 'full', text: t('Full') },
		{ id: 'para', text: t('Para') },
	],
	items: [
		{ id: 'vmware', text: t('VMware'), category: 'full' },
		{ id: 'uml', text: t('UML'), category: 'para' },
		{ id: 'xen', text: t('Xen'), category: 'para' },
		{ id: 'vbox', text: t('VirtualBox'), category: 'full' },
	],
});

const short = question('short', { accepted: ['hypervisor', 'VMM'] });
const italianTerm = question('short', {
	accepted: { it: ['hypervisor', 'ipervisore'], en: ['hypervisor'] },
});
const run = question('short', {
	match: 'docker',
	accepted: ['docker run -d -p 8080:80 nginx'],
});
const command = question('short', { match: 'docker', accepted: ['docker ps -a'] });
const perLanguage = question('short', { accepted: { it: ['contenitore'], en: ['container'] } });
const numeric = question('numeric', { value: 4, tolerance: 0.5, unit: 'GB' });

describe('scoreQuestion()', () => {
	test.each<[string, Parameters<typeof scoreQuestion>[0], Answer | undefined, number, number?]>([
		['single: the right choice gets full marks', single, { type: 'single', choice: 'a' }, 2],
		['single: a wrong choice gets zero', single, { type: 'single', choice: 'b' }, 0],
		['single: no answer gets zero', single, { type: 'single', choice: null }, 0],
		[
			'single: a wrong choice costs the penalty',
			single,
			{ type: 'single', choice: 'b' },
			-0.5,
			0.25,
		],
		['single: no answer costs nothing, even with a penalty', single, undefined, 0, 0.25],
		[
			'multiple: both right choices get full marks',
			multiple,
			{ type: 'multiple', choices: ['a', 'b'] },
			1,
		],
		[
			'multiple: one of two right choices gets half',
			multiple,
			{ type: 'multiple', choices: ['a'] },
			0.5,
		],
		[
			'multiple: a right and a wrong choice cancel out',
			multiple,
			{ type: 'multiple', choices: ['a', 'c'] },
			0,
		],
		[
			'multiple: choosing everything gets zero',
			multiple,
			{ type: 'multiple', choices: ['a', 'b', 'c', 'd'] },
			0,
		],
		[
			'multiple: only wrong choices are clamped at zero',
			multiple,
			{ type: 'multiple', choices: ['c', 'd'] },
			0,
		],
		[
			'multiple: only wrong choices go negative with a penalty',
			multiple,
			{ type: 'multiple', choices: ['c', 'd'] },
			-0.5,
			0.5,
		],
		[
			'multiple: with a penalty the score is clamped at minus the penalty',
			multiple,
			{ type: 'multiple', choices: ['c', 'd'] },
			-0.25,
			0.25,
		],
		[
			'multiple: weights are fractions of the points',
			weighted,
			{ type: 'multiple', choices: ['a'] },
			3,
		],
		[
			'multiple: a weight of -1 wipes out the rest',
			weighted,
			{ type: 'multiple', choices: ['a', 'b', 'c'] },
			0,
		],
		['true/false: right', truefalse, { type: 'truefalse', value: false }, 1],
		['true/false: wrong', truefalse, { type: 'truefalse', value: true }, 0],
		['true/false: wrong with a penalty', truefalse, { type: 'truefalse', value: true }, -1, 1],
		[
			'matching: all pairs right',
			matching,
			{
				type: 'matching',
				matches: { virtualbox: 'virtualbox', esx: 'esx', workstation: 'virtualbox', lpar: 'lpar' },
			},
			1,
		],
		[
			'matching: a shared right text is one option for both pairs, and a distractor is wrong',
			matching,
			{
				type: 'matching',
				matches: { virtualbox: 'virtualbox', esx: 'type-3', workstation: 'virtualbox', lpar: null },
			},
			0.5,
		],
		[
			'ordering: the right order',
			ordering,
			{ type: 'ordering', order: ['pull', 'create', 'start', 'stop', 'rm'] },
			1,
		],
		[
			'ordering: one item moved costs about two',
			ordering,
			{ type: 'ordering', order: ['pull', 'start', 'stop', 'rm', 'create'] },
			0.6,
		],
		[
			'ordering: reversed gets zero',
			ordering,
			{ type: 'ordering', order: ['rm', 'stop', 'start', 'create', 'pull'] },
			0,
		],
		[
			'ordering: an incomplete order gets zero',
			ordering,
			{ type: 'ordering', order: ['pull', 'create'] },
			0,
		],
		[
			'categorize: three of four placed right',
			categorize,
			{ type: 'categorize', placement: { vmware: 'full', uml: 'para', xen: 'full', vbox: 'full' } },
			0.75,
		],
		['categorize: nothing placed', categorize, { type: 'categorize', placement: {} }, 0],
		['short: case and spaces do not matter', short, { type: 'short', text: '  HyperVisor ' }, 1],
		['short: any accepted form counts', short, { type: 'short', text: 'vmm' }, 1],
		['short: other words do not', short, { type: 'short', text: 'hypervisors' }, 0],
		[
			'short: an equivalent Docker command counts',
			command,
			{ type: 'short', text: 'docker container ls --all' },
			1,
		],
		['short: another Docker command does not', command, { type: 'short', text: 'docker ps' }, 0],
		['short: a full stop after the word', short, { type: 'short', text: 'Hypervisor.' }, 1],
		['short: an article before it', short, { type: 'short', text: 'lo hypervisor' }, 1],
		['short: a word that only starts the same', short, { type: 'short', text: 'hyper' }, 0],
		[
			'short: Docker with sudo',
			run,
			{ type: 'short', text: 'sudo docker run -d -p 8080:80 nginx' },
			1,
		],
		[
			'short: Docker with long options in another order',
			run,
			{ type: 'short', text: 'docker container run --publish=8080:80 --detach nginx:latest' },
			1,
		],
		['short: Docker without -d', run, { type: 'short', text: 'docker run -p 8080:80 nginx' }, 0],
		['numeric: the exact value', numeric, { type: 'numeric', value: 4 }, 1],
		['numeric: within the tolerance', numeric, { type: 'numeric', value: 4.5 }, 1],
		['numeric: outside the tolerance', numeric, { type: 'numeric', value: 4.6 }, 0],
		['numeric: no value', numeric, { type: 'numeric', value: null }, 0],
		[
			'numeric: the value as typed with its unit',
			numeric,
			{ type: 'numeric', value: 4, text: '4 GB' },
			1,
		],
		[
			'numeric: text that cannot be read',
			numeric,
			{ type: 'numeric', value: null, text: '4,,' },
			0,
		],
		['an answer of another type scores zero', single, { type: 'truefalse', value: true }, 0],
	])('%s', (_, q, answer, expected, penalty = 0) => {
		expect(scoreQuestion(q, answer, { penalty }).points).toBeCloseTo(expected, 6);
	});

	test.each<[string, 'it' | 'en', number]>([
		["l'ipervisore", 'it', 1],
		['l ipervisore', 'it', 1],
		['L’ipervisore', 'it', 1],
		["L'hypervisor.", 'it', 1],
		["l'ipervisore", 'en', 0],
		['The hypervisor', 'en', 1],
	])('short: %j in %s', (text, lang, points) => {
		expect(scoreQuestion(italianTerm, { type: 'short', text }, { lang }).points).toBe(points);
	});

	test('numeric: text that cannot be read is a wrong answer, not a missing one', () => {
		expect(scoreQuestion(numeric, { type: 'numeric', value: null, text: 'tanti' }).parts).toEqual([
			{ id: 'answer', verdict: 'incorrect' },
		]);
		expect(scoreQuestion(numeric, { type: 'numeric', value: null, text: ' ' }).parts).toEqual([
			{ id: 'answer', verdict: 'missed' },
		]);
	});

	test('short answers can differ by language', () => {
		const answer: Answer = { type: 'short', text: 'Container' };
		expect(scoreQuestion(perLanguage, answer, { lang: 'en' }).points).toBe(1);
		expect(scoreQuestion(perLanguage, answer, { lang: 'it' }).points).toBe(0);
	});

	test('gives a verdict for every choice', () => {
		const { parts } = scoreQuestion(multiple, { type: 'multiple', choices: ['a', 'c'] });
		expect(parts).toEqual([
			{ id: 'a', verdict: 'correct' },
			{ id: 'b', verdict: 'missed' },
			{ id: 'c', verdict: 'incorrect' },
			{ id: 'd', verdict: 'correct' },
		]);
	});

	test('gives a verdict for every ordered item, relative to the item before it', () => {
		const { parts } = scoreQuestion(ordering, {
			type: 'ordering',
			order: ['pull', 'start', 'stop', 'rm', 'create'],
		});
		expect(parts.map((p) => p.verdict)).toEqual([
			'correct',
			'incorrect',
			'incorrect',
			'correct',
			'correct',
		]);
	});

	test('always reports the maximum', () => {
		expect(scoreQuestion(single, undefined).max).toBe(2);
		expect(scoreQuestion(weighted, undefined).max).toBe(4);
	});
});

describe('matchingOptions()', () => {
	test('offers each right text once, then the distractors', () => {
		expect(matchingOptions(matching).map((o) => o.id)).toEqual([
			'virtualbox',
			'esx',
			'lpar',
			'type-3',
		]);
	});
});

describe('acceptedAnswers()', () => {
	test('gives the one list in either language, or the list of the language asked for', () => {
		expect(acceptedAnswers(short, 'it')).toEqual(['hypervisor', 'VMM']);
		expect(acceptedAnswers(short, 'en')).toEqual(['hypervisor', 'VMM']);
		expect(acceptedAnswers(perLanguage, 'it')).toEqual(['contenitore']);
		expect(acceptedAnswers(perLanguage, 'en')).toEqual(['container']);
	});
});

describe('isFullMarks()', () => {
	test.each([
		[1, 1, true],
		[2, 2, true],
		[1 / 3 + 1 / 3 + 1 / 3, 1, true],
		[0.9999999999, 1, true],
		[0.9999, 1, false],
		[0, 1, false],
		[-0.5, 1, false],
		[0, 0, false],
	])('%d of %d points: %s', (points, max, full) => {
		expect(isFullMarks({ points, max })).toBe(full);
	});
});
