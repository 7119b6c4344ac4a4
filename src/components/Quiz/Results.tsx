import type { RefObject } from 'preact';
import type { Locale } from '../../lib/i18n/locale.ts';
import { withBase } from '../../lib/links/url.ts';
import { pointsText, roundPoints } from '../../lib/quiz/attempt.ts';
import type { Progress } from '../../lib/quiz/progress.ts';
import type { Question, Topic } from '../../lib/quiz/schema.ts';
import { percentage, results, type QuizScoring, type Tally } from '../../lib/quiz/session.ts';
import { bandThresholds, formatNumber, formatPercent, scoreBand } from '../../lib/quiz/wording.ts';
import { useT } from '../shared/strings.ts';
import { Rich } from './Rich.tsx';

interface Props {
	questions: Question[];
	progress: Progress;
	scoring: QuizScoring;
	lang: Locale;
	/** The heading, which takes the focus once a test is submitted. */
	headingRef: RefObject<HTMLHeadingElement>;
	onRestart: () => void;
}

/** A submitted test: the score, a bar per topic, and the questions to review. */
export function Results({ questions, progress, scoring, lang, headingRef, onRestart }: Props) {
	const t = useT();
	const result = results(questions, progress, scoring);
	const topicsSeen = Object.entries(result.byTopic) as [Topic, Tally][];
	return (
		<section class="quiz-results" aria-labelledby="quiz-results-title">
			<h2 id="quiz-results-title" ref={headingRef} tabIndex={-1}>
				{t('quiz.results.title')}
			</h2>
			<p class="quiz-total">
				{t('quiz.results.score', {
					points: formatNumber(roundPoints(result.points), lang),
					max: formatNumber(roundPoints(result.max), lang),
					percent: percentage(result),
				})}
			</p>
			<h3>{t('quiz.results.byTopic')}</h3>
			<ul class="quiz-bars" role="list">
				{topicsSeen.map(([topic, tally]) => {
					// The colour of the bar says the band, and so does a word: never colour alone.
					const band = scoreBand(tally);
					return (
						<li key={topic} class={`quiz-band-${band}`}>
							<span>{t(`quiz.topic.${topic}`)}</span>
							<meter
								min={0}
								max={100}
								low={bandThresholds.mid}
								high={bandThresholds.high}
								optimum={100}
								value={percentage(tally)}
								aria-label={t(`quiz.topic.${topic}`)}
							/>
							<span class="quiz-bar-detail">
								{formatPercent(percentage(tally), lang)} · {pointsText(tally, t, lang)} ·{' '}
								<strong>{t(`quiz.band.${band}`)}</strong>
							</span>
						</li>
					);
				})}
			</ul>
			<h3>{t('quiz.results.misses')}</h3>
			{result.misses.length === 0 ? (
				<p>{t('quiz.results.allRight')}</p>
			) : (
				<ul>
					{result.misses.map((q) => (
						<li key={q.id}>
							<a href={withBase(q.review[lang])}>
								<Rich text={q.prompt[lang]} />
							</a>{' '}
							<span class="quiz-hint">({pointsText(result.scores.get(q.id)!, t, lang)})</span>
						</li>
					))}
				</ul>
			)}
			<p>
				<button type="button" class="quiz-button quiz-primary" onClick={onRestart}>
					{t('quiz.restart')}
				</button>
			</p>
		</section>
	);
}
