/** What the quiz's component tests share: its Italian strings, and a render that waits for the device. */
import { render, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';
import Quiz, { type QuizProps } from '../../src/components/Quiz/Quiz';
import type { Question } from '../../src/lib/quiz/schema';
import italian from '../../src/content/i18n/it.json';

export const quizStrings = Object.fromEntries(
	Object.entries(italian).filter(([key]) => key.startsWith('quiz.'))
);

/** Renders the quiz and waits until it has read the device (until then it shows an inert preview). */
export async function renderQuizOf(questions: Question[], props: Partial<QuizProps> = {}) {
	const rendered = render(
		<Quiz
			quizId="docker"
			questions={questions}
			penalties={{}}
			lang="it"
			strings={quizStrings}
			{...props}
		/>
	);
	await waitFor(() => expect(rendered.container.querySelector('[aria-busy]')).toBeNull());
	return rendered;
}
