/**
 * The bank linter: rules that keep a learner from guessing the keys without knowing the subject.
 * A bank passes the schema and still gives itself away if most true/false statements are false,
 * if the right choice is usually the longest one, if the same question comes back in other words,
 * or if a chapter is tested by a handful of questions only. Pure: the banks and the list of chapter
 * pages come in, figures and findings (in both languages) go out; `files.ts` reads the disk.
 */
import type { Localized } from '../i18n/locale.ts';
import type { LoadedBank } from './bank.ts';
import { checkText, runLab, solutionWork } from './lab.ts';
import type { Question, QuestionOf } from './schema.ts';

/** The thresholds of the rules. Data, so that a bank in progress can be held to other figures. */
export interface LintRules {
	/** The share of true/false questions whose answer is «true» must lie in this range. */
	trueShare: { min: number; max: number };
	/** At most this share of single-choice questions may have the longest choice as the right one. */
	longestShare: { max: number };
	/**
	 * Two prompts at least this similar (Dice coefficient of their character trigrams, 0 to 1) are
	 * reported as near-duplicates.
	 */
	similarPrompts: number;
	/** Every chapter page needs at least this many questions whose review link points into it. */
	minQuestionsPerChapter: number;
	/** The folders of `src/content/docs/` whose pages are chapters (Italian site paths). */
	chapterFolders: readonly string[];
}

/**
 * The course's rules. The true share is 40–60%, so that answering always the same way scores
 * no better than a coin. 35% for the longest right choice leaves room for a right answer that
 * needs its qualifiers, a little above chance with four choices (25%), but not for a habit. The
 * similarity threshold of 0.7 lies between the course's distinct prompts, which score at most
 * about 0.67 with each other (scenarios share words like "virtual machine", "host" and the same
 * commands), and a prompt reworded by changing a few words or their order, which scores about
 * 0.8 and more (see the tests). Two statements that differ by one word ("type 1" / "type 2")
 * score above it too, and rightly: one gives the other's answer away.
 */
export const bankRules: LintRules = {
	trueShare: { min: 0.4, max: 0.6 },
	longestShare: { max: 0.35 },
	similarPrompts: 0.7,
	minQuestionsPerChapter: 8,
	chapterFolders: ['virtualizzazione', 'docker', 'forense'],
};

/** The rules, each of which a finding belongs to. */
export type LintRule =
	'true-share' | 'longest-share' | 'similar-prompts' | 'chapter-size' | 'lab-solution';

/** How many of a set of questions have a property, and which. */
export interface Share {
	/** How many questions have the property. */
	count: number;
	/** How many questions the share is taken over. */
	of: number;
	/** The ids of the questions that have it. */
	ids: string[];
}

/** The figures of one bank, or of every bank together (then `file` is absent). */
export interface BankFigures {
	file?: string;
	questions: number;
	/** True/false questions whose answer is «true». */
	trueAnswers: Share;
	/** Single-choice questions whose right choice is the longest in at least one language. */
	longestRight: Share;
}

/** How many questions test one chapter, and from which banks. */
export interface ChapterFigures {
	/** The chapter's Italian site path, e.g. `/virtualizzazione/scopo/`. */
	page: string;
	questions: number;
	/** Questions by bank file, for the banks that have any. */
	byFile: Record<string, number>;
}

/** Two questions whose prompts are nearly the same. */
export interface SimilarPrompts {
	first: { file: string; id: string };
	second: { file: string; id: string };
	/** The higher of the two languages' similarities, 0 to 1. */
	similarity: number;
	/** The language in which they are most similar. */
	lang: 'it' | 'en';
}

/** A rule that fails: where, and what to do, in both languages. */
export interface LintFinding {
	rule: LintRule;
	/** The bank file, when the finding is about one bank. */
	file?: string;
	/** The question, when the finding is about one question. */
	question?: string;
	message: Localized<string>;
}

/** Everything the linter found. */
export interface LintReport {
	banks: BankFigures[];
	overall: BankFigures;
	chapters: ChapterFigures[];
	similar: SimilarPrompts[];
	findings: LintFinding[];
}

/**
 * Lints every valid bank (invalid ones are left to the schema's problems) against the rules.
 * `chapters` are the Italian site paths of the chapter pages; a chapter no question points at is
 * reported too, which is why the list comes from the docs and not from the banks.
 */
