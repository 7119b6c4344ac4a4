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

	test('lazy: renders the empty parts once the first nears the screen, or once asked', async () => {
		vi.useFakeTimers();
		const observed: Element[] = [];
		let report: (target: Element) => void = () => {};
		vi.stubGlobal(
			'IntersectionObserver',
			class {
				constructor(callback: (entries: { isIntersecting: boolean; target: Element }[]) => void) {
					report = (target) => callback([{ isIntersecting: true, target }]);
				}
				observe(target: Element) {
					observed.push(target);
				}
				disconnect() {}
			}
		);
		onTestFinished(() => {
			vi.useRealTimers();
			vi.unstubAllGlobals();
		});
		const lazyQueue = (add: (queue: ReturnType<typeof createPartQueue>) => void) => {
			const queue = createPartQueue(true, true);
			add(queue);
			return queue;
		};
		const done: string[] = [];
		const placeholders = ['c', 'd'].map(() => document.createElement('div'));
		const queue = lazyQueue((queue) => {
			queue.add(() => done.push('a'), true);
			queue.add(() => done.push('c'), false, placeholders[0]);
			queue.add(() => done.push('b'), true);
			queue.add(() => done.push('d'), false, placeholders[1]);
			queue.whenDrained(() => done.push('drained'));
		});
		await vi.runAllTimersAsync();
		// The server's parts, each in its task; the first placeholder stands for the rest.
		expect(done).toEqual(['a', 'b']);
		expect(observed).toEqual([placeholders[0]]);
		report(placeholders[0]!);
		await vi.advanceTimersToNextTimerAsync();
		expect(done).toEqual(['a', 'b', 'c']);
		await vi.runAllTimersAsync();
		expect(done).toEqual(['a', 'b', 'c', 'd', 'drained']);

		const asked: string[] = [];
		lazyQueue((queue) => {
			queue.add(() => asked.push('e'), false, document.createElement('div'));
			queue.activateAll();
		});
		expect(queue.hydrating).toBe(true);
		await vi.runAllTimersAsync();
		expect(asked).toEqual(['e']);
	});

	test('with no rendered row waiting, is live at once', () => {
		let live = false;
		createPartQueue(false).whenLive(() => (live = true));
		expect(live).toBe(true);
	});
});
