import { noTries, type Tries } from './attempt.ts';
import {
	importProgress,
	recordAnswer,
	resetQuiz,
	type Attempt,
	type LoadedProgress,
	type Progress,
	type ProgressProblem,
} from './progress.ts';
import {
	isFullMarks,
	matchingOptions,
	scoreQuestion,
	type Answer,
	type Score,
	type ScoreOptions,
} from './score.ts';
import type { Question, Topic } from './schema.ts';
import { seedFrom, shuffle } from './shuffle.ts';

/**
 * What a quiz page needs between the banks and the screen: which questions, in which order, the
 * order of their parts, the totals, and how the learner's actions change what is kept. Everything
 * depends only on its inputs and the seed; the island adds the clock, the dice and the storage.
 */

/** The questions of a quiz in the attempt's order. `perTopic` draws that many from each topic. */
export function drawQuestions(
	questions: readonly Question[],
	seed: number,
	perTopic?: number
): Question[] {
	const ordered = shuffle(questions, seed, 'questions');
	if (perTopic === undefined) return ordered;
	const taken = new Map<Topic, number>();
	return ordered.filter((question) => {
		const count = taken.get(question.topic) ?? 0;
		taken.set(question.topic, count + 1);
		return count < perTopic;
	});
}

/** The ids of a question's parts in the order they are shown: choices, options, items. */
export interface Layout {
	/** Choices of single and multiple choice questions. */
	choices: string[];
	/** Left items of a matching question, and the options offered for each. */
	left: string[];
	options: string[];
	/** Items of ordering (their starting order) and categorize questions. */
	items: string[];
}

/** How a question's parts are laid out for this attempt (pinned choices stay put). */
export function layoutQuestion(question: Question, seed: number): Layout {
	const salt = question.id;
	const layout: Layout = { choices: [], left: [], options: [], items: [] };
	switch (question.type) {
		case 'single':
		case 'multiple':
			layout.choices = shuffle(question.choices, seed, salt, (c) => c.pinned).map((c) => c.id);
			break;
		case 'matching':
			layout.left = shuffle(question.pairs, seed, salt).map((p) => p.id);
			layout.options = shuffle(matchingOptions(question), seed, `${salt}:options`).map((o) => o.id);
			break;
		case 'ordering': {
			const ids = question.items.map((item) => item.id);
			let start = shuffle(ids, seed, salt);
			// A starting order that is already right would give the answer away.
			for (let turn = 1; start.every((id, index) => id === ids[index]); turn++) {
				start = shuffle(ids, seed, `${salt}:${turn}`);
			}
			layout.items = start;
			break;
		}
		case 'categorize':
			layout.items = shuffle(question.items, seed, salt).map((item) => item.id);
			break;
		default:
			break;
	}
	return layout;
}

/** The answer a question starts with: nothing chosen (ordering: the shuffled starting order). */
export function emptyAnswer(question: Question, layout: Layout): Answer {
	switch (question.type) {
		case 'single':
			return { type: 'single', choice: null };
		case 'multiple':
			return { type: 'multiple', choices: [] };
		case 'truefalse':
			return { type: 'truefalse', value: null };
		case 'matching':
			return { type: 'matching', matches: {} };
		case 'ordering':
			return { type: 'ordering', order: layout.items };
		case 'categorize':
			return { type: 'categorize', placement: {} };
		case 'short':
			return { type: 'short', text: '' };
		case 'numeric':
			return { type: 'numeric', value: null };
	}
}

/** Whether the learner has given a complete answer (an ordering always counts as given). */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
	if (!answer || answer.type !== question.type) return false;
	switch (answer.type) {
		case 'single':
			return answer.choice !== null;
		case 'multiple':
			return answer.choices.length > 0;
		case 'truefalse':
			return answer.value !== null;
		case 'matching':
			return question.type === 'matching' && question.pairs.every((p) => answer.matches[p.id]);
		case 'ordering':
			return answer.order.length > 0;
		case 'categorize':
			return question.type === 'categorize' && question.items.every((i) => answer.placement[i.id]);
		case 'short':
			return answer.text.trim() !== '';
		case 'numeric':
			// Text that cannot be read counts as given: checking it says why, instead of a button
			// that stays disabled for no reason the learner can see.
			return (
				(answer.value !== null && Number.isFinite(answer.value)) ||
				(typeof answer.text === 'string' && answer.text.trim() !== '')
			);
	}
}

/** Points and maximum, for the whole quiz or one topic. */
export interface Tally {
	points: number;
	max: number;
}

/** The results of a quiz: totals, a tally per topic, and the questions not fully right. */
export interface Results extends Tally {
	byTopic: Partial<Record<Topic, Tally>>;
	scores: Map<string, Score>;
	misses: Question[];
}

