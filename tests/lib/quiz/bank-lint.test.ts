import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { LoadedBank } from '../../../src/lib/quiz/bank';
import {
	allowedLongest,
	allowedTrueCounts,
	bankRules,
	formatFinding,
	formatLintReport,
	lintBanks,
	promptSimilarity,
	rightIsLongest,
	shownLength,
	type LintFinding,
} from '../../../src/lib/quiz/bank-lint';
import { chapterPages, lintAllBanks, loadBankFiles } from '../../../src/lib/quiz/files';
import type { Question, QuestionOf } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

const root = process.cwd();

/** The three virtualization banks and their chapters: the part of the course this test holds. */
const virtualization = loadBankFiles(root).filter((loaded) =>
	/\/(virtualization-[a-z]+|hypervisor-types)\.yaml$/.test(loaded.file)
);
const virtualizationChapters = chapterPages(root, ['virtualizzazione']);

const basics = 'src/content/quizzes/virtualization-basics.yaml';
const hypervisors = 'src/content/quizzes/hypervisor-types.yaml';
const methods = 'src/content/quizzes/virtualization-methods.yaml';

/** A deep copy of the banks with `change` applied to the questions of one of them. */
function mutate(file: string, change: (questions: Question[]) => Question[]): LoadedBank[] {
	return virtualization.map((loaded) => {
		const copy = structuredClone(loaded);
		if (copy.file === file && copy.bank) copy.bank.questions = change(copy.bank.questions);
		return copy;
	});
}

const isTrueFalse = (q: Question): q is QuestionOf<'truefalse'> => q.type === 'truefalse';
const isSingle = (q: Question): q is QuestionOf<'single'> => q.type === 'single';

/** What a finding is about, in a form a table row can name. */
const summary = (finding: LintFinding) =>
	[finding.rule, finding.file ?? 'all', finding.question].filter(Boolean).join(' ');