export function lintBanks(
	loaded: readonly LoadedBank[],
	chapters: readonly string[],
	rules: LintRules = bankRules
): LintReport {
	const banks = loaded.flatMap(({ file, bank }) => (bank ? [{ file, bank }] : []));
	const findings: LintFinding[] = [];
	const figures = banks.map(({ file, bank }) => bankFigures(bank.questions, file));
	const overall = bankFigures(
		banks.flatMap(({ bank }) => bank.questions),
		undefined
	);
	for (const figure of [...figures, overall]) {
		const trueFinding = checkTrueShare(figure, rules);
		if (trueFinding) findings.push(trueFinding);
		const longestFinding = checkLongestShare(figure, rules);
		if (longestFinding) findings.push(longestFinding);
	}
	const similar = similarPrompts(banks, rules.similarPrompts);
	for (const pair of similar) findings.push(similarFinding(pair));
	const chapterFigures = countChapters(banks, chapters);
	for (const chapter of chapterFigures) {
		if (chapter.questions < rules.minQuestionsPerChapter)
			findings.push(chapterFinding(chapter, rules.minQuestionsPerChapter));
	}
	for (const { file, bank } of banks) {
		for (const question of bank.questions)
			if (question.type === 'lab') findings.push(...labFindings(question, file));
	}
	return { banks: figures, overall, chapters: chapterFigures, similar, findings };
}

// ------------------------------------------------------------------ lab exercises

/**
 * A lab must be solvable and not solved already: its model solution meets every goal, the
 * starting host does not, and when the solution edits files, its commands alone (with the files as
 * they start) do not either, or there would be nothing to fix.
 */
export function labFindings(question: QuestionOf<'lab'>, file: string): LintFinding[] {
	const findings: LintFinding[] = [];
	const finding = (message: Localized<string>) =>
		findings.push({ rule: 'lab-solution', file, question: question.id, message });
	const solved = runLab(question, solutionWork(question));
	for (const check of solved.checks.filter((c) => !c.met)) {
		finding({
			it: `la soluzione modello non raggiunge un obiettivo (${check.goal.kind}): ${checkText(check, 'it')}`,
			en: `the model solution misses a goal (${check.goal.kind}): ${checkText(check, 'en')}`,
		});
	}
	if (runLab(question, { commands: '', files: {} }).checks.every((c) => c.met)) {
		finding({
			it: 'la situazione di partenza raggiunge già tutti gli obiettivi: non resta niente da fare',
			en: 'the starting state already meets every goal: there is nothing left to do',
		});
	}
	if (Object.keys(question.solution.files).length > 0) {
		const unedited = runLab(question, { commands: question.solution.commands, files: {} });
		if (unedited.checks.every((c) => c.met)) {
			finding({
				it: 'i comandi della soluzione bastano anche con i file di partenza: i file da correggere non hanno errori',
				en: 'the commands of the solution are enough with the starting files too: the files to fix have no mistake',
			});
		}
	}
	return findings;
}

// ------------------------------------------------------------------ true/false and longest choice

function bankFigures(questions: readonly Question[], file: string | undefined): BankFigures {
	const trueFalse = questions.filter((q): q is QuestionOf<'truefalse'> => q.type === 'truefalse');
	const single = questions.filter((q): q is QuestionOf<'single'> => q.type === 'single');
	const isTrue = trueFalse.filter((q) => q.answer).map((q) => q.id);
	const longest = single.filter((q) => rightIsLongest(q)).map((q) => q.id);
	const figures: BankFigures = {
		questions: questions.length,
		trueAnswers: { count: isTrue.length, of: trueFalse.length, ids: isTrue },
		longestRight: { count: longest.length, of: single.length, ids: longest },
	};
	if (file !== undefined) figures.file = file;
	return figures;
}

/**
 * The length of a choice as a learner sees it: characters (code points), without the backticks
 * that only mark code.
 */
