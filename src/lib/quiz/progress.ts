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
import type { Answer } from './score.ts';

/**
 * A learner's progress, kept on their device. It is keyed by question id, not by page or
 * language, so switching between Italian and English keeps every answer.
 *
 * The shape is checked by hand rather than with zod: this module runs in every quiz page, and
 * even zod's small build would add 8 KB (gzip) there, more than the checks below.
 */

/** Bump when the stored shape changes; older data is set aside, never misread. */
export const PROGRESS_VERSION = 1;
/** The `localStorage` key. */
export const PROGRESS_KEY = 'virtualizzazione-docker:quiz-progress';

/** What is kept for one question. */
export interface QuestionProgress {
	/** The last answer given. */
	answer: Answer;
	/** Points of the last checked answer, if it was checked. */
	points?: number;
	/** Points of a fully right answer. */
	max?: number;
	/** When it was last answered (ms since the epoch). */
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
}

/** Everything stored. */
export interface Progress {
	version: typeof PROGRESS_VERSION;
	/** Progress per question id. */
	questions: Record<string, QuestionProgress>;
	/** The current attempt of each quiz page, keyed by quiz id (`docker`, `final`, a chapter's quiz). */
	attempts: Record<string, Attempt>;
}

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
};

const isAnswer: Check = (value) => {
	if (!isObject(value) || typeof value['type'] !== 'string') return false;
	const field = answerFields[value['type'] as Answer['type']] as [string, Check] | undefined;
	return field !== undefined && field[1](value[field[0]]);
};

const isQuestionProgress: Check = (value) =>
	isObject(value) &&
	isAnswer(value['answer']) &&
	isNumber(value['updated']) &&
	(value['points'] === undefined || isNumber(value['points'])) &&
	(value['max'] === undefined || isNumber(value['max']));

const isAttempt: Check = (value) =>
	isObject(value) &&
	Number.isInteger(value['seed']) &&
	(value['seed'] as number) >= 0 &&
	(value['mode'] === 'practice' || value['mode'] === 'test') &&
	(value['submitted'] === undefined || typeof value['submitted'] === 'boolean') &&
	isNumber(value['started']);

/** Whether stored data has the shape of this version's progress. */
export function isProgress(value: unknown): value is Progress {
	return (
		isObject(value) &&
		value['version'] === PROGRESS_VERSION &&
		recordOf(isQuestionProgress)(value['questions']) &&
		recordOf(isAttempt)(value['attempts'])
	);
}

/** Why stored data was set aside. */
export type ProgressProblem = 'corrupt' | 'foreign' | 'old';

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
	return { version: PROGRESS_VERSION, questions: {}, attempts: {} };
}

/**
 * Reads and validates stored progress text. Never throws: corrupt JSON, data of another shape, and
 * data of an older version are set aside with the reason, and the learner starts afresh.
 */
export function parseProgress(text: string | null): LoadedProgress {
	if (text === null || text === '') return { progress: emptyProgress() };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { progress: emptyProgress(), problem: 'corrupt', setAside: text };
	}
	const version = (data as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version < PROGRESS_VERSION) {
		return { progress: emptyProgress(), problem: 'old', setAside: text };
	}
	if (!isProgress(data)) return { progress: emptyProgress(), problem: 'foreign', setAside: text };
	for (const attempt of Object.values(data.attempts)) attempt.submitted ??= false;
	return { progress: data };
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

/** Forgets the answers to the given questions and the attempt of a quiz. */
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

/** Progress as a JSON file for the learner to keep or move to another device. */
export function exportProgress(progress: Progress): string {
	return `${JSON.stringify(progress, null, 2)}\n`;
}

/**
 * Merges an exported file into the current progress (the newer answer of each question wins).
 * Returns the problem instead when the file is not progress of this version.
 */
export function importProgress(
	current: Progress,
	text: string
): { progress: Progress } | { problem: ProgressProblem } {
	const loaded = parseProgress(text);
	if (loaded.problem) return { problem: loaded.problem };
	const questions = { ...current.questions };
	for (const [id, entry] of Object.entries(loaded.progress.questions)) {
		const mine = questions[id];
		if (!mine || mine.updated < entry.updated) questions[id] = entry;
	}
	return {
		progress: {
			...current,
			questions,
			attempts: { ...current.attempts, ...loaded.progress.attempts },
		},
	};
}
