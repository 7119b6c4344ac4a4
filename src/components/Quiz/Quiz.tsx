import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { format } from '../../lib/i18n/format';
import { withBase } from '../../lib/links/url';
import {
	emptyProgress,
	exportProgress,
	importProgress,
	loadProgress,
	recordAnswer,
	resetQuiz,
	saveProgress,
	type Attempt,
	type Progress,
	type ProgressProblem,
} from '../../lib/quiz/progress';
import type { Answer } from '../../lib/quiz/score';
import type { Question, Topic } from '../../lib/quiz/schema';
import {
	drawQuestions,
	emptyAnswer,
	isAnswered,
	layoutQuestion,
	percentage,
	results,
	scoreInQuiz,
	type QuizScoring,
} from '../../lib/quiz/session';
import { newSeed, seedFrom } from '../../lib/quiz/shuffle';
import { browserStore } from '../shared/storage.ts';
import { download } from '../shared/download.ts';
import { QuestionView, Rich, round, type Lang, type Strings } from './QuestionView';

export interface QuizProps {
	/** Which quiz this is (`docker`, `final`, `chapter-docker-volumi`): its attempt is stored under it. */
	quizId: string;
	questions: Question[];
	/** Draw this many questions per topic (the final quiz). */
	perTopic?: number | undefined;
	penalties: Partial<Record<Topic, number>>;
	lang: Lang;
	strings: Strings;
	/** The mode a new attempt starts in. */
	mode?: Attempt['mode'];
	/** A short quiz at the end of a chapter: no mode switch, no progress tools. */
	compact?: boolean;
}

/** The seed a class shares through `?seed=…`, if the page has one. */
function seedFromUrl(): number | undefined {
	const value = new URLSearchParams(location.search).get('seed');
	if (!value) return undefined;
	return /^\d+$/.test(value) ? Number(value) >>> 0 : seedFrom(value);
}

/**
 * A quiz: practice mode checks each answer, test mode scores everything at the end. Answers are
 * saved on the device by question id, so they survive reloads and a change of language.
 */
