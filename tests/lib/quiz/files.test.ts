import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/lib/quiz/bank';
import { bankJsonSchema, checkAllBanks, headingIndex } from '../../../src/lib/quiz/files';
import { topics } from '../../../src/lib/quiz/schema';

const root = process.cwd();

function quiz(...args: string[]) {
	return spawnSync(process.execPath, ['scripts/quiz.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('the course’s question banks', () => {
	const { banks, problems } = checkAllBanks(root);

	test('are all valid, with review links to real headings in both languages', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	test('cover every topic', () => {
		expect(banks.map((bank) => bank.bank?.topic).sort()).toEqual([...topics].sort());
	});

	test('use every question type', () => {
		const types = new Set(banks.flatMap((bank) => bank.bank?.questions.map((q) => q.type) ?? []));
		expect([...types].sort()).toEqual(
			[
				'categorize',
				'lab',
				'matching',
				'multiple',
				'numeric',
				'ordering',
				'short',
				'single',
				'truefalse',
			].sort()
		);
	});

	test('the published JSON Schema is the one the zod schema gives', () => {
		expect(readFileSync(join(root, 'public/schemas/quiz-bank.json'), 'utf8')).toBe(
			bankJsonSchema()
		);
	});
});

describe('headingIndex()', () => {
	test('knows the headings of the chapters in both languages', () => {
		const index = headingIndex(root);
		expect(index.get('/virtualizzazione/scopo/')?.has('riepilogo')).toBe(true);
		expect(index.get('/en/virtualizzazione/scopo/')?.has('summary')).toBe(true);
	});
});

describe('npm run quiz', () => {
	// Two runs of Node that each read every bank and chapter: seconds on a busy machine.
	test('check passes on the course’s banks', () => {
		const result = quiz('check');
		expect(result.status).toBe(0);
		const banks = topics.length;
		expect(result.stdout).toMatch(
			new RegExp(`^${banks} banche, \\d+ domande: tutte valide\\.$`, 'm')
		);
		expect(quiz('check', '--lang', 'en').stdout).toMatch(
			new RegExp(`^${banks} banks, \\d+ questions: all valid\\.$`, 'm')
		);
	}, 30_000);

	test('export writes GIFT in the chosen language and topic', () => {
		const result = quiz('export', '--format', 'gift', '--lang', 'en', '--topic', 'docker');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^::docker-/m);
		expect(result.stdout).not.toMatch(/^::basics-/m);
	});

	test('import turns a GIFT file into a bank', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'gift-')), 'moodle.gift');
		writeFileSync(file, '::vm:: Il guest gira sopra l’hypervisor? {T}\n');
		const result = quiz(
			'import',
			'--format',
			'gift',
			file,
			'--lang',
			'it',
			'--topic',
			'hypervisor-types'
		);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('topic: hypervisor-types');
		expect(result.stderr).toContain('1 domanda importata.');
	});

	test('a bad GIFT file is refused with its line and column', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'gift-')), 'bad.gift');
		writeFileSync(file, '::q:: Broken {=a ~b\n');
		const result = quiz('import', '--format', 'gift', file, '--lang', 'it');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/bad\.gift:\d+:\d+: /);
	});

	test('--help says what each command does, in Italian or in English', () => {
		expect(quiz('--help')).toMatchObject({ status: 0, stderr: '' });
		expect(quiz('--help').stdout).toMatch(/^Uso: node bin\/corso\.mjs quiz check\n/);
		expect(quiz('--help').stdout).toContain(
			'import  un file GIFT (- per lo standard input, al massimo 1 MB)'
		);
		expect(quiz('--help', '--lang', 'en').stdout).toContain('Exit status: 0 all fine, 1 problems');
	});

	test('a missing language or format is a usage error', () => {
		const noLanguage = quiz('export', '--format', 'gift');
		expect(noLanguage.status).toBe(2);
		expect(noLanguage.stderr).toMatch(
			/^Indica la lingua delle domande con --lang it o --lang en\.\n\nUso: /
		);
		const noFormat = quiz('export', '--lang', 'en');
		expect(noFormat.status).toBe(2);
		expect(noFormat.stderr).toMatch(
			/^Say which format: --format gift or --format moodle-xml\.\n\nUsage: /
		);
		expect(quiz('nonsense')).toMatchObject({ status: 2, stdout: '' });
		expect(quiz('nonsense').stderr).toMatch(/^Comando sconosciuto: nonsense\./);
		expect(quiz('export', '--format', 'gift', '--lang', 'it', '--topic', 'k8s').stderr).toMatch(
			/^Valore non valido per --topic: k8s \(ammessi: virtualization-basics, /
		);
	});
});
