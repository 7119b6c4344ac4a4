import { verdictOf, type Verdict } from './attempt.ts';
import type { Score } from './score.ts';
import type { SheetRow } from './session.ts';

/**
 * What the quiz's navigator says of each question, and where its skip link goes: the questions
 * not answered yet, the answered ones, and in practice, once checked, how each went.
 */

/** A question as the navigator shows it: not answered, answered, or checked with its verdict. */
export type RowState = 'unanswered' | 'answered' | Verdict;

/** The state of a question of the sheet: its verdict once checked, else whether it has an answer. */
export function rowState(row: {
	given: boolean;
	score?: Pick<Score, 'points' | 'max'> | undefined;
}): RowState {
	if (row.score) return verdictOf(row.score);
	return row.given ? 'answered' : 'unanswered';
}

/**
 * The index of the first question without an answer after the one at `from` (-1: from the
 * start), going round to the first question after the last; -1 when every question has one.
 */
export function nextUnanswered(rows: readonly Pick<SheetRow, 'given'>[], from: number): number {
	for (let step = 1; step <= rows.length; step++) {
		const index = (from + step) % rows.length;
		if (!rows[index]!.given) return index;
	}
	return -1;
}
