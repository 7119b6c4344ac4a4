/**
 * One question as the learner works on it and sees it checked: what an answer becomes when they
 * choose or move something, the verdict and feedback of a checked answer; and which questions a
 * page asks in the first place.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import type { DockerMismatch } from './docker-command.ts';
import { dockerMatcher } from './docker-matcher.ts';
import { labEngine } from './lab-engine.ts';
import { readNumber, type NumberProblem } from './number-input.ts';
import type { Attempt } from './progress.ts';
import { acceptedAnswers, isFullMarks, type Answer, type Part, type Score } from './score.ts';
import type { Bank, LocalizedText, Question, QuestionOf, Topic } from './schema.ts';
import { formatNumber, listOf, plural, withUnit } from './wording.ts';

/** How a checked question went, as its feedback and the live announcement both say it. */
export type Verdict = 'correct' | 'partial' | 'incorrect';

/** The verdict of a score: full marks, some points, or none (or fewer than none). */
export function verdictOf(score: Pick<Score, 'points' | 'max'>): Verdict {
	if (isFullMarks(score)) return 'correct';
	return score.points > 0 ? 'partial' : 'incorrect';
}

/** Points for people: at most two decimals. */
export function roundPoints(value: number): number {
	return Math.round(value * 100) / 100;
}

/** "1 punto su 1", "0,67 punti su 2": a score's points for people, in the page's language. */
export function pointsText(
	{ points, max }: Pick<Score, 'points' | 'max'>,
	t: Translate,
	lang: Locale
): string {
	return plural(t, lang, 'quiz.points', roundPoints(points), {
		points: formatNumber(points, lang),
		max: formatNumber(max, lang),
	});
}

/** What the live region says once an answer is checked: the verdict, then the points. */
export function checkAnnouncement(
	score: Pick<Score, 'points' | 'max'>,
	t: Translate,
	lang: Locale
): string {
	return `${t(`quiz.${verdictOf(score)}`)} ${pointsText(score, t, lang)}`;
}

/** The choices an answer picks: none, one, or several. */
export function chosenChoices(answer: Answer): string[] {
	if (answer.type === 'single') return answer.choice === null ? [] : [answer.choice];
	return answer.type === 'multiple' ? answer.choices : [];
}

/** The answer after the learner picks a choice: the one choice, or one more or one fewer. */
export function choose(
	question: QuestionOf<'single' | 'multiple'>,
	answer: Answer,
	choiceId: string
): Answer {
	if (question.type === 'single') return { type: 'single', choice: choiceId };
	const chosen = chosenChoices(answer);
	return {
		type: 'multiple',
		choices: chosen.includes(choiceId)
			? chosen.filter((id) => id !== choiceId)
			: [...chosen, choiceId],
	};
}

/** An order with the item at `index` moved one place up (-1) or down (1); none past either end. */
export function moveInOrder(
	order: readonly string[],
	index: number,
	by: -1 | 1
): string[] | undefined {
	const target = index + by;
	if (index < 0 || index >= order.length || target < 0 || target >= order.length) return undefined;
	const next = [...order];
	[next[index], next[target]] = [next[target]!, next[index]!];
	return next;
}

/**
 * How much a checked answer that is not fully right shows, in practice: first a hint (what is
 * wrong, not what is right), then, after a second wrong try or when the learner asks, the right
 * answer and the explanation. A right answer always shows its explanation.
 */
export type FeedbackStage = 'hint' | 'answer';

/** The learner's tries at a practice question since the page opened. */
export interface Tries {
	/** Checks that were not fully right. */
	wrong: number;
	/** Whether the learner asked to see the answer. */
	revealed: boolean;
}

/** No tries yet. */
export const noTries: Tries = { wrong: 0, revealed: false };

/** What a checked answer shows: the answer once it is right, asked for, or wrong twice; else a hint. */
export function feedbackStage(score: Pick<Score, 'points' | 'max'>, tries: Tries): FeedbackStage {
	if (isFullMarks(score) || tries.revealed || tries.wrong >= 2) return 'answer';
	return 'hint';
}

/**
 * The mark beside each part of a checked answer, by part id. Choices are marked only where the
 * learner chose them or should have, so a list of right choices not taken does not fill with ticks.
 * A hint marks no more than it says: the wrong choice of a single-choice question, nothing of a
 * multiple-choice one (the hint counts the wrong choices), and every pair, row or item of the
 * others (the hint says which are off, not what they should be).
 */
