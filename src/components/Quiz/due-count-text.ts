/**
 * What the home page says of the questions due today, from the data of its `DueCount.astro`
 * element and the progress on the device. Loaded after first paint by `due-count.ts`.
 */
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator } from '../../lib/i18n/strings.ts';
import { plural } from '../../lib/quiz/due.ts';
import { loadProgress } from '../../lib/quiz/progress.ts';
import { countDue } from '../../lib/quiz/review.ts';
import { deviceStorage } from '../shared/storage.ts';

/**
 * The line for one element: `data-lang`, `data-ids` (the questions the banks have now) and
 * `data-strings` (its texts, by key below `quiz.spaced.`). `undefined` when the learner has no
 * review of any of those questions, so that the line keeps saying what the review is.
 */
export function dueCountText(data: DOMStringMap, now: number): string | undefined {
	const lang: Locale = data['lang'] === 'en' ? 'en' : 'it';
	const ids = new Set(JSON.parse(data['ids'] ?? '[]') as string[]);
	const strings = JSON.parse(data['strings'] ?? '{}') as Record<string, string>;
	const t = translator(
		Object.fromEntries(Object.entries(strings).map(([key, value]) => [`quiz.spaced.${key}`, value]))
	);
	const { progress } = loadProgress(deviceStorage());
	if (!Object.keys(progress.reviews).some((id) => ids.has(id))) return undefined;
	const count = countDue(progress, ids, now);
	return count > 0 ? plural(t, 'quiz.spaced.due', count, lang) : t('quiz.spaced.none');
}
