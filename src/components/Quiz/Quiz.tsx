import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator, type UiStrings } from '../../lib/i18n/strings.ts';
import { checkAnnouncement, entryProblem } from '../../lib/quiz/attempt.ts';
import { asksForDockerCommands, loadDockerMatcher } from '../../lib/quiz/docker-matcher.ts';
import {
	asksForLabs,
	holdsLabAnswers,
	labEngineLoaded,
	loadLabEngine,
} from '../../lib/quiz/lab-engine.ts';
import { loadProgress, type Attempt } from '../../lib/quiz/progress.ts';
import type { Question, Topic } from '../../lib/quiz/schema.ts';
import {
	drawAttempt,
	drawnAsGiven,
	previewSeed,
	previewSheet,
	quizReducer,
	scoreInQuiz,
	seedFromQuery,
	sheetOf,
	testGrades,
	type QuizScoring,
	type SheetRow,
} from '../../lib/quiz/session.ts';
import { newSeed } from '../../lib/quiz/shuffle.ts';
import { Deferred, PartQueueContext, usePartQueue } from '../shared/Deferred.tsx';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { deviceStorage } from '../shared/storage.ts';
import { TranslateContext, useT } from '../shared/strings.ts';
import { IslandBoundary, QuestionBoundary } from './Boundary.tsx';
import { Pager, QuestionNav, SkipLink, itemId } from './QuestionNav.tsx';
import { focusQuestion, QuestionView } from './QuestionView.tsx';
import { StorageNotices } from './StorageNotices.tsx';
import { numberFieldId } from './TextInputs.tsx';
import { useStoredProgress } from './useStoredProgress.ts';
import { lazyView } from './lazyView.tsx';

/** A test's results load when it is handed in (or opens handed in): a practice never needs them. */
const results = lazyView(() => import('./Results.tsx').then((module) => module.Results));

/** The progress tools load when the learner opens them. */
const tools = lazyView(() => import('./ProgressTools.tsx').then((module) => module.ProgressTools));

/** Where the device keeps the learner's choice of one question per screen. */
const ONE_PER_SCREEN_KEY = 'virtualizzazione-docker:quiz-one-per-screen';

/** How many questions the server renders in full (`deferRows`): more than a screen holds. */
export const renderedRows = 5;

export interface QuizProps {
	/** Which quiz this is (`docker`, `final`, `chapter-docker-volumi`): its attempt is stored under it. */
	quizId: string;
	/**
	 * The questions, or the same as JSON text: a page passes text, because Astro's serialisation of
	 * an island's props tags every value and revives them one by one, and a quiz page's questions
	 * are most of its bytes; `JSON.parse` reads the text in one go.
	 */
	questions: Question[] | string;
	/** Draw this many questions per topic (the final quiz). */
	perTopic?: number | undefined;
	/**
	 * With `perTopic`: the address of the pool to draw from, when `questions` holds only the draw
	 * of the first attempt (`previewSeed`), in its order. Fetched when the island opens.
	 */
	pool?: string | undefined;
	penalties: Partial<Record<Topic, number>>;
	lang: Locale;
	/** The `quiz.*` UI strings in the page's language, by their full keys. */
	strings: UiStrings;
	/** The mode a new attempt starts in. */
	mode?: Attempt['mode'];
	/** A short quiz at the end of a chapter: no mode switch, no progress tools. */
	compact?: boolean;
	/**
	 * Render the questions one per task (`Deferred`), the server only the first few, so that no
	 * long task blocks the page: for a quiz the server renders.
	 */
	deferRows?: boolean;
}

/**
 * A quiz: practice mode checks each answer, test mode scores everything at the end. Answers are
 * saved on the device by question id, so they survive reloads, a change of language and a second
 * tab. The rules live in `src/lib/quiz/session.ts`; this view reads the device and dispatches.
 * Whatever fails to render shows a message in its place: one question, or the whole quiz.
 */
export default function Quiz(props: QuizProps) {
	const message = translator(props.strings)('quiz.broken.quiz');
	return (
		<IslandBoundary message={message}>
			<QuizSheet {...props} />
		</IslandBoundary>
	);
}

