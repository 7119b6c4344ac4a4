import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	emptyProgress,
	exportProgress,
	importProgress,
	isProgress,
	loadProgress,
	mergeProgress,
	MAX_REVIEWS,
	parseProgress,
	PROGRESS_KEY,
	PROGRESS_VERSION,
	recordAnswer,
	recordReview,
	resetQuiz,
	saveProgress,
	SITTING_MS,
	type Progress,
	type ProgressStore,
} from '../../../src/lib/quiz/progress';

function memoryStore(
	initial: Record<string, string> = {}
): ProgressStore & { data: Record<string, string> } {
	const data = { ...initial };
	return {
		data,
		read: (key) => data[key] ?? null,
		write: (key, text) => {
			data[key] = text;
			return null;
		},
	};
}

const v2 = (fields: Record<string, unknown>) =>
	JSON.stringify({
		version: PROGRESS_VERSION,
		questions: {},
		attempts: {},
		reviews: {},
		...fields,
	});
const attempt = { seed: 1, mode: 'test', submitted: false, started: 5, updated: 6 } as const;

describe('parseProgress()', () => {
	test('starts empty when nothing is stored', () => {
		expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
	});

	test.each([
		['corrupt', '{"version": 2, "questions": '],
		['corrupt', '\u0000\u0001 not json'],
		['foreign', '{"something": "else"}'],
		['foreign', '[1, 2, 3]'],
		['foreign', 'null'],
		['foreign', '"text"'],
		['foreign', JSON.stringify({ version: '2', questions: {} })],
		['foreign', JSON.stringify({ version: 1.5, questions: {} })],
		['newer', JSON.stringify({ version: PROGRESS_VERSION + 1, questions: {}, attempts: {} })],
		['old', JSON.stringify({ version: 0, answers: {} })],
	])('sets %s data aside whole, without throwing: %s', (problem, text) => {
		const loaded = parseProgress(text);
		expect(loaded.problem).toBe(problem);
		expect(loaded.setAside).toBe(text);
		expect(loaded.progress).toEqual(emptyProgress());
	});

	const good = { answer: { type: 'truefalse', value: true }, updated: 1 };
	test.each([
		[
			'an answer without its field',
			{ questions: { q: { answer: { type: 'single' }, updated: 1 } } },
		],
		[
			'an answer of an unknown type',
			{ questions: { q: { answer: { type: 'essay', text: 'x' }, updated: 1 } } },
		],
		['an answer without a date', { questions: { q: { answer: good.answer } } }],
		['an attempt of a negative seed', { attempts: { docker: { ...attempt, seed: -1 } } }],
		['an attempt without its update', { attempts: { docker: { ...attempt, updated: undefined } } }],
		[
			'a review of a grade FSRS does not have',
			{ reviews: { ok: [{ at: 1, grade: 3 }], q: [{ at: 1, grade: 5 }] } },
		],
		['reviews that are not a list', { reviews: { ok: [{ at: 1, grade: 3 }], q: { at: 1 } } }],
		['questions that are a list', { questions: [good] }],
		['reviews that are text', { reviews: 'many' }],
	])('sets aside %s and keeps the rest', (_, fields) => {
		const { questions } = fields as { questions?: unknown };
		const text = v2({
			...fields,
			questions: Array.isArray(questions) ? questions : { ok: good, ...(questions as object) },
		});
		const loaded = parseProgress(text);
		expect(loaded.problem).toBe('partial');
		expect(loaded.setAside).toBe(text);
		expect(isProgress(loaded.progress)).toBe(true);
		expect(loaded.progress.questions['q']).toBeUndefined();
		expect(loaded.progress.attempts['docker']).toBeUndefined();
		expect(loaded.progress.reviews['q']).toBeUndefined();
		if (!Array.isArray(questions)) expect(loaded.progress.questions['ok']).toEqual(good);
	});

	test('reads version 1: answers and attempts kept, checked answers become the first reviews', () => {
		const text = JSON.stringify({
			version: 1,
			questions: {
				right: { answer: { type: 'truefalse', value: true }, points: 1, max: 1, updated: 10 },
				partly: { answer: { type: 'multiple', choices: ['a'] }, points: 0.5, max: 1, updated: 20 },
				wrong: { answer: { type: 'single', choice: 'b' }, points: 0, max: 1, updated: 30 },
				unchecked: { answer: { type: 'short', text: 'x' }, updated: 40 },
			},
			attempts: { docker: { seed: 3, mode: 'practice', started: 7 } },
		});
		const loaded = parseProgress(text);
		expect(loaded.problem).toBeUndefined();
		expect(isProgress(loaded.progress)).toBe(true);
		expect(loaded.progress.attempts).toEqual({
			docker: { seed: 3, mode: 'practice', submitted: false, started: 7, updated: 7 },
		});
		expect(Object.keys(loaded.progress.questions).sort()).toEqual([
			'partly',
			'right',
			'unchecked',
			'wrong',
		]);
		expect(loaded.progress.reviews).toEqual({
			right: [{ at: 10, grade: 3 }],
			partly: [{ at: 20, grade: 2 }],
			wrong: [{ at: 30, grade: 1 }],
		});
	});

	test('a question id such as __proto__ stays an ordinary entry', () => {
		const loaded = parseProgress(
			`{"version":2,"questions":{"__proto__":{"answer":{"type":"short","text":"x"},"updated":1}},"attempts":{},"reviews":{}}`
		);
		expect(Object.hasOwn(loaded.progress.questions, '__proto__')).toBe(true);
		expect(Object.getPrototypeOf(loaded.progress.questions)).toBe(Object.prototype);
	});

	test('whatever is stored, reading it never throws and gives progress of this version', () => {
		const answer = fc.oneof(
			fc.record(
				{
					type: fc.constantFrom('single', 'truefalse', 'numeric', 'short', 'essay'),
					choice: fc.anything(),
					value: fc.anything(),
					text: fc.anything(),
				},
				{ requiredKeys: ['type'] }
			),
			fc.record(
				{
					type: fc.constantFrom('multiple', 'ordering'),
					choices: fc.anything(),
					order: fc.array(fc.oneof(fc.string(), fc.anything())),
				},
				{ requiredKeys: ['type'] }
			),
			fc.anything()
		);
		const entry = fc.record(
			{
				answer,
				updated: fc.oneof(fc.double(), fc.nat(), fc.anything()),
				points: fc.anything(),
				max: fc.anything(),
			},
			{ requiredKeys: [] }
		);
		const stored = fc.record(
			{
				version: fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.anything()),
				questions: fc.oneof(fc.dictionary(fc.string(), entry), fc.anything()),
				attempts: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
				reviews: fc.oneof(
					fc.dictionary(
						fc.string(),
						fc.array(fc.record({ at: fc.anything(), grade: fc.integer({ min: 0, max: 5 }) }))
					),
					fc.anything()
				),
			},
			{ requiredKeys: [] }
		);
		fc.assert(
			fc.property(
				fc.oneof(
					stored.map((value) => JSON.stringify(value) ?? 'null'),
					fc.string()
				),
				(text) => {
					const loaded = parseProgress(text);
					expect(isProgress(loaded.progress)).toBe(true);
					expect(loaded.problem === undefined).toBe(loaded.setAside === undefined);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('progress in a store', () => {
	test('survives a round trip, keyed by question id', () => {
		const store = memoryStore();
		const progress = recordAnswer(
			emptyProgress(),
			'vm-isolation',
			{ type: 'single', choice: 'b' },
			{ points: 1, max: 1 },
			1000
		);
		expect(saveProgress(store, progress)).toBeNull();
		expect(loadProgress(store).progress.questions['vm-isolation']).toEqual({
			answer: { type: 'single', choice: 'b' },
			points: 1,
			max: 1,
			updated: 1000,
		});
	});

	test('a store that cannot be read counts as empty, and a refused write says why', () => {
		// What the device's storage gives when the browser refuses: nothing read, a reason to write.
		const broken: ProgressStore = { read: () => null, write: () => 'full' };
		expect(loadProgress(broken)).toEqual({ progress: emptyProgress() });
		expect(saveProgress(broken, emptyProgress())).toBe('full');
	});

	test('no store at all (server rendering) is empty too, and cannot keep anything', () => {
		expect(loadProgress(undefined).progress).toEqual(emptyProgress());
		expect(saveProgress(undefined, emptyProgress())).toBe('unavailable');
	});

	test('reads the data stored under our key only', () => {
		const store = memoryStore({ other: 'x' });
		saveProgress(store, emptyProgress());
		expect(Object.keys(store.data).sort()).toEqual([PROGRESS_KEY, 'other'].sort());
	});
});

describe('resetQuiz()', () => {
	test('forgets only the quiz’s own questions and attempt', () => {
		let progress = recordAnswer(emptyProgress(), 'a', { type: 'truefalse', value: true });
		progress = recordAnswer(progress, 'b', { type: 'truefalse', value: false });
		progress = {
			...progress,
			attempts: { docker: attempt },
		};
		progress = recordReview(progress, 'a', 3, 1000);
		const reset = resetQuiz(progress, 'docker', ['a']);
		expect(Object.keys(reset.questions)).toEqual(['b']);
		expect(reset.attempts).toEqual({});
		// What the learner remembers is not part of a quiz: the review page still schedules it.
		expect(reset.reviews).toEqual({ a: [{ at: 1000, grade: 3 }] });
	});
});

describe('export and import', () => {
	test('an exported file imports back, the newer answer winning', () => {
		const mine = recordAnswer(emptyProgress(), 'a', { type: 'short', text: 'old' }, undefined, 1);
		const theirs = recordAnswer(
			recordAnswer(emptyProgress(), 'a', { type: 'short', text: 'new' }, undefined, 2),
			'b',
			{ type: 'numeric', value: 4 },
			undefined,
			2
		);
		const result = importProgress(mine, exportProgress(theirs));
		expect('progress' in result && result.progress.questions['a']?.answer).toEqual({
			type: 'short',
			text: 'new',
		});
		expect('progress' in result && Object.keys(result.progress.questions).sort()).toEqual([
			'a',
			'b',
		]);
	});

	test('a file that is not progress is refused with the reason', () => {
		expect(importProgress(emptyProgress(), '{"hello": 1}')).toEqual({ problem: 'foreign' });
		expect(importProgress(emptyProgress(), 'garbage')).toEqual({ problem: 'corrupt' });
	});
});

describe('recordReview()', () => {
	test('keeps each question’s graded answers in time order', () => {
		let progress = recordReview(emptyProgress(), 'a', 1, 10 * SITTING_MS);
		progress = recordReview(progress, 'a', 3, 12 * SITTING_MS);
		progress = recordReview(progress, 'b', 4, 11 * SITTING_MS);
		expect(progress.reviews).toEqual({
			a: [
				{ at: 10 * SITTING_MS, grade: 1 },
				{ at: 12 * SITTING_MS, grade: 3 },
			],
			b: [{ at: 11 * SITTING_MS, grade: 4 }],
		});
	});

	test('the first verdict of a sitting stands: a right answer after a wrong one is not counted', () => {
		const wrong = recordReview(emptyProgress(), 'a', 1, 1000);
		expect(recordReview(wrong, 'a', 3, 1000 + SITTING_MS - 1)).toBe(wrong);
		expect(recordReview(wrong, 'a', 3, 1000 + SITTING_MS).reviews['a']).toHaveLength(2);
	});

	test(`keeps the newest ${MAX_REVIEWS} of a question’s reviews`, () => {
		let progress = emptyProgress();
		for (let day = 0; day < MAX_REVIEWS + 5; day++) {
			progress = recordReview(progress, 'a', 3, day * 24 * SITTING_MS);
		}
		expect(progress.reviews['a']).toHaveLength(MAX_REVIEWS);
		expect(progress.reviews['a']![0]!.at).toBe(5 * 24 * SITTING_MS);
	});
});

describe('mergeProgress()', () => {
	const answer = (text: string) => ({ type: 'short', text }) as const;
	const at = (progress: Progress, id: string, text: string, now: number) =>
		recordAnswer(progress, id, answer(text), undefined, now);

	test('question by question, the newer answer wins, whichever copy holds it', () => {
		const mine = at(at(emptyProgress(), 'a', 'mine', 5), 'b', 'mine', 1);
		const theirs = at(at(emptyProgress(), 'a', 'theirs', 2), 'b', 'theirs', 9);
		const merged = mergeProgress(mine, theirs);
		expect(merged.questions['a']?.answer).toEqual(answer('mine'));
		expect(merged.questions['b']?.answer).toEqual(answer('theirs'));
	});

	test('the newer attempt of each quiz wins, and the review histories are joined', () => {
		const mine: Progress = {
			...recordReview(emptyProgress(), 'a', 1, 100),
			attempts: { docker: { ...attempt, updated: 10 }, final: { ...attempt, updated: 30 } },
		};
		const theirs: Progress = {
			...recordReview(recordReview(emptyProgress(), 'a', 3, 100 + SITTING_MS), 'b', 2, 50),
			attempts: {
				docker: { ...attempt, submitted: true, updated: 20 },
				final: { ...attempt, seed: 9, updated: 25 },
			},
		};
		const merged = mergeProgress(mine, theirs);
		expect(merged.attempts['docker']?.submitted).toBe(true);
		expect(merged.attempts['final']?.seed).toBe(1);
		expect(merged.reviews).toEqual({
			a: [
				{ at: 100, grade: 1 },
				{ at: 100 + SITTING_MS, grade: 3 },
			],
			b: [{ at: 50, grade: 2 }],
		});
	});

	test('what the other copy removed since the base goes, unless changed here later', () => {
		const base = at(at(emptyProgress(), 'a', 'x', 1), 'b', 'x', 1);
		const mine = at(base, 'b', 'changed here', 7);
		const theirs = emptyProgress();
		const merged = mergeProgress(mine, theirs, base);
		expect(merged.questions['a']).toBeUndefined();
		expect(merged.questions['b']?.answer).toEqual(answer('changed here'));
		// Without a base, nothing is removed: an import only adds.
		expect(Object.keys(mergeProgress(mine, theirs).questions)).toEqual(['a', 'b']);
	});

	test('gives back the same object when the other copy brings nothing new', () => {
		const mine = recordReview(at(emptyProgress(), 'a', 'x', 5), 'a', 3, 5);
		expect(mergeProgress(mine, mine)).toBe(mine);
		expect(mergeProgress(mine, at(emptyProgress(), 'a', 'older', 4))).toBe(mine);
		expect(mergeProgress(mine, emptyProgress(), emptyProgress())).toBe(mine);
	});

	test('two copies merged either way agree, and merging again changes nothing', () => {
		const copy = fc
			.array(
				fc.record({
					id: fc.constantFrom('a', 'b', 'c'),
					text: fc.string({ maxLength: 3 }),
					now: fc.nat({ max: 50 }),
					grade: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
				}),
				{ maxLength: 8 }
			)
			.map((steps) =>
				steps.reduce<Progress>(
					(progress, { id, text, now, grade }) =>
						recordReview(at(progress, id, text, now), id, grade, now * SITTING_MS),
					emptyProgress()
				)
			);
		fc.assert(
			fc.property(copy, copy, (one, two) => {
				const merged = mergeProgress(one, two);
				expect(mergeProgress(merged, two)).toBe(merged);
				expect(mergeProgress(merged, one)).toBe(merged);
				expect(mergeProgress(two, one).reviews).toEqual(merged.reviews);
				for (const id of Object.keys(merged.questions)) {
					const newest = Math.max(
						one.questions[id]?.updated ?? -1,
						two.questions[id]?.updated ?? -1
					);
					expect(merged.questions[id]?.updated).toBe(newest);
				}
			})
		);
	});
});

describe('importing older and partly broken files', () => {
	test('an export of version 1 imports, its checked answers scheduled', () => {
		const text = JSON.stringify({
			version: 1,
			questions: {
				a: { answer: { type: 'truefalse', value: true }, points: 1, max: 1, updated: 3 },
			},
			attempts: {},
		});
		const result = importProgress(emptyProgress(), text);
		expect(result).toEqual({
			progress: {
				...emptyProgress(),
				questions: {
					a: { answer: { type: 'truefalse', value: true }, points: 1, max: 1, updated: 3 },
				},
				reviews: { a: [{ at: 3, grade: 3 }] },
			},
			partial: false,
		});
	});

	test('a file with entries this version cannot use imports the others, and says so', () => {
		const result = importProgress(
			emptyProgress(),
			v2({
				questions: { a: { answer: 1 }, b: { answer: { type: 'short', text: 'x' }, updated: 1 } },
			})
		);
		expect('progress' in result && Object.keys(result.progress.questions)).toEqual(['b']);
		expect('partial' in result && result.partial).toBe(true);
	});

	test('an export carries the reviews, and imports back whole', () => {
		const progress = recordReview(emptyProgress(), 'a', 2, 99);
		expect(importProgress(emptyProgress(), exportProgress(progress))).toEqual({
			progress,
			partial: false,
		});
	});
});
