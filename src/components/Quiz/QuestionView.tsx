import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locale.ts';
import { feedbackStage, partMarks, type FeedbackStage } from '../../lib/quiz/attempt.ts';
import { loadLabEngine } from '../../lib/quiz/lab-engine.ts';
import type { Answer, Part } from '../../lib/quiz/score.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import type { Layout, SheetRow } from '../../lib/quiz/session.ts';
import { useT } from '../shared/strings.ts';
import { ChoiceInputs, TrueFalseInputs } from './ChoiceInputs.tsx';
import { Feedback, feedbackId, rightAnswerId } from './Feedback.tsx';
import { OrderingInputs } from './OrderingInputs.tsx';
import { CategorizeInputs, MatchingInputs } from './PairInputs.tsx';
import { lazyView } from './lazyView.tsx';
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
	/** Practice: show the right answer of this checked question now. */
	onReveal?: (() => void) | undefined;
}

/**
 * The control of a part (a choice, a row, an item, the text field) that the keyboard goes back to;
 * every input marks its part with `data-part`.
 */
function controlOf(fieldset: HTMLElement, partId: string | undefined): HTMLElement | null {
	const all = [...fieldset.querySelectorAll<HTMLElement>('[data-part]')];
	const matching = all.filter((element) => element.dataset['part'] === partId);
	const candidates = matching.length ? matching : all;
	// In a group of radio buttons the keyboard belongs on the one that is checked.
	const part =
		candidates.find((element) => element instanceof HTMLInputElement && element.checked) ??
		candidates[0];
	if (!part) return null;
	return part.matches('input, select, button, textarea')
		? part
		: part.querySelector<HTMLElement>('button:not(:disabled), input, select, textarea');
}

/**
 * One question: its inputs in a fieldset, and, once checked, the verdict of each part. The
 * keyboard follows what the learner does: after checking it goes to the feedback, after asking for
 * the answer to the answer, and after retrying to the first part that was wrong.
 */
export function QuestionView({ row, number, total, lang, onAnswer, announce, onReveal }: Props) {
	const t = useT();
	const { question, answer, score } = row;
	const stage: FeedbackStage | undefined = score && feedbackStage(score, row.tries);
	const marks = partMarks(question, answer, score, stage);
	const fieldsetRef = useRef<HTMLFieldSetElement>(null);
	// What was shown at the last render, so a change made here (not a page opening on a checked
	// answer) moves the focus.
	const shown = useRef({ stage, marks });
	useLayoutEffect(() => {
		const before = shown.current;
		shown.current = { stage, marks };
		const fieldset = fieldsetRef.current;
		if (!fieldset || before.stage === stage) return;
		// Only what the learner did at this question moves the focus: not a change of mode or a
		// restart from elsewhere on the page. A button that went away leaves the focus on the body.
		const active = document.activeElement;
		const here = !active || active === document.body || fieldset.parentElement?.contains(active);
		if (!here) return;
		if (!before.stage) document.getElementById(feedbackId(question))?.focus();
		else if (stage === 'answer') document.getElementById(rightAnswerId(question))?.focus();
		else if (!stage) {
			const order = [...fieldset.querySelectorAll<HTMLElement>('[data-part]')].map(
				(element) => element.dataset['part']
			);
			const firstWrong = order.find(
				(id) => id && before.marks[id] && before.marks[id] !== 'correct'
			);
			controlOf(fieldset, firstWrong)?.focus();
		}
	});
	const inputs: InputsProps = {
		question,
		layout: row.layout,
		answer,
		lang,
		locked: score !== undefined,
		marks,
		onAnswer,
		announce,
	};
	return (
		<fieldset
			ref={fieldsetRef}
			class="quiz-question"
			aria-describedby={score ? feedbackId(question) : undefined}
		>
			<legend id={`${question.id}-legend`}>
				<span class="quiz-number">{t('quiz.question', { n: number, total })}</span>
				<span class="quiz-prompt">
					<Rich text={question.prompt[lang]} />
				</span>
			</legend>
			<Inputs {...inputs} />
			{score && stage && (
				<Feedback
					question={question}
					answer={answer}
					score={score}
					lang={lang}
					stage={stage}
					onReveal={onReveal}
				/>
			)}
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
		case 'lab':
			return <LabSlot {...props} question={question} />;
	}
}

/**
 * A lab's inputs, loaded with the simulator when the first lab shows: the other quizzes do not
 * carry them. Until then, and on the server, a line says the host is being made ready. The
 * runner comes too, for a page that has not loaded it itself (the spaced review): a lab is scored
 * once it is checked, by then it is there.
 */
const LabSlot = lazyView(
	() =>
		Promise.all([import('./LabInputs.tsx'), loadLabEngine()]).then(([module]) => module.LabInputs),
	function LabLoading() {
		return <p class="quiz-hint">{useT()('quiz.lab.loading')}</p>;
	}
).View;

const control = 'input:not(:disabled), select, textarea, button:not(:disabled)';

/**
 * Takes the keyboard to a question of a list: to its first control, or to the question itself,
 * whose legend a screen reader then reads (a question not rendered yet: to its item). A control
 * still loading (a lab's fields come with its runner) gets the keyboard once it is there, if the
 * learner has not moved on; until then the question holds it.
 */
export function focusQuestion(item: Element | null | undefined, toControl?: boolean) {
	const fieldset = item?.querySelector('fieldset') ?? (item as HTMLElement | null | undefined);
	if (!fieldset) return;
	const first = () => fieldset.querySelector<HTMLElement>(control);
	const target = toControl && first();
	if (target) return target.focus();
	fieldset.tabIndex = -1;
	fieldset.focus();
	if (!toControl) return;
	const observer = new MutationObserver(() => {
		const found = first();
		if (!found) return;
		observer.disconnect();
		if (document.activeElement === fieldset) found.focus();
	});
	observer.observe(fieldset, { childList: true, subtree: true });
}
