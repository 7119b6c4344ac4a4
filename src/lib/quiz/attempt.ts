/**
 * One question as the learner works on it and sees it checked: what an answer becomes when they
 * choose or move something, the verdict and feedback of a checked answer; and which questions a
 * page asks in the first place.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import type { Attempt } from './progress.ts';
import { acceptedAnswers, isFullMarks, type Answer, type Part, type Score } from './score.ts';
import type { Bank, LocalizedText, Question, QuestionOf, Topic } from './schema.ts';

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

/** "2 su 3 punti": a score's points for people. */
export function pointsText({ points, max }: Pick<Score, 'points' | 'max'>, t: Translate): string {
	return t('quiz.points', { points: roundPoints(points), max: roundPoints(max) });
}

/** What the live region says once an answer is checked: the verdict, then the points. */
export function checkAnnouncement(score: Pick<Score, 'points' | 'max'>, t: Translate): string {
	return `${t(`quiz.${verdictOf(score)}`)} ${pointsText(score, t)}`;
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
 * The mark beside each part of a checked answer, by part id. Choices are marked only where the
 * learner chose them or should have, so a list of right choices not taken does not fill with ticks.
 */
export function partMarks(
	question: Question,
	answer: Answer,
	score: Score | undefined
): Partial<Record<string, Part['verdict']>> {
	if (!score) return {};
	const chosen = chosenChoices(answer);
	const choices =
		question.type === 'single' || question.type === 'multiple' ? question.choices : undefined;
	const shown = (part: Part) =>
		!choices || chosen.includes(part.id) || choices.some((c) => c.id === part.id && c.correct);
	return Object.fromEntries(
		score.parts.filter(shown).map((part) => [part.id, part.verdict] as const)
	);
}

/**
 * The right answer as a sentence in the learner's language (`Risposta giusta: …`), with `code`
 * in backticks; for a short answer, every answer accepted in that language.
 */
export function rightAnswer(question: Question, lang: Locale, t: Translate): string {
	const tx = (text: LocalizedText) => text[lang];
	const answer = (text: string) => t('quiz.rightAnswer', { answer: text });
	switch (question.type) {
		case 'single':
			return answer(tx(question.choices.find((c) => c.correct)!.text));
		case 'multiple':
			return answer(
				question.choices
					.filter((c) => c.correct)
					.map((c) => tx(c.text))
					.join('; ')
			);
		case 'truefalse':
			return answer(t(question.answer ? 'quiz.true' : 'quiz.false'));
		case 'matching':
			return answer(question.pairs.map((p) => `${tx(p.left)} → ${tx(p.right)}`).join('; '));
		case 'ordering':
			return answer(question.items.map((i) => tx(i.text)).join(' → '));
		case 'categorize': {
			const names = new Map(question.categories.map((c) => [c.id, tx(c.text)]));
			return answer(
				question.items.map((i) => `${tx(i.text)} → ${names.get(i.category)}`).join('; ')
			);
		}
		case 'numeric':
			return answer(`${question.value}${question.unit ? ` ${question.unit}` : ''}`);
		case 'short':
			return t('quiz.acceptedAnswers', {
				answers: acceptedAnswers(question, lang)
					.map((a) => `\`${a}\``)
					.join(', '),
			});
	}
}

/** What a checked question says below its inputs, besides its explanation and review link. */
export interface Feedback {
	verdict: Verdict;
	/** The right answer, when the learner's was not fully right. */
	rightAnswer?: string;
	/** The feedback the bank gives for what the learner chose. */
	notes: string[];
}

/** The feedback of a checked answer, in the learner's language. */
export function feedbackOf(
	question: Question,
	answer: Answer,
	score: Score,
	lang: Locale,
	t: Translate
): Feedback {
	const verdict = verdictOf(score);
	let notes: string[] = [];
	if (question.type === 'single' || question.type === 'multiple') {
		const chosen = chosenChoices(answer);
		notes = question.choices
			.filter((c) => c.feedback && chosen.includes(c.id))
			.map((c) => c.feedback![lang]);
	} else if (
		question.type === 'truefalse' &&
		answer.type === 'truefalse' &&
		answer.value !== null
	) {
		const note = question.feedback?.[answer.value ? 'true' : 'false'];
		if (note) notes = [note[lang]];
	}
	return verdict === 'correct'
		? { verdict, notes }
		: { verdict, rightAnswer: rightAnswer(question, lang, t), notes };
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
