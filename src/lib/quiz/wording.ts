/**
 * How the quiz writes numbers, counts and lists for people, always through `Intl` in the page's
 * language: `0,67` in Italian and `0.67` in English, `1 punto` but `2 punti`, `A e B` and `A, B o
 * C`. Strings with a count have one UI string per plural category (`quiz.points.one`,
 * `quiz.points.other`), picked by `Intl.PluralRules`.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';

/**
 * A number for people: at most two decimals, grouped only from five digits on, so a port such as
 * 8080 stays as it is written while 12.000 is still easy to read.
 */
export function formatNumber(value: number, lang: Locale, maximumFractionDigits = 2): string {
	return new Intl.NumberFormat(lang, { maximumFractionDigits, useGrouping: 'min2' }).format(
		value + 0
	);
}

/** A whole percentage for people (`40%`), never below zero. */
export function formatPercent(percent: number, lang: Locale): string {
	return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(
		Math.max(0, percent) / 100
	);
}

/**
 * The UI string for a count: `key.one`, `key.other` (or another plural category of the language),
 * with `{count}` and the other values filled in; `key.other` when the language's category has no
 * string of its own.
 */
export function plural(
	t: Translate,
	lang: Locale,
	key: string,
	count: number,
	values: Record<string, string | number> = {}
): string {
	const filled = { count: formatNumber(count, lang), ...values };
	const category = `${key}.${new Intl.PluralRules(lang).select(count)}`;
	const text = t(category, filled);
	return text === category ? t(`${key}.other`, filled) : text;
}

/** Items as one phrase of the language: `A e B`, `A, B e C`; `or` lists with `disjunction`. */
export function listOf(
	items: readonly string[],
	lang: Locale,
	type: 'conjunction' | 'disjunction' = 'conjunction'
): string {
	return new Intl.ListFormat(lang, { style: 'long', type }).format(items);
}

/** A value with its unit: `%` right after the number, any other unit after a no-break space. */
export function withUnit(number: string, unit: string | undefined): string {
	if (!unit) return number;
	return unit === '%' ? `${number}%` : `${number}\u00a0${unit}`;
}

/** How well a topic went, by the share of its points: below 60%, below 80%, or 80% and more. */
export type Band = 'low' | 'mid' | 'high';

/** The thresholds of the bands, in percent. */
export const bandThresholds = { mid: 60, high: 80 } as const;

/**
 * The band of a score, by its whole percentage as shown (59.6% shows as 60% and is `mid`).
 * @example scoreBand({ points: 5.96, max: 10 }) // 'mid'
 */
export function scoreBand({ points, max }: { points: number; max: number }): Band {
	const percent = max > 0 ? Math.round((points / max) * 100) : 0;
	if (percent >= bandThresholds.high) return 'high';
	return percent >= bandThresholds.mid ? 'mid' : 'low';
}
