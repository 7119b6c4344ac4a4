/**
 * What the page and the service worker say to each other about saving the course: the page asks
 * with a `SaveRequest`, the worker answers with `SaveReport`s as it goes.
 */

import type { Locale } from '../i18n/locale.ts';

/** Sent by the page: save every page of these languages, with what they load. */
export interface SaveRequest {
	type: 'save-course';
	langs: Locale[];
	/** The page's language, for the size in the report. */
	lang: Locale;
}

/** Sent by the worker: progress (`done` of `total` files), then the result. */
export type SaveReport =
	| { type: 'saving'; done: number; total: number }
	| {
			type: 'done';
			total: number;
			bytes: number;
			/** `bytes` for people: `4,2 MB`. */ size: string;
	  }
	| { type: 'failed'; count: number; total: number }
	| { type: 'error' };

/** Whether a message is a request to save the course, in languages the site has. */
export function isSaveRequest(data: unknown): data is SaveRequest {
	if (typeof data !== 'object' || data === null) return false;
	const { type, langs, lang } = data as Partial<SaveRequest>;
	return (
		type === 'save-course' &&
		(lang === 'it' || lang === 'en') &&
		Array.isArray(langs) &&
		langs.length > 0 &&
		langs.every((lang) => lang === 'it' || lang === 'en')
	);
}
