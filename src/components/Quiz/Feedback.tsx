import type { Locale } from '../../lib/i18n/locale.ts';
import { withBase } from '../../lib/links/url.ts';
import { feedbackOf, pointsText } from '../../lib/quiz/attempt.ts';
import type { Answer, Score } from '../../lib/quiz/score.ts';
import type { Question } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import { Rich } from './Rich.tsx';

interface Props {
	question: Question;
	answer: Answer;
	score: Score;
	lang: Locale;
}

/** After checking: the verdict, the right answer where it helps, the explanation and a review link. */
export function Feedback({ question, answer, score, lang }: Props) {
	const t = useT();
	const { verdict, rightAnswer, notes } = feedbackOf(question, answer, score, lang, t);
	return (
		<div id={`${question.id}-feedback`} class={`quiz-feedback quiz-feedback-${verdict}`}>
			<p class="quiz-verdict">
				<strong>{t(`quiz.${verdict}`)}</strong> {pointsText(score, t)}
			</p>
			{rightAnswer && (
				<p>
					<Rich text={rightAnswer} />
				</p>
			)}
			{notes.map((text, index) => (
				<p key={index}>
					<Rich text={text} />
				</p>
			))}
			<p>
				<strong>{t('quiz.why')}: </strong>
				<Rich text={question.explanation[lang]} />
			</p>
			<p>
				<a href={withBase(question.review[lang])}>{t('quiz.review')}</a>
			</p>
		</div>
	);
}