function QuizSheet({
	quizId,
	questions: given,
	perTopic,
	pool,
	penalties,
	lang,
	strings,
	mode = 'practice',
	compact = false,
	deferRows = false,
}: QuizProps) {
	const t = useMemo(() => translator(strings), [strings]);
	const sent = useMemo(
		() => (typeof given === 'string' ? (JSON.parse(given) as Question[]) : given),
		[given]
	);
	// The pool once fetched; until then (or if it cannot be), the questions the page sent.
	const [all, setAll] = useState<Question[]>();
	const questions = all ?? sent;
	const storage = useMemo(deviceStorage, []);
	const [state, dispatch] = useReducer(quizReducer, { quizId });
	const [message, setMessage] = useState('');
	const resultsRef = useRef<HTMLHeadingElement>(null);
	const listRef = useRef<HTMLOListElement>(null);
	// Questions the server left out wait for the learner (below); all render once the quiz has focus.
	// Until then (`eager`), they are empty items without a part of their own to hydrate.
	const parts = usePartQueue(deferRows, true);
	// One question per screen (never in a chapter's quiz), and the question shown then, or the one
	// the learner last went to (none yet: -1).
	const [onePerScreen, setOnePerScreen] = useState(false);
	const [shown, setShown] = useState(-1);
	const [toolsOpen, setToolsOpen] = useState(false);
	// The question the keyboard was in last: the skip link goes on from there.
	const visited = useRef(-1);

	useEffect(() => {
		let live = true;
		const loaded = loadProgress(storage);
		// A quiz that asks for Docker commands loads their matcher before it scores anything; one
		// with labs loads the simulated host (150 KB) first only when the device holds a lab answer
		// to score, and otherwise when a lab is first tried, checked or handed in.
		const ready = (
			pool
				? fetch(pool)
						.then((response) => response.json() as Promise<Question[]>)
						.catch(() => sent)
				: Promise.resolve(sent)
		).then((questions) =>
			Promise.all([
				asksForDockerCommands(questions) ? loadDockerMatcher() : undefined,
				holdsLabAnswers(questions, loaded.progress.questions) ? loadLabEngine() : undefined,
				loaded.progress.attempts[quizId]?.submitted && results.preload(),
			]).then(() => questions)
		);
		void ready.then((questions) => {
			if (!live) return;
			setAll(questions);
			setOnePerScreen(!compact && storage.read(ONE_PER_SCREEN_KEY) === '1');
			dispatch({
				type: 'open',
				loaded,
				questions,
				mode,
				sharedSeed: seedFromQuery(location.search),
				// A learner's first attempt is the one the server rendered, so that it need not be drawn
				// again; "Retry" draws a new one.
				seed: previewSeed(quizId),
				now: Date.now(),
			});
		});
		return () => {
			live = false;
		};
	}, [storage, sent, pool, mode, quizId, compact]);
	useEffect(() => {
		// The questions the server left out render once the reader is a screen and a half from the
		// first of them, or a key is pressed (Tab, the browser's find).
		const first = listRef.current?.children[renderedRows];
		if (!first) return;
		const showAll = parts.queue.activateAll;
		const near = new IntersectionObserver(([entry]) => entry!.isIntersecting && showAll(), {
			rootMargin: '150% 0px',
		});
		near.observe(first);
		addEventListener('keydown', showAll, { once: true });
		// A link to a question further down: the browser scrolled there, past the empty ones.
		if (location.hash) showAll();
		return () => {
			near.disconnect();
			removeEventListener('keydown', showAll);
		};
	}, [parts.queue]);
	const onOtherTab = useCallback(
		(text: string | null, base: string | null) =>
			// Another tab may have checked a lab: scoring it here needs the runner.
			void withLabs(questions, () => dispatch({ type: 'merge', text, base, questions })),
		[questions]
	);
	const saveFailure = useStoredProgress(storage, state.progress, onOtherTab);

	const seed = state.progress?.attempts[quizId]?.seed ?? previewSeed(quizId);
	const drawn = useMemo(
		// Without the pool (not fetched yet, or it could not be), the draw the page sent, as it is.
		() =>
			pool && questions === sent
				? drawnAsGiven(sent, seed)
				: drawAttempt(questions, seed, perTopic),
		[pool, sent, questions, seed, perTopic]
	);
	const scoring = useMemo<QuizScoring>(() => ({ lang, penalties }), [lang, penalties]);
	// Until the device is read, the quiz shows a fresh attempt, inert: the server renders the same,
	// so hydrating it moves nothing, and nothing can be answered that `open` would then drop.
	// Kept while the state is the same, so that what only changes the frame (an announcement, the
	// island becoming live) does not draw every question again: see `items` below.
	const sheet = useMemo(
		() => sheetOf(state, drawn, scoring) ?? previewSheet(quizId, drawn, scoring, mode),
		[state, drawn, scoring, quizId, mode]
	);
	const { progress, attempt, rows, answered } = sheet;
	const opened = progress === state.progress;

	const check = useCallback(
		(row: SheetRow) => {
			// An entry that cannot be read is not a try: the keyboard goes back to it, where it says why.
			if (entryProblem(row.question, row.answer, lang)) {
				document.getElementById(numberFieldId(row.question))?.focus();
				return;
			}
			if (row.question.type === 'lab' && !labEngineLoaded()) {
				void loadLabEngine().then(() => check(row));
				return;
			}
			const score = scoreInQuiz(row.question, row.answer, scoring);
			dispatch({
				type: 'check',
				questionId: row.question.id,
				answer: row.answer,
				score,
				now: Date.now(),
			});
			setMessage(checkAnnouncement(score, t, lang));
		},
		[lang, scoring, t]
	);
	const submit = () => {
		const questionsDrawn = rows.map((row) => row.question);
		// A test with labs scores them with the runner; the results' view loads now too.
		void Promise.all([asksForLabs(questionsDrawn) && loadLabEngine(), results.preload()]).then(
			() => {
				dispatch({
					type: 'submit',
					grades: testGrades(questionsDrawn, progress, scoring),
					now: Date.now(),
				});
				requestAnimationFrame(() => resultsRef.current?.focus());
			}
		);
	};
	/** Shows a question (one per screen) and takes the keyboard there once it is drawn. */
	const go = (index: number, control?: boolean) => {
		if (index < 0) return;
		setShown(index);
		requestAnimationFrame(() => focusQuestion(listRef.current?.children[index], control));
	};
	const restart = () => {
		const questionIds = drawn.map(({ question }) => question.id);
		dispatch({ type: 'restart', questionIds, seed: newSeed(), now: Date.now() });
		history.replaceState(null, '', location.pathname);
		// A new attempt starts where the first answer is given.
		go(0, true);
	};
	const current = onePerScreen ? Math.max(0, Math.min(shown, rows.length - 1)) : undefined;
	// The question the learner asked to see: it renders out of turn.
	const asked = current ?? shown;
	// The questions, the same elements until their rows or the question shown change: Preact leaves
	// an element it has already drawn alone.
	const items = useMemo(
		() =>
			rows.map((row, index) => (
				<li
					key={`${seed}:${row.question.id}`}
					id={itemId(row)}
					class="quiz-item"
					hidden={current !== undefined && index !== current}
				>
					{index >= renderedRows && !parts.eager && index !== asked ? (
						// A question the server left out, before the learner comes near: nothing to hydrate.
						<div class="quiz-row" />
					) : (
						<Deferred rendered={index < renderedRows} now={index === asked} class="quiz-row">
							<QuestionBoundary>
								<QuestionView
									row={row}
									number={index + 1}
									total={rows.length}
									lang={lang}
									onAnswer={(answer) =>
										dispatch({
											type: 'answer',
											questionId: row.question.id,
											answer,
											now: Date.now(),
										})
									}
									announce={setMessage}
									onReveal={() => dispatch({ type: 'reveal', questionId: row.question.id })}
								/>
								{attempt.mode === 'practice' && (
									<CheckButton
										checked={row.score !== undefined}
										complete={row.complete}
										onCheck={() => check(row)}
										onRetry={() =>
											dispatch({
												type: 'retry',
												questionId: row.question.id,
												answer: row.answer,
												now: Date.now(),
											})
										}
									/>
								)}
							</QuestionBoundary>
						</Deferred>
					)}
				</li>
			)),
		[rows, seed, parts.eager, current, asked, lang, attempt.mode, check]
	);

	return (
		<TranslateContext.Provider value={t}>
			<PartQueueContext.Provider value={parts.queue}>
				<div
					class={`quiz${compact ? ' quiz-compact' : ''}`}
					inert={!opened || !parts.live}
					aria-busy={opened && parts.live ? undefined : 'true'}
					onFocusIn={parts.queue.activateAll}
				>
					{!sheet.showResults && (
						<SkipLink rows={rows} from={() => current ?? visited.current} onGo={go} />
					)}
					<LiveRegion message={message} />
					<StorageNotices setAside={state.setAside} saveFailure={saveFailure} />
					{!compact && (
						<ModeSwitch
							name={`${quizId}-mode`}
							mode={attempt.mode}
							onMode={(value) => dispatch({ type: 'mode', mode: value, now: Date.now() })}
						/>
					)}
					<div class="quiz-progress">
						<label for={`${quizId}-progress`}>
							{t('quiz.progress', { answered, total: rows.length })}
						</label>
						<progress id={`${quizId}-progress`} max={rows.length} value={answered} />
					</div>

					{sheet.showResults ? (
						<results.View
							rows={rows}
							progress={progress}
							scoring={scoring}
							lang={lang}
							headingRef={resultsRef}
							onRestart={restart}
						/>
					) : (
						<>
							<QuestionNav rows={rows} shown={current} onGo={go}>
								{!compact && (
									<label class="quiz-one">
										<input
											type="checkbox"
											checked={onePerScreen}
											onChange={(event) => {
												const { checked } = event.currentTarget;
												setOnePerScreen(checked);
												setShown(Math.max(0, visited.current));
												storage.write(ONE_PER_SCREEN_KEY, checked ? '1' : '');
											}}
										/>
										{t('quiz.nav.onePerScreen')}
									</label>
								)}
							</QuestionNav>
							<ol
								class="quiz-list"
								role="list"
								ref={listRef}
								onFocusIn={(event) => {
									const item = (event.target as Element).closest('.quiz-list > li');
									visited.current = [...listRef.current!.children].indexOf(item!);
								}}
							>
								{items}
							</ol>
							{current !== undefined && <Pager shown={current} total={rows.length} onGo={go} />}
							{attempt.mode === 'test' && (
								<div class="quiz-submit">
									{answered < rows.length && (
										<p>{t('quiz.unanswered', { count: rows.length - answered })}</p>
									)}
									<button type="button" class="quiz-button quiz-primary" onClick={submit}>
										{t('quiz.submit')}
									</button>
								</div>
							)}
						</>
					)}

					{!compact && (
						<details class="quiz-tools" onToggle={() => setToolsOpen(true)}>
							<summary>{t('quiz.tools')}</summary>
							{toolsOpen && (
								<tools.View
									progress={progress}
									seed={seed}
									imported={state.imported}
									onImport={(text) => dispatch({ type: 'import', text })}
									onReset={restart}
								/>
							)}
						</details>
					)}
				</div>
			</PartQueueContext.Provider>
		</TranslateContext.Provider>
	);
}

