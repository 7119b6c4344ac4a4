/**
 * The pool the final test draws from: every question of the banks, in one language. The final
 * test's page carries only the draw it shows first; the island fetches this file once it hydrates,
 * for the learner's own draw (a stored attempt, a shared seed, "Start over"). Both languages are
 * built, at `quiz/final/it.json` and `quiz/final/en.json`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { locales, toLocale } from '../../../lib/i18n/locale';
import { selectQuestions } from '../../../lib/quiz/attempt';
import { questionsIn } from '../../../lib/quiz/one-language';

export const getStaticPaths = (() =>
	locales.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const { questions } = selectQuestions({
		banks: (await getCollection('quizzes')).map((entry) => entry.data),
		topic: 'final',
		page: '/quiz/final/',
	});
	return new Response(JSON.stringify(questionsIn(toLocale(params.lang), questions)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
