import type { Progress } from './progress.ts';
import {
	matchingOptions,
	scoreQuestion,
	type Answer,
	type Score,
	type ScoreOptions,
} from './score.ts';
import type { Question, Topic } from './schema.ts';
import { shuffle } from './shuffle.ts';

/**
 * What a quiz page needs between the banks and the screen: which questions, in which order, the
 * order of their parts, and the totals. Everything depends only on its inputs and the seed.
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
			return answer.value !== null && Number.isFinite(answer.value);
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
		if (score.points < score.max) misses.push(question);
	}
	return { points, max, byTopic, scores, misses };
}

/** A percentage for people: whole numbers, never below zero. */
export function percentage({ points, max }: Tally): number {
	return max > 0 ? Math.max(0, Math.round((points / max) * 100)) : 0;
}
