import type { Locale } from '../i18n/locale.ts';

/**
 * A download's size as people read it, in the page's language: `840 kB`, `4,2 MB` (`4.2 MB` in
 * English). Decimal units, as browsers and operating systems show storage.
 */
export function formatSize(bytes: number, lang: Locale): string {
	const megabytes = bytes >= 1e6;
	const value = megabytes ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3));
	const number = new Intl.NumberFormat(lang, { maximumFractionDigits: megabytes ? 1 : 0 }).format(
		value
	);
	return `${number} ${megabytes ? 'MB' : 'kB'}`;
}
