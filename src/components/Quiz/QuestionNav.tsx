import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { nextUnanswered, rowState, type RowState } from '../../lib/quiz/question-nav.ts';
import type { SheetRow } from '../../lib/quiz/session.ts';
import { Deferred } from '../shared/Deferred.tsx';
import { useT } from '../shared/strings.ts';

/** The id of a question's item in the list: the navigator's links go there. */
export const itemId = (row: SheetRow) => `q-${row.question.id}`;

/** The visible mark of each state; a word says the same to screen readers, never colour alone. */
const marks: Record<RowState, string> = {
	unanswered: '',
	answered: '•',
	correct: '✓',
	partial: '◐',
	incorrect: '✗',
};

/** Shows the question at `index` and takes the keyboard to it (`control`: to its first control). */
type Go = (index: number, control?: boolean) => void;

/**
 * A numbered link to each question, marked answered or not (in practice, once checked, right or
 * wrong), so that the keyboard reaches any question without going through the ones before it.
 * Each link is a box of fixed size: a change of mark moves nothing. Open unless the quiz is long.
 */
export function QuestionNav(props: {
	rows: SheetRow[];
	/** One question per screen: the one shown. */
	shown: number | undefined;
	onGo: Go;
	children?: ComponentChildren;
}) {
	const t = useT();
	// A topic's hundred questions would push the first one off a phone's screen: closed, and their
	// links rendered only once opened, so that loading the page does not wait for them.
	const [open, setOpen] = useState(props.rows.length <= 30);
	return (
		<nav class="quiz-nav" aria-label={t('quiz.nav.label')}>
			<details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
				<summary>{t('quiz.nav.label')}</summary>
				{open && (
					// Hydrated in a task of its own, as the questions are: loading does not wait for it.
					<Deferred class="quiz-nav-links">
						<ol role="list">
							{props.rows.map((row, index) => {
								const state = rowState(row);
								return (
									// By place, not by question: another draw changes the links' targets, never moves them.
									<li key={index}>
										<a
											href={`#${itemId(row)}`}
											class={`quiz-nav-${state}`}
											aria-current={index === props.shown || undefined}
											onClick={(event) => {
												event.preventDefault();
												props.onGo(index);
											}}
										>
											{index + 1}
											<span class="sr-only">{`, ${t(`quiz.nav.${state}`)}`}</span>
											<span class="quiz-nav-mark" aria-hidden="true">
												{marks[state]}
											</span>
										</a>
									</li>
								);
							})}
						</ol>
					</Deferred>
				)}
			</details>
			{props.children}
		</nav>
	);
}

/**
 * The quiz's first stop for the keyboard: the first control of the next question without an
 * answer after the one last visited (`from()`). Shown only while it has focus, over the quiz, so
 * it takes no room; gone once every question has an answer.
 */
export function SkipLink(props: { rows: SheetRow[]; from: () => number; onGo: Go }) {
	const { rows } = props;
	const first = nextUnanswered(rows, -1);
	return (
		<a
			class="quiz-skip"
			href={first < 0 ? undefined : `#${itemId(rows[first]!)}`}
			hidden={first < 0}
			onClick={(event) => {
				event.preventDefault();
				props.onGo(nextUnanswered(rows, props.from()), true);
			}}
		>
			{useT()('quiz.nav.skip')}
		</a>
	);
}

/** One question per screen: the way to the question before and after the one shown. */
export function Pager(props: { shown: number; total: number; onGo: Go }) {
	const t = useT();
	const { shown } = props;
	return (
		<p class="quiz-pager">
			<button
				type="button"
				class="quiz-button"
				disabled={shown === 0}
				onClick={() => props.onGo(shown - 1)}
			>
				<span aria-hidden="true">← </span>
				{t('quiz.nav.previous')}
			</button>
			<button
				type="button"
				class="quiz-button"
				disabled={shown === props.total - 1}
				onClick={() => props.onGo(shown + 1)}
			>
				{t('quiz.nav.next')}
				<span aria-hidden="true"> →</span>
			</button>
		</p>
	);
}
