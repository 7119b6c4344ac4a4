import { useState } from 'preact/hooks';
import { entryProblem, entryProblemText } from '../../lib/quiz/attempt.ts';
import { numberOf, readNumber } from '../../lib/quiz/number-input.ts';
import type { Question, QuestionOf } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import type { InputsProps } from './QuestionView.tsx';

/** A short answer typed in; Docker commands in a code font. */
export function ShortInput(props: InputsProps<QuestionOf<'short'>>) {
	const t = useT();
	const { answer } = props;
	const id = `q-${props.question.id}-text`;
	return (
		<p class="quiz-field">
			<label for={id}>{t('quiz.yourAnswer')}</label>
			<input
				id={id}
				type="text"
				data-part="answer"
				class={props.question.match === 'docker' ? 'quiz-code-input' : undefined}
				value={answer.type === 'short' ? answer.text : ''}
				disabled={props.locked}
				autocomplete="off"
				autocapitalize="off"
				spellcheck={false}
				onInput={(event) => props.onAnswer({ type: 'short', text: event.currentTarget.value })}
			/>
		</p>
	);
}

/** The id of a numeric question's field, which takes the focus when its entry cannot be read. */
export const numberFieldId = (question: Pick<Question, 'id'>) => `q-${question.id}-number`;

/**
 * A number typed in either language's way (`4,5` or `4.5`), with or without the unit shown after
 * it. The text is kept as typed; once the learner leaves the field, an entry that cannot be read
 * says why next to it (and stays said until they type again), instead of the page refusing it
 * without a word.
 */
export function NumericInput(props: InputsProps<QuestionOf<'numeric'>>) {
	const t = useT();
	const { question, answer, lang } = props;
	const id = numberFieldId(question);
	const value = answer.type === 'numeric' ? answer.value : null;
	const stored = answer.type === 'numeric' ? answer.text : undefined;
	// Answers kept before the text was stored have only the number: written ungrouped, so that
	// 12000 does not come back as an ambiguous `12.000`.
	const text =
		typeof stored === 'string'
			? stored
			: value === null
				? ''
				: new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(
						value
					);
	const [typing, setTyping] = useState(false);
	const problem = typing || props.locked ? undefined : entryProblem(question, answer, lang);
	const describedBy = problem ? `${id}-problem ${id}-hint` : `${id}-hint`;
	return (
		<p class="quiz-field">
			<label for={id}>{t('quiz.yourAnswer')}</label>
			<span class="quiz-number-input">
				<input
					id={id}
					type="text"
					inputmode="decimal"
					data-part="answer"
					autocomplete="off"
					value={text}
					disabled={props.locked}
					aria-invalid={problem ? true : undefined}
					aria-describedby={describedBy}
					onInput={(event) => {
						const typed = event.currentTarget.value;
						setTyping(true);
						props.onAnswer({
							type: 'numeric',
							value: numberOf(readNumber(typed, { lang, unit: question.unit })),
							text: typed,
						});
					}}
					onBlur={() => setTyping(false)}
				/>
				{question.unit && <span>{question.unit}</span>}
			</span>
			{problem && (
				<span id={`${id}-problem`} class="quiz-problem">
					{entryProblemText(problem, text, lang, t)}
				</span>
			)}
			<span id={`${id}-hint`} class="quiz-hint">
				{question.unit ? t('quiz.numberHintUnit', { unit: question.unit }) : t('quiz.numberHint')}
			</span>
		</p>
	);
}
