// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import Quiz, { renderedRows, type QuizProps } from '../../src/components/Quiz/Quiz';
import type { Question } from '../../src/lib/quiz/schema';
import { questionOf, t } from './quiz-fixtures';
import { quizStrings, renderQuizOf } from './quiz-render';

const questions: Question[] = [
	{
		id: 'vm-host',
		type: 'single',
		prompt: t('Chi ospita le macchine virtuali?'),
		choices: [
			{ id: 'host', text: t('L’host'), correct: true },
			{ id: 'guest', text: t('Il guest') },
		],
	},
	{
		id: 'rm-volume',
		type: 'truefalse',
		prompt: t('`docker rm` cancella i volumi con nome.'),
		answer: false,
	},
	{
		id: 'hypervisor',
		type: 'truefalse',
		prompt: t('Un hypervisor di tipo 1 gira sull’hardware.'),
		answer: true,
	},
].map((q) => questionOf(q));

const strings = quizStrings;
const renderQuiz = (props: Partial<QuizProps> = {}) => renderQuizOf(questions, props);

/** The questions in the order of the attempt, shown or not. */
const groups = () => [...document.querySelectorAll<HTMLElement>('fieldset.quiz-question')];
const navigator = () => screen.getByRole('navigation', { name: 'Domande' });
const navLinks = () => within(navigator()).getAllByRole('link');
const skipLink = () =>
	screen.getByRole('link', { name: 'Vai alla prossima domanda senza risposta' });

beforeEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/quiz/docker/');
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('the question navigator', () => {
	test('links each question by its number, saying in words and marks whether it is answered', async () => {
		await renderQuiz();
		const links = navLinks();
		expect(links.map((link) => link.textContent)).toEqual([
			'1, senza risposta',
			'2, senza risposta',
			'3, senza risposta',
		]);
		// Each link goes to its question's item.
		const items = groups().map((group) => group.closest('li')!);
		expect(links.map((link) => link.getAttribute('href'))).toEqual(
			items.map((item) => `#${item.id}`)
		);

		const first = groups()[0]!;
		fireEvent.click(within(first).getAllByRole('radio')[0]!);
		expect(navLinks()[0]!.textContent).toMatch(/^1, risposta data•$/);
		// Practice: once checked, right or wrong.
		fireEvent.click(within(first.parentElement!).getByRole('button', { name: 'Controlla' }));
		await waitFor(() =>
			expect(navLinks()[0]!.textContent).toMatch(/^1, risposta (giusta✓|sbagliata✗)$/)
		);
		expect(navLinks()[1]!.textContent).toBe('2, senza risposta');
	});

	test('a link takes the keyboard to its question', async () => {
		await renderQuiz();
		fireEvent.click(navLinks()[2]!);
		await waitFor(() => expect(document.activeElement).toBe(groups()[2]));
	});

	test('the skip link comes first, and goes to the first control of the next unanswered question', async () => {
		const { container } = await renderQuiz();
		const focusable = container.querySelectorAll('a[href], input, button, summary');
		expect(focusable[0]).toBe(skipLink());

		fireEvent.click(skipLink());
		await waitFor(() =>
			expect(document.activeElement).toBe(within(groups()[0]!).getAllByRole('radio')[0])
		);
		// Answered there: the next skip goes on to the next question.
		fireEvent.click(document.activeElement!);
		fireEvent.click(skipLink());
		await waitFor(() =>
			expect(document.activeElement).toBe(within(groups()[1]!).getAllByRole('radio')[0])
		);
		// From the last question it goes round to the first one still without an answer.
		const last = within(groups()[2]!).getAllByRole('radio')[0]!;
		last.focus();
		fireEvent.click(last);
		fireEvent.click(skipLink());
		await waitFor(() =>
			expect(document.activeElement).toBe(within(groups()[1]!).getAllByRole('radio')[0])
		);
	});

	test('the skip link goes once every question has an answer', async () => {
		await renderQuiz();
		for (const group of groups()) fireEvent.click(within(group).getAllByRole('radio')[0]!);
		expect(
			screen.queryByRole('link', { name: 'Vai alla prossima domanda senza risposta' })
		).toBeNull();
	});

	test('links every question of a long quiz while its rows are still being rendered, and hydrating moves nothing', async () => {
		const many = Array.from({ length: renderedRows + 3 }, (_, index) =>
			questionOf({ ...questions[1], id: `statement-${index}` })
		);
		const props = {
			quizId: 'docker',
			questions: many,
			penalties: {},
			lang: 'it',
			strings,
		} as const;
		const container = document.createElement('div');
		document.body.append(container);
		onTestFinished(() => container.remove());
		vi.stubGlobal('window', undefined);
		const server = renderToString(<Quiz {...props} deferRows />);
		vi.unstubAllGlobals();
		container.innerHTML = server;
		// Every question has its link and its target, rendered or not yet.
		const hrefs = [...container.querySelectorAll('.quiz-nav a')].map((a) => a.getAttribute('href'));
		expect(hrefs).toHaveLength(many.length);
		for (const href of hrefs) expect(container.querySelector(href!)).not.toBeNull();
		expect(container.querySelectorAll('fieldset.quiz-question')).toHaveLength(renderedRows);
		const serverNav = container.querySelector('.quiz-nav')!.outerHTML;

		hydrate(<Quiz {...props} deferRows />, container);
		const sheet = container.querySelector<HTMLElement>('.quiz')!;
		// The first render in the browser is the server's: the navigator is the same markup.
		expect(container.querySelector('.quiz-nav')!.outerHTML).toBe(serverNav);
		await waitFor(() => expect(sheet.hasAttribute('aria-busy')).toBe(false));
		const last = container.querySelector<HTMLAnchorElement>('.quiz-nav li:last-child a')!;
		fireEvent.click(last);
		await waitFor(() =>
			expect(document.activeElement).toBe(
				container.querySelector(`${last.getAttribute('href')} fieldset`)
			)
		);
	});
});

