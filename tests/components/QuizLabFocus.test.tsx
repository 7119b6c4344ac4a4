// @vitest-environment happy-dom
/**
 * A question whose fields load late (a lab's come with its runner): the keyboard sent there waits
 * on the question and reaches the first field once it is drawn. Its own file, so that the lab's
 * fields are not loaded yet when the quiz sends the keyboard to them.
 */
import { cleanup, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import italian from '../../src/content/i18n/it.json';
import { questionOf, t } from './quiz-fixtures';
import { renderQuizOf } from './quiz-render';

afterEach(cleanup);

test('the skip link takes the keyboard to a lab’s first field once its fields are there', async () => {
	const lab = questionOf({
		id: 'lab-net',
		type: 'lab',
		prompt: t('Crea la rete lab.'),
		goals: [{ kind: 'network', name: 'lab' }],
		solution: { commands: 'docker network create lab' },
	});
	const rendered = await renderQuizOf([lab], { mode: 'test' });
	const question = rendered.container.querySelector<HTMLElement>('.quiz-item')!;
	// The lab's fields are still loading: the question is the one place the keyboard can go.
	expect(within(question).queryByRole('textbox')).toBeNull();
	fireEvent.click(rendered.getByText(italian['quiz.nav.skip']));
	await waitFor(() => expect(document.activeElement).toBe(question.querySelector('fieldset')));
	const commands = await within(question).findByLabelText(italian['quiz.lab.commands']);
	await waitFor(() => expect(document.activeElement).toBe(commands));
});
