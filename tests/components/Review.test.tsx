// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dueCountText } from '../../src/components/Quiz/due-count-text';
import Review from '../../src/components/Quiz/Review';
import { PROGRESS_KEY } from '../../src/lib/quiz/progress';
import type { Question } from '../../src/lib/quiz/schema';
import { questionOf, t } from './quiz-fixtures';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

const questions: Question[] = [
	{
		id: 'rm-volume',
		type: 'truefalse',
		prompt: t('`docker rm` cancella i volumi.'),
		answer: false,
	},
	{ id: 'vm-host', type: 'truefalse', prompt: t('L’host ospita le VM.'), answer: true },
	{ id: 'never-seen', type: 'truefalse', prompt: t('Mai vista.'), answer: true },
].map((q) => questionOf(q));
const quizStrings = (all: Record<string, string>) =>
	Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('quiz.')));
const day = 24 * 60 * 60 * 1000;

/** Progress whose questions were graded `daysAgo` days ago (1 again, 3 good). */
function store(reviews: Readonly<Record<string, readonly [number, 1 | 3]>>) {
	localStorage.setItem(
		PROGRESS_KEY,
		JSON.stringify({
			version: 2,
			questions: {},
			attempts: {},
			reviews: Object.fromEntries(
				Object.entries(reviews).map(([id, [daysAgo, grade]]) => [
					id,
					[{ at: Date.now() - daysAgo * day, grade }],
				])
			),
		})
	);
}

function renderReview(lang: 'it' | 'en' = 'it') {
	return render(
		<Review
			questions={questions}
			penalties={{}}
			lang={lang}
			strings={quizStrings(lang === 'it' ? italian : english)}
		/>
	);
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('<Review>', () => {
	test('with nothing answered yet, it says how questions get here', async () => {
		renderReview();
		expect(await screen.findByText(/Non hai ancora risposto a nessuna domanda/)).toBeTruthy();
		expect(screen.queryByRole('group')).toBeNull();
	});

	test('lists the questions due today, and records each review in the same progress', async () => {
		// Wrong two days ago: due. Right yesterday: due in two days.
		store({ 'rm-volume': [2, 1], 'vm-host': [1, 3], 'gone-from-the-bank': [30, 1] });
		renderReview();
		expect(await screen.findByText(/Oggi hai 1 domanda da ripassare\./)).toBeTruthy();
		expect(screen.getByText(/Stai imparando 2 domande in tutto\./)).toBeTruthy();
		const question = screen.getByRole('group', { name: /cancella i volumi/ });
		expect(screen.getAllByRole('group')).toHaveLength(1);
		// It starts unanswered, whatever the quizzes hold.
		const check = screen.getByRole('button', { name: 'Controlla' });
		expect((check as HTMLButtonElement).disabled).toBe(true);
		fireEvent.click(within(question).getByRole('radio', { name: 'Falso' }));
		fireEvent.click(check);
		expect(await within(question).findByText('Giusto!')).toBeTruthy();
		expect(screen.getByText(/^Questa domanda tornerà tra \d+ giorni \(/)).toBeTruthy();
		expect(screen.getByText('Ripassate: 1 su 1')).toBeTruthy();
		expect(
			screen.getByText(/Il ripasso di oggi è finito: complimenti! Il prossimo ripasso è/)
		).toBeTruthy();
		const stored = JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as {
			reviews: Record<string, { grade: number }[]>;
		};
		expect(stored.reviews['rm-volume']?.map((log) => log.grade)).toEqual([1, 3]);
	});

	test('when nothing is due, it says when the next review is, in the page’s language', async () => {
		store({ 'vm-host': [0, 3] });
		renderReview('en');
		expect(
			await screen.findByText(
				/^Nothing to review today\. Your next review is in 3 days \(.+\)\. You are learning 1 question in all\.$/
			)
		).toBeTruthy();
	});
});

describe('the home page’s count', () => {
	const data = (lang: string) => ({
		lang,
		ids: JSON.stringify(questions.map((q) => q.id)),
		strings: JSON.stringify(
			Object.fromEntries(
				['due.one', 'due.other', 'none'].map((key) => [
					key,
					(lang === 'it' ? italian : english)[`quiz.spaced.${key}` as keyof typeof italian],
				])
			)
		),
	});

	test.each([
		['it', { 'rm-volume': [2, 1], 'vm-host': [5, 3] }, 'Oggi hai 2 domande da ripassare.'],
		['en', { 'rm-volume': [2, 1] }, 'You have 1 question to review today.'],
		['it', { 'vm-host': [0, 3] }, 'Per oggi non hai niente da ripassare.'],
	] as const)('%s: %j gives “%s”', (lang, reviews, text) => {
		store(reviews);
		expect(dueCountText(data(lang), Date.now())).toBe(text);
	});

	test('without any review of the banks’ questions, the line keeps its text', () => {
		expect(dueCountText(data('it'), Date.now())).toBeUndefined();
		store({ 'gone-from-the-bank': [3, 1] });
		expect(dueCountText(data('it'), Date.now())).toBeUndefined();
	});
});
