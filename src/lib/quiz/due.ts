/**
 * What the learner reads about their reviews: how many are due, and when one comes back. Plain
 * `Intl`, no scheduler, so the home page can say it without loading one.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';

/**
 * A UI string with a count, in the plural the language needs: the key's `.one`, `.other`, … form
 * as `Intl.PluralRules` picks it, `.other` when the language has no form of its own for it.
 */
export function plural(
	t: Translate,
	key: string,
	count: number,
	lang: Locale,
	values: Record<string, string | number> = {}
): string {
	const form = new Intl.PluralRules(lang).select(count);
	const filled = { ...values, count: new Intl.NumberFormat(lang).format(count) };
	const text = t(`${key}.${form}`, filled);
	return text === `${key}.${form}` ? t(`${key}.other`, filled) : text;
}

/** Whole calendar days from one moment's day to another's, in the device's time zone. */
export function daysBetween(from: number, to: number): number {
	const day = (ms: number) => {
		const date = new Date(ms);
		return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
	};
	return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * When something falls, for people: `domani (venerdì 12 dicembre)`, `tra 3 giorni (…)`, `oggi`.
 * Past days count as today: a question overdue is due now.
 */
export function whenText(due: number, now: number, lang: Locale): string {
	const days = Math.max(0, daysBetween(now, due));
	const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
	if (days === 0) return relative;
	const date = new Intl.DateTimeFormat(lang, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
	}).format(new Date(due));
	return `${relative} (${date})`;
}