test('a long quiz has its navigator closed, and its links only once opened', async () => {
	const many = Array.from({ length: 31 }, (_, index) =>
		questionOf({ ...questions[1], id: `statement-${index}` })
	);
	const { container } = await renderQuiz({ questions: many });
	expect(container.querySelector('.quiz-nav details')).toHaveProperty('open', false);
	expect(container.querySelectorAll('.quiz-nav a')).toHaveLength(0);
	fireEvent.click(within(navigator()).getByText('Domande'));
	await waitFor(() => expect(container.querySelectorAll('.quiz-nav a')).toHaveLength(31));
});

describe('one question per screen', () => {
	const toggle = () => screen.getByRole('checkbox', { name: 'Una domanda per schermata' });
	const visible = () => groups().filter((group) => !group.closest('li')!.hidden);

	test('shows one question, with the previous and the next, and the keyboard on the one shown', async () => {
		await renderQuiz();
		expect(visible()).toHaveLength(3);
		expect(screen.queryByRole('button', { name: /Domanda successiva/ })).toBeNull();
		fireEvent.click(toggle());
		expect(visible()).toEqual([groups()[0]]);
		expect(navLinks()[0]!.getAttribute('aria-current')).toBe('true');
		const previous = screen.getByRole<HTMLButtonElement>('button', { name: /Domanda precedente/ });
		expect(previous.disabled).toBe(true);

		fireEvent.click(screen.getByRole('button', { name: /Domanda successiva/ }));
		await waitFor(() => expect(document.activeElement).toBe(groups()[1]));
		expect(visible()).toEqual([groups()[1]]);
		expect(navLinks()[1]!.getAttribute('aria-current')).toBe('true');

		// The navigator jumps; the skip link shows the next unanswered question.
		fireEvent.click(navLinks()[2]!);
		await waitFor(() => expect(document.activeElement).toBe(groups()[2]));
		expect(visible()).toEqual([groups()[2]]);
		expect(
			screen.getByRole<HTMLButtonElement>('button', { name: /Domanda successiva/ }).disabled
		).toBe(true);
		fireEvent.click(skipLink());
		await waitFor(() =>
			expect(document.activeElement).toBe(within(groups()[0]!).getAllByRole('radio')[0])
		);
		expect(visible()).toEqual([groups()[0]]);
	});

	test('is remembered on the device; the long page stays the default', async () => {
		await renderQuiz();
		fireEvent.click(toggle());
		cleanup();
		await renderQuiz();
		expect(toggle()).toHaveProperty('checked', true);
		expect(visible()).toHaveLength(1);
		fireEvent.click(toggle());
		expect(visible()).toHaveLength(3);
		cleanup();
		await renderQuiz();
		expect(toggle()).toHaveProperty('checked', false);
	});

	test('is not offered in a chapter’s quiz, which has the navigator all the same', async () => {
		await renderQuiz({ quizId: 'chapter-docker-volumi', compact: true });
		expect(screen.queryByRole('checkbox', { name: 'Una domanda per schermata' })).toBeNull();
		expect(navLinks()).toHaveLength(3);
	});
});

describe('a new attempt', () => {
	test('after a test is handed in, starting over puts the keyboard on the first option of the first question', async () => {
		await renderQuiz();
		fireEvent.click(screen.getByRole('radio', { name: 'Prova' }));
		fireEvent.click(within(groups()[0]!).getAllByRole('radio')[0]!);
		fireEvent.click(screen.getByRole('button', { name: 'Consegna' }));
		const restart = await screen.findByRole('button', { name: 'Ricomincia' });
		restart.focus();
		fireEvent.click(restart);
		await waitFor(() =>
			expect(document.activeElement).toBe(within(groups()[0]!).getAllByRole('radio')[0])
		);
		expect(navLinks().every((link) => link.textContent?.endsWith('senza risposta'))).toBe(true);
	});
});
