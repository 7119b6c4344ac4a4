import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { codeSegments, format, parseNumber } from '../../lib/i18n/format';
import { withBase } from '../../lib/links/url';
import type { Answer, Part, Score } from '../../lib/quiz/score';
import { matchingOptions } from '../../lib/quiz/score';
import type { Layout } from '../../lib/quiz/session';
import type { LocalizedText, Question } from '../../lib/quiz/schema';

export type Lang = 'it' | 'en';
export type Strings = Record<string, string>;

/** Question text: words, and `code` between backticks, always as text nodes. */
export function Rich({ text }: { text: string }) {
	return (
		<>
			{codeSegments(text).map((segment, index) =>
				segment.code ? <code key={index}>{segment.text}</code> : segment.text
			)}
		</>
	);
}

interface Props {
	question: Question;
	number: number;
	total: number;
	layout: Layout;
	answer: Answer;
	lang: Lang;
	strings: Strings;
	/** The score, once the answer has been checked (practice) or submitted (test). */
	score?: Score | undefined;
	onAnswer: (answer: Answer) => void;
	/** Says something through the page's live region. */
	announce: (message: string) => void;
}

/** One question: its inputs in a fieldset, and, once checked, the verdict of each part. */
export function QuestionView(props: Props) {
	const { question, number, total, lang, strings, score } = props;
	const tx = (text: LocalizedText) => text[lang];
	const legendId = `${question.id}-legend`;
	return (
		<fieldset
			class="quiz-question"
			aria-describedby={score ? `${question.id}-feedback` : undefined}
		>
			<legend id={legendId}>
				<span class="quiz-number">{format(strings['quiz.question']!, { n: number, total })}</span>
				<span class="quiz-prompt">
					<Rich text={tx(question.prompt)} />
				</span>
			</legend>
			<Inputs {...props} />
			{score && <Feedback {...props} score={score} />}
		</fieldset>
	);
}

function verdictOf(score: Score | undefined, id: string): Part['verdict'] | undefined {
	return score?.parts.find((part) => part.id === id)?.verdict;
}

/** A mark beside a part once checked: a symbol for the eye, a word for screen readers. */
function Mark({ verdict, strings }: { verdict: Part['verdict'] | undefined; strings: Strings }) {
	if (!verdict) return null;
	const symbol = verdict === 'correct' ? '✓' : verdict === 'incorrect' ? '✗' : '○';
	return (
		<span class={`quiz-mark quiz-mark-${verdict}`}>
			<span aria-hidden="true">{symbol}</span>
			<span class="sr-only">{` (${strings[`quiz.verdict.${verdict}`]})`}</span>
		</span>
	);
}

