import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locale.ts';
import { withBase } from '../../lib/links/url.ts';
import { pointsText } from '../../lib/quiz/attempt.ts';
import type { Progress } from '../../lib/quiz/progress.ts';
import { isFullMarks } from '../../lib/quiz/score.ts';
import type { Topic } from '../../lib/quiz/schema.ts';
import {
	percentage,
	results,
	type QuizScoring,
	type SheetRow,
	type Tally,
} from '../../lib/quiz/session.ts';
import { bandThresholds, formatPercent, scoreBand } from '../../lib/quiz/wording.ts';
import { useT } from '../shared/strings.ts';
import { QuestionBoundary } from './Boundary.tsx';
import { focusQuestion, QuestionView } from './QuestionView.tsx';
import { Rich } from './Rich.tsx';

interface Props {
	/** The questions of the test, in the attempt's order, with the learner's answers. */
	rows: SheetRow[];
	progress: Progress;
	scoring: QuizScoring;
	lang: Locale;
	/** The heading, which takes the focus once a test is submitted. */
	headingRef: RefObject<HTMLHeadingElement>;
	onRestart: () => void;
}

/**
 * A submitted test: the score, a bar per topic, the sections to review, then the review itself:
 * every question as the learner answered it, marked part by part, with the right answer, the
 * explanation and the link to its section. The answers not fully right are linked one to the
 * next, so the keyboard can go from one to another without passing through the right ones.
 */
export function Results({ rows, progress, scoring, lang, headingRef, onRestart }: Props) {
	const t = useT();
	const listRef = useRef<HTMLOListElement>(null);
	const result = results(
		rows.map((row) => row.question),
		progress,
		scoring
	);
	const topicsSeen = Object.entries(result.byTopic) as [Topic, Tally][];
	const reviewed = rows.map((row) => ({ ...row, score: result.scores.get(row.question.id)! }));
	// Indexes of the rows to review, in the order shown.
	const misses = reviewed.flatMap((row, index) => (isFullMarks(row.score) ? [] : [index]));

	/** Takes the keyboard (and the eye) to a question of the review. */
	const focusRow = (index: number | undefined) =>
		index !== undefined && focusQuestion(listRef.current?.children[index]);

	return (
		<section class="quiz-results" aria-labelledby="quiz-results-title">
			<h2 id="quiz-results-title" ref={headingRef} tabIndex={-1}>
				{t('quiz.results.title')}
			</h2>
			<p class="quiz-total">
				{t('quiz.results.score', {
					score: pointsText(result, t, lang),
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
				<ul class="quiz-misses">
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
			<p class="quiz-tool-buttons quiz-results-actions">
				<button type="button" class="quiz-button quiz-primary" onClick={onRestart}>
					{t('quiz.restart')}
				</button>
				<button type="button" class="quiz-button" onClick={() => print()}>
					{t('quiz.results.print')}
				</button>
			</p>

			<section class="quiz-review" aria-labelledby="quiz-review-title">
				<h3 id="quiz-review-title">{t('quiz.results.reviewTitle')}</h3>
				<p>{t('quiz.results.reviewIntro')}</p>
				{misses.length > 0 && (
					<p class="quiz-review-start">
						<button type="button" class="quiz-button" onClick={() => focusRow(misses[0])}>
							{t('quiz.results.firstMiss', { count: misses.length })}
						</button>
					</p>
				)}
				<ol class="quiz-list quiz-review-list" role="list" ref={listRef}>
					{reviewed.map((row, index) => {
						const position = misses.indexOf(index);
						return (
							<li key={row.question.id} class="quiz-item">
								<QuestionBoundary>
									<QuestionView
										row={row}
										number={index + 1}
										total={rows.length}
										lang={lang}
										onAnswer={() => undefined}
										announce={() => undefined}
									/>
								</QuestionBoundary>
								{position >= 0 && (
									<MissNavigation
										position={position}
										total={misses.length}
										onMove={(by) => focusRow(misses[position + by])}
									/>
								)}
							</li>
						);
					})}
				</ol>
			</section>
		</section>
	);
}

/** Beside an answer to review: which one it is, and the way to the one before and after it. */
function MissNavigation(props: { position: number; total: number; onMove: (by: -1 | 1) => void }) {
	const t = useT();
	const { position, total } = props;
	return (
		<p class="quiz-review-nav">
			<span class="quiz-hint">{t('quiz.results.missPosition', { n: position + 1, total })}</span>
			<span class="quiz-review-buttons">
				<button
					type="button"
					class="quiz-button"
					disabled={position === 0}
					onClick={() => props.onMove(-1)}
				>
					<span aria-hidden="true">← </span>
					{t('quiz.results.previousMiss')}
				</button>
				<button
					type="button"
					class="quiz-button"
					disabled={position === total - 1}
					onClick={() => props.onMove(1)}
				>
					{t('quiz.results.nextMiss')}
					<span aria-hidden="true"> →</span>
				</button>
			</span>
		</p>
	);
}
