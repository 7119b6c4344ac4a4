import type { Locale } from '../i18n/locale.ts';
import { dockerMatcher } from './docker-matcher.ts';
import { labEngine } from './lab-engine.ts';
import { sameShortAnswer } from './short-answer.ts';
import type { Question, QuestionOf } from './schema.ts';

/** What a learner answered, one shape per question type. Unanswered parts are `null` or absent. */
export type Answer =
	| { type: 'single'; choice: string | null }
	| { type: 'multiple'; choices: string[] }
	| { type: 'truefalse'; value: boolean | null }
	| { type: 'matching'; matches: Record<string, string | null> }
	| { type: 'ordering'; order: string[] }
	| { type: 'categorize'; placement: Record<string, string | null> }
	| { type: 'short'; text: string }
	/**
	 * The number as read when it was typed (`null` when it cannot be read), and the text as typed,
	 * so the field shows `40 %` again and can say why `4,,5` is not a number.
	 */
	| { type: 'numeric'; value: number | null; text?: string }
	/** The commands as typed (one per line), and the editable files as edited, path → text. */
	| { type: 'lab'; commands: string; files: Record<string, string> };
export type AnswerOf<T extends Answer['type']> = Extract<Answer, { type: T }>;

/** How one part of an answer went: a choice, a pair, an item. */
export interface Part {
	id: string;
	verdict: 'correct' | 'incorrect' | 'missed';
}

/** The result of scoring one answer. */
export interface Score {
	/** Points earned, between `-penalty × max` and `max`. */
	points: number;
	/** Points for a fully right answer. */
	max: number;
	/** Per-part verdicts, for feedback next to each choice, pair or item. */
	parts: Part[];
}

/** Scoring options that come from the bank. */
export interface ScoreOptions {
	/** Negative marking: the fraction of a question's points a wrong answer may take away. */
	penalty?: number;
	/** The learner's language, for short answers accepted per language. */
	lang?: Locale;
}

/**
 * Scores an answer to a question. Pure: the same question and answer always give the same score.
 * An answer of another type than the question scores zero.
 */
export function scoreQuestion(
	question: Question,
	answer: Answer | undefined,
	options: ScoreOptions = {}
): Score {
	if (answer && answer.type !== question.type)
		return { points: 0, max: question.points, parts: [] };
	switch (question.type) {
		case 'single':
			return scoreSingle(question, answer as AnswerOf<'single'> | undefined, options);
		case 'multiple':
			return scoreMultiple(question, answer as AnswerOf<'multiple'> | undefined, options);
		case 'truefalse':
			return scoreTrueFalse(question, answer as AnswerOf<'truefalse'> | undefined, options);
		case 'matching':
			return scoreMatching(question, answer as AnswerOf<'matching'> | undefined);
		case 'ordering':
			return scoreOrdering(question, answer as AnswerOf<'ordering'> | undefined);
		case 'categorize':
			return scoreCategorize(question, answer as AnswerOf<'categorize'> | undefined);
		case 'short':
			return scoreShort(question, answer as AnswerOf<'short'> | undefined, options);
		case 'numeric':
			return scoreNumeric(question, answer as AnswerOf<'numeric'> | undefined);
		case 'lab': {
			const lab = answer as AnswerOf<'lab'> | undefined;
			// Nothing of the learner's to run scores nothing, and needs no simulator; anything else
			// goes to the lab runner, loaded apart with the simulator (see `lab-engine.ts`).
			if (lab === undefined || !labAnswered(question, lab)) {
				const parts = question.goals.map((_, index) => ({
					id: `goal-${index}`,
					verdict: 'missed' as const,
				}));
				return { points: 0, max: question.points, parts };
			}
			return labEngine().scoreLab(question, lab);
		}
	}
}