function Inputs({ question, layout, answer, lang, strings, score, onAnswer, announce }: Props) {
	const tx = (text: LocalizedText) => text[lang];
	const locked = score !== undefined;
	const name = `q-${question.id}`;
	const listRef = useRef<HTMLOListElement>(null);

	switch (question.type) {
		case 'single':
		case 'multiple': {
			const multiple = question.type === 'multiple';
			const chosen =
				answer.type === 'single'
					? [answer.choice]
					: answer.type === 'multiple'
						? answer.choices
						: [];
			return (
				<ul class="quiz-choices" role="list">
					{layout.choices.map((id) => {
						const choice = question.choices.find((c) => c.id === id)!;
						const checked = chosen.includes(id);
						const toggle = () =>
							onAnswer(
								multiple
									? {
											type: 'multiple',
											choices: checked
												? chosen.filter((c): c is string => !!c && c !== id)
												: [...(chosen as string[]), id],
										}
									: { type: 'single', choice: id }
							);
						return (
							<li key={id}>
								<label>
									<input
										type={multiple ? 'checkbox' : 'radio'}
										name={name}
										checked={checked}
										disabled={locked}
										onChange={toggle}
									/>
									<span>
										<Rich text={tx(choice.text)} />
									</span>
									<Mark
										verdict={checked || choice.correct ? verdictOf(score, id) : undefined}
										strings={strings}
									/>
								</label>
							</li>
						);
					})}
				</ul>
			);
		}
		case 'truefalse': {
			const value = answer.type === 'truefalse' ? answer.value : null;
			return (
				<ul class="quiz-choices quiz-inline" role="list">
					{[true, false].map((option) => (
						<li key={String(option)}>
							<label>
								<input
									type="radio"
									name={name}
									checked={value === option}
									disabled={locked}
									onChange={() => onAnswer({ type: 'truefalse', value: option })}
								/>
								<span>{strings[option ? 'quiz.true' : 'quiz.false']}</span>
							</label>
						</li>
					))}
				</ul>
			);
		}
		case 'matching': {
			const matches = answer.type === 'matching' ? answer.matches : {};
			const options = matchingOptions(question);
			return (
				<ul class="quiz-rows" role="list">
					{layout.left.map((pairId) => {
						const pair = question.pairs.find((p) => p.id === pairId)!;
						const id = `${name}-${pairId}`;
						return (
							<li key={pairId}>
								<label for={id}>
									<Rich text={tx(pair.left)} />
								</label>
								<select
									id={id}
									value={matches[pairId] ?? ''}
									disabled={locked}
									onChange={(event) =>
										onAnswer({
											type: 'matching',
											matches: { ...matches, [pairId]: event.currentTarget.value || null },
										})
									}
								>
									<option value="">{strings['quiz.choose']}</option>
									{layout.options.map((optionId) => (
										<option key={optionId} value={optionId}>
											{tx(options.find((o) => o.id === optionId)!.text)}
										</option>
									))}
								</select>
								<Mark verdict={verdictOf(score, pairId)} strings={strings} />
							</li>
						);
					})}
				</ul>
			);
		}
		case 'ordering': {
			const order = answer.type === 'ordering' ? answer.order : layout.items;
			const move = (index: number, by: -1 | 1, button: 'up' | 'down') => {
				const target = index + by;
				if (target < 0 || target >= order.length) return;
				const next = [...order];
				[next[index], next[target]] = [next[target]!, next[index]!];
				onAnswer({ type: 'ordering', order: next });
				const item = question.items.find((i) => i.id === order[index])!;
				announce(
					format(strings['quiz.moved']!, {
						item: tx(item.text),
						position: target + 1,
						total: order.length,
					})
				);
				// Keep the keyboard on the item that moved, so it can be moved again.
				requestAnimationFrame(() => {
					const row = listRef.current?.children[target];
					const buttons = row?.querySelectorAll('button');
					const wanted = button === 'up' ? buttons?.[0] : buttons?.[1];
					const fallback = button === 'up' ? buttons?.[1] : buttons?.[0];
					(wanted && !wanted.disabled ? wanted : fallback)?.focus();
				});
			};
			return (
				<ol class="quiz-order" ref={listRef}>
					{order.map((id, index) => {
						const item = question.items.find((i) => i.id === id)!;
						const text = tx(item.text);
						return (
							<li key={id}>
								<span class="quiz-order-text">
									<Rich text={text} />
								</span>
								<Mark verdict={verdictOf(score, id)} strings={strings} />
								<span class="quiz-order-buttons">
									<button
										type="button"
										aria-label={format(strings['quiz.moveUp']!, { item: text })}
										disabled={locked || index === 0}
										onClick={() => move(index, -1, 'up')}
									>
										↑
									</button>
									<button
										type="button"
										aria-label={format(strings['quiz.moveDown']!, { item: text })}
										disabled={locked || index === order.length - 1}
										onClick={() => move(index, 1, 'down')}
									>
										↓
									</button>
								</span>
							</li>
						);
					})}
				</ol>
			);
		}
		case 'categorize': {
			const placement = answer.type === 'categorize' ? answer.placement : {};
			return (
				<ul class="quiz-rows" role="list">
					{layout.items.map((itemId) => {
						const item = question.items.find((i) => i.id === itemId)!;
						const id = `${name}-${itemId}`;
						return (
							<li key={itemId}>
								<label for={id}>
									<Rich text={tx(item.text)} />
								</label>
								<select
									id={id}
									value={placement[itemId] ?? ''}
									disabled={locked}
									onChange={(event) =>
										onAnswer({
											type: 'categorize',
											placement: { ...placement, [itemId]: event.currentTarget.value || null },
										})
									}
								>
									<option value="">{strings['quiz.choose']}</option>
									{question.categories.map((category) => (
										<option key={category.id} value={category.id}>
											{tx(category.text)}
										</option>
									))}
								</select>
								<Mark verdict={verdictOf(score, itemId)} strings={strings} />
							</li>
						);
					})}
				</ul>
			);
		}
		case 'short':
			return (
				<TextAnswer
					id={`${name}-text`}
					label={strings['quiz.yourAnswer']!}
					value={answer.type === 'short' ? answer.text : ''}
					disabled={locked}
					code={question.match === 'docker'}
					onInput={(text) => onAnswer({ type: 'short', text })}
				/>
			);
		case 'numeric':
			return (
				<NumberAnswer
					id={`${name}-number`}
					label={strings['quiz.yourAnswer']!}
					hint={strings['quiz.numberHint']!}
					unit={question.unit}
					value={answer.type === 'numeric' ? answer.value : null}
					disabled={locked}
					onValue={(value) => onAnswer({ type: 'numeric', value })}
				/>
			);
	}
}

