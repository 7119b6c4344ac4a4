// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import fc from 'fast-check';
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import Quiz, { renderedRows, type QuizProps } from '../../src/components/Quiz/Quiz';
import { loadLabEngine } from '../../src/lib/quiz/lab-engine';
import { PROGRESS_KEY } from '../../src/lib/quiz/progress';
import { drawQuestions, previewSeed } from '../../src/lib/quiz/session';
import type { Question } from '../../src/lib/quiz/schema';
import italian from '../../src/content/i18n/it.json';
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
		id: 'lifecycle',
		type: 'ordering',
		prompt: t('Metti in ordine'),
		items: ['pull', 'run', 'rm'].map((id) => ({ id, text: t(id) })),
	},
].map((q) => questionOf(q));

const strings = quizStrings;
const renderQuiz = (props: Partial<QuizProps> = {}) => renderQuizOf(questions, props);

beforeEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/quiz/docker/');
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

describe('<Quiz>', () => {
	test('before it has read the device, shows a fresh attempt that cannot be answered yet', async () => {
		const { container } = render(
			<Quiz quizId="docker" questions={questions} penalties={{}} lang="it" strings={strings} />
		);
		const sheet = container.querySelector<HTMLElement>('.quiz')!;
		expect(sheet.getAttribute('aria-busy')).toBe('true');
		expect(sheet.inert).toBe(true);
		expect(screen.getAllByRole('group').length).toBeGreaterThan(0);
		await waitFor(() => expect(sheet.hasAttribute('aria-busy')).toBe(false));
		expect(sheet.inert).toBe(false);
	});

	test('hydrating the server markup keeps its elements, then makes each question live in turn', async () => {
		const props = { quizId: 'docker', questions, penalties: {}, lang: 'it', strings } as const;
		const container = document.createElement('div');
		document.body.append(container);
		onTestFinished(() => container.remove());
		// What the server sends: rendered without a window, so every row is rendered in full.
		vi.stubGlobal('window', undefined);
		container.innerHTML = renderToString(<Quiz {...props} deferRows />);
		vi.unstubAllGlobals();
		const serverOption = container.querySelector('input[type="radio"]');
		const rows = () => [...container.querySelectorAll('.quiz-row')];
		expect(rows().map((row) => row.children.length > 0)).toEqual([true, true, true]);

		hydrate(<Quiz {...props} deferRows />, container);
		// Hydration moves nothing: the server's elements are still there, and cannot be used yet.
		expect(container.querySelector('input[type="radio"]')).toBe(serverOption);
		const sheet = container.querySelector<HTMLElement>('.quiz')!;
		expect(sheet.inert).toBe(true);

		await waitFor(() => expect(sheet.hasAttribute('aria-busy')).toBe(false));
		expect(sheet.inert).toBe(false);
		expect(rows().map((row) => row.children.length > 0)).toEqual([true, true, true]);
		const first = within(rows().find((row) => row.textContent?.includes('L’host')) as HTMLElement);
		const check = () =>
			first.getByRole<HTMLButtonElement>('button', { name: italian['quiz.check'] });
		expect(check().disabled).toBe(true);
		fireEvent.click(first.getByLabelText('L’host'));
		expect(check().disabled).toBe(false);
	});

	test('of a long quiz the server renders the first rows only; the others follow once the quiz has focus', async () => {
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
		container.innerHTML = renderToString(<Quiz {...props} deferRows />);
		vi.unstubAllGlobals();
		const filled = () =>
			[...container.querySelectorAll('.quiz-row')].map((row) => row.children.length > 0);
		expect(filled()).toEqual([...many.keys()].map((index) => index < renderedRows));

		hydrate(<Quiz {...props} deferRows />, container);
		const sheet = container.querySelector<HTMLElement>('.quiz')!;
		expect(sheet.getAttribute('aria-busy')).toBe('true');
		await waitFor(() => expect(sheet.hasAttribute('aria-busy')).toBe(false));
		expect(sheet.inert).toBe(false);
		// Nobody scrolls here (and happy-dom lays nothing out): the rest wait for the learner.
		expect(filled()).toEqual([...many.keys()].map((index) => index < renderedRows));
		fireEvent.focusIn(container.querySelector('.quiz-row input')!);
		await waitFor(() => expect(filled()).toEqual(many.map(() => true)));
		expect(container.querySelectorAll('fieldset.quiz-question')).toHaveLength(many.length);
	});

	test('practice: checking an answer says whether it is right and why', async () => {
		await renderQuiz();
		const question = await screen.findByRole('group', { name: /Chi ospita le macchine virtuali/ });
		const check = within(question.parentElement!).getByRole('button', { name: 'Controlla' });
		expect((check as HTMLButtonElement).disabled).toBe(true);
		fireEvent.click(within(question).getByRole('radio', { name: 'L’host' }));
		fireEvent.click(check);
		expect(await within(question).findByText('Giusto!')).toBeTruthy();
		expect(within(question).getByText('Perché sì.')).toBeTruthy();
		expect(
			within(question).getByRole('link', { name: 'Ripassa la sezione' }).getAttribute('href')
		).toBe('/docker/volumi/#volumi');
		expect(screen.getByText('Risposte date: 1 su 3')).toBeTruthy();
	});

	test('shows code in prompts as code, and never as HTML', async () => {
		await renderQuiz({
			questions: [
				questionOf({
					...questions[1],
					prompt: t('<img src=x onerror=alert(1)> e `docker rm`'),
				}),
			],
		});
		const legend = await screen.findByText(/<img src=x onerror=alert\(1\)>/);
		expect(legend.querySelector('img')).toBeNull();
		expect(legend.querySelector('code')?.textContent).toBe('docker rm');
	});

	test('keeps answers in localStorage, keyed by question id, in either language', async () => {
		const { unmount } = await renderQuiz();
		fireEvent.click(await screen.findByRole('radio', { name: 'Falso' }));
		unmount();
		const stored = JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as {
			questions: Record<string, unknown>;
		};
		expect(stored.questions['rm-volume']).toMatchObject({
			answer: { type: 'truefalse', value: false },
		});
		await renderQuiz({ lang: 'en' });
		const radio = await screen.findByRole<HTMLInputElement>('radio', { name: 'Falso' });
		expect(radio.checked).toBe(true);
	});

	test('ordering: the buttons move an item and announce where it went', async () => {
		await renderQuiz();
		const list = (await screen.findByRole('group', { name: /Metti in ordine/ })).querySelector(
			'ol'
		)!;
		const before = [...list.querySelectorAll('li')].map(
			(li) => li.querySelector('.quiz-order-text')?.textContent
		);
		const second = before[1]!;
		fireEvent.click(within(list).getByRole('button', { name: `Sposta su: ${second}` }));
		const after = [...list.querySelectorAll('li')].map(
			(li) => li.querySelector('.quiz-order-text')?.textContent
		);
		expect(after[0]).toBe(second);
		expect(await screen.findByText(`${second}: ora in posizione 1 su 3.`)).toBeTruthy();
	});

	test('test mode: submit, then a results page with the score and what to review', async () => {
		await renderQuiz();
		fireEvent.click(await screen.findByRole('radio', { name: 'Prova' }));
		fireEvent.click(screen.getByRole('radio', { name: 'L’host' }));
		fireEvent.click(screen.getByRole('radio', { name: 'Vero' }));
		expect(screen.getByText(/Domande ancora senza risposta: 1\./)).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Consegna' }));
		const results = await screen.findByRole('region', { name: 'Il tuo risultato' });
		expect(
			within(results).getByText(/^Hai ottenuto (1 punto|\d+(,\d+)? punti) su 3 \(\d+%\)\.$/)
		).toBeTruthy();
		const misses = within(results).getAllByRole('link');
		expect(misses.some((link) => link.textContent?.includes('cancella i volumi con nome'))).toBe(
			true
		);
	});

	test('sets corrupt stored progress aside with a notice instead of failing', async () => {
		localStorage.setItem(PROGRESS_KEY, '{ not json');
		await renderQuiz();
		expect(await screen.findByText(/erano danneggiati/)).toBeTruthy();
		expect(screen.getByRole('link', { name: 'Scarica i dati messi da parte' })).toBeTruthy();
		await waitFor(() => expect(screen.getByRole('group', { name: /Chi ospita/ })).toBeTruthy());
	});

	test('the same seed in the URL gives the same order', async () => {
		history.replaceState(null, '', '/quiz/docker/?seed=42');
		const { unmount } = await renderQuiz();
		await screen.findAllByRole('group');
		const order = () =>
			[...document.querySelectorAll('.quiz-prompt')].map((node) => node.textContent);
		const first = order();
		unmount();
		localStorage.clear();
		await renderQuiz();
		await screen.findAllByRole('group');
		expect(order()).toEqual(first);
	});

	test('practice: a first wrong try gives a hint, a second one the answer; the keyboard follows', async () => {
		await renderQuiz();
		const question = await screen.findByRole('group', { name: /cancella i volumi/ });
		const item = question.parentElement!;
		fireEvent.click(within(question).getByRole('radio', { name: 'Vero' }));
		fireEvent.click(within(item).getByRole('button', { name: 'Controlla' }));

		// First try: what is wrong, not what is right, and no explanation that would say it.
		const feedback = await within(question).findByRole('group', { name: /Non è giusto\./ });
		expect(within(feedback).getByText(/rileggi l'affermazione/)).toBeTruthy();
		expect(within(feedback).queryByText(/Risposta giusta/)).toBeNull();
		expect(within(feedback).queryByText('Perché sì.')).toBeNull();
		expect(within(feedback).getByRole('button', { name: 'Mostra la risposta' })).toBeTruthy();
		expect(document.activeElement).toBe(feedback);
		expect(screen.getByText('Non è giusto. 0 punti su 1')).toBeTruthy();
		expect(within(question).getByRole<HTMLInputElement>('radio', { name: 'Falso' }).disabled).toBe(
			true
		);

		// Retry: the inputs unlock and the keyboard is back on the answer given.
		fireEvent.click(within(item).getByRole('button', { name: 'Riprova' }));
		expect(within(question).queryByText('Non è giusto.')).toBeNull();
		const wrong = within(question).getByRole<HTMLInputElement>('radio', { name: 'Vero' });
		expect(wrong.disabled).toBe(false);
		expect(document.activeElement).toBe(wrong);

		// Second wrong try: the right answer and why.
		fireEvent.click(within(item).getByRole('button', { name: 'Controlla' }));
		const second = await within(question).findByRole('group', { name: /Non è giusto\./ });
		expect(within(second).getByText('Risposta giusta: Falso')).toBeTruthy();
		expect(within(second).getByText('Perché sì.')).toBeTruthy();
		expect(within(second).queryByRole('button', { name: 'Mostra la risposta' })).toBeNull();
		expect(document.activeElement).toBe(second);
	});

	test('practice: the answer on request, at the first wrong try', async () => {
		await renderQuiz();
		const question = await screen.findByRole('group', { name: /Chi ospita/ });
		fireEvent.click(within(question).getByRole('radio', { name: 'Il guest' }));
		fireEvent.click(within(question.parentElement!).getByRole('button', { name: 'Controlla' }));
		const feedback = await within(question).findByRole('group', { name: /Non è giusto\./ });
		expect(within(feedback).getByText(/La scelta segnata non è quella giusta/)).toBeTruthy();
		// The hint marks the wrong choice, and not the right one.
		expect(within(question).getAllByText(/\(sbagliata\)/)).toHaveLength(1);
		expect(within(question).queryByText(/\(mancante\)/)).toBeNull();
		fireEvent.click(within(feedback).getByRole('button', { name: 'Mostra la risposta' }));
		const answer = within(question).getByText('Risposta giusta: L’host');
		expect(document.activeElement).toBe(answer.closest('.quiz-right-answer'));
		expect(within(question).getByText('Perché sì.')).toBeTruthy();
		expect(within(question).getByText(/\(mancante\)/)).toBeTruthy();
	});

	test('ordering: says how it is scored, and marks each item by the one before it', async () => {
		await renderQuiz();
		const question = await screen.findByRole('group', { name: /Metti in ordine/ });
		const list = question.querySelector('ol')!;
		const help = document.getElementById(list.getAttribute('aria-describedby')!)!;
		expect(help.textContent).toMatch(/subito dopo quello che deve precederlo/);
		fireEvent.click(within(question.parentElement!).getByRole('button', { name: 'Controlla' }));
		await within(question).findByRole('group', { name: /giusto/ });
		// Every item whose mark says it follows the right item does follow it: pull, run, rm.
		const right = ['pull', 'run', 'rm'];
		const items = [...list.querySelectorAll('li')].map((li) => ({
			text: li.querySelector('.quiz-order-text')!.textContent,
			mark: li.querySelector('.quiz-mark .sr-only')?.textContent,
		}));
		items.forEach(({ text, mark }, index) => {
			const follows =
				index === 0 ? right[0] === text : right[right.indexOf(text) - 1] === items[index - 1]!.text;
			expect(mark).toBe(
				follows ? ' (viene dopo quello giusto)' : ' (non viene dopo quello giusto)'
			);
		});
	});

	test('numbers: a unit and a decimal comma are read; what cannot be read says why', async () => {
		const numbers = [
			questionOf({
				id: 'load',
				type: 'numeric',
				prompt: t('A che percentuale lavora?'),
				value: 40,
				unit: '%',
			}),
		];
		await renderQuiz({ questions: numbers });
		const question = await screen.findByRole('group', { name: /A che percentuale/ });
		const field = within(question).getByRole<HTMLInputElement>('textbox', {
			name: 'La tua risposta',
		});
		const check = within(question.parentElement!).getByRole<HTMLButtonElement>('button', {
			name: 'Controlla',
		});
		fireEvent.input(field, { target: { value: '40 MB' } });
		fireEvent.blur(field);
		expect(check.disabled).toBe(false);
		const problem = within(question).getByText(/L'unità di questa domanda è %, non MB/);
		expect(field.getAttribute('aria-invalid')).toBe('true');
		expect(field.getAttribute('aria-describedby')).toContain(problem.id);
		// Checking it is not a try: the keyboard goes back to the field, which says why.
		fireEvent.click(check);
		expect(within(question).queryByRole('group', { name: /giusto/ })).toBeNull();
		expect(document.activeElement).toBe(field);
		fireEvent.input(field, { target: { value: '40 %' } });
		expect(within(question).queryByText(/L'unità/)).toBeNull();
		fireEvent.click(check);
		expect(await within(question).findByRole('group', { name: /Giusto!/ })).toBeTruthy();
		expect(field.value).toBe('40 %');
	});

	test('numbers stored before the text was kept come back in the page’s way, ungrouped', async () => {
		const numbers = [4.5, 12000].map((value, index) =>
			questionOf({
				id: `n-${index}`,
				type: 'numeric',
				prompt: t(`Numero ${index}?`),
				value,
			})
		);
		localStorage.setItem(
			PROGRESS_KEY,
			JSON.stringify({
				version: 1,
				questions: {
					'n-0': { answer: { type: 'numeric', value: 4.5 }, updated: 1 },
					'n-1': { answer: { type: 'numeric', value: 12000 }, updated: 1 },
				},
				attempts: {},
			})
		);
		await renderQuiz({ questions: numbers });
		const field = async (name: RegExp) =>
			within(await screen.findByRole('group', { name })).getByRole<HTMLInputElement>('textbox');
		expect((await field(/Numero 0/)).value).toBe('4,5');
		expect((await field(/Numero 1/)).value).toBe('12000');
	});

	test('Docker commands: the quiz loads their matcher, then takes sudo and long options', async () => {
		await renderQuiz({
			questions: [
				questionOf({
					id: 'list-all',
					type: 'short',
					match: 'docker',
					prompt: t('Quale comando elenca tutti i container?'),
					accepted: ['docker ps -a'],
				}),
			],
		});
		const question = await screen.findByRole('group', { name: /elenca tutti i container/ });
		fireEvent.input(within(question).getByRole('textbox'), {
			target: { value: 'sudo docker container ls --all' },
		});
		fireEvent.click(within(question.parentElement!).getByRole('button', { name: 'Controlla' }));
		expect(await within(question).findByRole('group', { name: /Giusto!/ })).toBeTruthy();
	});

	test('a lab: Try shows what Docker answered and the goals not met yet; Check scores it', async () => {
		const lab = questionOf({
			id: 'lab-web',
			type: 'lab',
			prompt: t('Avvia nginx sulla porta 8080.'),
			start: { files: { Dockerfile: 'FROM nginx\n' } },
			editable: ['Dockerfile'],
			goals: [{ kind: 'container-running', name: 'web', publishes: { host: 8080, container: 80 } }],
			solution: { commands: 'docker run -d --name web -p 8080:80 nginx' },
		});
		// The simulator is large: load it before the quiz waits for it, so the wait stays short.
		await Promise.all([loadLabEngine(), import('../../src/components/Quiz/LabInputs')]);
		await renderQuiz({ questions: [lab] });
		const question = await screen.findByRole('group', { name: /Avvia nginx/ });
		const commands = await within(question).findByLabelText(italian['quiz.lab.commands']);
		expect(within(question).getByLabelText<HTMLTextAreaElement>('File Dockerfile').value).toBe(
			'FROM nginx\n'
		);
		const check = () =>
			within(question.parentElement!).getByRole<HTMLButtonElement>('button', { name: 'Controlla' });
		expect(check().disabled).toBe(true);

		// A first try publishes the wrong port: the transcript shows it, as text, and the goal is unmet.
		fireEvent.input(commands, {
			target: { value: 'docker run -d --name web -p 8081:80 nginx\n<b>x</b>' },
		});
		fireEvent.click(within(question).getByRole('button', { name: 'Prova' }));
		const transcript = await within(question).findByLabelText('Cosa risponde Docker');
		expect(transcript.textContent).toContain('$ docker run -d --name web -p 8081:80 nginx');
		expect(transcript.querySelector('b')).toBeNull();
		expect(within(question).getByText(/Non ancora/).parentElement!.textContent).toContain(
			'pubblica la porta 8080'
		);
		// Trying is not an attempt: nothing is checked yet.
		expect(within(question).queryByRole('group', { name: /Non è giusto/ })).toBeNull();

		fireEvent.input(commands, { target: { value: 'docker run -d --name web -p 8080:80 nginx' } });
		fireEvent.click(within(question).getByRole('button', { name: 'Prova' }));
		expect(await within(question).findByText(/Raggiunto/)).toBeTruthy();
		fireEvent.click(check());
		expect(await within(question).findByRole('group', { name: /Giusto!/ })).toBeTruthy();
	});

	test('a lab checked wrong gives the unmet goals as its hint', async () => {
		const lab = questionOf({
			id: 'lab-net',
			type: 'lab',
			prompt: t('Crea la rete lab.'),
			goals: [{ kind: 'network', name: 'lab', subnet: '10.10.0.0/24' }],
			solution: { commands: 'docker network create --subnet 10.10.0.0/24 lab' },
		});
		await renderQuiz({ questions: [lab] });
		const question = await screen.findByRole('group', { name: /Crea la rete/ });
		fireEvent.input(await within(question).findByLabelText(italian['quiz.lab.commands']), {
			target: { value: 'docker network create lab' },
		});
		fireEvent.click(within(question.parentElement!).getByRole('button', { name: 'Controlla' }));
		const feedback = await within(question).findByRole('group', { name: /Non è giusto/ });
		expect(feedback.textContent).toContain('non 10.10.0.0/24');
	});

	test('a lab wrong twice shows the model solution, its files whole', async () => {
		const lab = questionOf({
			id: 'lab-fix',
			type: 'lab',
			prompt: t('Correggi il Dockerfile.'),
			start: { files: { Dockerfile: 'FROM ubuntu\nRUN apt install apache2\n' } },
			editable: ['Dockerfile'],
			goals: [{ kind: 'image-built', tag: 'sito' }],
			solution: {
				commands: 'docker build -t sito .',
				files: {
					Dockerfile: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y apache2\n',
				},
			},
		});
		await renderQuiz({ questions: [lab] });
		const question = await screen.findByRole('group', { name: /Correggi il Dockerfile/ });
		const button = (name: string) => within(question.parentElement!).getByRole('button', { name });
		fireEvent.input(await within(question).findByLabelText(italian['quiz.lab.commands']), {
			target: { value: 'docker build -t sito .' },
		});
		fireEvent.click(button('Controlla'));
		expect(
			(await within(question).findByRole('group', { name: /Non è giusto/ })).textContent
		).toContain('La build non è riuscita');
		fireEvent.click(button('Riprova'));
		fireEvent.click(await waitFor(() => button('Controlla')));
		const solution = await within(question).findByLabelText('Dockerfile corretto');
		expect(solution.textContent).toBe(
			'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y apache2\n'
		);
		expect(within(question).getByText(/Una soluzione/)).toBeTruthy();
	});

	test('a chapter’s quiz has neither the mode switch nor the progress tools', async () => {
		await renderQuiz({ quizId: 'chapter-docker-volumi', compact: true });
		await screen.findAllByRole('group');
		expect(screen.queryByRole('group', { name: 'Modalità' })).toBeNull();
		expect(screen.queryByText('Progressi')).toBeNull();
	});

	test.each([
		['QuotaExceededError', /è pieno/],
		['SecurityError', /non permette di salvare/],
	])('says when the device refuses to keep the answers (%s)', async (name, notice) => {
		const refuse = () => {
			throw new DOMException('refused', name);
		};
		vi.stubGlobal('localStorage', { getItem: () => null, setItem: refuse, removeItem: refuse });
		await renderQuiz();
		expect(await screen.findByText(notice)).toBeTruthy();
		expect(screen.getByRole('group', { name: /Chi ospita/ })).toBeTruthy();
	});

	test('a stored ordering with an unknown item, and an answer of another type, are set aside with a notice', async () => {
		localStorage.setItem(
			PROGRESS_KEY,
			JSON.stringify({
				version: 2,
				questions: {
					lifecycle: { answer: { type: 'ordering', order: ['zzz', 'rm', 'pull'] }, updated: 1 },
					'vm-host': { answer: { type: 'numeric', value: 3 }, updated: 1 },
					'rm-volume': { answer: { type: 'truefalse', value: false }, updated: 1 },
				},
				attempts: {},
				reviews: {},
			})
		);
		await renderQuiz();
		expect(await screen.findByText(/non corrispondevano più alle domande di oggi/)).toBeTruthy();
		const ordering = screen.getByRole('group', { name: /Metti in ordine/ });
		expect(
			[...ordering.querySelectorAll('.quiz-order-text')].map((item) => item.textContent)
		).toEqual(['rm', 'pull', 'run']);
		expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Falso' }).checked).toBe(true);
		expect(screen.getByRole<HTMLInputElement>('radio', { name: 'L’host' }).checked).toBe(false);
		// What was set aside is stored no more; what fits now is (saved once the page has drawn it).
		const stored = () =>
			JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as {
				questions: Record<string, { answer: unknown }>;
			};
		await waitFor(() =>
			expect(stored().questions['lifecycle']?.answer).toEqual({
				type: 'ordering',
				order: ['rm', 'pull', 'run'],
			})
		);
		expect(stored().questions['vm-host']).toBeUndefined();
	});

	test('one question that cannot be shown says so, and the others work', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const broken = { ...questions[0]!, id: 'broken', choices: [{ id: 'x' }, { id: 'y' }] };
		await renderQuiz({ questions: [broken as unknown as Question, ...questions] });
		expect(await screen.findByText(/Questa domanda non si può mostrare/)).toBeTruthy();
		expect(document.querySelectorAll('.quiz-question')).toHaveLength(3);
		fireEvent.click(screen.getByRole('radio', { name: 'Falso' }));
		expect(screen.getByText('Risposte date: 1 su 4')).toBeTruthy();
		expect(error).toHaveBeenCalled();
		error.mockRestore();
	});

	test('answers given in another tab join this one, question by question', async () => {
		await renderQuiz();
		fireEvent.click(await screen.findByRole('radio', { name: 'L’host' }));
		const before = localStorage.getItem(PROGRESS_KEY);
		const mine = JSON.parse(before!) as {
			questions: Record<string, { answer: unknown; updated: number }>;
		};
		const theirs = {
			...mine,
			questions: {
				// Older than ours: ours stays.
				'vm-host': { answer: { type: 'single', choice: 'guest' }, updated: 1 },
				'rm-volume': { answer: { type: 'truefalse', value: true }, updated: Date.now() + 1000 },
			},
		};
		const text = JSON.stringify(theirs);
		localStorage.setItem(PROGRESS_KEY, text);
		window.dispatchEvent(
			new StorageEvent('storage', { key: PROGRESS_KEY, oldValue: before, newValue: text })
		);
		await waitFor(() =>
			expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Vero' }).checked).toBe(true)
		);
		expect(screen.getByRole<HTMLInputElement>('radio', { name: 'L’host' }).checked).toBe(true);
		// And the merged progress is what is stored now, for the other tab to merge in turn.
		await waitFor(() =>
			expect(
				(JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as typeof mine).questions['vm-host']
					?.answer
			).toEqual({ type: 'single', choice: 'host' })
		);
	});

	test('after submitting, every question is reviewed, and the keyboard goes from one miss to the next', async () => {
		await renderQuiz();
		fireEvent.click(await screen.findByRole('radio', { name: 'Prova' }));
		fireEvent.click(screen.getByRole('radio', { name: 'L’host' }));
		fireEvent.click(screen.getByRole('radio', { name: 'Vero' }));
		fireEvent.click(screen.getByRole('button', { name: 'Consegna' }));
		const review = await screen.findByRole('region', { name: 'Revisione della prova' });
		// One group per question (each feedback is a group of its own inside it).
		const items = within(review)
			.getAllByRole('group')
			.filter((element) => element.tagName === 'FIELDSET');
		expect(items).toHaveLength(3);
		// Each one with the learner's answer, locked, its verdict, the right answer and the explanation.
		const wrong = within(review).getByRole('group', { name: /cancella i volumi/ });
		expect(within(wrong).getByRole<HTMLInputElement>('radio', { name: /Vero/ }).checked).toBe(true);
		expect(within(wrong).getByRole<HTMLInputElement>('radio', { name: /Vero/ }).disabled).toBe(
			true
		);
		expect(within(wrong).getByText('Non è giusto.')).toBeTruthy();
		expect(within(wrong).getByText('Risposta giusta: Falso')).toBeTruthy();
		expect(within(wrong).getByText('Perché sì.')).toBeTruthy();
		expect(within(wrong).getByRole('link', { name: 'Ripassa la sezione' })).toBeTruthy();
		const right = within(review).getByRole('group', { name: /Chi ospita/ });
		expect(within(right).getByText('Giusto!')).toBeTruthy();

		// The ordering was never moved: it counts as given, and never starts in its right order.
		const misses = items.filter((item) => !within(item).queryByText('Giusto!'));
		expect(misses).toHaveLength(2);
		fireEvent.click(
			within(review).getByRole('button', { name: /Vai alla prima risposta da rivedere/ })
		);
		expect(document.activeElement).toBe(misses[0]);
		const next = within(misses[0]!.closest('li')!).getByRole('button', {
			name: /Successiva da rivedere/,
		});
		fireEvent.click(next);
		expect(document.activeElement).toBe(misses[1]);
		fireEvent.click(
			within(misses[1]!.closest('li')!).getByRole('button', { name: /Precedente da rivedere/ })
		);
		expect(document.activeElement).toBe(misses[0]);
	});

	test('whatever is stored, every question shows and none breaks', async () => {
		const ids = fc.constantFrom('host', 'guest', 'pull', 'run', 'rm', 'zzz', '__proto__');
		const answer = fc.oneof(
			fc.record({ type: fc.constant('single'), choice: fc.oneof(ids, fc.constant(null)) }),
			fc.record({ type: fc.constant('truefalse'), value: fc.oneof(fc.boolean(), fc.anything()) }),
			fc.record({ type: fc.constant('ordering'), order: fc.oneof(fc.array(ids), fc.anything()) }),
			fc.record({ type: fc.constantFrom('multiple', 'matching', 'essay'), choices: fc.array(ids) }),
			fc.anything()
		);
		const stored = fc.record({
			version: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()),
			questions: fc.dictionary(
				fc.constantFrom('vm-host', 'rm-volume', 'lifecycle', 'other'),
				fc.record({ answer, updated: fc.nat(), points: fc.nat(), max: fc.nat() })
			),
			attempts: fc.oneof(
				fc.constant({ docker: { seed: 3, mode: 'test', submitted: true, started: 1, updated: 1 } }),
				fc.anything()
			),
			reviews: fc.anything(),
		});
		await fc.assert(
			fc.asyncProperty(stored, async (data) => {
				localStorage.setItem(PROGRESS_KEY, JSON.stringify(data));
				await renderQuiz();
				await waitFor(() => expect(document.querySelectorAll('.quiz-question')).toHaveLength(3));
				expect(document.querySelector('.quiz-broken')).toBeNull();
				cleanup();
			}),
			{ numRuns: 25 }
		);
	});

	test('an export of the earlier version imports through the progress tools', async () => {
		await renderQuiz();
		await screen.findAllByRole('group');
		const file = new File(
			[
				JSON.stringify({
					version: 1,
					questions: {
						'rm-volume': {
							answer: { type: 'truefalse', value: false },
							points: 1,
							max: 1,
							updated: 5,
						},
					},
					attempts: {},
				}),
			],
			'quiz-results.json',
			{ type: 'application/json' }
		);
		// The tools load when they are opened.
		fireEvent.click(screen.getByText('Progressi'));
		await screen.findByRole('button', { name: 'Esporta i risultati' });
		const input = document.querySelector<HTMLInputElement>('.quiz-file input')!;
		Object.defineProperty(input, 'files', { value: [file] });
		fireEvent.change(input);
		expect(await screen.findByText('Risultati importati.')).toBeTruthy();
		expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Falso' }).checked).toBe(true);
		const saved = () =>
			JSON.parse(localStorage.getItem(PROGRESS_KEY)!) as {
				version: number;
				reviews: Record<string, unknown>;
			};
		await waitFor(() => expect(saved().reviews['rm-volume']).toEqual([{ at: 5, grade: 3 }]));
		expect(saved().version).toBe(2);
	});
});

describe('<Quiz> of a draw whose page carries the first draw only', () => {
	// Eight statements in two topics, two drawn from each: the page sends the four of the first draw.
	const pool = (['docker', 'forensics'] as const).flatMap((topic) =>
		Array.from({ length: 4 }, (_, index) =>
			questionOf({
				...questions[1],
				id: `${topic}-${index}`,
				topic,
				prompt: t(`Affermazione ${index + 1} su ${topic}.`),
			})
		)
	);
	const first = drawQuestions(pool, previewSeed('final'), 2);
	const prompts = () =>
		[...document.querySelectorAll('.quiz-prompt')].map((node) => node.textContent);
	const inOrder = (drawn: readonly Question[]) => drawn.map((question) => question.prompt.it);
	const props = {
		quizId: 'final',
		perTopic: 2,
		mode: 'test',
		pool: '/quiz/final/it.json',
	} as const;

	test('shows that draw, and draws the learner’s own from the pool it fetches', async () => {
		const fetched = vi.fn(() => Promise.resolve(new Response(JSON.stringify(pool))));
		vi.stubGlobal('fetch', fetched);
		history.replaceState(null, '', '/quiz/final/?seed=42');
		await renderQuizOf(first, props);
		expect(fetched).toHaveBeenCalledWith('/quiz/final/it.json');
		// A shared seed draws from the whole pool: questions the page did not send among them.
		const shared = drawQuestions(pool, 42, 2);
		expect(shared.some((question) => !first.includes(question))).toBe(true);
		await waitFor(() => expect(prompts()).toEqual(inOrder(shared)));
	});

	test('without the pool (offline, never saved) the first draw stays on offer', async () => {
		vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
		await renderQuizOf(first, props);
		expect(prompts()).toEqual(inOrder(first));
	});
});
