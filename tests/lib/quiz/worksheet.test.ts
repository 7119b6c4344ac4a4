import { describe, expect, test } from 'vitest';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';
import { translator } from '../../../src/lib/i18n/strings';
import { loadBankFiles } from '../../../src/lib/quiz/files';
import type { Question } from '../../../src/lib/quiz/schema';
import type { Layout } from '../../../src/lib/quiz/session';
import {
	answerKey,
	letter,
	sheetQuestion,
	worksheetOf,
	WORKSHEET_SEED,
} from '../../../src/lib/quiz/worksheet';
import { question, t } from './fixtures';

const it = translator(italian);
const en = translator(english);
const layout = (parts: Partial<Layout>): Layout => ({
	choices: [],
	left: [],
	options: [],
	items: [],
	...parts,
});

const single = question('single', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
		{ id: 'c', text: t('C') },
	],
});
const multiple = question('multiple', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
		{ id: 'c', text: t('C'), correct: true },
	],
});
const truefalse = question('truefalse', { answer: false });
const short = question('short', { accepted: { it: ['contenitore'], en: ['container', 'ctr'] } });
const command = question('short', {
	match: 'docker',
	accepted: ['docker ps -a', 'docker ps --all'],
});
const numeric = question('numeric', { value: 4.5, unit: 'GB' });
const ranged = question('numeric', { value: 4, tolerance: 0.5, unit: 'GB' });
const ordering = question('ordering', {
	items: ['pull', 'run', 'rm'].map((id) => ({ id, text: t(id) })),
});
const matching = question('matching', {
	pairs: [
		{ id: 'vbox', left: t('VirtualBox'), right: t('Type 2') },
		{ id: 'esx', left: t('ESX'), right: t('Type 1') },
		{ id: 'kvm', left: t('KVM'), right: t('Type 1') },
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

describe('letter()', () => {
	test.each([
		[0, 'a'],
		[2, 'c'],
		[25, 'z'],
		[26, 'aa'],
		[27, 'ab'],
	])('part %d is %s', (index, expected) => {
		expect(letter(index)).toBe(expected);
	});
});

describe('answerKey()', () => {
	test.each<[string, Question, 'it' | 'en', Layout, string]>([
		[
			'single: the letter and text of the right choice, as printed',
			single,
			'en',
			layout({ choices: ['c', 'a', 'b'] }),
			'b) A (en)',
		],
		[
			'multiple: every right choice in printed order',
			multiple,
			'it',
			layout({ choices: ['c', 'b', 'a'] }),
			'a) C (it); c) A (it)',
		],
		['true/false: in Italian', truefalse, 'it', layout({}), 'Falso'],
		['true/false: in English', truefalse, 'en', layout({}), 'False'],
		['short: the accepted answers of the language', short, 'en', layout({}), '`container` / `ctr`'],
		['short: in Italian', short, 'it', layout({}), '`contenitore`'],
		[
			'docker command: every accepted command',
			command,
			'en',
			layout({}),
			'`docker ps -a` / `docker ps --all`',
		],
		['numeric: the value with its unit', numeric, 'it', layout({}), '4,5\u00a0GB'],
		[
			'numeric with a tolerance: the range too',
			ranged,
			'en',
			layout({}),
			'4\u00a0GB (anything from 3.5\u00a0GB to 4.5\u00a0GB counts)',
		],
		[
			'ordering: the printed letters in the right order',
			ordering,
			'en',
			layout({ items: ['rm', 'pull', 'run'] }),
			'b → c → a',
		],
		[
			'matching: each numbered item with the letter of its option (shared texts share one)',
			matching,
			'en',
			layout({ left: ['kvm', 'vbox', 'esx'], options: ['none', 'esx', 'vbox'] }),
			'1 → b; 2 → c; 3 → b',
		],
		[
			'categorize: each lettered item with its category',
			categorize,
			'it',
			layout({ items: ['shared', 'kernel'] }),
			'a: Container (it); b: VM (it)',
		],
	])('%s', (_, q, lang, parts, expected) => {
		expect(answerKey(q, lang, lang === 'it' ? it : en, parts)).toBe(expected);
	});
});

test("answerKey() drops a choice's full stop before the next answer, not an ellipsis", () => {
	const sentences = question('multiple', {
		choices: [
			{ id: 'a', text: { it: 'Uno.', en: 'One.' }, correct: true },
			{ id: 'b', text: { it: 'Due...', en: 'Two...' }, correct: true },
			{ id: 'c', text: t('C') },
		],
	});
	expect(answerKey(sentences, 'en', en, layout({ choices: ['a', 'b', 'c'] }))).toBe(
		'a) One; b) Two...'
	);
});

describe('sheetQuestion()', () => {
	test('lists the choices with letters in printed order, without saying which is right', () => {
		const sheet = sheetQuestion(single, 3, 'en', en, layout({ choices: ['c', 'a', 'b'] }));
		expect(sheet).toEqual({
			id: single.id,
			number: 3,
			prompt: 'Prompt (en)',
			kind: 'choices',
			multiple: false,
			choices: [
				{ id: 'c', label: 'a', text: 'C (en)' },
				{ id: 'a', label: 'b', text: 'A (en)' },
				{ id: 'b', label: 'c', text: 'B (en)' },
			],
		});
	});

	test('never prints an ordering already in the right order', () => {
		const sheet = sheetQuestion(ordering, 1, 'en', en);
		expect(sheet.kind).toBe('ordering');
		if (sheet.kind !== 'ordering') return;
		expect(sheet.items.map((item) => item.id)).not.toEqual(['pull', 'run', 'rm']);
	});

	test('offers a shared right-hand text once, and the distractors', () => {
		const sheet = sheetQuestion(matching, 1, 'it', it);
		if (sheet.kind !== 'matching') throw new Error(sheet.kind);
		expect(sheet.items.map((item) => item.label)).toEqual(['1', '2', '3']);
		expect(sheet.options.map((option) => option.text).sort()).toEqual([
			'Neither (it)',
			'Type 1 (it)',
			'Type 2 (it)',
		]);
	});

	test('a numeric question has a line to write on, with its unit', () => {
		expect(sheetQuestion(numeric, 1, 'en', en)).toMatchObject({ kind: 'write', unit: 'GB' });
		expect(sheetQuestion(command, 1, 'en', en)).toMatchObject({ kind: 'write' });
	});
});

describe('worksheetOf()', () => {
	const banks = loadBankFiles(process.cwd()).flatMap((loaded) =>
		loaded.bank ? [loaded.bank] : []
	);
	const all = banks.flatMap((bank) => bank.questions);

	test('keeps the order of the bank and numbers the key like the sheet', () => {
		const sheet = worksheetOf([single, truefalse, numeric], 'en', en);
		expect(sheet.questions.map((q) => [q.number, q.id])).toEqual([
			[1, single.id],
			[2, truefalse.id],
			[3, numeric.id],
		]);
		expect(sheet.key.map((entry) => entry.number)).toEqual([1, 2, 3]);
		expect(sheet.key[1]!.answer).toBe('False');
	});

	test('a draw takes the same questions on every print', () => {
		const first = worksheetOf(all, 'it', it, 2);
		expect(first).toEqual(worksheetOf(all, 'it', it, 2));
		expect(first.questions).toHaveLength(banks.length * 2);
		expect(WORKSHEET_SEED).toBe(1);
	});

	test.each(['it', 'en'] as const)(
		'every question of the banks has a key entry in %s, and every printed part is named',
		(lang) => {
			const sheet = worksheetOf(all, lang, lang === 'it' ? it : en);
			expect(sheet.key).toHaveLength(all.length);
			for (const entry of sheet.key) expect(entry.answer, `question ${entry.number}`).not.toBe('');
			for (const q of sheet.questions) {
				const parts =
					'choices' in q ? q.choices : 'items' in q ? q.items : ([] as { text: string }[]);
				for (const part of parts) expect(part.text, q.id).toBeTruthy();
			}
		}
	);
});
