import {
	arrayOf,
	isBoolean,
	isNumber,
	isObject,
	isString,
	nullable,
	recordOf,
	type Check,
} from '../guards.ts';
import { PROGRESS_KEY } from './progress-key.ts';
import type { Answer } from './score.ts';

/**
 * A learner's progress, kept on their device. It is keyed by question id, not by page or
 * language, so switching between Italian and English keeps every answer.
 *
 * The shape is checked by hand rather than with zod: this module runs in every quiz page, and
 * even zod's small build would add 8 KB (gzip) there, more than the checks below. Each entry is
 * checked on its own, so one entry a bug or an old page wrote badly costs that entry only.
 */

/**
 * Bump when the stored shape changes, and teach `parseProgress()` to read the older shape: the
 * learner's answers and their review history must survive a new version of the site.
 * 2: attempts say when they last changed, and each question keeps its review history.
 */
export const PROGRESS_VERSION = 2;
export { PROGRESS_KEY } from './progress-key.ts';

/** What is kept for one question. */
export interface QuestionProgress {
	/** The last answer given. */
	answer: Answer;
	/** Points of the last checked answer, if it was checked. */
	points?: number;
	/** Points of a fully right answer. */
	max?: number;
	/** When it was last answered (ms since the epoch); of two copies, the newer wins. */
	updated: number;
}

/** The current attempt of a quiz page. */
export interface Attempt {
	/** The shuffling seed, so a reload shows the same order. */
	seed: number;
	/** Practice (check each answer) or test (submit at the end). */
	mode: 'practice' | 'test';
	/** Set when a test has been submitted. */
	submitted: boolean;
	/** When the attempt started (ms since the epoch). */
	started: number;
	/** When its mode or its submission last changed; of two copies, the newer wins. */
	updated: number;
}

/**
 * How well the learner remembered a question, on the scale of FSRS (the scheduler of the review
 * page): 1 again (wrong), 2 hard (partly right), 3 good (right), 4 easy. The numbers are
 * ts-fsrs's `Rating`, kept here so that quiz pages need not load the scheduler to record one.
 */
export type Grade = 1 | 2 | 3 | 4;

/** One graded answer of a question: a check in practice, a submitted test, a review. */
export interface ReviewLog {
	/** When (ms since the epoch). */
	at: number;
	grade: Grade;
}

/** Everything stored. */
export interface Progress {
	version: typeof PROGRESS_VERSION;
	/** Progress per question id. */
	questions: Record<string, QuestionProgress>;
	/** The current attempt of each quiz page, keyed by quiz id (`docker`, `final`, a chapter's quiz). */
	attempts: Record<string, Attempt>;
	/** Each question's graded answers, oldest first: what the review page schedules from. */
	reviews: Record<string, ReviewLog[]>;
}

/** At most this many graded answers are kept per question: enough for years of reviews. */
export const MAX_REVIEWS = 100;

/** The field each answer type holds, and how to check it. */
const answerFields: Record<Answer['type'], [string, Check]> = {
	single: ['choice', nullable(isString)],
	multiple: ['choices', arrayOf(isString)],
	truefalse: ['value', nullable(isBoolean)],
	matching: ['matches', recordOf(nullable(isString))],
	ordering: ['order', arrayOf(isString)],
	categorize: ['placement', recordOf(nullable(isString))],
	short: ['text', isString],
	numeric: ['value', nullable(isNumber)],
	lab: ['commands', isString],
};

const isAnswer: Check = (value) => {
	if (!isObject(value) || typeof value['type'] !== 'string') return false;
	if (!Object.hasOwn(answerFields, value['type'])) return false;
	const [field, check] = answerFields[value['type'] as Answer['type']];
	// A lab's answer has its edited files beside its commands.
	if (value['type'] === 'lab' && !recordOf(isString)(value['files'])) return false;
	return check(value[field]);
};

const isQuestionProgress: Check = (value) =>
	isObject(value) &&
	isAnswer(value['answer']) &&
	isNumber(value['updated']) &&
	(value['points'] === undefined || isNumber(value['points'])) &&
	(value['max'] === undefined || isNumber(value['max']));

