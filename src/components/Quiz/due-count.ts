/**
 * Fills in the home page's count of questions due today (`DueCount.astro`). The scheduler
 * (ts-fsrs, through `review.ts`) is fetched only when the learner has answered something, so a
 * first visit loads nothing but this.
 */
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator } from '../../lib/i18n/strings.ts';
import { plural } from '../../lib/quiz/due.ts';
import { loadProgress } from '../../lib/quiz/progress.ts';
import { deviceStorage } from '../shared/storage.ts';

/** Every count on the page, each from its own element's data. */
export async function showDueCounts(): Promise<void> {
	for (const element of document.querySelectorAll<HTMLElement>('[data-due-count]')) {
		const text = element.querySelector('.due-count-text');
		if (!text) continue;
		const lang: Locale = element.dataset['lang'] === 'en' ? 'en' : 'it';
		const ids = new Set(JSON.parse(element.dataset['ids'] ?? '[]') as string[]);
		const t = translator(
			Object.fromEntries(
				Object.entries(
					JSON.parse(element.dataset['strings'] ?? '{}') as Record<string, string>
				).map(([key, value]) => [`quiz.spaced.${key}`, value])
			)
		);
		const { progress } = loadProgress(deviceStorage());
		// Nothing answered yet: the line keeps saying what the review is.
		if (!Object.keys(progress.reviews).some((id) => ids.has(id))) continue;
		const { countDue } = await import('../../lib/quiz/review.ts');
		const count = countDue(progress, ids, Date.now());
		text.textContent =
			count > 0 ? plural(t, 'quiz.spaced.due', count, lang) : t('quiz.spaced.none');
	}
}