export default function Quiz({
	quizId,
	questions,
	perTopic,
	penalties,
	lang,
	strings,
	mode = 'practice',
	compact = false,
}: QuizProps) {
	const store = useMemo(browserStore, []);
	const [progress, setProgress] = useState<Progress>(emptyProgress);
	const [problem, setProblem] = useState<{ kind: ProgressProblem; data: string } | undefined>();
	// One object URL for the data set aside, not a new one at every render.
	const setAsideUrl = useMemo(
		() => problem && URL.createObjectURL(new Blob([problem.data], { type: 'text/plain' })),
		[problem]
	);
	const [ready, setReady] = useState(false);
	const [savable, setSavable] = useState(true);
	const [message, setMessage] = useState('');
	const [toolMessage, setToolMessage] = useState('');
	const resultsRef = useRef<HTMLHeadingElement>(null);
	const scoring: QuizScoring = { lang, penalties };

	useEffect(() => {
		const loaded = loadProgress(store);
		let next = loaded.progress;
		if (loaded.problem) setProblem({ kind: loaded.problem, data: loaded.setAside ?? '' });
		const shared = seedFromUrl();
		const current = next.attempts[quizId];
		if (!current || (shared !== undefined && shared !== current.seed)) {
			const attempt: Attempt = {
				seed: shared ?? newSeed(),
				mode: current?.mode ?? mode,
				submitted: false,
				started: Date.now(),
			};
			next = { ...next, attempts: { ...next.attempts, [quizId]: attempt } };
		}
		setProgress(next);
		setSavable(saveProgress(store, next));
		setReady(true);
	}, []);

	const attempt = progress.attempts[quizId];
	const seed = attempt?.seed ?? 0;
	const drawn = useMemo(
		() => drawQuestions(questions, seed, perTopic),
		[questions, seed, perTopic]
	);
	const layouts = useMemo(
		() => new Map(drawn.map((q) => [q.id, layoutQuestion(q, seed)])),
		[drawn, seed]
	);

	if (!ready || !attempt) return <p class="quiz-loading">…</p>;

	const update = (next: Progress) => {
		setProgress(next);
		setSavable(saveProgress(store, next));
	};
	const answerOf = (q: Question): Answer =>
		progress.questions[q.id]?.answer ?? emptyAnswer(q, layouts.get(q.id)!);
	const checked = (q: Question) =>
		attempt.mode === 'practice' && progress.questions[q.id]?.points !== undefined;
	// A question counts once the learner has touched it (an ordering starts complete but unanswered).
	const answered = drawn.filter((q) => isAnswered(q, progress.questions[q.id]?.answer)).length;
	const setAttempt = (changes: Partial<Attempt>) =>
		update({
			...progress,
			attempts: { ...progress.attempts, [quizId]: { ...attempt, ...changes } },
		});

	const onAnswer = (q: Question, answer: Answer) => update(recordAnswer(progress, q.id, answer));
	const check = (q: Question) => {
		const score = scoreInQuiz(q, answerOf(q), scoring);
		update(recordAnswer(progress, q.id, answerOf(q), score));
		const verdict =
			score.points >= score.max
				? 'quiz.correct'
				: score.points > 0
					? 'quiz.partial'
					: 'quiz.incorrect';
		setMessage(
			`${strings[verdict]} ${format(strings['quiz.points']!, { points: round(score.points), max: round(score.max) })}`
		);
	};
	const retry = (q: Question) => update(recordAnswer(progress, q.id, answerOf(q)));
	const submit = () => {
		setAttempt({ submitted: true });
		requestAnimationFrame(() => resultsRef.current?.focus());
	};
	const restart = () => {
		const cleared = resetQuiz(
			progress,
			quizId,
			drawn.map((q) => q.id)
		);
		const fresh: Attempt = {
			seed: newSeed(),
			mode: attempt.mode,
			submitted: false,
			started: Date.now(),
		};
		update({ ...cleared, attempts: { ...cleared.attempts, [quizId]: fresh } });
		history.replaceState(null, '', location.pathname);
	};

	const showResults = attempt.mode === 'test' && attempt.submitted;
	const shareUrl = `${location.origin}${location.pathname}?seed=${seed}`;

	return (
		<div class={`quiz${compact ? ' quiz-compact' : ''}`}>
			<p class="sr-only" aria-live="polite" aria-atomic="true">
				{message}
			</p>
			{problem && (
				<div class="quiz-notice" role="status">
					<p>{strings[`quiz.storage.${problem.kind}`]}</p>
					<p>
						<a href={setAsideUrl} download="quiz-progress-set-aside.txt">
							{strings['quiz.storage.download']}
						</a>
					</p>
				</div>
			)}
			{!savable && (
				<p class="quiz-notice" role="status">
					{strings['quiz.storage.unavailable']}
				</p>
			)}
			{!compact && (
				<fieldset class="quiz-mode">
					<legend>{strings['quiz.mode.label']}</legend>
					{(['practice', 'test'] as const).map((value) => (
						<label key={value}>
							<input
								type="radio"
								name={`${quizId}-mode`}
								checked={attempt.mode === value}
								onChange={() => setAttempt({ mode: value, submitted: false })}
							/>
							{strings[`quiz.mode.${value}`]}
						</label>
					))}
					<p class="quiz-hint">{strings[`quiz.mode.${attempt.mode}Help`]}</p>
				</fieldset>
			)}
			<div class="quiz-progress">
				<label for={`${quizId}-progress`}>
					{format(strings['quiz.progress']!, { answered, total: drawn.length })}
				</label>
				<progress id={`${quizId}-progress`} max={drawn.length} value={answered} />
			</div>

			{showResults ? (
				<ResultsView
					questions={drawn}
					progress={progress}
					scoring={scoring}
					lang={lang}
					strings={strings}
					headingRef={resultsRef}
					onRestart={restart}
				/>
			) : (
				<>
					<ol class="quiz-list" role="list">
						{drawn.map((q, index) => {
							const isChecked = checked(q);
							const score = isChecked ? scoreInQuiz(q, answerOf(q), scoring) : undefined;
							return (
								<li key={q.id} class="quiz-item">
									<QuestionView
										question={q}
										number={index + 1}
										total={drawn.length}
										layout={layouts.get(q.id)!}
										answer={answerOf(q)}
										lang={lang}
										strings={strings}
										score={score}
										onAnswer={(answer) => onAnswer(q, answer)}
										announce={setMessage}
									/>
									{attempt.mode === 'practice' && (
										<p class="quiz-actions">
											{isChecked ? (
												<button type="button" class="quiz-button" onClick={() => retry(q)}>
													{strings['quiz.retry']}
												</button>
											) : (
												<button
													type="button"
													class="quiz-button"
													disabled={!isAnswered(q, answerOf(q))}
													onClick={() => check(q)}
												>
													{strings['quiz.check']}
												</button>
											)}
										</p>
									)}
								</li>
							);
						})}
					</ol>
					{attempt.mode === 'test' && (
						<div class="quiz-submit">
							{answered < drawn.length && (
								<p>{format(strings['quiz.unanswered']!, { count: drawn.length - answered })}</p>
							)}
							<button type="button" class="quiz-button quiz-primary" onClick={submit}>
								{strings['quiz.submit']}
							</button>
						</div>
					)}
				</>
			)}

			{!compact && (
				<details class="quiz-tools">
					<summary>{strings['quiz.tools']}</summary>
					<p>
						<a href={shareUrl}>{strings['quiz.shareOrder']}</a>
					</p>
					<p class="quiz-tool-buttons">
						<button
							type="button"
							class="quiz-button"
							onClick={() => confirm(strings['quiz.resetConfirm']) && restart()}
						>
							{strings['quiz.reset']}
						</button>
						<button
							type="button"
							class="quiz-button"
							onClick={() =>
								download(
									new Blob([exportProgress(progress)], { type: 'application/json' }),
									'quiz-results.json'
								)
							}
						>
							{strings['quiz.export']}
						</button>
						<label class="quiz-button quiz-file">
							{strings['quiz.import']}
							<input
								type="file"
								accept="application/json,.json"
								onChange={(event) => {
									const file = event.currentTarget.files?.[0];
									void file?.text().then((text) => {
										const result = importProgress(progress, text);
										if ('progress' in result) update(result.progress);
										setToolMessage(
											strings['progress' in result ? 'quiz.imported' : 'quiz.importFailed']!
										);
									});
								}}
							/>
						</label>
					</p>
					<p role="status">{toolMessage}</p>
				</details>
			)}
		</div>
	);
}