const isAttemptOf =
	(version: number): Check =>
	(value) =>
		isObject(value) &&
		Number.isInteger(value['seed']) &&
		(value['seed'] as number) >= 0 &&
		(value['mode'] === 'practice' || value['mode'] === 'test') &&
		(value['submitted'] === undefined || typeof value['submitted'] === 'boolean') &&
		isNumber(value['started']) &&
		(version < 2 || isNumber(value['updated']));

const isReviewLog: Check = (value) =>
	isObject(value) && isNumber(value['at']) && [1, 2, 3, 4].includes(value['grade'] as number);

/** Whether data has the shape of this version's progress, every entry included. */
export function isProgress(value: unknown): value is Progress {
	return (
		isObject(value) &&
		value['version'] === PROGRESS_VERSION &&
		recordOf(isQuestionProgress)(value['questions']) &&
		recordOf(isAttemptOf(PROGRESS_VERSION))(value['attempts']) &&
		recordOf(arrayOf(isReviewLog))(value['reviews'])
	);
}

/**
 * Why stored data was set aside: all of it (`corrupt`: not JSON; `foreign`: not our progress;
 * `old`: from a version too old to read; `newer`: from a newer version of the site), or `partial`:
 * some entries that this page cannot use, the others kept.
 */
export type ProgressProblem = 'corrupt' | 'foreign' | 'old' | 'newer' | 'partial';

/** What reading the store gives: usable progress, and what was set aside, if anything. */
export interface LoadedProgress {
	progress: Progress;
	problem?: ProgressProblem;
	/** The raw text that could not be used, so the page can offer it for download. */
	setAside?: string;
}

/** Why progress was not kept: no storage at all (private modes, policies), or it is full. */
export type SaveFailure = 'unavailable' | 'full';

/**
 * Where progress is kept: the device's storage as the islands use it (`deviceStorage()`), or a
 * plain object in tests. Reading never throws; a write that is refused says why.
 */
export interface ProgressStore {
	/** The stored text, or `null` when there is none or it cannot be read. */
	read(key: string): string | null;
	/** Stores the text; `null` when it is kept, else why not (no storage at all, or it is full). */
	write(key: string, text: string): SaveFailure | null;
}

/** Progress with nothing in it. */
export function emptyProgress(): Progress {
	return { version: PROGRESS_VERSION, questions: {}, attempts: {}, reviews: {} };
}

/** The entries of a stored mapping that pass the check, and whether any did not. */
function validEntries<T>(value: unknown, check: Check, fix: (entry: T) => T = (entry) => entry) {
	if (value === undefined) return { entries: {} as Record<string, T>, dropped: false };
	if (!isObject(value)) return { entries: {} as Record<string, T>, dropped: true };
	const kept = Object.entries(value).filter(([, entry]) => check(entry));
	return {
		// `fromEntries` defines each key as the object's own, even `__proto__`.
		entries: Object.fromEntries(kept.map(([key, entry]) => [key, fix(entry as T)])) as Record<
			string,
			T
		>,
		dropped: kept.length < Object.keys(value).length,
	};
}

/** The grade version 1 had no record of, read back from the points of a checked answer. */
export function gradeOfPoints(points: number, max: number): Grade {
	if (max > 0 && points >= max - 1e-9) return 3;
	return points > 0 ? 2 : 1;
}

/**
 * Reads the entries of version 1 or 2. Version 1 had no review history: each answer it had
 * checked becomes the first graded answer of its question, so old progress is scheduled too.
 */