/** Whether a score is full marks. */
export function isFullMarks(score: Pick<Score, 'points' | 'max'>): boolean {
	return score.max > 0 && score.points >= score.max - 1e-9;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** Rounds away floating-point dust (1/3 + 1/3 + 1/3), keeping four decimals. */
function tidy(value: number): number {
	return Math.round(value * 10_000) / 10_000 + 0;
}

/** All or nothing; with negative marking, a wrong answer costs `penalty × points`. */
function allOrNothing(max: number, answered: boolean, right: boolean, penalty = 0): number {
	if (!answered) return 0;
	return right ? max : tidy(-penalty * max);
}

export function scoreSingle(
	question: QuestionOf<'single'>,
	answer: AnswerOf<'single'> | undefined,
	{ penalty }: ScoreOptions = {}
): Score {
	const chosen = answer?.choice ?? null;
	const right = question.choices.find((c) => c.correct)?.id;
	return {
		points: allOrNothing(question.points, chosen !== null, chosen === right, penalty),
		max: question.points,
		parts: question.choices.map((choice) => ({
			id: choice.id,
			verdict: choice.correct
				? chosen === choice.id
					? 'correct'
					: 'missed'
				: chosen === choice.id
					? 'incorrect'
					: 'correct',
		})),
	};
}

/** The fraction of the points each choice adds when chosen (Moodle style). */
export function choiceWeights(question: QuestionOf<'multiple'>): Map<string, number> {
	const right = question.choices.filter((c) => c.correct).length;
	return new Map(
		question.choices.map((c) => [c.id, c.weight ?? (c.correct ? 1 / right : -1 / right)])
	);
}

export function scoreMultiple(
	question: QuestionOf<'multiple'>,
	answer: AnswerOf<'multiple'> | undefined,
	{ penalty = 0 }: ScoreOptions = {}
): Score {
	const chosen = new Set(answer?.choices ?? []);
	const weights = choiceWeights(question);
	const fraction = [...chosen].reduce((sum, id) => sum + (weights.get(id) ?? 0), 0);
	return {
		points: chosen.size === 0 ? 0 : tidy(clamp(fraction, -penalty, 1) * question.points),
		max: question.points,
		parts: question.choices.map((choice) => ({
			id: choice.id,
			verdict:
				chosen.has(choice.id) === choice.correct
					? 'correct'
					: choice.correct
						? 'missed'
						: 'incorrect',
		})),
	};
}

export function scoreTrueFalse(
	question: QuestionOf<'truefalse'>,
	answer: AnswerOf<'truefalse'> | undefined,
	{ penalty }: ScoreOptions = {}
): Score {
	const value = answer?.value ?? null;
	return {
		points: allOrNothing(question.points, value !== null, value === question.answer, penalty),
		max: question.points,
		parts: [
			{
				id: 'answer',
				verdict: value === null ? 'missed' : value === question.answer ? 'correct' : 'incorrect',
			},
		],
	};
}

/** A right-hand option of a matching question: pairs sharing the same text share one option. */
export interface MatchingOption {
	id: string;
	text: QuestionOf<'matching'>['pairs'][number]['right'];
}

/**
 * The options a learner picks from for each left item: every distinct right text (its id is the
 * first pair that has it) and the distractors.
 */
export function matchingOptions(question: QuestionOf<'matching'>): MatchingOption[] {
	const byText = new Map<string, MatchingOption>();
	for (const pair of question.pairs) {
		if (!byText.has(pair.right.it)) byText.set(pair.right.it, { id: pair.id, text: pair.right });
	}
	return [...byText.values(), ...question.distractors.map((d) => ({ id: d.id, text: d.text }))];
}

/** The option that is right for each pair. */
function rightOption(question: QuestionOf<'matching'>): Map<string, string> {
	const options = matchingOptions(question);
	return new Map(
		question.pairs.map((pair) => [
			pair.id,
			options.find((o) => o.text.it === pair.right.it)?.id ?? pair.id,
		])
	);
}

export function scoreMatching(
	question: QuestionOf<'matching'>,
	answer: AnswerOf<'matching'> | undefined
): Score {
	const right = rightOption(question);
	const parts: Part[] = question.pairs.map((pair) => {
		const chosen = answer?.matches[pair.id] ?? null;
		return {
			id: pair.id,
			verdict: chosen === null ? 'missed' : chosen === right.get(pair.id) ? 'correct' : 'incorrect',
		};
	});
	return fractionOfParts(question.points, parts);
}

/**
 * Ordering gives credit item by item, relative to the item before it: an item is right when it
 * follows the item it should follow (the first item when it comes first). Moving one item to the
 * wrong place therefore costs about two items, not every item after it.
 */
export function scoreOrdering(
	question: QuestionOf<'ordering'>,
	answer: AnswerOf<'ordering'> | undefined
): Score {
	const expected = question.items.map((item) => item.id);
	const given = answer?.order ?? [];
	const complete = given.length === expected.length && expected.every((id) => given.includes(id));
	const parts: Part[] = expected.map((id) => {
		if (!complete) return { id, verdict: 'missed' };
		const position = given.indexOf(id);
		const rightBefore = expected[expected.indexOf(id) - 1];
		const givenBefore = given[position - 1];
		return { id, verdict: givenBefore === rightBefore ? 'correct' : 'incorrect' };
	});
	return fractionOfParts(question.points, parts);
}

export function scoreCategorize(
	question: QuestionOf<'categorize'>,
	answer: AnswerOf<'categorize'> | undefined
): Score {
	const parts: Part[] = question.items.map((item) => {
		const chosen = answer?.placement[item.id] ?? null;
		return {
			id: item.id,
			verdict: chosen === null ? 'missed' : chosen === item.category ? 'correct' : 'incorrect',
		};
	});
	return fractionOfParts(question.points, parts);
}

/** The answers a short-answer question accepts in a language: its one list, or that language's. */
export function acceptedAnswers(question: QuestionOf<'short'>, lang: Locale): readonly string[] {
	return Array.isArray(question.accepted) ? question.accepted : question.accepted[lang];
}

export function scoreShort(
	question: QuestionOf<'short'>,
	answer: AnswerOf<'short'> | undefined,
	{ lang = 'it' }: ScoreOptions = {}
): Score {
	const text = answer?.text.trim() ?? '';
	const same =
		question.match === 'docker'
			? (a: string) => dockerMatcher().sameDockerCommand(a, text)
			: (a: string) => sameShortAnswer(text, a, lang);
	const right = text !== '' && acceptedAnswers(question, lang).some(same);
	return {
		points: right ? question.points : 0,
		max: question.points,
		parts: [{ id: 'answer', verdict: text === '' ? 'missed' : right ? 'correct' : 'incorrect' }],
	};
}

export function scoreNumeric(
	question: QuestionOf<'numeric'>,
	answer: AnswerOf<'numeric'> | undefined
): Score {
	const value = answer?.value ?? null;
	const right =
		value !== null &&
		Number.isFinite(value) &&
		Math.abs(value - question.value) <= question.tolerance + 1e-9;
	// Something typed that cannot be read is a wrong answer, not a missing one.
	const typed = value !== null || (typeof answer?.text === 'string' && answer.text.trim() !== '');
	return {
		points: right ? question.points : 0,
		max: question.points,
		parts: [{ id: 'answer', verdict: !typed ? 'missed' : right ? 'correct' : 'incorrect' }],
	};
}

/**
 * Whether a lab answer holds anything of the learner's: a command, or an editable file that is no
 * longer as it started.
 */
export function labAnswered(question: QuestionOf<'lab'>, answer: AnswerOf<'lab'> | undefined) {
	if (!answer) return false;
	if (answer.commands.trim() !== '') return true;
	return question.editable.some(
		(path) => Object.hasOwn(answer.files, path) && answer.files[path] !== question.start.files[path]
	);
}

/** Partial credit: the share of the parts that are right. */
function fractionOfParts(max: number, parts: Part[]): Score {
	const right = parts.filter((part) => part.verdict === 'correct').length;
	return { points: tidy((right / parts.length) * max), max, parts };
}
