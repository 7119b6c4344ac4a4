import { describe, expect, test } from 'vitest';
import { nextUnanswered, rowState } from '../../../src/lib/quiz/question-nav';

const rows = (given: string) => [...given].map((mark) => ({ given: mark === 'x' }));

describe('rowState()', () => {
	test.each([
		[{ given: false }, 'unanswered'],
		[{ given: true }, 'answered'],
		[{ given: true, score: { points: 1, max: 1 } }, 'correct'],
		[{ given: true, score: { points: 0.5, max: 1 } }, 'partial'],
		[{ given: true, score: { points: 0, max: 1 } }, 'incorrect'],
		[{ given: true, score: { points: -0.25, max: 1 } }, 'incorrect'],
	] as const)('%o is %s', (row, state) => {
		expect(rowState(row)).toBe(state);
	});
});

describe('nextUnanswered()', () => {
	test.each([
		['...', -1, 0],
		['x..', -1, 1],
		['x..', 1, 2],
		['x.x', 1, 1],
		['.x.', 2, 0],
		['.xx', 0, 0],
		['xxx', -1, -1],
		['', -1, -1],
	])('in %s after %i: %i', (given, from, next) => {
		expect(nextUnanswered(rows(given), from)).toBe(next);
	});
});