function readEntries(data: Record<string, unknown>, version: number) {
	const questions = validEntries<QuestionProgress>(data['questions'], isQuestionProgress);
	const attempts = validEntries<Attempt>(data['attempts'], isAttemptOf(version), (attempt) => ({
		seed: attempt.seed,
		mode: attempt.mode,
		submitted: attempt.submitted ?? false,
		started: attempt.started,
		updated: version < 2 ? attempt.started : attempt.updated,
	}));
	let reviews: Record<string, ReviewLog[]> = {};
	let droppedReviews = false;
	if (version < 2) {
		reviews = Object.fromEntries(
			Object.entries(questions.entries)
				.filter(([, entry]) => entry.points !== undefined && entry.max !== undefined)
				.map(([id, entry]) => [
					id,
					[{ at: entry.updated, grade: gradeOfPoints(entry.points!, entry.max!) }],
				])
		);
	} else if (data['reviews'] !== undefined) {
		if (!isObject(data['reviews'])) droppedReviews = true;
		else {
			for (const [id, logs] of Object.entries(data['reviews'])) {
				const valid = Array.isArray(logs) ? (logs as unknown[]).filter(isReviewLog) : [];
				if (!Array.isArray(logs) || valid.length < logs.length) droppedReviews = true;
				if (valid.length > 0) reviews = { ...reviews, [id]: tidyLogs(valid as ReviewLog[]) };
			}
		}
	}
	return {
		progress: {
			version: PROGRESS_VERSION,
			questions: questions.entries,
			attempts: attempts.entries,
			reviews,
		} satisfies Progress,
		dropped: questions.dropped || attempts.dropped || droppedReviews,
	};
}

/**
 * Reads and validates stored progress text. Never throws: corrupt JSON, data of another shape or
 * of a version it cannot read are set aside whole, with the reason, and the learner starts afresh;
 * single entries it cannot use are set aside (`partial`) and the others kept.
 */
export function parseProgress(text: string | null): LoadedProgress {
	if (text === null || text === '') return { progress: emptyProgress() };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { progress: emptyProgress(), problem: 'corrupt', setAside: text };
	}
	const version = isObject(data) ? data['version'] : undefined;
	const whole = (problem: ProgressProblem): LoadedProgress => ({
		progress: emptyProgress(),
		problem,
		setAside: text,
	});
	if (!isObject(data) || typeof version !== 'number' || !Number.isInteger(version)) {
		return whole('foreign');
	}
	if (version < 1) return whole('old');
	if (version > PROGRESS_VERSION) return whole('newer');
	const { progress, dropped } = readEntries(data, version);
	return dropped ? { progress, problem: 'partial', setAside: text } : { progress };
}

/** Reads progress from a store; without a store (server rendering) there is none. */
export function loadProgress(store: ProgressStore | undefined): LoadedProgress {
	return parseProgress(store?.read(PROGRESS_KEY) ?? null);
}

/** Writes progress; `null` when it is kept, else why the store refused it. */
export function saveProgress(
	store: ProgressStore | undefined,
	progress: Progress
): SaveFailure | null {
	return store ? store.write(PROGRESS_KEY, JSON.stringify(progress)) : 'unavailable';
}

/** Records an answer (and its score, when checked) for a question. */
export function recordAnswer(
	progress: Progress,
	questionId: string,
	answer: Answer,
	score?: { points: number; max: number },
	now = Date.now()
): Progress {
	const entry: QuestionProgress = {
		answer,
		updated: now,
		...(score ? { points: score.points, max: score.max } : {}),
	};
	return { ...progress, questions: { ...progress.questions, [questionId]: entry } };
}

/**
 * A graded answer within this long of the question's previous one is not recorded: the first
 * verdict of a sitting is what the learner remembered, and a right answer given after a wrong one
 * was checked and explained tells the scheduler nothing about memory.
 */
export const SITTING_MS = 60 * 60 * 1000;

/** Records how well the learner answered a question, for the review page's schedule. */
export function recordReview(
	progress: Progress,
	questionId: string,
	grade: Grade,
	now: number
): Progress {
	const logs = Object.hasOwn(progress.reviews, questionId) ? progress.reviews[questionId]! : [];
	const last = logs.at(-1);
	if (last && now - last.at < SITTING_MS && now >= last.at) return progress;
	return {
		...progress,
		reviews: { ...progress.reviews, [questionId]: tidyLogs([...logs, { at: now, grade }]) },
	};
}

