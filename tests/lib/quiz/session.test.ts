import { describe, expect, test } from 'vitest';
import { emptyProgress, recordAnswer } from '../../../src/lib/quiz/progress';
import {
	drawQuestions,
	emptyAnswer,
	isAnswered,
	layoutQuestion,
	percentage,
	results,
} from '../../../src/lib/quiz/session';
import { QuestionSchema, type Question } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

const ordering = question('ordering', {
	items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: t(id) })),
});
const single = question('single', {
	choices: [
		{ id: 'a', text: t('A'), correct: true },
		{ id: 'b', text: t('B') },
		{ id: 'c', text: t('C') },
		{ id: 'none', text: t('None of the above'), pinned: true },
	],
});

function many(topic: string, count: number): Question[] {
	return Array.from({ length: count }, (_, i) =>
		QuestionSchema().parse({
			id: `${topic}-${i}`,
			topic,
			type: 'truefalse',
			answer: true,
			prompt: t('P'),
			explanation: t('E'),
			review: { it: '/a/#b', en: '/en/a/#b' },
		})
	);
}

describe('drawQuestions()', () => {
	const pool = [...many('docker', 10), ...many('hypervisor-types', 10)];

	test('keeps every question, in an order fixed by the seed', () => {
		const drawn = drawQuestions(pool, 9);
		expect(drawn.map((q) => q.id).sort()).toEqual(pool.map((q) => q.id).sort());
		expect(drawQuestions(pool, 9)).toEqual(drawn);
		expect(drawQuestions(pool, 10)).not.toEqual(drawn);
	});

	test('draws a set number per topic for the final quiz', () => {
		const drawn = drawQuestions(pool, 3, 4);
		expect(drawn.filter((q) => q.topic === 'docker')).toHaveLength(4);
		expect(drawn.filter((q) => q.topic === 'hypervisor-types')).toHaveLength(4);
	});
});

describe('layoutQuestion()', () => {
	test('never starts an ordering question in its right order', () => {
		for (let seed = 0; seed < 300; seed++) {
			expect(layoutQuestion(ordering, seed).items).not.toEqual(['a', 'b', 'c', 'd']);
		}
	});

	test('keeps pinned choices in place', () => {
		for (let seed = 0; seed < 50; seed++)
			expect(layoutQuestion(single, seed).choices[3]).toBe('none');
	});

	test('the starting answer of an ordering question is its shuffled order, and counts as given', () => {
		const layout = layoutQuestion(ordering, 1);
		const answer = emptyAnswer(ordering, layout);
		expect(answer).toEqual({ type: 'ordering', order: layout.items });
		expect(isAnswered(ordering, answer)).toBe(true);
		expect(isAnswered(single, emptyAnswer(single, layoutQuestion(single, 1)))).toBe(false);
	});
});

describe('results()', () => {
	test('adds up points per topic and lists the misses', () => {
		const [a, b] = many('docker', 2) as [Question, Question];
		const [c] = many('hypervisor-types', 1) as [Question];
		let progress = recordAnswer(emptyProgress(), a.id, { type: 'truefalse', value: true });
		progress = recordAnswer(progress, b.id, { type: 'truefalse', value: false });
		const result = results([a, b, c], progress, { penalties: { docker: 0.5 } });
		expect(result.points).toBe(0.5);
		expect(result.max).toBe(3);
		expect(result.byTopic).toEqual({
			docker: { points: 0.5, max: 2 },
			'hypervisor-types': { points: 0, max: 1 },
		});
		expect(result.misses.map((q) => q.id)).toEqual([b.id, c.id]);
		expect(percentage(result)).toBe(17);
		expect(percentage({ points: -1, max: 2 })).toBe(0);
	});
});