export function shownLength(text: string): number {
	return [...text.replace(/`/g, '')].length;
}

/**
 * Whether the right choice is strictly longer than every other choice in Italian or in English:
 * a learner reads one language, and a giveaway in either is a giveaway. A tie is not "longest":
 * nothing tells the right choice from its equal.
 */
export function rightIsLongest(question: QuestionOf<'single'>): boolean {
	return (['it', 'en'] as const).some((lang) => {
		const right = question.choices.find((c) => c.correct);
		if (!right) return false;
		const length = shownLength(right.text[lang]);
		return question.choices.every((c) => c === right || shownLength(c.text[lang]) < length);
	});
}

/**
 * The counts of «true» answers that pass for `n` questions: those whose share lies in the range,
 * or, when no count does (1 or 3 questions), the two counts nearest to it, so that a bank with
 * three true/false questions can pass with one or two true.
 */
export function allowedTrueCounts(n: number, range: LintRules['trueShare']): [number, number] {
	const epsilon = 1e-9;
	const low = Math.ceil(range.min * n - epsilon);
	const high = Math.floor(range.max * n + epsilon);
	if (low <= high) return [low, high];
	return [Math.floor(range.min * n + epsilon), Math.ceil(range.max * n - epsilon)];
}

/** The most single-choice questions of `n` whose right choice may be the longest. */
export function allowedLongest(n: number, max: number): number {
	return Math.floor(max * n + 1e-9);
}

const percent = (count: number, of: number) => `${Math.round((100 * count) / of)}%`;
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** «in src/content/quizzes/x.yaml» or «overall», in both languages. */
function scope(file: string | undefined): Localized<string> {
	return file === undefined
		? { it: 'Nel complesso delle banche', en: 'Across all banks' }
		: { it: file, en: file };
}

function checkTrueShare(figure: BankFigures, rules: LintRules): LintFinding | undefined {
	const { count, of } = figure.trueAnswers;
	if (of === 0) return undefined;
	const [low, high] = allowedTrueCounts(of, rules.trueShare);
	if (count >= low && count <= high) return undefined;
	const where = scope(figure.file);
	const low100 = Math.round(rules.trueShare.min * 100);
	const high100 = Math.round(rules.trueShare.max * 100);
	const range = `${low100}–${high100}%`;
	const tooFew = count < low;
	const flips = tooFew ? low - count : count - high;
	const between =
		low === high
			? { it: `${low}`, en: `${low}` }
			: { it: `fra ${low} e ${high}`, en: `between ${low} and ${high}` };
	const finding: LintFinding = {
		rule: 'true-share',
		message: {
			it: `${where.it}: ${count} delle ${of} domande vero/falso ${plural(count, 'ha', 'hanno')} risposta «vero» (${percent(count, of)}), ma la quota deve stare fra il ${low100}% e il ${high100}%, cioè ${between.it}. Chi risponde sempre «${tooFew ? 'falso' : 'vero'}» indovina troppo: riscrivi ${flips} ${tooFew ? plural(flips, 'affermazione falsa perché sia vera', 'affermazioni false perché siano vere') : plural(flips, 'affermazione vera perché sia falsa', 'affermazioni vere perché siano false')}, o aggiungi domande con risposta «${tooFew ? 'vero' : 'falso'}».`,
			en: `${where.en}: ${count} of the ${of} true/false questions ${plural(count, 'has', 'have')} the answer "true" (${percent(count, of)}), but the share must lie within ${range}, that is ${between.en}. Always answering "${tooFew ? 'false' : 'true'}" guesses too well: rewrite ${flips} ${tooFew ? 'false' : 'true'} ${plural(flips, 'statement', 'statements')} so that ${plural(flips, 'it is', 'they are')} ${tooFew ? 'true' : 'false'}, or add questions whose answer is "${tooFew ? 'true' : 'false'}".`,
		},
	};
	if (figure.file !== undefined) finding.file = figure.file;
	return finding;
}

function checkLongestShare(figure: BankFigures, rules: LintRules): LintFinding | undefined {
	const { count, of, ids } = figure.longestRight;
	if (of === 0) return undefined;
	const allowed = allowedLongest(of, rules.longestShare.max);
	if (count <= allowed) return undefined;
	const where = scope(figure.file);
	const max = `${Math.round(rules.longestShare.max * 100)}%`;
	const fix = count - allowed;
	const finding: LintFinding = {
		rule: 'longest-share',
		message: {
			it: `${where.it}: in ${count} delle ${of} domande a scelta singola (${percent(count, of)}) la scelta giusta è la più lunga, e si indovina scegliendo la più lunga; al massimo il ${max}, cioè ${allowed}. In almeno ${fix} di queste domande accorcia la scelta giusta o rendi i distrattori altrettanto lunghi e precisi${figure.file === undefined ? '.' : `: ${ids.join(', ')}.`}`,
			en: `${where.en}: in ${count} of the ${of} single-choice questions (${percent(count, of)}) the right choice is the longest, so picking the longest guesses it; at most ${max}, that is ${allowed}. In at least ${fix} of these questions shorten the right choice or make the distractors as long and as precise${figure.file === undefined ? '.' : `: ${ids.join(', ')}.`}`,
		},
	};
	if (figure.file !== undefined) finding.file = figure.file;
	return finding;
}

// ------------------------------------------------------------------ near-duplicate prompts

/**
 * A prompt reduced to what it says: lower case, no accents, letters and digits only, single
 * spaces. "L'host" and "l’host" and "L’HOST" are the same text.
 */
export function normalisePrompt(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The character trigrams of a normalised text, with a space at each end. */
function trigrams(text: string): Set<string> {
	const padded = ` ${text} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	return grams;
}

/**
 * How alike two prompts are, from 0 to 1: the Dice coefficient of their character trigrams after
 * normalising. Trigrams rather than words, because a reworded prompt changes inflections
 * ("la macchina virtuale" / "le macchine virtuali") and word order more than its substance.
 */
export function promptSimilarity(a: string, b: string): number {
	return dice(trigrams(normalisePrompt(a)), trigrams(normalisePrompt(b)));
}

function similarPrompts(
	banks: readonly { file: string; bank: { questions: Question[] } }[],
	threshold: number
): SimilarPrompts[] {
	const all = banks.flatMap(({ file, bank }) =>
		bank.questions.map((q) => ({
			file,
			id: q.id,
			grams: {
				it: trigrams(normalisePrompt(q.prompt.it)),
				en: trigrams(normalisePrompt(q.prompt.en)),
			},
		}))
	);
	const pairs: SimilarPrompts[] = [];
	for (let i = 0; i < all.length; i++) {
		for (let j = i + 1; j < all.length; j++) {
			const a = all[i]!;
			const b = all[j]!;
			let best: SimilarPrompts | undefined;
			for (const lang of ['it', 'en'] as const) {
				const similarity = dice(a.grams[lang], b.grams[lang]);
				if (similarity >= threshold && (!best || similarity > best.similarity))
					best = {
						first: { file: a.file, id: a.id },
						second: { file: b.file, id: b.id },
						similarity,
						lang,
					};
			}
			if (best) pairs.push(best);
		}
	}
	return pairs.sort((x, y) => y.similarity - x.similarity);
}

function dice(first: Set<string>, second: Set<string>): number {
	if (first.size === 0 && second.size === 0) return 1;
	let shared = 0;
	for (const gram of first) if (second.has(gram)) shared++;
	return (2 * shared) / (first.size + second.size);
}

function similarFinding(pair: SimilarPrompts): LintFinding {
	const { first, second } = pair;
	const other = first.file === second.file ? second.id : `${second.id} (${second.file})`;
	const language = {
		it: pair.lang === 'it' ? 'in italiano' : 'in inglese',
		en: pair.lang === 'it' ? 'in Italian' : 'in English',
	};
	const value = pair.similarity.toFixed(2);
	return {
		rule: 'similar-prompts',
		file: first.file,
		question: first.id,
		message: {
			it: `la domanda è quasi uguale a ${other} (somiglianza ${value} ${language.it}): chi ha visto una delle due ricorda la risposta dell'altra. Tienine una sola, o riscrivi una delle due perché verifichi un'altra cosa.`,
			en: `the question is nearly the same as ${other} (similarity ${value} ${language.en}): whoever has seen one remembers the answer to the other. Keep only one, or rewrite one of them so that it tests something else.`,
		},
	};
}

// ------------------------------------------------------------------ questions per chapter

/** The chapter page of a review link: `/virtualizzazione/scopo/#riepilogo` → `/virtualizzazione/scopo/`. */
export function chapterOf(review: string): string {
	return review.split('#')[0] ?? review;
}

function countChapters(
	banks: readonly { file: string; bank: { questions: Question[] } }[],
	chapters: readonly string[]
): ChapterFigures[] {
	const figures = new Map<string, ChapterFigures>(
		chapters.map((page) => [page, { page, questions: 0, byFile: {} }])
	);
	for (const { file, bank } of banks) {
		for (const question of bank.questions) {
			const figure = figures.get(chapterOf(question.review.it));
			if (!figure) continue;
			figure.questions++;
			figure.byFile[file] = (figure.byFile[file] ?? 0) + 1;
		}
	}
	return [...figures.values()];
}

function chapterFinding(chapter: ChapterFigures, min: number): LintFinding {
	const missing = min - chapter.questions;
	const files = Object.entries(chapter.byFile).sort(([, a], [, b]) => b - a);
	const finding: LintFinding = {
		rule: 'chapter-size',
		message: {
			it: `Il capitolo ${chapter.page} è verificato da ${chapter.questions} ${plural(chapter.questions, 'domanda', 'domande')}${files.length > 0 ? ` (${files.map(([f, n]) => `${n} in ${f}`).join(', ')})` : ', di nessuna banca'}, ma ne servono almeno ${min}: aggiungi ${missing} ${plural(missing, 'domanda', 'domande')} con il campo review che punta a un titolo di questa pagina.`,
			en: `The chapter ${chapter.page} is tested by ${chapter.questions} ${plural(chapter.questions, 'question', 'questions')}${files.length > 0 ? ` (${files.map(([f, n]) => `${n} in ${f}`).join(', ')})` : ', from no bank'}, but it needs at least ${min}: add ${missing} ${plural(missing, 'question', 'questions')} whose review field points at a heading of this page.`,
		},
	};
	const [main] = files;
	if (main) finding.file = main[0];
	return finding;
}

// ------------------------------------------------------------------ the report

/** One line per finding: `file: question id: message`, in one language. */
export function formatFinding(finding: LintFinding, lang: 'it' | 'en'): string {
	const question =
		finding.question &&
		(lang === 'it' ? `domanda ${finding.question}` : `question ${finding.question}`);
	const message = finding.message[lang];
	// Only a near-duplicate starts with its place; the other findings name their bank or chapter
	// inside the sentence.
	const file = finding.rule === 'similar-prompts' ? finding.file : undefined;
	return [file, question, message].filter(Boolean).join(': ');
}

/** The figures of every bank, of all of them together and of every chapter, as two tables. */
export function formatLintFigures(report: LintReport, lang: 'it' | 'en'): string {
	const words =
		lang === 'it'
			? {
					bank: 'banca',
					questions: 'domande',
					true: 'V/F vere',
					longest: 'giusta più lunga',
					all: 'tutte',
					chapter: 'capitolo',
					none: '—',
				}
			: {
					bank: 'bank',
					questions: 'questions',
					true: 'T/F true',
					longest: 'right is longest',
					all: 'all',
					chapter: 'chapter',
					none: '—',
				};
	const share = ({ count, of }: Share) =>
		of === 0 ? words.none : `${count}/${of} ${percent(count, of)}`;
	const rows = [...report.banks, report.overall].map((figure) => [
		figure.file ?? words.all,
		String(figure.questions),
		share(figure.trueAnswers),
		share(figure.longestRight),
	]);
	const table = (header: string[], body: string[][]) => {
		const widths = header.map((_, column) =>
			Math.max(...[header, ...body].map((row) => row[column]!.length))
		);
		return [header, ...body]
			.map((row) =>
				row
					.map((cell, column) =>
						column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)
					)
					.join('  ')
					.trimEnd()
			)
			.join('\n');
	};
	const lines = [
		table([words.bank, words.questions, words.true, words.longest], rows),
		'',
		table(
			[words.chapter, words.questions],
			report.chapters.map((chapter) => [chapter.page, String(chapter.questions)])
		),
	];
	return lines.join('\n');
}

/** The figures, then one line per finding: what a failing build shows. */
export function formatLintReport(report: LintReport, lang: 'it' | 'en'): string {
	return [
		formatLintFigures(report, lang),
		...(report.findings.length > 0 ? [''] : []),
		...report.findings.map((finding) => formatFinding(finding, lang)),
	].join('\n');
}
