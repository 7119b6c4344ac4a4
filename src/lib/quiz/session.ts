import { noTries, type Tries } from './attempt.ts';
import {
	emptyProgress,
	gradeOfPoints,
	importProgress,
	mergeProgress,
	parseProgress,
	recordAnswer,
	recordReview,
	resetQuiz,
	type Attempt,
	type Grade,
	type LoadedProgress,
	type Progress,
	type ProgressProblem,
} from './progress.ts';
import {
	isFullMarks,
	labAnswered,
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
		case 'lab':
			return { type: 'lab', commands: '', files: {} };
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
		case 'lab':
			return question.type === 'lab' && labAnswered(question, answer);
	}
}

/**
 * A stored answer made to fit the question as the bank has it now, or `undefined` when nothing of
 * it fits (another type of question). Ids the question no longer has are dropped, an ordering
 * gets the items it lacks at its end, and an answer that already fits comes back as it is, the
 * same object. Stored answers outlive bank edits and may come from a page with a bug, so nothing
 * that draws or scores a stored answer takes one that has not been through here.
 */
export function fitAnswer(question: Question, answer: Answer): Answer | undefined {
	if (answer.type !== question.type) return undefined;
	const known = (ids: readonly string[]) => (id: string) => ids.includes(id);
	const same = (a: readonly unknown[], b: readonly unknown[]) =>
		a.length === b.length && a.every((value, index) => value === b[index]);
	switch (question.type) {
		case 'single': {
			if (answer.type !== 'single' || answer.choice === null) return answer;
			return question.choices.some((c) => c.id === answer.choice)
				? answer
				: { type: 'single', choice: null };
		}
		case 'multiple': {
			if (answer.type !== 'multiple') return undefined;
			const choices = [...new Set(answer.choices.filter(known(question.choices.map((c) => c.id))))];
			return same(choices, answer.choices) ? answer : { type: 'multiple', choices };
		}
		case 'ordering': {
			if (answer.type !== 'ordering') return undefined;
			const ids = question.items.map((item) => item.id);
			const kept = [...new Set(answer.order.filter(known(ids)))];
			const order = [...kept, ...ids.filter((id) => !kept.includes(id))];
			return same(order, answer.order) ? answer : { type: 'ordering', order };
		}
		case 'matching': {
			if (answer.type !== 'matching') return undefined;
			const pairs = question.pairs.map((p) => p.id);
			const matches = fitPlaces(
				answer.matches,
				pairs,
				matchingOptions(question).map((o) => o.id)
			);
			return matches === answer.matches ? answer : { type: 'matching', matches };
		}
		case 'categorize': {
			if (answer.type !== 'categorize') return undefined;
			const items = question.items.map((i) => i.id);
			const categories = question.categories.map((c) => c.id);
			const placement = fitPlaces(answer.placement, items, categories);
			return placement === answer.placement ? answer : { type: 'categorize', placement };
		}
		default:
			return answer;
	}
}

/** Where each item was put, without the items and places the question no longer has. */
function fitPlaces(
	given: Record<string, string | null>,
	items: readonly string[],
	places: readonly string[]
): Record<string, string | null> {
	const entries = Object.entries(given).filter(
		([id, place]) => items.includes(id) && (place === null || places.includes(place))
	);
	return entries.length === Object.keys(given).length ? given : Object.fromEntries(entries);
}

/**
 * The progress with the answers to these questions made to fit them (`fitAnswer()`), and the ids
 * of the questions whose stored answer changed: an answer that had to change loses its points, so
 * it is checked again rather than shown with a verdict it no longer has.
 */
export function fitProgress(
	progress: Progress,
	questions: readonly Question[]
): { progress: Progress; changed: string[] } {
	const changed: string[] = [];
	let stored = progress.questions;
	for (const question of questions) {
		if (!Object.hasOwn(progress.questions, question.id)) continue;
		const entry = progress.questions[question.id]!;
		const answer = fitAnswer(question, entry.answer);
		if (answer === entry.answer) continue;
		changed.push(question.id);
		stored = { ...stored };
		if (answer) stored[question.id] = { answer, updated: entry.updated };
		else delete stored[question.id];
	}
	return { progress: changed.length > 0 ? { ...progress, questions: stored } : progress, changed };
}

/** The stored answer to a question, made to fit it, if there is one. */
export function storedAnswer(progress: Progress, question: Question): Answer | undefined {
	if (!Object.hasOwn(progress.questions, question.id)) return undefined;
	return fitAnswer(question, progress.questions[question.id]!.answer);
}