/** Scoring settings of a quiz: the learner's language and each bank's negative marking. */
export interface QuizScoring {
	lang?: ScoreOptions['lang'];
	/** The `penalty` of each topic's bank. */
	penalties?: Partial<Record<Topic, number>>;
}

/** Scores one question with the settings of its bank. */
export function scoreInQuiz(
	question: Question,
	answer: Answer | undefined,
	{ lang, penalties }: QuizScoring = {}
): Score {
	const options: ScoreOptions = { penalty: penalties?.[question.topic] ?? 0 };
	if (lang) options.lang = lang;
	return scoreQuestion(question, answer, options);
}

/** Scores every question of a quiz against the stored answers. */
export function results(
	questions: readonly Question[],
	progress: Progress,
	scoring: QuizScoring = {}
): Results {
	const byTopic: Partial<Record<Topic, Tally>> = {};
	const scores = new Map<string, Score>();
	const misses: Question[] = [];
	let points = 0;
	let max = 0;
	for (const question of questions) {
		const score = scoreInQuiz(question, progress.questions[question.id]?.answer, scoring);
		scores.set(question.id, score);
		const tally = (byTopic[question.topic] ??= { points: 0, max: 0 });
		tally.points += score.points;
		tally.max += score.max;
		points += score.points;
		max += score.max;
		if (!isFullMarks(score)) misses.push(question);
	}
	return { points, max, byTopic, scores, misses };
}

/** A percentage for people: whole numbers, never below zero. */
export function percentage({ points, max }: Tally): number {
	return max > 0 ? Math.max(0, Math.round((points / max) * 100)) : 0;
}

/** The seed a class shares through `?seed=…` (a number, or any word), if the address has one. */
export function seedFromQuery(search: string): number | undefined {
	const value = new URLSearchParams(search).get('seed');
	if (!value) return undefined;
	return /^\d+$/.test(value) ? Number(value) >>> 0 : seedFrom(value);
}

/** A question of an attempt, with the order of its parts. */
export interface DrawnQuestion {
	question: Question;
	layout: Layout;
}

/** The questions of an attempt in its order, each with its layout. */
export function drawAttempt(
	questions: readonly Question[],
	seed: number,
	perTopic?: number
): DrawnQuestion[] {
	return drawQuestions(questions, seed, perTopic).map((question) => ({
		question,
		layout: layoutQuestion(question, seed),
	}));
}

/** The island's state: every quiz's progress once read from the device, and what to say of it. */
export interface QuizState {
	/** The quiz this page shows. */
	quizId: string;
	/** Every quiz's progress, once read from the device; until then, none. */
	progress?: Progress;
	/** Stored data that could not be used, kept for the learner to download. */
	setAside?: { problem: ProgressProblem; text: string };
	/** What the last import of a file did, for the tools' status line. */
	imported?: 'imported' | 'importFailed';
	/** Practice: the tries at each question since the page opened, for hint-then-answer feedback. */
	tries?: Record<string, Tries>;
}

/** What the learner (or the page, on opening) does to a quiz. */
export type QuizAction =
	/** The page has read the device: keep the attempt, or start one (a new seed, or the shared one). */
	| {
			type: 'open';
			loaded: LoadedProgress;
			/** The mode a new attempt starts in. */
			mode: Attempt['mode'];
			/** The seed of the address, which replaces an attempt of another seed. */
			sharedSeed: number | undefined;
			/** A fresh seed, for a new attempt without a shared one. */
			seed: number;
			now: number;
	  }
	/** A new answer to a question (an unchecked one: no score kept). */
	| { type: 'answer'; questionId: string; answer: Answer; now: number }
	/** Practice: the answer, checked, with its score. */
	| { type: 'check'; questionId: string; answer: Answer; score: Score; now: number }
	/** Practice: the checked answer back to being edited. */
	| { type: 'retry'; questionId: string; answer: Answer; now: number }
	/** Practice: show the right answer of a checked question now, without another try. */
	| { type: 'reveal'; questionId: string }
	/** Practice or test; switching always leaves a test unsubmitted. */
	| { type: 'mode'; mode: Attempt['mode'] }
	/** Test: hand in every answer. */
	| { type: 'submit' }
	/** Forget this quiz's answers and start again, in the same mode, with a new seed. */
	| { type: 'restart'; questionIds: readonly string[]; seed: number; now: number }
	/** Merge an exported file; the newer answer of each question wins. */
	| { type: 'import'; text: string };

/** A new attempt. */
function freshAttempt(seed: number, mode: Attempt['mode'], now: number): Attempt {
	return { seed, mode, submitted: false, started: now };
}

function withAttempt(progress: Progress, quizId: string, attempt: Attempt): Progress {
	return { ...progress, attempts: { ...progress.attempts, [quizId]: attempt } };
}