function TextAnswer(props: {
	id: string;
	label: string;
	value: string;
	disabled: boolean;
	code: boolean;
	onInput: (text: string) => void;
}) {
	return (
		<p class="quiz-field">
			<label for={props.id}>{props.label}</label>
			<input
				id={props.id}
				type="text"
				class={props.code ? 'quiz-code-input' : undefined}
				value={props.value}
				disabled={props.disabled}
				autocomplete="off"
				autocapitalize="off"
				spellcheck={false}
				onInput={(event) => props.onInput(event.currentTarget.value)}
			/>
		</p>
	);
}

function NumberAnswer(props: {
	id: string;
	label: string;
	hint: string;
	unit: string | undefined;
	value: number | null;
	disabled: boolean;
	onValue: (value: number | null) => void;
}) {
	const hintId = `${props.id}-hint`;
	const onInput = (event: JSX.TargetedEvent<HTMLInputElement>) =>
		props.onValue(parseNumber(event.currentTarget.value));
	return (
		<p class="quiz-field">
			<label for={props.id}>{props.label}</label>
			<span class="quiz-number-input">
				<input
					id={props.id}
					type="text"
					inputmode="decimal"
					defaultValue={props.value === null ? '' : String(props.value)}
					disabled={props.disabled}
					aria-describedby={hintId}
					onInput={onInput}
				/>
				{props.unit && <span>{props.unit}</span>}
			</span>
			<span id={hintId} class="quiz-hint">
				{props.hint}
			</span>
		</p>
	);
}

/** After checking: the verdict, the right answer where it helps, the explanation and a review link. */
function Feedback({ question, lang, strings, score, answer }: Props & { score: Score }) {
	const tx = (text: LocalizedText) => text[lang];
	const verdict =
		score.points >= score.max ? 'correct' : score.points > 0 ? 'partial' : 'incorrect';
	const chosen =
		answer.type === 'single' ? [answer.choice] : answer.type === 'multiple' ? answer.choices : [];
	const choiceFeedback =
		question.type === 'single' || question.type === 'multiple'
			? question.choices
					.filter((c) => c.feedback && chosen.includes(c.id))
					.map((c) => tx(c.feedback!))
			: question.type === 'truefalse' && answer.type === 'truefalse' && answer.value !== null
				? [question.feedback?.[answer.value ? 'true' : 'false']].filter((f) => f).map((f) => tx(f!))
				: [];
	return (
		<div id={`${question.id}-feedback`} class={`quiz-feedback quiz-feedback-${verdict}`}>
			<p class="quiz-verdict">
				<strong>{strings[`quiz.${verdict}`]}</strong>{' '}
				{format(strings['quiz.points']!, { points: round(score.points), max: round(score.max) })}
			</p>
			{verdict !== 'correct' && <RightAnswer question={question} lang={lang} strings={strings} />}
			{choiceFeedback.map((text, index) => (
				<p key={index}>
					<Rich text={text} />
				</p>
			))}
			<p>
				<strong>{strings['quiz.why']}: </strong>
				<Rich text={tx(question.explanation)} />
			</p>
			<p>
				<a href={withBase(question.review[lang])}>{strings['quiz.review']}</a>
			</p>
		</div>
	);
}

/** The right answer, for the types where the marks beside each part do not already say it. */
function RightAnswer({
	question,
	lang,
	strings,
}: {
	question: Question;
	lang: Lang;
	strings: Strings;
}) {
	const tx = (text: LocalizedText) => text[lang];
	let answer: string | undefined;
	if (question.type === 'single') answer = tx(question.choices.find((c) => c.correct)!.text);
	if (question.type === 'multiple')
		answer = question.choices
			.filter((c) => c.correct)
			.map((c) => tx(c.text))
			.join('; ');
	if (question.type === 'truefalse') answer = strings[question.answer ? 'quiz.true' : 'quiz.false'];
	if (question.type === 'matching')
		answer = question.pairs.map((p) => `${tx(p.left)} → ${tx(p.right)}`).join('; ');
	if (question.type === 'ordering') answer = question.items.map((i) => tx(i.text)).join(' → ');
	if (question.type === 'categorize') {
		answer = question.items
			.map(
				(i) => `${tx(i.text)} → ${tx(question.categories.find((c) => c.id === i.category)!.text)}`
			)
			.join('; ');
	}
	if (question.type === 'numeric')
		answer = `${question.value}${question.unit ? ` ${question.unit}` : ''}`;
	if (question.type === 'short') {
		const accepted = Array.isArray(question.accepted) ? question.accepted : question.accepted[lang];
		return (
			<p>
				<Rich
					text={format(strings['quiz.acceptedAnswers']!, {
						answers: accepted.map((a) => `\`${a}\``).join(', '),
					})}
				/>
			</p>
		);
	}
	return answer ? (
		<p>
			<Rich text={format(strings['quiz.rightAnswer']!, { answer })} />
		</p>
	) : null;
}

/** Points for people: at most two decimals. */
export function round(value: number): number {
	return Math.round(value * 100) / 100;
}
