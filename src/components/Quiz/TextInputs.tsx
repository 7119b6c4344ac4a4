import { parseNumber } from '../../lib/i18n/format.ts';
import type { QuestionOf } from '../../lib/quiz/schema.ts';
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

/** A number typed in either language's way (`4,5` or `4.5`), with its unit after it. */
export function NumericInput(props: InputsProps<QuestionOf<'numeric'>>) {
	const t = useT();
	const { question, answer } = props;
	const id = `q-${question.id}-number`;
	const value = answer.type === 'numeric' ? answer.value : null;
	return (
		<p class="quiz-field">
			<label for={id}>{t('quiz.yourAnswer')}</label>
			<span class="quiz-number-input">
				<input
					id={id}
					type="text"
					inputmode="decimal"
					// Uncontrolled: `4,` must stay as typed while the number is still being written.
					defaultValue={value === null ? '' : String(value)}
					disabled={props.locked}
					aria-describedby={`${id}-hint`}
					onInput={(event) =>
						props.onAnswer({ type: 'numeric', value: parseNumber(event.currentTarget.value) })
					}
				/>
				{question.unit && <span>{question.unit}</span>}
			</span>
			<span id={`${id}-hint`} class="quiz-hint">
				{t('quiz.numberHint')}
			</span>
		</p>
	);
}