/** How well an answer went, for the review page's schedule: right, partly right or wrong. */
export function gradeOf(score: Pick<Score, 'points' | 'max'>): Grade {
	return gradeOfPoints(score.points, score.max);
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
		const score = scoreInQuiz(question, storedAnswer(progress, question), scoring);
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
	return drawnAsGiven(drawQuestions(questions, seed, perTopic), seed);
}

/**
 * Questions drawn already (by `drawAttempt` on the server, from a pool the page does not carry),
 * laid out for `seed` in the order given: the same as the draw they came from.
 */
export function drawnAsGiven(questions: readonly Question[], seed: number): DrawnQuestion[] {
	return questions.map((question) => ({ question, layout: layoutQuestion(question, seed) }));
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
	imported?: 'imported' | 'importedPartly' | 'importFailed';
	/** Practice: the tries at each question since the page opened, for hint-then-answer feedback. */
	tries?: Record<string, Tries>;
}

/** What the learner (or the page, on opening) does to a quiz. */
export type QuizAction =
	/** The page has read the device: keep the attempt, or start one (a new seed, or the shared one). */
	| {
			type: 'open';
			loaded: LoadedProgress;
			/** The questions of this quiz, which the stored answers are made to fit. */
			questions: readonly Question[];
			/** The mode a new attempt starts in. */
			mode: Attempt['mode'];
			/** The seed of the address, which replaces an attempt of another seed. */
			sharedSeed: number | undefined;
			/** A fresh seed, for a new attempt without a shared one. */
			seed: number;
			now: number;
	  }
	/**
	 * Another tab has stored its progress (`storage` event): its newer answers join ours. `text` is
	 * what it stored, `base` what was stored before, so what it removed is removed here too.
	 */
	| { type: 'merge'; text: string | null; base: string | null; questions: readonly Question[] }
	/** A new answer to a question (an unchecked one: no score kept). */
	| { type: 'answer'; questionId: string; answer: Answer; now: number }
	/** Practice: the answer, checked, with its score; its grade joins the question's reviews. */
	| { type: 'check'; questionId: string; answer: Answer; score: Score; now: number }
	/** Practice: the checked answer back to being edited. */
	| { type: 'retry'; questionId: string; answer: Answer; now: number }
	/** Practice: show the right answer of a checked question now, without another try. */
	| { type: 'reveal'; questionId: string }
	/** Practice or test; switching always leaves a test unsubmitted. */
	| { type: 'mode'; mode: Attempt['mode']; now: number }
	/** Test: hand in every answer; the grade of each answered question joins its reviews. */
	| { type: 'submit'; grades: Readonly<Record<string, Grade>>; now: number }
	/** Forget this quiz's answers and start again, in the same mode, with a new seed. */
	| { type: 'restart'; questionIds: readonly string[]; seed: number; now: number }
	/** Merge an exported file; the newer answer of each question wins. */
	| { type: 'import'; text: string };

