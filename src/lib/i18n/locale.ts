/** The locales of the site: Italian at the root, English under `/en/`. */
export const locales = ['it', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * The course locale for Astro's `currentLocale` (`'it'`, `'en'`, or `undefined` on pages outside
 * the locales): Italian unless the page is English.
 */
export function toLocale(currentLocale: string | undefined): Locale {
	return locales.find((locale) => locale === currentLocale) ?? 'it';
}

/** A record that holds the same content in every locale, like a figure's labels. */
export type Localized<T> = Record<Locale, T>;

/** Picks the content of one locale from a record that holds both. */
export function pick<T>(record: Localized<T>, currentLocale: string | undefined): T {
	return record[toLocale(currentLocale)];
}
