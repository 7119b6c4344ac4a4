import { useRef } from 'preact/hooks';
import { moveInOrder } from '../../lib/quiz/attempt.ts';
import type { QuestionOf } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import { PartMark } from './PartMark.tsx';
import type { InputsProps } from './QuestionView.tsx';
import { Rich } from './Rich.tsx';

/** Ordering: the items in the learner's order, each with a button to move it up and one down. */
export function OrderingInputs(props: InputsProps<QuestionOf<'ordering'>>) {
	const { question, answer, locked } = props;
	const t = useT();
	const listRef = useRef<HTMLOListElement>(null);
	const order = answer.type === 'ordering' ? answer.order : props.layout.items;
	const textOf = (id: string) => question.items.find((i) => i.id === id)!.text[props.lang];

	const move = (index: number, by: -1 | 1) => {
		const next = moveInOrder(order, index, by);
		if (!next) return;
		const target = index + by;
		props.onAnswer({ type: 'ordering', order: next });
		props.announce(
			t('quiz.moved', { item: textOf(order[index]!), position: target + 1, total: order.length })
		);
		// Keep the keyboard on the item that moved, so it can be moved again.
		requestAnimationFrame(() => {
			const buttons = listRef.current?.children[target]?.querySelectorAll('button');
			const [wanted, fallback] =
				by < 0 ? [buttons?.[0], buttons?.[1]] : [buttons?.[1], buttons?.[0]];
			(wanted && !wanted.disabled ? wanted : fallback)?.focus();
		});
	};

	const helpId = `q-${question.id}-order-help`;
	return (
		<>
			<p id={helpId} class="quiz-hint quiz-order-help">
				{t('quiz.orderingHelp')}
			</p>
			<ol class="quiz-order" ref={listRef} aria-describedby={helpId}>
				{order.map((id, index) => {
					const text = textOf(id);
					return (
						<li key={id} data-part={id}>
							<span class="quiz-order-text">
								<Rich text={text} />
							</span>
							<PartMark verdict={props.marks[id]} words="quiz.verdict.ordering" />
							<span class="quiz-order-buttons">
								<button
									type="button"
									aria-label={t('quiz.moveUp', { item: text })}
									disabled={locked || index === 0}
									onClick={() => move(index, -1)}
								>
									↑
								</button>
								<button
									type="button"
									aria-label={t('quiz.moveDown', { item: text })}
									disabled={locked || index === order.length - 1}
									onClick={() => move(index, 1)}
								>
									↓
								</button>
							</span>
						</li>
					);
				})}
			</ol>
		</>
	);
}
