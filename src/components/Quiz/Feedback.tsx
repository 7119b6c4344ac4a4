import { Fragment } from 'preact';
import type { Locale } from '../../lib/i18n/locale.ts';
import { withBase } from '../../lib/links/url.ts';
import { feedbackOf, pointsText, type FeedbackStage } from '../../lib/quiz/attempt.ts';
import type { Answer, Score } from '../../lib/quiz/score.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import { Rich } from './Rich.tsx';

interface Props {
	question: Question;
	answer: Answer;
	score: Score;
	lang: Locale;
	/** A hint (what is wrong) or the answer (what is right, and why). */
	stage: FeedbackStage;
	/** Shows the answer at once, from a hint; without it there is no button to ask. */
	onReveal?: (() => void) | undefined;
}

/** The id of a question's feedback box, which takes the focus once the answer is checked. */
export const feedbackId = (question: Question) => `${question.id}-feedback`;
/** The id of the right answer inside it, which takes the focus when the learner asks for it. */
export const rightAnswerId = (question: Question) => `${question.id}-right-answer`;

/**
 * After checking: the verdict and points, then either a hint with a button to see the answer,
 * or the right answer where it helps and the explanation; always a link to the section.
 */
export function Feedback({ question, answer, score, lang, stage, onReveal }: Props) {
	const t = useT();
	const feedback = feedbackOf(question, answer, score, lang, t, stage);
	const { verdict, rightAnswer } = feedback;
	return (
		<div
			id={feedbackId(question)}
			class={`quiz-feedback quiz-feedback-${verdict}`}
			tabIndex={-1}
			role="group"
			aria-labelledby={`${question.id}-verdict`}
		>
			<p class="quiz-verdict" id={`${question.id}-verdict`}>
				<strong>{t(`quiz.${verdict}`)}</strong> {pointsText(score, t, lang)}
			</p>
			{feedback.hints.length > 0 && (
				<p class="quiz-hints">
					<strong>{t('quiz.hintLabel')}: </strong>
					{feedback.hints.map((text, index) => (
						<Fragment key={index}>
							{index > 0 && ' '}
							<Rich text={text} />
						</Fragment>
					))}
				</p>
			)}
			{rightAnswer && (
				<div id={rightAnswerId(question)} class="quiz-right-answer" tabIndex={-1}>
					{rightAnswer.list ? (
						<>
							<p>{rightAnswer.list.lead}:</p>
							<ul>
								{rightAnswer.list.items.map((item, index) => (
									<li key={index}>
										<Rich text={item} />
									</li>
								))}
							</ul>
						</>
					) : (
						<p>
							<Rich text={rightAnswer.text} />
						</p>
					)}
					{rightAnswer.note && (
						<p class="quiz-hint">
							<Rich text={rightAnswer.note} />
						</p>
					)}
					{question.type === 'lab' &&
						Object.entries(question.solution.files).map(([path, text], index) => (
							<figure key={path} class="quiz-lab-file">
								<figcaption id={`${question.id}-solution-${index}`}>
									{t('quiz.lab.solutionFile', { path })}
								</figcaption>
								<pre tabIndex={0} aria-labelledby={`${question.id}-solution-${index}`}>
									{text}
								</pre>
							</figure>
						))}
				</div>
			)}
			{feedback.notes.map((text, index) => (
				<p key={index}>
					<Rich text={text} />
				</p>
			))}
			{feedback.explain && (
				<p>
					<strong>{t('quiz.why')}: </strong>
					<Rich text={question.explanation[lang]} />
				</p>
			)}
			{feedback.stage === 'hint' && onReveal && (
				<p>
					<button type="button" class="quiz-button" onClick={onReveal}>
						{t('quiz.showAnswer')}
					</button>
				</p>
			)}
			<p>
				<a href={withBase(question.review[lang])}>{t('quiz.review')}</a>
			</p>
		</div>
	);
}