/** Runs `then` once the lab runner is there, if these questions hold labs; at once otherwise. */
function withLabs(questions: readonly Question[], then: () => void): Promise<void> {
	return asksForLabs(questions) ? loadLabEngine().then(then) : Promise.resolve(then());
}

/** Practice or test, with a line on what the chosen mode does. */
function ModeSwitch(props: {
	name: string;
	mode: Attempt['mode'];
	onMode: (mode: Attempt['mode']) => void;
}) {
	const t = useT();
	return (
		<fieldset class="quiz-mode">
			<legend>{t('quiz.mode.label')}</legend>
			{(['practice', 'test'] as const).map((value) => (
				<label key={value}>
					<input
						type="radio"
						name={props.name}
						checked={props.mode === value}
						onChange={() => props.onMode(value)}
					/>
					{t(`quiz.mode.${value}`)}
				</label>
			))}
			<p class="quiz-hint">{t(`quiz.mode.${props.mode}Help`)}</p>
		</fieldset>
	);
}

/** Practice: check the answer once it is complete, or take a checked one back to try again. */
function CheckButton(props: {
	checked: boolean;
	complete: boolean;
	onCheck: () => void;
	onRetry: () => void;
}) {
	const t = useT();
	return (
		<p class="quiz-actions">
			<button
				type="button"
				class="quiz-button"
				disabled={!props.checked && !props.complete}
				onClick={props.checked ? props.onRetry : props.onCheck}
			>
				{t(props.checked ? 'quiz.retry' : 'quiz.check')}
			</button>
		</p>
	);
}
