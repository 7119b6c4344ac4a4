import type { ComponentChildren } from 'preact';
import { choose, chosenChoices } from '../../lib/quiz/attempt.ts';
import type { Part } from '../../lib/quiz/score.ts';
import type { QuestionOf } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import { PartMark } from './PartMark.tsx';
import type { InputsProps } from './QuestionView.tsx';
import { Rich } from './Rich.tsx';

/** Single and multiple choice: radio buttons or checkboxes, in the attempt's order. */
export function ChoiceInputs(props: InputsProps<QuestionOf<'single' | 'multiple'>>) {
	const { question, answer } = props;
	const chosen = chosenChoices(answer);
	return (
		<ul class="quiz-choices" role="list">
			{props.layout.choices.map((id) => (
				<Choice
					key={id}
					part={id}
					type={question.type === 'multiple' ? 'checkbox' : 'radio'}
					name={`q-${question.id}`}
					checked={chosen.includes(id)}
					disabled={props.locked}
					mark={props.marks[id]}
					onChange={() => props.onAnswer(choose(question, answer, id))}
				>
					<Rich text={question.choices.find((c) => c.id === id)!.text[props.lang]} />
				</Choice>
			))}
		</ul>
	);
}

/** True or false: two radio buttons. */
export function TrueFalseInputs(props: InputsProps<QuestionOf<'truefalse'>>) {
	const t = useT();
	const value = props.answer.type === 'truefalse' ? props.answer.value : null;
	return (
		<ul class="quiz-choices quiz-inline" role="list">
			{[true, false].map((option) => (
				<Choice
					key={String(option)}
					part="answer"
					type="radio"
					name={`q-${props.question.id}`}
					checked={value === option}
					disabled={props.locked}
					onChange={() => props.onAnswer({ type: 'truefalse', value: option })}
				>
					{t(option ? 'quiz.true' : 'quiz.false')}
				</Choice>
			))}
		</ul>
	);
}

/** One choice: its input, its text, and its mark once checked. */
function Choice(props: {
	/** The part of the answer it stands for, so the keyboard can come back to it. */
	part: string;
	type: 'radio' | 'checkbox';
	name: string;
	checked: boolean;
	disabled: boolean;
	mark?: Part['verdict'] | undefined;
	onChange: () => void;
	children: ComponentChildren;
}) {
	return (
		<li>
			<label>
				<input
					type={props.type}
					data-part={props.part}
					name={props.name}
					checked={props.checked}
					disabled={props.disabled}
					onChange={props.onChange}
				/>
				<span>{props.children}</span>
				<PartMark verdict={props.mark} />
			</label>
		</li>
	);
}
