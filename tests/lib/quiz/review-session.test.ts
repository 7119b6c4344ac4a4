import { describe, expect, test } from 'vitest';
import { emptyProgress, parseProgress, recordReview } from '../../../src/lib/quiz/progress';
import {
	initialReview,
	reviewReducer,
	reviewRows,
	type ReviewAction,
	type ReviewState,
} from '../../../src/lib/quiz/review-session';
import { question, t } from './fixtures';

const truefalse = question('truefalse', { id: 'q-tf', answer: true });
const single = question('single', {
	id: 'q-single',
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
	],
});
const questions = [truefalse, single];
const day = 24 * 60 * 60 * 1000;
const stored = recordReview(recordReview(emptyProgress(), truefalse.id, 1, 0), single.id, 3, 0);
const open = (due: string[], text = JSON.stringify(stored)): ReviewState =>
	reviewReducer(initialReview(), {
		type: 'open',
		loaded: parseProgress(text),
		questions,
		due,
		seed: 4,
	});

describe('reviewReducer()', () => {
	test('before the device is read, nothing counts', () => {
		const state = initialReview();
		expect(
			reviewReducer(state, {
				type: 'check',
				questionId: truefalse.id,
				answer: { type: 'truefalse', value: true },
				score: { points: 1, max: 1, parts: [] },
				now: 1,
			})
		).toBe(state);
	});

	test('a check records the grade in the progress, once; the question stays listed', () => {
		let state = open([truefalse.id, single.id]);
		const answer = { type: 'truefalse', value: true } as const;
		state = reviewReducer(state, { type: 'answer', questionId: truefalse.id, answer });
		const check: ReviewAction = {
			type: 'check',
			questionId: truefalse.id,
			answer,
			score: { points: 1, max: 1, parts: [] },
			now: 2 * day,
		};
		state = reviewReducer(state, check);
		expect(state.progress?.reviews[truefalse.id]).toEqual([
			{ at: 0, grade: 1 },
			{ at: 2 * day, grade: 3 },
		]);
		// The quizzes' own answers are left alone.
		expect(state.progress?.questions).toEqual({});
		expect(reviewReducer(state, { ...check, now: 3 * day })).toBe(state);
		expect(
			reviewReducer(state, {
				type: 'answer',
				questionId: truefalse.id,
				answer: { type: 'truefalse', value: false },
			})
		).toBe(state);
		const rows = reviewRows(state, questions);
		expect(rows.map((row) => [row.question.id, row.score?.points])).toEqual([
			[truefalse.id, 1],
			[single.id, undefined],
		]);
		expect(rows[1]!.answer).toEqual({ type: 'single', choice: null });
	});

	test('questions gone from the banks are not listed', () => {
		expect(reviewRows(open(['gone', single.id]), questions).map((row) => row.question.id)).toEqual([
			single.id,
		]);
	});

	test('stored data it cannot use is set aside with the reason', () => {
		const state = open([], '{"hello":1}');
		expect(state.setAside).toEqual({ problem: 'foreign', text: '{"hello":1}' });
		expect(state.progress).toEqual(emptyProgress());
	});

	test('another tab’s reviews join ours; its unreadable data does not', () => {
		const state = open([truefalse.id]);
		const theirs = recordReview(stored, single.id, 1, 5 * day);
		const merged = reviewReducer(state, {
			type: 'merge',
			text: JSON.stringify(theirs),
			base: JSON.stringify(stored),
			questions,
		});
		expect(merged.progress?.reviews[single.id]).toHaveLength(2);
		expect(merged.queue).toEqual([truefalse.id]);
		expect(reviewReducer(state, { type: 'merge', text: 'garbage', base: null, questions })).toBe(
			state
		);
	});
});
