/**
 * The spaced review of the whole course: each question the learner has answered becomes a card
 * of FSRS (ts-fsrs), rebuilt from the question's graded answers every time, so the stored
 * progress holds facts (when, how well) and never a scheduler's state that a new version of the
 * scheduler could misread. Only the review page and the home page's count load this module.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card } from 'ts-fsrs';
import type { Progress, ReviewLog } from './progress.ts';
import type { Question } from './schema.ts';

/**
 * FSRS as the course uses it: no fuzz, so the same history always gives the same day; no
 * short-term steps, so every review sends a question at least a day away (the page lists what is
 * due today, and a question back in ten minutes would never leave it); and no interval past a
 * year, the life of a course.
 */
const scheduler = fsrs(
	generatorParameters({ enable_fuzz: false, enable_short_term: false, maximum_interval: 365 })
);

/** A question's card after its graded answers, oldest first; `undefined` without any. */
export function cardOf(logs: readonly ReviewLog[]): Card | undefined {
	const sorted = [...logs].filter((log) => Number.isFinite(log.at)).sort((a, b) => a.at - b.at);
	const first = sorted[0];
	if (!first) return undefined;
	try {
		let card = createEmptyCard(new Date(first.at));
		for (const log of sorted) card = scheduler.next(card, new Date(log.at), log.grade).card;
		return Number.isFinite(card.due.getTime()) ? card : undefined;
	} catch {
		// A history no scheduler can read (dates out of range) schedules nothing rather than break.
		return undefined;
	}
}

/** A question the learner has answered, with when it is next due. */
export interface Scheduled {
	question: Question;
	/** When it is due (ms since the epoch). */
	due: number;
	/** When it was last graded. */
	last: number;
	card: Card;
}

/** Every question of the banks the learner has answered, soonest due first. */
export function scheduleAll(progress: Progress, questions: readonly Question[]): Scheduled[] {
	const scheduled: Scheduled[] = [];
	for (const question of questions) {
		if (!Object.hasOwn(progress.reviews, question.id)) continue;
		const logs = progress.reviews[question.id]!;
		const card = cardOf(logs);
		if (!card) continue;
		scheduled.push({
			question,
			due: card.due.getTime(),
			last: Math.max(...logs.map((log) => log.at)),
			card,
		});
	}
	return scheduled.sort((a, b) => a.due - b.due || a.question.id.localeCompare(b.question.id));
}

/**
 * The first moment of the day after `now`, in the device's time zone: a question is due today
 * when it is due before then, so the morning's list holds the whole day's questions.
 */
export function startOfNextDay(now: number): number {
	const date = new Date(now);
	return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

/** The questions due today, most overdue first. */
export function dueToday(
	progress: Progress,
	questions: readonly Question[],
	now: number
): Scheduled[] {
	const until = startOfNextDay(now);
	return scheduleAll(progress, questions).filter((item) => item.due < until);
}

/** How many of the questions with these ids are due today (the home page's count). */
export function countDue(progress: Progress, ids: ReadonlySet<string>, now: number): number {
	const until = startOfNextDay(now);
	return Object.entries(progress.reviews).filter(([id, logs]) => {
		if (!ids.has(id)) return false;
		const card = cardOf(logs);
		return card !== undefined && card.due.getTime() < until;
	}).length;
}

/** When a question is next due after these graded answers, or `undefined` without any. */
export function nextDue(logs: readonly ReviewLog[]): number | undefined {
	return cardOf(logs)?.due.getTime();
}
