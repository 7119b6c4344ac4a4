/**
 * The home page's count of questions due today (`DueCount.astro`), in two steps so that the page
 * stays light: here, at load, only a look at whether the device holds any review at all; the
 * progress checks, the scheduler (ts-fsrs) and the count load after that, and only for a learner
 * who has answered something.
 */
import { PROGRESS_KEY } from '../../lib/quiz/progress-key.ts';

/** Whether the stored progress text has any graded answer; never throws. */
function hasReviews(): boolean {
	try {
		const data = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as {
			reviews?: unknown;
			version?: unknown;
		} | null;
		// Version 1 kept checked answers only; `parseProgress()` makes them reviews.
		return Boolean(
			data && (data.version === 1 || (data.reviews && Object.keys(data.reviews).length > 0))
		);
	} catch {
		return false;
	}
}

/** Fills in every count on the page, once the device says there is something to count. */
export async function showDueCounts(): Promise<void> {
	const elements = document.querySelectorAll<HTMLElement>('[data-due-count]');
	if (elements.length === 0 || !hasReviews()) return;
	const { dueCountText } = await import('./due-count-text.ts');
	for (const element of elements) {
		const text = element.querySelector('.due-count-text');
		const line = dueCountText(element.dataset, Date.now());
		if (text && line) text.textContent = line;
	}
}