export function partMarks(
	question: Question,
	answer: Answer,
	score: Score | undefined,
	stage: FeedbackStage = 'answer'
): Partial<Record<string, Part['verdict']>> {
	if (!score) return {};
	const chosen = chosenChoices(answer);
	const choices =
		question.type === 'single' || question.type === 'multiple' ? question.choices : undefined;
	const shown = (part: Part) => {
		if (!choices) return true;
		if (stage === 'hint')
			return question.type === 'single' && chosen.includes(part.id) && part.verdict !== 'correct';
		return chosen.includes(part.id) || choices.some((c) => c.id === part.id && c.correct);
	};
	return Object.fromEntries(
		score.parts.filter(shown).map((part) => [part.id, part.verdict] as const)
	);
}

/**
 * The right answer as the feedback shows it: a sentence in the learner's language (`Risposte
 * giuste: A e B`, with `code` in backticks), or, when the items are sentences of their own, a
 * lead and a list; for a Docker command, a note on the equivalent forms that count too.
 */
export interface RightAnswer {
	/** The whole answer as one sentence (what a screen reader or a plain text needs). */
	text: string;
	/** Items too long for one sentence, shown as a list after `lead`. */
	list?: { lead: string; items: string[] };
	/** What else is accepted. */
	note?: string;
}

/** Items read better as a list than in a sentence when any is long or has punctuation inside. */
const needsList = (items: readonly string[]) =>
	items.length > 1 && items.some((item) => item.length > 60 || /[.;:!?]\s/.test(item));

/** A sentence's final full stop, which would sit oddly inside a list joined by `e`. */
const withoutFullStop = (text: string) => text.replace(/(?<!\.)\.$/, '');

/** The right answer, in the learner's language. */
export function rightAnswerOf(question: Question, lang: Locale, t: Translate): RightAnswer {
	const tx = (text: LocalizedText) => text[lang];
	const labelled = (label: string, items: string[], type?: 'disjunction'): RightAnswer => {
		const text = `${label}: ${listOf(items.map(withoutFullStop), lang, type)}`;
		return needsList(items) ? { text, list: { lead: label, items } } : { text };
	};
	switch (question.type) {
		case 'single':
			return labelled(plural(t, lang, 'quiz.rightAnswer', 1), [
				tx(question.choices.find((c) => c.correct)!.text),
			]);
		case 'multiple': {
			const right = question.choices.filter((c) => c.correct).map((c) => tx(c.text));
			return labelled(plural(t, lang, 'quiz.rightAnswer', right.length), right);
		}
		case 'truefalse':
			return labelled(plural(t, lang, 'quiz.rightAnswer', 1), [
				t(question.answer ? 'quiz.true' : 'quiz.false'),
			]);
		case 'matching':
			return labelled(
				t('quiz.rightPairs'),
				question.pairs.map((p) => `${tx(p.left)} → ${tx(p.right)}`)
			);
		case 'ordering':
			return {
				text: `${t('quiz.rightOrder')}: ${question.items.map((i) => tx(i.text)).join(' → ')}`,
			};
		case 'categorize': {
			const names = new Map(question.categories.map((c) => [c.id, tx(c.text)]));
			return labelled(
				t('quiz.rightPlaces'),
				question.items.map((i) => `${tx(i.text)} → ${names.get(i.category)}`)
			);
		}
		case 'numeric': {
			const value = withUnit(formatNumber(question.value, lang, 10), question.unit);
			const label = plural(t, lang, 'quiz.rightAnswer', 1);
			if (question.tolerance === 0) return { text: `${label}: ${value}` };
			const range = t('quiz.range', {
				min: withUnit(formatNumber(question.value - question.tolerance, lang, 10), question.unit),
				max: withUnit(formatNumber(question.value + question.tolerance, lang, 10), question.unit),
			});
			return { text: `${label}: ${value} (${range})` };
		}
		case 'short': {
			const accepted = acceptedAnswers(question, lang);
			const answer = labelled(
				plural(t, lang, 'quiz.acceptedAnswers', accepted.length),
				accepted.map((a) => `\`${a}\``),
				'disjunction'
			);
			return question.match === 'docker' ? { ...answer, note: t('quiz.equivalentForms') } : answer;
		}
		case 'lab':
			return labEngine().labRightAnswer(question, lang, t);
	}
}

/** The right answer as one sentence in the learner's language (`Risposta giusta: …`). */
export function rightAnswer(question: Question, lang: Locale, t: Translate): string {
	return rightAnswerOf(question, lang, t).text;
}