/** A new attempt. */
function freshAttempt(seed: number, mode: Attempt['mode'], now: number): Attempt {
	return { seed, mode, submitted: false, started: now, updated: now };
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
 * The progress once another tab's is merged in (`storage` event): `text` is what that tab stored,
 * `base` what was stored before it. A tab that stored something we cannot read gets no say, and
 * the progress comes back as the same object when that tab brings nothing new.
 */
export function mergeStored(
	progress: Progress,
	text: string | null,
	base: string | null,
	questions: readonly Question[]
): Progress {
	const theirs = parseProgress(text);
	if (!text || (theirs.problem && theirs.problem !== 'partial')) return progress;
	const before = parseProgress(base);
	const merged = mergeProgress(
		progress,
		theirs.progress,
		before.problem && before.problem !== 'partial' ? undefined : before.progress
	);
	return merged === progress ? progress : fitProgress(merged, questions).progress;
}

/** The grades of a submitted test: those of the questions the learner answered. */
export function testGrades(
	questions: readonly Question[],
	progress: Progress,
	scoring: QuizScoring
): Record<string, Grade> {
	return Object.fromEntries(
		questions
			.filter((question) => isAnswered(question, storedAnswer(progress, question)))
			.map((question) => [
				question.id,
				gradeOf(scoreInQuiz(question, storedAnswer(progress, question), scoring)),
			])
	);
}

/**
 * How each action changes the island's state. Before the page has read the device, only `open`
 * does anything, so nothing the learner cannot see yet is kept over their stored progress.
 */
export function quizReducer(state: QuizState, action: QuizAction): QuizState {
	if (action.type === 'open') {
		const { loaded } = action;
		const fitted = fitProgress(loaded.progress, action.questions);
		const problem = loaded.problem ?? (fitted.changed.length > 0 ? 'partial' : undefined);
		return {
			quizId: state.quizId,
			progress: open(fitted.progress, state.quizId, action),
			...(problem
				? { setAside: { problem, text: loaded.setAside ?? JSON.stringify(loaded.progress) } }
				: {}),
		};
	}
	const { progress, quizId } = state;
	const attempt = progress?.attempts[quizId];
	if (!progress || !attempt) return state;
	const next = (changed: Progress): QuizState =>
		changed === progress ? state : { ...state, progress: changed };
	switch (action.type) {
		case 'merge': {
			const merged = mergeStored(progress, action.text, action.base, action.questions);
			// The other tab may have started this quiz afresh, or forgotten it: an attempt is always there.
			return next(merged.attempts[quizId] ? merged : withAttempt(merged, quizId, attempt));
		}
		case 'answer':
		case 'retry':
			return next(recordAnswer(progress, action.questionId, action.answer, undefined, action.now));
		case 'check': {
			const tries = state.tries?.[action.questionId] ?? noTries;
			const wrong = tries.wrong + (isFullMarks(action.score) ? 0 : 1);
			return {
				...next(
					recordReview(
						recordAnswer(progress, action.questionId, action.answer, action.score, action.now),
						action.questionId,
						gradeOf(action.score),
						action.now
					)
				),
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
				withAttempt(progress, quizId, {
					...attempt,
					mode: action.mode,
					submitted: false,
					updated: action.now,
				})
			);
		case 'submit': {
			let graded = progress;
			for (const [id, grade] of Object.entries(action.grades)) {
				graded = recordReview(graded, id, grade, action.now);
			}
			return next(
				withAttempt(graded, quizId, { ...attempt, submitted: true, updated: action.now })
			);
		}
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
			if (!('progress' in result)) return { ...state, imported: 'importFailed' };
			const imported = result.partial ? 'importedPartly' : 'imported';
			const changed = result.progress;
			return {
				...state,
				progress: changed.attempts[quizId] ? changed : withAttempt(changed, quizId, attempt),
				imported,
			};
		}
	}
}

/** One question as the page shows it now. */
export interface SheetRow extends DrawnQuestion {
	/** The answer given, or the one it starts with. */
	answer: Answer;
	/** Whether the answer is complete, so it can be checked. */
	complete: boolean;
	/** Whether the learner has given an answer (`complete` counts an ordering never moved). */
	given: boolean;
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

/** The tries of a question of a test handed in: its answer is shown. */
const handedIn: Tries = { wrong: 0, revealed: true };

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
		const entry = Object.hasOwn(stored, question.id) ? stored[question.id] : undefined;
		const given = storedAnswer(progress, question);
		const answer = given ?? emptyAnswer(question, layout);
		const row: SheetRow = {
			question,
			layout,
			answer,
			complete: isAnswered(question, answer),
			given: isAnswered(question, given),
			// A test handed in shows every answer: there is no second try to keep it for.
			tries: attempt.submitted ? handedIn : (state.tries?.[question.id] ?? noTries),
		};
		if (attempt.mode === 'practice' && entry?.points !== undefined)
			row.score = scoreInQuiz(question, answer, scoring);
		return row;
	});
	return {
		progress,
		attempt,
		rows,
		answered: rows.filter((row) => row.given).length,
		showResults: attempt.mode === 'test' && attempt.submitted,
	};
}

/**
 * The seed of the sheet a page shows before it has read the device. It depends on the quiz alone,
 * so the server's HTML and the island's first render in the browser draw the same questions.
 */
export function previewSeed(quizId: string): number {
	return seedFrom(quizId);
}

/**
 * What a quiz shows before the page has read the device (and what the server renders): a fresh
 * attempt in the mode a new one starts in, nothing answered. Nothing is stored from it: the
 * island's state stays unopened until `open`.
 */
export function previewSheet(
	quizId: string,
	drawn: readonly DrawnQuestion[],
	scoring: QuizScoring,
	mode: Attempt['mode']
): Sheet {
	const attempt: Attempt = {
		seed: previewSeed(quizId),
		mode,
		submitted: false,
		started: 0,
		updated: 0,
	};
	return sheetOf(
		{ quizId, progress: withAttempt(emptyProgress(), quizId, attempt) },
		drawn,
		scoring
	)!;
}
