/**
 * The UI strings an island receives from its Astro wrapper, and the one way the islands read them:
 * `t('quiz.check')`, by the same full key as in `src/content/i18n/it.json` and `en.json`.
 */
import { format } from './format.ts';

/** UI strings by their full dotted key (`builder.copy`), in one language. */
export type UiStrings = Readonly<Record<string, string>>;

/** A UI string by its full key with its `{placeholders}` filled in; the key itself if missing. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The `t()` of an island, over the strings its wrapper passed. */
export function translator(strings: UiStrings): Translate {
	return (key, values) => {
		const text = strings[key] ?? key;
		return values ? format(text, values) : text;
	};
}

/**
 * The UI strings of one island (`quiz.`, `builder.`, `compose.`), from all of Starlight's strings,
 * as the plain record the island receives as a prop.
 */
export function stringsWithPrefix(all: Record<string, unknown>, prefix: string): UiStrings {
	return Object.fromEntries(
		Object.entries(all).filter(
			(entry): entry is [string, string] =>
				entry[0].startsWith(prefix) && typeof entry[1] === 'string'
		)
	);
}