/** Why a typed entry cannot be checked yet, if it cannot: a number that does not read as one. */
export function entryProblem(
	question: Question,
	answer: Answer,
	lang: Locale
): NumberProblem | undefined {
	if (question.type !== 'numeric' || answer.type !== 'numeric') return undefined;
	const text = typeof answer.text === 'string' ? answer.text : '';
	if (text.trim() === '') return undefined;
	const reading = readNumber(text, { lang, unit: question.unit });
	return 'problem' in reading ? reading.problem : undefined;
}

/** Why a typed entry is not a number the question can take, said to the learner. */
export function entryProblemText(
	problem: NumberProblem,
	text: string,
	lang: Locale,
	t: Translate
): string {
	const typed = text.trim();
	switch (problem.kind) {
		case 'empty':
			return t('quiz.number.empty');
		case 'notNumber':
			return t('quiz.number.notNumber', { text: typed });
		case 'unit':
			return problem.expected
				? t('quiz.number.unit', { given: problem.given, unit: problem.expected })
				: t('quiz.number.noUnit', { given: problem.given });
		case 'ambiguous': {
			const [grouped, decimal] = problem.readings;
			return t('quiz.number.ambiguous', {
				text: typed,
				grouped: formatNumber(grouped, lang, 10),
				decimal: formatNumber(decimal, lang, 10),
			});
		}
	}
}

/** What is wrong with a checked answer, without saying what would be right. */
export function hintsOf(
	question: Question,
	answer: Answer,
	score: Score,
	lang: Locale,
	t: Translate
): string[] {
	const wrong = score.parts.filter((part) => part.verdict !== 'correct').length;
	const total = score.parts.length;
	const count = (key: string, n: number) =>
		plural(t, lang, key, n, { total: formatNumber(total, lang) });
	switch (question.type) {
		case 'single':
			return [t('quiz.hint.single')];
		case 'multiple': {
			const extra = score.parts.filter((part) => part.verdict === 'incorrect').length;
			const missing = score.parts.filter((part) => part.verdict === 'missed').length;
			return [
				...(extra ? [count('quiz.hint.extra', extra)] : []),
				...(missing ? [count('quiz.hint.missing', missing)] : []),
			];
		}
		case 'truefalse':
			return [t('quiz.hint.truefalse')];
		case 'matching':
		case 'categorize':
		case 'ordering':
			return [count(`quiz.hint.${question.type}`, wrong)];
		case 'short': {
			const text = answer.type === 'short' ? answer.text : '';
			if (question.match !== 'docker') return [t('quiz.hint.short')];
			return dockerHints(
				dockerMatcher().dockerMismatch(text, acceptedAnswers(question, lang)),
				lang,
				t
			);
		}
		case 'numeric': {
			const value = answer.type === 'numeric' ? answer.value : null;
			const problem = entryProblem(question, answer, lang);
			if (value === null || problem) {
				const text = answer.type === 'numeric' ? (answer.text ?? '') : '';
				return [entryProblemText(problem ?? { kind: 'notNumber' }, text, lang, t)];
			}
			return [t(value > question.value ? 'quiz.hint.tooHigh' : 'quiz.hint.tooLow')];
		}
		case 'lab':
			return answer.type === 'lab' ? labEngine().labHints(question, answer, lang) : [];
	}
}

/** What is off in a Docker command, in words; option names in code. */
function dockerHints(mismatch: DockerMismatch | null, lang: Locale, t: Translate): string[] {
	if (!mismatch) return [];
	const code = (names: string[]) =>
		listOf(
			names.map((name) => `\`${name}\``),
			lang
		);
	switch (mismatch.kind) {
		case 'notDocker':
			return [t('quiz.hint.notDocker')];
		case 'command':
			return [t('quiz.hint.command', { command: `docker ${mismatch.given}` })];
		case 'arguments':
			return [t('quiz.hint.arguments')];
		case 'options':
			return [
				...(mismatch.wrongValue.length
					? [
							plural(t, lang, 'quiz.hint.wrongValue', mismatch.wrongValue.length, {
								options: code(mismatch.wrongValue),
							}),
						]
					: []),
				...(mismatch.extra.length
					? [
							plural(t, lang, 'quiz.hint.extraOptions', mismatch.extra.length, {
								options: code(mismatch.extra),
							}),
						]
					: []),
				...(mismatch.missing
					? [plural(t, lang, 'quiz.hint.missingOptions', mismatch.missing)]
					: []),
			];
	}
}

