// @vitest-environment happy-dom
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { createPartQueue } from '../../../src/components/shared/Deferred';

describe('createPartQueue()', () => {
	test('activates one row per task, in order, and is live once the rendered ones are', async () => {
		vi.useFakeTimers();
		onTestFinished(() => {
			vi.useRealTimers();
		});
		const queue = createPartQueue(true);
		expect(queue.hydrating).toBe(true);
		const done: string[] = [];
		for (const row of ['a', 'b']) queue.add(() => done.push(row), true);
		for (const row of ['c', 'd']) queue.add(() => done.push(row), false);
		queue.whenLive(() => done.push('live'));
		queue.whenDrained(() => done.push('drained'));
		expect(done).toEqual([]);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a']);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a', 'b', 'live']);
		await vi.runAllTimersAsync();
		expect(done).toEqual(['a', 'b', 'live', 'c', 'd', 'drained']);
	});

	test('with no rendered row waiting, is live at once', () => {
		let live = false;
		createPartQueue(false).whenLive(() => (live = true));
		expect(live).toBe(true);
	});
});
