import type { Locale } from '../../lib/i18n/locale.ts';
import { partMarks } from '../../lib/quiz/attempt.ts';
import type { Answer, Part } from '../../lib/quiz/score.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import type { Layout, SheetRow } from '../../lib/quiz/session.ts';
import { useT } from '../shared/strings.ts';
import { ChoiceInputs, TrueFalseInputs } from './ChoiceInputs.tsx';
import { Feedback } from './Feedback.tsx';
import { OrderingInputs } from './OrderingInputs.tsx';
import { CategorizeInputs, MatchingInputs } from './PairInputs.tsx';
import { Rich } from './Rich.tsx';
import { NumericInput, ShortInput } from './TextInputs.tsx';

/** What the inputs of every kind of question are given. */
export interface InputsProps<Q extends Question = Question> {
	question: Q;
	layout: Layout;
	answer: Answer;
	lang: Locale;
	/** Checked: the inputs stay as they are until the learner retries. */
	locked: boolean;
	/** The mark beside each part, by part id, once checked. */
	marks: Partial<Record<string, Part['verdict']>>;
	onAnswer: (answer: Answer) => void;
	/** Says something through the island's live region. */
	announce: (message: string) => void;
}

interface Props {
	row: SheetRow;
	number: number;
	total: number;
	lang: Locale;
	onAnswer: (answer: Answer) => void;
	announce: (message: string) => void;
}

/** One question: its inputs in a fieldset, and, once checked, the verdict of each part. */
export function QuestionView({ row, number, total, lang, onAnswer, announce }: Props) {
	const t = useT();
	const { question, answer, score } = row;
	const inputs: InputsProps = {
		question,
		layout: row.layout,
		answer,
		lang,
		locked: score !== undefined,
		marks: partMarks(question, answer, score),
		onAnswer,
		announce,
	};
	return (
		<fieldset
			class="quiz-question"
			aria-describedby={score ? `${question.id}-feedback` : undefined}
		>
			<legend id={`${question.id}-legend`}>
				<span class="quiz-number">{t('quiz.question', { n: number, total })}</span>
				<span class="quiz-prompt">
					<Rich text={question.prompt[lang]} />
				</span>
			</legend>
			<Inputs {...inputs} />
			{score && <Feedback question={question} answer={answer} score={score} lang={lang} />}
		</fieldset>
	);
}

/** The inputs of the question's kind. */
function Inputs(props: InputsProps) {
	const { question } = props;
	switch (question.type) {
		case 'single':
		case 'multiple':
			return <ChoiceInputs {...props} question={question} />;
		case 'truefalse':
			return <TrueFalseInputs {...props} question={question} />;
		case 'matching':
			return <MatchingInputs {...props} question={question} />;
		case 'categorize':
			return <CategorizeInputs {...props} question={question} />;
		case 'ordering':
			return <OrderingInputs {...props} question={question} />;
		case 'short':
			return <ShortInput {...props} question={question} />;
		case 'numeric':
			return <NumericInput {...props} question={question} />;
	}
}