/** What a checked question says below its inputs, besides the review link. */
export interface Feedback {
	verdict: Verdict;
	stage: FeedbackStage;
	/** A hint: what is wrong, not what is right. */
	hints: string[];
	/** The right answer, once shown, when the learner's was not fully right. */
	rightAnswer?: RightAnswer;
	/** The feedback the bank gives for what the learner chose (at a hint, only for wrong choices). */
	notes: string[];
	/** Whether the explanation is shown: it usually gives the answer away, so not with a hint. */
	explain: boolean;
}

/** The feedback of a checked answer, in the learner's language, at a stage of the practice. */
export function feedbackOf(
	question: Question,
	answer: Answer,
	score: Score,
	lang: Locale,
	t: Translate,
	stage: FeedbackStage = 'answer'
): Feedback {
	const verdict = verdictOf(score);
	const hint = stage === 'hint' && verdict !== 'correct';
	let notes: string[] = [];
	if (question.type === 'single' || question.type === 'multiple') {
		const chosen = chosenChoices(answer);
		// A hint keeps to the one choice of a single-choice question, known to be wrong: the notes
		// of a multiple-choice question would tell right choices from wrong ones.
		notes =
			hint && question.type === 'multiple'
				? []
				: question.choices
						.filter((c) => c.feedback && chosen.includes(c.id))
						.map((c) => c.feedback![lang]);
	} else if (
		!hint &&
		question.type === 'truefalse' &&
		answer.type === 'truefalse' &&
		answer.value !== null
	) {
		// Two values only: the note on the wrong one would give the right one away.
		const note = question.feedback?.[answer.value ? 'true' : 'false'];
		if (note) notes = [note[lang]];
	}
	if (verdict === 'correct') return { verdict, stage: 'answer', hints: [], notes, explain: true };
	if (hint) {
		return {
			verdict,
			stage,
			hints: hintsOf(question, answer, score, lang, t),
			notes,
			explain: false,
		};
	}
	return {
		verdict,
		stage,
		hints: [],
		rightAnswer: rightAnswerOf(question, lang, t),
		notes,
		explain: true,
	};
}

/** Where a quiz stands on the site: what its Astro wrapper is given. */
export interface QuizPlacement {
	/** Every question bank. */
	banks: readonly Bank[];
	/** A topic's whole bank, or `final` (the default) for a draw from every bank. */
	topic?: Topic | 'final' | undefined;
	/** With `final`: how many questions to draw from each topic. */
	perTopic?: number | undefined;
	/** The short quiz at the end of a chapter: the questions whose review link is this page. */
	chapter?: boolean | undefined;
	/** The page's path inside its locale (`/virtualizzazione/scopo/`). */
	page: string;
}

/** The quiz a page shows: everything the island needs besides its language and strings. */
export interface QuizSelection {
	/** Which quiz this is (`docker`, `final`, `chapter-docker-volumi`): its attempt is stored under it. */
	quizId: string;
	questions: Question[];
	/** Draw this many questions per topic (the final quiz). */
	perTopic: number | undefined;
	/** The negative marking of each topic's bank. */
	penalties: Partial<Record<Topic, number>>;
	/** The mode a new attempt starts in: a test for the final quiz, practice elsewhere. */
	mode: Attempt['mode'];
	/** A chapter's quiz: no mode switch, no progress tools. */
	compact: boolean;
}

/**
 * The questions a page asks: every question of a topic, every question for the final draw, or,
 * at the end of a chapter, those whose Italian review link points at this very page.
 */
export function selectQuestions({
	banks,
	topic,
	perTopic,
	chapter = false,
	page,
}: QuizPlacement): QuizSelection {
	const all = banks.flatMap((bank) => bank.questions);
	const final = topic === 'final' || topic === undefined;
	const questions = chapter
		? all.filter((question) => question.review.it.split('#')[0] === page)
		: final
			? all
			: all.filter((question) => question.topic === topic);
	return {
		quizId: chapter ? `chapter${page.replaceAll('/', '-').replace(/-$/, '')}` : (topic ?? 'final'),
		questions,
		perTopic: topic === 'final' ? perTopic : undefined,
		penalties: Object.fromEntries(banks.map((bank) => [bank.topic, bank.penalty])),
		mode: topic === 'final' ? 'test' : 'practice',
		compact: chapter,
	};
}