/** Logs in time order, each once, the newest `MAX_REVIEWS` of them. */
function tidyLogs(logs: readonly ReviewLog[]): ReviewLog[] {
	const seen = new Set<string>();
	return [...logs]
		.sort((a, b) => a.at - b.at || a.grade - b.grade)
		.filter((log) => {
			const key = `${log.at}:${log.grade}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.slice(-MAX_REVIEWS)
		.map(({ at, grade }) => ({ at, grade }));
}

/** Forgets the answers to the given questions and the attempt of a quiz; reviews stay. */
export function resetQuiz(
	progress: Progress,
	quizId: string,
	questionIds: readonly string[]
): Progress {
	const questions = { ...progress.questions };
	for (const id of questionIds) delete questions[id];
	const attempts = { ...progress.attempts };
	delete attempts[quizId];
	return { ...progress, questions, attempts };
}

/** The entries of a record changed by another copy: the newer of each wins. */
function mergeNewer<T extends { updated: number }>(
	mine: Record<string, T>,
	theirs: Record<string, T>,
	base: Record<string, T> | undefined
): Record<string, T> {
	let merged = mine;
	const set = (change: (record: Record<string, T>) => void) => {
		if (merged === mine) merged = { ...mine };
		change(merged);
	};
	for (const [id, entry] of Object.entries(theirs)) {
		const own = Object.hasOwn(mine, id) ? mine[id] : undefined;
		if (!own || own.updated < entry.updated) set((record) => (record[id] = entry));
	}
	// What the other copy removed (a quiz started again) goes here too, unless changed here since.
	for (const [id, was] of Object.entries(base ?? {})) {
		const own = Object.hasOwn(mine, id) ? mine[id] : undefined;
		if (!Object.hasOwn(theirs, id) && own && own.updated <= was.updated) {
			set((record) => delete record[id]);
		}
	}
	return merged;
}

/**
 * Two copies of the progress made one, question by question: the newer answer of each question
 * and the newer attempt of each quiz win, and the review histories are joined. With `base`, the
 * copy `theirs` was made from, the answers `theirs` removed since (a quiz started again) are
 * removed here as well, unless this copy changed them later. Returns `mine` itself when `theirs` brings nothing new, so that two tabs
 * that keep each other up to date stop once they agree.
 */
export function mergeProgress(mine: Progress, theirs: Progress, base?: Progress): Progress {
	const questions = mergeNewer(mine.questions, theirs.questions, base?.questions);
	// No page removes an attempt (starting afresh replaces it), so none is removed here either.
	const attempts = mergeNewer(mine.attempts, theirs.attempts, undefined);
	let reviews = mine.reviews;
	for (const [id, logs] of Object.entries(theirs.reviews)) {
		const own = Object.hasOwn(mine.reviews, id) ? mine.reviews[id]! : [];
		const joined = tidyLogs([...own, ...logs]);
		if (
			joined.length !== own.length ||
			joined.some((log, i) => log.at !== own[i]!.at || log.grade !== own[i]!.grade)
		) {
			reviews = { ...reviews, [id]: joined };
		}
	}
	if (questions === mine.questions && attempts === mine.attempts && reviews === mine.reviews) {
		return mine;
	}
	return { ...mine, questions, attempts, reviews };
}

/** Progress as a JSON file for the learner to keep or move to another device. */
export function exportProgress(progress: Progress): string {
	return `${JSON.stringify(progress, null, 2)}\n`;
}

/**
 * Merges an exported file into the current progress (the newer answer of each question wins, the
 * review histories are joined). Files of version 1 import too. Returns the problem instead when
 * the file holds no progress at all; entries it cannot use are left out, and `partial` says so.
 */
export function importProgress(
	current: Progress,
	text: string
): { progress: Progress; partial: boolean } | { problem: ProgressProblem } {
	const loaded = parseProgress(text);
	if (loaded.problem && loaded.problem !== 'partial') return { problem: loaded.problem };
	return {
		progress: mergeProgress(current, loaded.progress),
		partial: loaded.problem === 'partial',
	};
}
