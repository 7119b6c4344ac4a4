// zod's small build: this module runs in the quiz pages, where every kilobyte counts.
import * as z from 'zod/mini';
import type { Answer } from './score.ts';

/**
 * A learner's progress, kept on their device. It is keyed by question id, not by page or
 * language, so switching between Italian and English keeps every answer.
 */

/** Bump when the stored shape changes; older data is set aside, never misread. */
export const PROGRESS_VERSION = 1;
/** The `localStorage` key. */
export const PROGRESS_KEY = 'virtualizzazione-docker:quiz-progress';

const AnswerSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('single'), choice: z.nullable(z.string()) }),
	z.object({ type: z.literal('multiple'), choices: z.array(z.string()) }),
	z.object({ type: z.literal('truefalse'), value: z.nullable(z.boolean()) }),
	z.object({ type: z.literal('matching'), matches: z.record(z.string(), z.nullable(z.string())) }),
	z.object({ type: z.literal('ordering'), order: z.array(z.string()) }),
	z.object({
		type: z.literal('categorize'),
		placement: z.record(z.string(), z.nullable(z.string())),
	}),
	z.object({ type: z.literal('short'), text: z.string() }),
	z.object({ type: z.literal('numeric'), value: z.nullable(z.number()) }),
]);

const QuestionProgressSchema = z.object({
	/** The last answer given. */
	answer: AnswerSchema,
	/** Points of the last checked answer, if it was checked. */
	points: z.optional(z.number()),
	/** Points of a fully right answer. */
	max: z.optional(z.number()),
	/** When it was last answered (ms since the epoch). */
	updated: z.number(),
});
export type QuestionProgress = z.output<typeof QuestionProgressSchema>;

const AttemptSchema = z.object({
	/** The shuffling seed, so a reload shows the same order. */
	seed: z.int().check(z.nonnegative()),
	/** Practice (check each answer) or test (submit at the end). */
	mode: z.enum(['practice', 'test']),
	/** Set when a test has been submitted. */
	submitted: z._default(z.boolean(), false),
	/** When the attempt started (ms since the epoch). */
	started: z.number(),
});
export type Attempt = z.output<typeof AttemptSchema>;

export const ProgressSchema = z.object({
	version: z.literal(PROGRESS_VERSION),
	/** Progress per question id. */
	questions: z.record(z.string(), QuestionProgressSchema),
	/** The current attempt of each quiz page, keyed by quiz id (`docker`, `final`, a chapter's quiz). */
	attempts: z.record(z.string(), AttemptSchema),
});
export type Progress = z.output<typeof ProgressSchema>;

/** Why stored data was set aside. */
export type ProgressProblem = 'corrupt' | 'foreign' | 'old';

/** What reading the store gives: usable progress, and what was set aside, if anything. */
export interface LoadedProgress {
	progress: Progress;
	problem?: ProgressProblem;
	/** The raw text that could not be used, so the page can offer it for download. */
	setAside?: string;
}

/** The part of the Web Storage API we use, so tests can pass a plain object. */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
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
	const parsed = ProgressSchema.safeParse(data);
	if (!parsed.success) return { progress: emptyProgress(), problem: 'foreign', setAside: text };
	return { progress: parsed.data };
}

/** Reads progress from a store; a store that throws (private mode, quota) counts as empty. */
export function loadProgress(store: KeyValueStore | undefined): LoadedProgress {
	try {
		return parseProgress(store?.getItem(PROGRESS_KEY) ?? null);
	} catch {
		return { progress: emptyProgress() };
	}
}

/** Writes progress; returns false when the store refuses (full, or disabled). */
export function saveProgress(store: KeyValueStore | undefined, progress: Progress): boolean {
	try {
		store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
		return store !== undefined;
	} catch {
		return false;
	}
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