describe('lintBanks() on the course’s virtualization banks', () => {
	test('finds nothing: balanced keys, no longest-choice habit, no near-duplicates, full chapters', () => {
		const report = lintBanks(virtualization, virtualizationChapters);
		expect(report.findings.map((f) => f.message.en)).toEqual([]);
		expect(report.chapters.map((c) => c.page)).toEqual(virtualizationChapters);
	});

	test('every chapter page of the virtualization part is counted, with its banks', () => {
		const report = lintBanks(virtualization, virtualizationChapters);
		for (const chapter of report.chapters) {
			expect(chapter.questions).toBeGreaterThanOrEqual(bankRules.minQuestionsPerChapter);
			expect(Object.values(chapter.byFile).reduce((a, b) => a + b, 0)).toBe(chapter.questions);
		}
	});

	test.each([
		{
			name: 'every true/false key flipped to false',
			banks: () =>
				mutate(basics, (qs) => qs.map((q) => (isTrueFalse(q) ? { ...q, answer: false } : q))),
			fires: [`true-share ${basics}`],
			says: /hanno risposta «vero» \(0%\)/,
		},
		{
			name: 'every true/false key flipped to true',
			banks: () =>
				mutate(hypervisors, (qs) => qs.map((q) => (isTrueFalse(q) ? { ...q, answer: true } : q))),
			fires: [`true-share ${hypervisors}`],
			says: /\(100%\).*riscrivi \d+ affermazion[ei] vere perché siano false/,
		},
		{
			name: 'the right choice of every single-choice question lengthened',
			banks: () =>
				mutate(methods, (qs) =>
					qs.map((q) =>
						isSingle(q)
							? {
									...q,
									choices: q.choices.map((c) =>
										c.correct
											? {
													...c,
													text: {
														it: `${c.text.it}, come spiega il capitolo in dettaglio`,
														en: `${c.text.en}, as the chapter explains in detail`,
													},
												}
											: c
									),
								}
							: q
					)
				),
			fires: [`longest-share ${methods}`],
			says: /la scelta giusta è la più lunga/,
		},
		{
			name: 'a prompt copied into a question of another bank',
			banks: () => {
				const source = virtualization.find((b) => b.file === basics)!.bank!.questions[0]!;
				return mutate(methods, (qs) =>
					qs.map((q, i) => (i === 0 ? { ...q, prompt: structuredClone(source.prompt) } : q))
				);
			},
			fires: [`similar-prompts ${basics} ${virtualization[1]!.bank!.questions[0]!.id}`],
			says: /è quasi uguale a methods-[a-z-]+ \(src\/content\/quizzes\/virtualization-methods\.yaml\) \(somiglianza 1\.00/,
		},
		{
			name: 'a prompt reworded in the same bank',
			banks: () =>
				mutate(hypervisors, (qs) => {
					const [first, second, ...rest] = qs;
					const reworded = {
						it: `Secondo te, ${first!.prompt.it.replace(/\?$/, ', di preciso?')}`,
						en: `In your view, ${first!.prompt.en.replace(/\?$/, ', exactly?')}`,
					};
					return [first!, { ...second!, prompt: reworded }, ...rest];
				}),
			fires: [`similar-prompts ${hypervisors} ${virtualization[0]!.bank!.questions[0]!.id}`],
			says: /è quasi uguale a hyp-/,
		},
		{
			name: 'every question of a chapter dropped',
			banks: () =>
				mutate(basics, (qs) =>
					qs.filter((q) => !q.review.it.startsWith('/virtualizzazione/scopo/'))
				),
			fires: ['chapter-size all'],
			says: /^Il capitolo \/virtualizzazione\/scopo\/ è verificato da 0 domande, di nessuna banca, ma ne servono almeno 8: aggiungi 8 domande/,
		},
	])('$name: the rule fires, and only it', ({ banks, fires, says }) => {
		const report = lintBanks(banks(), virtualizationChapters);
		expect(report.findings.map(summary)).toEqual(expect.arrayContaining(fires));
		expect(new Set(report.findings.map((f) => f.rule))).toEqual(
			new Set(fires.map((f) => f.split(' ')[0]))
		);
		expect(report.findings.map((f) => f.message.it).join('\n')).toMatch(says);
	});

	test('every key flipped to false: each bank and the overall figure fail, in the banks’ order', () => {
		const banks = virtualization.map((loaded) => {
			const copy = structuredClone(loaded);
			copy.bank!.questions = copy.bank!.questions.map((q) =>
				isTrueFalse(q) ? { ...q, answer: false } : q
			);
			return copy;
		});
		const report = lintBanks(banks, virtualizationChapters);
		expect(report.findings.map(summary)).toEqual([
			`true-share ${hypervisors}`,
			`true-share ${basics}`,
			`true-share ${methods}`,
			'true-share all',
		]);
		expect(report.findings.at(-1)!.message.en).toMatch(
			/^Across all banks: 0 of the \d+ true\/false/
		);
	});
});

describe('allowedTrueCounts()', () => {
	test.each([
		[10, [4, 6]],
		[5, [2, 3]],
		[7, [3, 4]],
		[4, [2, 2]],
		// No count lies in 40–60%: the two nearest pass, so a small bank is not unpassable.
		[3, [1, 2]],
		[1, [0, 1]],
		[20, [8, 12]],
	] as const)('%i true/false questions: %j true', (n, expected) => {
		expect(allowedTrueCounts(n, bankRules.trueShare)).toEqual(expected);
	});
});

describe('allowedLongest()', () => {
	test.each([
		[1, 0],
		[2, 0],
		[3, 1],
		[10, 3],
		[20, 7],
		[40, 14],
	])('%i single-choice questions: at most %i longest', (n, expected) => {
		expect(allowedLongest(n, bankRules.longestShare.max)).toBe(expected);
	});
});

describe('rightIsLongest()', () => {
	const single = (right: [string, string], wrong: [string, string][]) =>
		question('single', {
			choices: [
				{ id: 'right', correct: true, text: { it: right[0], en: right[1] } },
				...wrong.map(([it, en], i) => ({ id: `wrong-${i}`, text: { it, en } })),
			],
		});

	test.each([
		{
			name: 'longest in both languages',
			q: single(['aaaa', 'aaaa'], [['bb', 'bb']]),
			longest: true,
		},
		{ name: 'longest in Italian only', q: single(['aaaa', 'a'], [['bb', 'bb']]), longest: true },
		{ name: 'longest in English only', q: single(['a', 'aaaa'], [['bb', 'bb']]), longest: true },
		{ name: 'shorter in both', q: single(['a', 'a'], [['bb', 'bb']]), longest: false },
		{
			name: 'tied with a distractor',
			q: single(
				['aaa', 'aaa'],
				[
					['bbb', 'bbb'],
					['c', 'c'],
				]
			),
			longest: false,
		},
		{
			name: 'longer only by its backticks',
			q: single(['`ls`', '`ls`'], [['rm', 'rm']]),
			longest: false,
		},
		{
			name: 'accents count as one character',
			q: single(['però', 'but'], [['pero', 'buts']]),
			longest: false,
		},
	])('$name → $longest', ({ q, longest }) => {
		expect(rightIsLongest(q)).toBe(longest);
	});

	test('counts code points, not UTF-16 units', () => {
		expect(shownLength('🐳 `docker`')).toBe(8);
	});
});

describe('promptSimilarity()', () => {
	test.each([
		{
			name: 'the same text with other case, quotes and spaces',
			a: "L'host  non sa nulla della VM.",
			b: 'l’HOST non sa nulla della vm',
			above: true,
		},
		{
			name: 'a prompt with a name and a few words changed',
			a: "Marco sta eseguendo in una VM un'analisi che dura ore; deve liberare l'host per un'ora e poi vuole riprendere esattamente dal punto in cui era. Quale operazione gli serve?",
			b: "Giulia sta eseguendo in una macchina virtuale un'analisi lunga ore; deve liberare l'host per un'ora e poi vuole riprendere dal punto esatto in cui era. Quale operazione le serve?",
			above: true,
		},
		{
			name: 'the same question with its clauses reordered',
			a: 'Come si chiama lo strato di software che sta tra i sistemi guest e l’hardware dell’host?',
			b: 'Qual è il nome dello strato software che si trova tra i sistemi guest e l’hardware dell’host?',
			above: true,
		},
		{
			name: 'two statements that differ in one key word',
			a: 'Un hypervisor di tipo 2 gira dentro un sistema operativo.',
			b: 'Un hypervisor di tipo 1 gira dentro un sistema operativo.',
			above: true,
		},
		{
			name: 'two questions on the same subject that ask different things',
			a: 'Su un host Linux con una VM di VirtualBox accesa, che cosa vedi della macchina virtuale nel gestore dei processi?',
			b: 'Perché un hypervisor di tipo 2 come VirtualBox può andare più piano di uno di tipo 1?',
			above: false,
		},
	])('$name: above the threshold = $above', ({ a, b, above }) => {
		expect(promptSimilarity(a, b) >= bankRules.similarPrompts).toBe(above);
	});

	test('no two prompts of the virtualization banks come near the threshold', () => {
		const questions = virtualization.flatMap((b) => b.bank!.questions);
		let highest = 0;
		for (let i = 0; i < questions.length; i++)
			for (let j = i + 1; j < questions.length; j++)
				for (const lang of ['it', 'en'] as const)
					highest = Math.max(
						highest,
						promptSimilarity(questions[i]!.prompt[lang], questions[j]!.prompt[lang])
					);
		expect(highest).toBeLessThan(bankRules.similarPrompts);
	});
});

describe('the report', () => {
	const banks = mutate(basics, (qs) =>
		qs.map((q) => (isTrueFalse(q) ? { ...q, answer: false } : q))
	);
	const report = lintBanks(banks, [...virtualizationChapters, '/virtualizzazione/nuovo/']);

	test('has a row for every bank, one for all of them and one for every chapter', () => {
		const text = formatLintReport(report, 'it');
		expect(text).toMatch(/^banca\s+domande\s+V\/F vere\s+giusta più lunga$/m);
		expect(text).toMatch(/^src\/content\/quizzes\/virtualization-basics\.yaml\s+\d+\s+0\/\d+ 0%/m);
		expect(text).toMatch(/^tutte\s+\d+\s+\d+\/\d+ \d+%/m);
		expect(text).toMatch(/^\/virtualizzazione\/nuovo\/\s+0$/m);
		expect(formatLintReport(report, 'en')).toMatch(
			/^bank\s+questions\s+T\/F true\s+right is longest$/m
		);
	});

	test('says each finding in Italian and in English, with where and what to do', () => {
		const chapter = report.findings.find((f) => f.rule === 'chapter-size')!;
		expect(formatFinding(chapter, 'en')).toBe(
			'The chapter /virtualizzazione/nuovo/ is tested by 0 questions, from no bank, but it needs at least 8: add 8 questions whose review field points at a heading of this page.'
		);
		const share = report.findings.find((f) => f.rule === 'true-share')!;
		expect(formatFinding(share, 'en')).toMatch(
			/^src\/content\/quizzes\/virtualization-basics\.yaml: 0 of the \d+ true\/false questions have the answer "true" \(0%\), but the share must lie within 40–60%.*rewrite \d+ false statements? so that/
		);
	});

	test('a similar pair starts with its bank file and question id', () => {
		const copy = mutate(hypervisors, (qs) => [
			qs[0]!,
			{ ...qs[1]!, prompt: structuredClone(qs[0]!.prompt) },
			...qs.slice(2),
		]);
		const [finding] = lintBanks(copy, virtualizationChapters).findings;
		expect(formatFinding(finding!, 'it')).toMatch(
			new RegExp(
				`^${hypervisors.replace(/\./g, '\\.')}: domanda ${copy[0]!.bank!.questions[0]!.id}: la domanda è quasi uguale a ${copy[0]!.bank!.questions[1]!.id} \\(somiglianza 1\\.00 in italiano\\)`
			)
		);
	});
});

describe('chapterPages() and lintAllBanks()', () => {
	test('list every chapter of the virtualization, Docker and forensics folders, in name order', () => {
		const pages = chapterPages(root);
		expect(pages).toContain('/virtualizzazione/scopo/');
		expect(pages).toContain('/docker/volumi/');
		expect(pages.every((p) => /^\/(virtualizzazione|docker|forense)\/[a-z-]+\/$/.test(p))).toBe(
			true
		);
	});

	test('lint the banks on disk against the course’s rules', () => {
		const report = lintAllBanks(root);
		expect(report.banks.map((b) => b.file)).toEqual(loadBankFiles(root).map((b) => b.file));
		expect(report.chapters.map((c) => c.page)).toEqual(chapterPages(root));
	});

	test('a text fixture is counted under the chapter of its review link', () => {
		const extra = question('truefalse', {
			id: 'extra',
			topic: 'virtualization-basics',
			answer: true,
			prompt: t('Something quite different from every other prompt, zqxj'),
			review: {
				it: '/virtualizzazione/scopo/#riepilogo',
				en: '/en/virtualizzazione/scopo/#summary',
			},
		});
		const banks = mutate(basics, (qs) => [...qs, extra]);
		const before = lintBanks(virtualization, virtualizationChapters).chapters;
		const after = lintBanks(banks, virtualizationChapters).chapters;
		const scopo = (list: typeof before) => list.find((c) => c.page === '/virtualizzazione/scopo/')!;
		expect(scopo(after).questions).toBe(scopo(before).questions + 1);
	});
});

describe('quiz check', () => {
	/**
	 * A copy of the virtualization part of the course (its chapters in both languages and its
	 * three banks) in a folder of its own, with `change` applied to the basics bank's text.
	 */
	function course(change: (yaml: string) => string = (yaml) => yaml): string {
		const dir = mkdtempSync(join(tmpdir(), 'bank-lint-'));
		for (const folder of ['virtualizzazione', 'en/virtualizzazione'])
			cpSync(join(root, 'src/content/docs', folder), join(dir, 'src/content/docs', folder), {
				recursive: true,
			});
		for (const file of [basics, hypervisors, methods]) {
			const text = readFileSync(join(root, file), 'utf8');
			cpSync(join(root, file), join(dir, file));
			if (file === basics) writeFileSync(join(dir, file), change(text));
		}
		return dir;
	}
	const check = (cwd: string, ...args: string[]) =>
		spawnSync(process.execPath, [join(root, 'scripts/quiz.ts'), 'check', ...args], {
			cwd,
			encoding: 'utf8',
		});

	test('passes on the virtualization banks and prints their figures', () => {
		const result = check(course());
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^banca\s+domande\s+V\/F vere\s+giusta più lunga$/m);
		expect(result.stdout).toMatch(/^\/virtualizzazione\/scopo\/\s+\d+$/m);
		expect(result.stdout).toMatch(/^3 banche, \d+ domande: tutte valide\.$/m);
	});

	test('exits with 1 and says what to do when a bank gives its keys away', () => {
		const result = check(
			course((yaml) => yaml.replaceAll('answer: true', 'answer: false')),
			'--lang',
			'en'
		);
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(
			/^src\/content\/quizzes\/virtualization-basics\.yaml\s+\d+\s+0\/\d+ 0%/m
		);
		expect(result.stderr).toMatch(
			/^src\/content\/quizzes\/virtualization-basics\.yaml: 0 of the \d+ true\/false questions have the answer "true" \(0%\)/m
		);
		expect(result.stderr).toMatch(/^\d+ findings? against guessable answers\.$/m);
	});
});
