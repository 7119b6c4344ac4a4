import { matchingOptions } from '../../lib/quiz/score.ts';
import type { QuestionOf } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import { PartMark } from './PartMark.tsx';
import type { InputsProps } from './QuestionView.tsx';
import { Rich } from './Rich.tsx';

/** Matching: each left item gets one of the right-hand texts (or a distractor). */
export function MatchingInputs(props: InputsProps<QuestionOf<'matching'>>) {
	const { question, layout, answer, lang } = props;
	const options = matchingOptions(question);
	return (
		<SelectRows
			{...props}
			rows={layout.left.map((id) => ({
				id,
				text: question.pairs.find((p) => p.id === id)!.left[lang],
			}))}
			options={layout.options.map((id) => ({
				id,
				text: options.find((o) => o.id === id)!.text[lang],
			}))}
			values={answer.type === 'matching' ? answer.matches : {}}
			onValues={(matches) => props.onAnswer({ type: 'matching', matches })}
		/>
	);
}

/** Categorize: each item goes into one of the categories. */
export function CategorizeInputs(props: InputsProps<QuestionOf<'categorize'>>) {
	const { question, answer, lang } = props;
	return (
		<SelectRows
			{...props}
			rows={props.layout.items.map((id) => ({
				id,
				text: question.items.find((i) => i.id === id)!.text[lang],
			}))}
			options={question.categories.map((c) => ({ id: c.id, text: c.text[lang] }))}
			values={answer.type === 'categorize' ? answer.placement : {}}
			onValues={(placement) => props.onAnswer({ type: 'categorize', placement })}
		/>
	);
}

interface Entry {
	id: string;
	text: string;
}

/** A row per item, each with a list to pick its partner from, and its mark once checked. */
function SelectRows(
	props: InputsProps & {
		rows: Entry[];
		options: Entry[];
		/** The option picked for each row, by row id. */
		values: Record<string, string | null>;
		onValues: (values: Record<string, string | null>) => void;
	}
) {
	const t = useT();
	const { values } = props;
	return (
		<ul class="quiz-rows" role="list">
			{props.rows.map((row) => {
				const id = `q-${props.question.id}-${row.id}`;
				return (
					<li key={row.id}>
						<label for={id}>
							<Rich text={row.text} />
						</label>
						<select
							id={id}
							data-part={row.id}
							value={values[row.id] ?? ''}
							disabled={props.locked}
							onChange={(event) =>
								props.onValues({ ...values, [row.id]: event.currentTarget.value || null })
							}
						>
							<option value="">{t('quiz.choose')}</option>
							{props.options.map((option) => (
								<option key={option.id} value={option.id}>
									{option.text}
								</option>
							))}
						</select>
						<PartMark verdict={props.marks[row.id]} />
					</li>
				);
			})}
		</ul>
	);
}