function ResultsView({
	questions,
	progress,
	scoring,
	lang,
	strings,
	headingRef,
	onRestart,
}: {
	questions: Question[];
	progress: Progress;
	scoring: QuizScoring;
	lang: Lang;
	strings: Strings;
	headingRef: preact.RefObject<HTMLHeadingElement>;
	onRestart: () => void;
}) {
	const result = results(questions, progress, scoring);
	const topicsSeen = Object.entries(result.byTopic) as [Topic, { points: number; max: number }][];
	return (
		<section class="quiz-results" aria-labelledby="quiz-results-title">
			<h2 id="quiz-results-title" ref={headingRef} tabIndex={-1}>
				{strings['quiz.results.title']}
			</h2>
			<p class="quiz-total">
				{format(strings['quiz.results.score']!, {
					points: round(result.points),
					max: round(result.max),
					percent: percentage(result),
				})}
			</p>
			<h3>{strings['quiz.results.byTopic']}</h3>
			<ul class="quiz-bars" role="list">
				{topicsSeen.map(([topic, tally]) => (
					<li key={topic}>
						<span>{strings[`quiz.topic.${topic}`]}</span>
						<meter
							min={0}
							max={100}
							value={percentage(tally)}
							aria-label={strings[`quiz.topic.${topic}`]}
						/>
						<span>{percentage(tally)}%</span>
					</li>
				))}
			</ul>
			<h3>{strings['quiz.results.misses']}</h3>
			{result.misses.length === 0 ? (
				<p>{strings['quiz.results.allRight']}</p>
			) : (
				<ul>
					{result.misses.map((q) => (
						<li key={q.id}>
							<a href={withBase(q.review[lang])}>
								<Rich text={q.prompt[lang]} />
							</a>{' '}
							<span class="quiz-hint">
								(
								{format(strings['quiz.points']!, {
									points: round(result.scores.get(q.id)!.points),
									max: round(result.scores.get(q.id)!.max),
								})}
								)
							</span>
						</li>
					))}
				</ul>
			)}
			<p>
				<button type="button" class="quiz-button quiz-primary" onClick={onRestart}>
					{strings['quiz.restart']}
				</button>
			</p>
		</section>
	);
}
