import { describe, expect, test } from 'vitest';
import {
	emptyProgress,
	exportProgress,
	importProgress,
	loadProgress,
	parseProgress,
	PROGRESS_KEY,
	PROGRESS_VERSION,
	recordAnswer,
	resetQuiz,
	saveProgress,
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

describe('parseProgress()', () => {
	test('starts empty when nothing is stored', () => {
		expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
	});

	test.each([
		['corrupt', '{"version": 1, "questions": '],
		['corrupt', '\u0000\u0001 not json'],
		['foreign', '{"something": "else"}'],
		['foreign', '[1, 2, 3]'],
		['foreign', 'null'],
		[
			'foreign',
			JSON.stringify({
				version: PROGRESS_VERSION,
				questions: { q: { answer: { type: 'single' }, updated: 1 } },
				attempts: {},
			}),
		],
		['foreign', JSON.stringify({ version: PROGRESS_VERSION + 1, questions: {}, attempts: {} })],
		[
			'foreign',
			JSON.stringify({
				version: PROGRESS_VERSION,
				questions: { q: { answer: { type: 'essay', text: 'x' }, updated: 1 } },
				attempts: {},
			}),
		],
		[
			'foreign',
			JSON.stringify({
				version: PROGRESS_VERSION,
				questions: {},
				attempts: { docker: { seed: -1, mode: 'test', started: 0 } },
			}),
		],
		['foreign', JSON.stringify({ version: PROGRESS_VERSION, questions: [], attempts: {} })],
		['old', JSON.stringify({ version: 0, answers: {} })],
	])('sets %s data aside without throwing: %s', (problem, text) => {
		const loaded = parseProgress(text);
		expect(loaded.problem).toBe(problem);
		expect(loaded.setAside).toBe(text);
		expect(loaded.progress).toEqual(emptyProgress());
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
			attempts: { docker: { seed: 1, mode: 'test', submitted: false, started: 0 } },
		};
		const reset = resetQuiz(progress, 'docker', ['a']);
		expect(Object.keys(reset.questions)).toEqual(['b']);
		expect(reset.attempts).toEqual({});
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
