import { useCallback, useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator, type Translate, type UiStrings } from '../../lib/i18n/strings.ts';
import { checkAnnouncement } from '../../lib/quiz/attempt.ts';
import { plural, whenText } from '../../lib/quiz/due.ts';
import { loadProgress, recordReview, type Progress } from '../../lib/quiz/progress.ts';
import { dueToday, nextDue, scheduleAll, startOfNextDay } from '../../lib/quiz/review.ts';
import {
	initialReview,
	reviewReducer,
	reviewRows,
	type ReviewState,
} from '../../lib/quiz/review-session.ts';
import type { Question, Topic } from '../../lib/quiz/schema.ts';
import {
	fitProgress,
	gradeOf,
	scoreInQuiz,
	type QuizScoring,
	type SheetRow,
} from '../../lib/quiz/session.ts';
import { newSeed } from '../../lib/quiz/shuffle.ts';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { deviceStorage } from '../shared/storage.ts';
import { TranslateContext, useT } from '../shared/strings.ts';
import { IslandBoundary, QuestionBoundary } from './Boundary.tsx';
import { QuestionView } from './QuestionView.tsx';
import { StorageNotices } from './StorageNotices.tsx';
import { useStoredProgress } from './useStoredProgress.ts';

export interface ReviewProps {
	/** Every question of every bank. */
	questions: Question[];
	/** The negative marking of each topic's bank. */
	penalties: Partial<Record<Topic, number>>;
	lang: Locale;
	/** The `quiz.*` UI strings in the page's language, by their full keys. */
	strings: UiStrings;
}

/**
 * The spaced review: the questions of every bank that are due today, as FSRS schedules them from
 * the learner's graded answers, to answer again one by one. Each check is one more graded answer
 * in the same progress as the quizzes, which sends the question further away or brings it back.
 */
export default function Review(props: ReviewProps) {
	return (
		<IslandBoundary message={translator(props.strings)('quiz.broken.quiz')}>
			<ReviewSheet {...props} />
		</IslandBoundary>
	);
}

function ReviewSheet({ questions, penalties, lang, strings }: ReviewProps) {
	const t = useMemo(() => translator(strings), [strings]);
	const storage = useMemo(deviceStorage, []);
	const [state, dispatch] = useReducer(reviewReducer, undefined, initialReview);
	const [message, setMessage] = useState('');
	const scoring = useMemo<QuizScoring>(() => ({ lang, penalties }), [lang, penalties]);

	useEffect(() => {
		const loaded = loadProgress(storage);
		const { progress } = fitProgress(loaded.progress, questions);
		const due = dueToday(progress, questions, Date.now()).map((item) => item.question.id);
		dispatch({ type: 'open', loaded, questions, due, seed: newSeed() });
	}, [storage, questions]);
	const onOtherTab = useCallback(
		(text: string | null, base: string | null) =>
			dispatch({ type: 'merge', text, base, questions }),
		[questions]
	);
	const saveFailure = useStoredProgress(storage, state.progress, onOtherTab);

	// Until the device is read: a new learner's page, unseen, so that reading it moves nothing.
	if (!state.progress) {
		return (
			<div class="quiz quiz-spaced quiz-pending" aria-busy="true">
				<p class="quiz-due-summary">{t('quiz.spaced.empty')}</p>
			</div>
		);
	}
	const rows = reviewRows(state, questions);
	const done = rows.filter((row) => row.score !== undefined).length;

	const check = (row: SheetRow) => {
		const score = scoreInQuiz(row.question, row.answer, scoring);
		const now = Date.now();
		const id = row.question.id;
		dispatch({ type: 'check', questionId: id, answer: row.answer, score, now });
		const after = recordReview(state.progress!, id, gradeOf(score), now);
		setMessage(`${checkAnnouncement(score, t, lang)} ${comesBack(after, id, lang, t)}`);
	};

	return (
		<TranslateContext.Provider value={t}>
			<div class="quiz quiz-spaced">
				<LiveRegion message={message} />
				<StorageNotices setAside={state.setAside} saveFailure={saveFailure} />
				<Summary state={state} questions={questions} remaining={rows.length - done} lang={lang} />
				{rows.length > 0 && (
					<div class="quiz-progress">
						<label for="review-progress">
							{t('quiz.spaced.reviewed', { done, total: rows.length })}
						</label>
						<progress id="review-progress" max={rows.length} value={done} />
					</div>
				)}
				{rows.length > 0 && (
					<ol class="quiz-list" role="list">
						{rows.map((row, index) => (
							<li key={row.question.id} class="quiz-item">
								<QuestionBoundary>
									<QuestionView
										row={row}
										number={index + 1}
										total={rows.length}
										lang={lang}
										onAnswer={(answer) =>
											dispatch({ type: 'answer', questionId: row.question.id, answer })
										}
										announce={setMessage}
									/>
									{row.score ? (
										<p class="quiz-comes-back">
											{comesBack(state.progress!, row.question.id, lang, t)}
										</p>
									) : (
										<p class="quiz-actions">
											<button
												type="button"
												class="quiz-button"
												disabled={!row.complete}
												onClick={() => check(row)}
											>
												{t('quiz.check')}
											</button>
										</p>
									)}
								</QuestionBoundary>
							</li>
						))}
					</ol>
				)}
			</div>
		</TranslateContext.Provider>
	);
}

/** When a question just reviewed comes back, from its history now. */
function comesBack(progress: Progress, id: string, lang: Locale, t: Translate): string {
	const logs = Object.hasOwn(progress.reviews, id) ? progress.reviews[id]! : [];
	const due = nextDue(logs);
	return due === undefined
		? ''
		: t('quiz.spaced.comesBack', { when: whenText(due, Date.now(), lang) });
}

/**
 * Where the learner stands: how many questions are due today, or that none is and when the next
 * one is, or that there is nothing to review yet; and how many questions they are learning.
 */
function Summary(props: {
	state: ReviewState;
	questions: readonly Question[];
	remaining: number;
	lang: Locale;
}) {
	const t = useT();
	const { state, questions, remaining, lang } = props;
	const scheduled = scheduleAll(state.progress!, questions);
	if (scheduled.length === 0) {
		return <p class="quiz-due-summary">{t('quiz.spaced.empty')}</p>;
	}
	const now = Date.now();
	// Today's questions, once reviewed, are due tomorrow at the soonest.
	const tomorrow = startOfNextDay(now);
	const later = scheduled.find((item) => item.due >= tomorrow);
	const lines = [
		remaining > 0
			? plural(t, 'quiz.spaced.due', remaining, lang)
			: t(state.queue.length > 0 ? 'quiz.spaced.done' : 'quiz.spaced.none'),
		remaining === 0 && later ? t('quiz.spaced.next', { when: whenText(later.due, now, lang) }) : '',
		plural(t, 'quiz.spaced.learning', scheduled.length, lang),
	];
	return <p class="quiz-due-summary">{lines.filter(Boolean).join(' ')}</p>;
}
