/**
 * What the browser benchmarks share: how long the longest task kept a tab busy while an island
 * worked (the `longtask` entries of the Long Tasks API, which reports every task over 50 ms), a
 * paste as the browser delivers it, and the median of a few fresh tabs.
 */
import type { Locator, Page } from 'playwright-core';

interface Watched {
	longTasks: number[];
}

/**
 * Starts recording the page's long tasks from now on, forgetting any before: what the page did
 * while it loaded is not the island's answer to the learner.
 */
export async function watchLongTasks(page: Page): Promise<void> {
	await page.evaluate(() => {
		const watched = window as unknown as Watched;
		if (watched.longTasks) {
			watched.longTasks.length = 0;
			return;
		}
		const tasks: number[] = [];
		watched.longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
}

/** The longest task recorded since `watchLongTasks`, in whole milliseconds; 0 when none passed 50 ms. */
export async function longestTask(page: Page): Promise<number> {
	const tasks = await page.evaluate(() => (window as unknown as Watched).longTasks);
	return Math.round(Math.max(0, ...tasks));
}

/** Puts the text in the field in one input event, as a paste does. */
export async function paste(field: Locator, text: string): Promise<void> {
	await field.evaluate((box: HTMLTextAreaElement, value) => {
		box.value = value;
		box.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
