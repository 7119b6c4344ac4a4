import type { Locale } from '../i18n/locale.ts';
import type { Question } from './schema.ts';

/**
 * A page's questions in its own language only, for the island's props: every `{ it, en }` keeps
 * the page's text and leaves the other empty (`''`, or `[]` for the answers a short question
 * accepts), so a page does not carry the course twice. Ids, answers, points and the shape stay as
 * they are: answer keys and stored progress, which are by id, cannot tell the difference.
 * The right-hand texts of a matching question keep both languages, because pairs sharing the
 * Italian text share one option (`matchingOptions()`).
 */
export function questionsIn(lang: Locale, questions: readonly Question[]): Question[] {
	return questions.map((question) => {
		const trimmed = inLanguage(lang, question) as Question;
		if (question.type === 'matching' && trimmed.type === 'matching') {
			trimmed.pairs = trimmed.pairs.map((pair, index) => ({
				...pair,
				right: question.pairs[index]!.right,
			}));
		}
		return trimmed;
	});
}

function isLocalized(value: object): value is Record<Locale, unknown> {
	const keys = Object.keys(value);
	return keys.length === 2 && 'it' in value && 'en' in value;
}

function inLanguage(lang: Locale, value: unknown): unknown {
	if (Array.isArray(value)) return value.map((item) => inLanguage(lang, item));
	if (value === null || typeof value !== 'object') return value;
	if (isLocalized(value)) {
		const other: Locale = lang === 'it' ? 'en' : 'it';
		return { [lang]: value[lang], [other]: Array.isArray(value[other]) ? [] : '' };
	}
	return Object.fromEntries(
		Object.entries(value).map(([key, item]) => [key, inLanguage(lang, item)])
	);
}
