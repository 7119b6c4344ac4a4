/**
 * How a typed short answer is compared with the accepted ones. Forgiving about what a learner
 * types out of habit or because of the keyboard — capitals, spaces, a full stop or quotes around
 * the word, an article in front of it (`l'ipervisore`, `l ipervisore`, `L’ipervisore`, `the
 * hypervisor`), an apostrophe for a missing accented key (`perche'`) — and still exact about the
 * word itself: no spelling is guessed, so `hypervisors` is not `hypervisor` and `e` is not `è`.
 */
import type { Locale } from '../i18n/locale.ts';

/** Apostrophes as keyboards and word processors type them, all read as `'`. */
const apostrophes = /[\u2018\u2019\u201B\u02BC\u00B4\u2032]/g;
/** Characters that take no room and that nobody means to type (zero-width spaces, soft hyphen). */
const invisible = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Punctuation, quotes and brackets that may stand around an answer without changing it. */
const around = `\\s.,;:!?¡¿…"“”„«»‹›()\\[\\]{}\`*_`;
const leading = new RegExp(`^[${around}]+`, 'u');
const trailing = new RegExp(`[${around}]+$`, 'u');

/**
 * Articles and elided articles a learner may put before the term, by language. Only at the
 * start and only before another word, so the article is never the whole answer.
 */
const articles: Record<Locale, RegExp[]> = {
	it: [
		// l'ipervisore, un'immagine (the apostrophe may be followed by a space, or replaced by one
		// before a vowel or an h: `l ipervisore`, `l hypervisor`)
		/^(?:l|un)'\s*(?=\S)/,
		/^l\s+(?=[aeiouhàèéìòù])/,
		/^(?:il|lo|la|i|gli|le|un|uno|una)\s+(?=\S)/,
	],
	en: [/^(?:the|a|an)\s+(?=\S)/],
};

/**
 * The form short answers are compared in: lower case, single spaces, no punctuation or quotes
 * around it, no leading article, and a word-final accent written the same whichever way it was
 * typed (`perché`, `perchè`, `perche'`).
 * @example normalizeShortAnswer('  L’Ipervisore. ', 'it') // 'ipervisore'
 */
export function normalizeShortAnswer(text: string, lang: Locale): string {
	let value = text
		.normalize('NFC')
		.replace(invisible, '')
		.replace(apostrophes, "'")
		.toLowerCase()
		.replace(/\s+/g, ' ');
	let before: string;
	do {
		before = value;
		value = value.replace(leading, '').replace(trailing, '');
		// A pair of single quotes around the whole answer: 'ipervisore'.
		if (value.length > 1 && value.startsWith("'") && value.endsWith("'"))
			value = value.slice(1, -1);
	} while (value !== before);
	// An apostrophe never starts a word; at the end of one, after a vowel it stands for an accent.
	value = value.replace(/^'+/, '');
	value = sameAccents(value).replace(/(?<![aeiou])'+$/, '');
	for (const article of articles[lang]) {
		const stripped = value.replace(article, '');
		if (stripped !== value) {
			value = stripped;
			break;
		}
	}
	return value;
}

/**
 * A word-final accented vowel and the vowel with an apostrophe (how it is typed on a keyboard
 * without the accented key) in one form: `à`, `á` and `a'` all become `a'`. Accents elsewhere in
 * a word stay as they are.
 */
function sameAccents(text: string): string {
	return text
		.normalize('NFD')
		.replace(/([aeiou])[\u0300\u0301](?=$|[\s'.,;:!?])/g, "$1'")
		.replace(/([aeiou])''+(?=$|\s)/g, "$1'")
		.normalize('NFC');
}

/** Whether a typed answer is the same as an accepted one, in the learner's language. */
export function sameShortAnswer(answer: string, accepted: string, lang: Locale): boolean {
	const typed = normalizeShortAnswer(answer, lang);
	return typed !== '' && typed === normalizeShortAnswer(accepted, lang);
}
