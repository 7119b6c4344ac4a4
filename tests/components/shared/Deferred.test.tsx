// @vitest-environment happy-dom
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { createPartQueue } from '../../../src/components/shared/Deferred';

/** Fake timers for one test: the queue gives each part a task of its own (`setTimeout`). */
function fakeTimers() {
	vi.useFakeTimers();
	onTestFinished(() => {
		vi.useRealTimers();
	});
}

describe('createPartQueue()', () => {
	test('activates one row per task, in order, and is live once the rendered ones are', async () => {
		fakeTimers();
		const done: string[] = [];
		const queue = createPartQueue(true, false, () => done.push('live'));
		expect(queue.hydrating).toBe(true);
		for (const row of ['a', 'b']) queue.add(() => done.push(row), true);
		for (const row of ['c', 'd']) queue.add(() => done.push(row), false);
		expect(done).toEqual([]);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a']);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a', 'b', 'live']);
		await vi.runAllTimersAsync();
		expect(done).toEqual(['a', 'b', 'live', 'c', 'd']);
	});

	test('lazy: keeps the empty parts back until asked, the server’s parts going first', async () => {
		fakeTimers();
		const done: string[] = [];
		const queue = createPartQueue(
			true,
			true,
			() => done.push('live'),
			() => done.push('eager')
		);
		queue.add(() => done.push('a'), true);
		queue.add(() => done.push('c'), false);
		queue.add(() => done.push('b'), true);
		queue.add(() => done.push('d'), false);
		await vi.runAllTimersAsync();
		expect(done).toEqual(['a', 'b', 'live']);
		queue.activateAll();
		// Said once, at once: the island may now mount the parts it had left out.
		queue.activateAll();
		expect(done).toEqual(['a', 'b', 'live', 'eager']);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a', 'b', 'live', 'eager', 'c']);
		await vi.runAllTimersAsync();
		expect(done).toEqual(['a', 'b', 'live', 'eager', 'c', 'd']);
	});

	test('on the server, never hydrating', () => {
		vi.stubGlobal('window', undefined);
		onTestFinished(() => {
			vi.unstubAllGlobals();
		});
		expect(createPartQueue(true, false, () => {}).hydrating).toBe(false);
	});
});