/** The progress once the page opens: the stored attempt, unless there is none or another seed is shared. */
function open(
	progress: Progress,
	quizId: string,
	action: Extract<QuizAction, { type: 'open' }>
): Progress {
	const current = progress.attempts[quizId];
	const { sharedSeed } = action;
	if (current && (sharedSeed === undefined || sharedSeed === current.seed)) return progress;
	return withAttempt(
		progress,
		quizId,
		freshAttempt(sharedSeed ?? action.seed, current?.mode ?? action.mode, action.now)
	);
}

/**
 * How each action changes the island's state. Before the page has read the device, only `open`
 * does anything, so nothing the learner cannot see yet is kept over their stored progress.
 */
export function quizReducer(state: QuizState, action: QuizAction): QuizState {
	if (action.type === 'open') {
		const { loaded } = action;
		return {
			quizId: state.quizId,
			progress: open(loaded.progress, state.quizId, action),
			...(loaded.problem
				? { setAside: { problem: loaded.problem, text: loaded.setAside ?? '' } }
				: {}),
		};
	}
	const { progress, quizId } = state;
	const attempt = progress?.attempts[quizId];
	if (!progress || !attempt) return state;
	const next = (changed: Progress): QuizState => ({ ...state, progress: changed });
	switch (action.type) {
		case 'answer':
		case 'retry':
			return next(recordAnswer(progress, action.questionId, action.answer, undefined, action.now));
		case 'check': {
			const tries = state.tries?.[action.questionId] ?? noTries;
			const wrong = tries.wrong + (isFullMarks(action.score) ? 0 : 1);
			return {
				...next(recordAnswer(progress, action.questionId, action.answer, action.score, action.now)),
				tries: { ...state.tries, [action.questionId]: { ...tries, wrong } },
			};
		}
		case 'reveal': {
			const tries = state.tries?.[action.questionId] ?? noTries;
			return {
				...state,
				tries: { ...state.tries, [action.questionId]: { ...tries, revealed: true } },
			};
		}
		case 'mode':
			return next(
				withAttempt(progress, quizId, { ...attempt, mode: action.mode, submitted: false })
			);
		case 'submit':
			return next(withAttempt(progress, quizId, { ...attempt, submitted: true }));
		case 'restart': {
			const tries = { ...state.tries };
			for (const id of action.questionIds) delete tries[id];
			return {
				...next(
					withAttempt(
						resetQuiz(progress, quizId, action.questionIds),
						quizId,
						freshAttempt(action.seed, attempt.mode, action.now)
					)
				),
				tries,
			};
		}
		case 'import': {
			const result = importProgress(progress, action.text);
			return 'progress' in result
				? { ...state, progress: result.progress, imported: 'imported' }
				: { ...state, imported: 'importFailed' };
		}
	}
}

/** One question as the page shows it now. */
export interface SheetRow extends DrawnQuestion {
	/** The answer given, or the one it starts with. */
	answer: Answer;
	/** Whether the answer is complete, so it can be checked. */
	complete: boolean;
	/** Practice: its score, once checked (the inputs lock until the learner retries). */
	score?: Score;
	/** Practice: the tries at it since the page opened. */
	tries: Tries;
}

/** A quiz as the page shows it now. */
export interface Sheet {
	/** Every quiz's progress, as read and changed since. */
	progress: Progress;
	attempt: Attempt;
	rows: SheetRow[];
	/** How many questions the learner has answered (an ordering counts once they move an item). */
	answered: number;
	/** A submitted test: the results take the questions' place. */
	showResults: boolean;
}

/** What the page shows of an opened quiz: each question's answer and score, and the totals. */
export function sheetOf(
	state: QuizState,
	drawn: readonly DrawnQuestion[],
	scoring: QuizScoring
): Sheet | undefined {
	const { progress } = state;
	const attempt = progress?.attempts[state.quizId];
	if (!progress || !attempt) return undefined;
	const stored = progress.questions;
	const rows = drawn.map(({ question, layout }): SheetRow => {
		const entry = stored[question.id];
		const answer = entry?.answer ?? emptyAnswer(question, layout);
		const row: SheetRow = {
			question,
			layout,
			answer,
			complete: isAnswered(question, answer),
			tries: state.tries?.[question.id] ?? noTries,
		};
		if (attempt.mode === 'practice' && entry?.points !== undefined)
			row.score = scoreInQuiz(question, answer, scoring);
		return row;
	});
	return {
		progress,
		attempt,
		rows,
		answered: drawn.filter(({ question }) => isAnswered(question, stored[question.id]?.answer))
			.length,
		showResults: attempt.mode === 'test' && attempt.submitted,
	};
}
