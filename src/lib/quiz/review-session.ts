/**
 * The review page between the device and the screen: the questions due when the page opened, the
 * answers being given, and each check recorded as one more graded answer of its question, in the
 * same progress as the quiz pages. Pure, like `session.ts`: the island adds the clock, the dice,
 * the storage and the schedule (`review.ts`), which it passes in as the list of questions due.
 */
import {
	recordReview,
	type LoadedProgress,
	type Progress,
	type ProgressProblem,
} from './progress.ts';
import type { Tries } from './attempt.ts';
import type { Answer, Score } from './score.ts';
import type { Question } from './schema.ts';
import {
	emptyAnswer,
	fitProgress,
	gradeOf,
	isAnswered,
	layoutQuestion,
	mergeStored,
	type SheetRow,
} from './session.ts';

/** The tries of a question on the review page: its answer is shown as soon as it is checked. */
const reviewTries: Tries = { wrong: 0, revealed: true };

/** The review page's state. */
export interface ReviewState {
	/** Every quiz's progress, once read from the device; until then, none. */
	progress?: Progress;
	/** Stored data that could not be used, kept for the learner to download. */
	setAside?: { problem: ProgressProblem; text: string };
	/**
	 * The ids of the questions due when the page opened, most overdue first. They stay listed once
	 * reviewed, with their verdict, until the page is opened again.
	 */
	queue: string[];
	/** The order of the choices and items of this visit. */
	seed: number;
	/** The answers given on this page (the quizzes' own answers are left alone). */
	answers: Record<string, Answer>;
	/** The scores of the questions checked on this page. */
	checked: Record<string, Score>;
}

/** What the learner (or the page, on opening) does on the review page. */
export type ReviewAction =
	| {
			type: 'open';
			loaded: LoadedProgress;
			/** Every question of the banks, which the stored answers are made to fit. */
			questions: readonly Question[];
			/** The ids of the questions due today, as the schedule has them for the loaded progress. */
			due: readonly string[];
			seed: number;
	  }
	/** Another tab has stored its progress: see `mergeStored()`. */
	| { type: 'merge'; text: string | null; base: string | null; questions: readonly Question[] }
	| { type: 'answer'; questionId: string; answer: Answer }
	/** The answer checked: its grade joins the question's reviews, and the question is done for today. */
	| { type: 'check'; questionId: string; answer: Answer; score: Score; now: number };

/** The state before the page has read the device. */
export function initialReview(): ReviewState {
	return { queue: [], seed: 0, answers: {}, checked: {} };
}

/** How each action changes the review page; before the device is read, only `open` counts. */
export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
	if (action.type === 'open') {
		const { loaded } = action;
		const fitted = fitProgress(loaded.progress, action.questions);
		const problem = loaded.problem ?? (fitted.changed.length > 0 ? 'partial' : undefined);
		return {
			...initialReview(),
			progress: fitted.progress,
			queue: [...action.due],
			seed: action.seed,
			...(problem
				? { setAside: { problem, text: loaded.setAside ?? JSON.stringify(loaded.progress) } }
				: {}),
		};
	}
	const { progress } = state;
	if (!progress) return state;
	switch (action.type) {
		case 'merge': {
			const merged = mergeStored(progress, action.text, action.base, action.questions);
			return merged === progress ? state : { ...state, progress: merged };
		}
		case 'answer':
			if (Object.hasOwn(state.checked, action.questionId)) return state;
			return { ...state, answers: { ...state.answers, [action.questionId]: action.answer } };
		case 'check':
			if (Object.hasOwn(state.checked, action.questionId)) return state;
			return {
				...state,
				progress: recordReview(progress, action.questionId, gradeOf(action.score), action.now),
				answers: { ...state.answers, [action.questionId]: action.answer },
				checked: { ...state.checked, [action.questionId]: action.score },
			};
	}
}

/** The questions of the review as the page shows them: those of the queue the banks still have. */
export function reviewRows(state: ReviewState, questions: readonly Question[]): SheetRow[] {
	const byId = new Map(questions.map((question) => [question.id, question]));
	return state.queue.flatMap((id) => {
		const question = byId.get(id);
		if (!question) return [];
		const layout = layoutQuestion(question, state.seed);
		const answer = Object.hasOwn(state.answers, id)
			? state.answers[id]!
			: emptyAnswer(question, layout);
		// A review shows the answer at once: the point is to see what was forgotten.
		const row: SheetRow = {
			question,
			layout,
			answer,
			complete: isAnswered(question, answer),
			given: Object.hasOwn(state.answers, id),
			tries: reviewTries,
		};
		if (Object.hasOwn(state.checked, id)) row.score = state.checked[id]!;
		return [row];
	});
}
