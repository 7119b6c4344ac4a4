import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../../lib/compose/analyze.ts';
import { examples, lectureExample, type ComposeExample } from '../../lib/compose/examples.ts';
import type { Finding } from '../../lib/compose/finding.ts';
import {
	analysisOptions,
	currentAnalysis,
	diagramView,
	findingsAnnouncement,
	findingsView,
	keepDecision,
	linkDecision,
	needsAnalysis,
	noticeOffer,
	previousToOffer,
	sameState,
	saveNotice,
	startDecision,
	type Answer,
	type NoticeKey,
	type OpenedFrom,
	type SaveFailure,
} from '../../lib/compose/lab.ts';
import { planView, type PlannedAnalysis, type PlanView } from '../../lib/compose/plan-view.ts';
import {
	defaultOptions,
	parseStoredState,
	serializeState,
	stateFromHash,
	stateToHash,
	storageKey,
	type ComposeState,
	type DiagramOptions,
} from '../../lib/compose/share.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator, type UiStrings } from '../../lib/i18n/strings.ts';
import { download } from '../shared/download.ts';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { deviceStorage } from '../shared/storage.ts';
import { TranslateContext } from '../shared/strings.ts';
import { DiagramOptionsForm } from './DiagramOptionsForm.tsx';
import { DiagramSection } from './DiagramSection.tsx';
import { Editor, placeCursor } from './Editor.tsx';
import { ExampleGallery } from './ExampleGallery.tsx';
import { ExportTools } from './ExportTools.tsx';
import { FindingsSection } from './FindingsSection.tsx';
import { offThreadAnalyzer, type OffThreadAnalyzer } from './offThread.ts';
import { PlanSection } from './PlanSection.tsx';

export interface ComposeLabProps {
	lang: Locale;
	/** The `compose.*` UI strings of the page's language, by their full keys. */
	strings: UiStrings;
	/** The id of the example to start from (`examples.ts`); the lecture's by default. */
	example?: string;
	/**
	 * The starting example analysed on the server (`analysisOptions`, default options): what the
	 * island shows for it, with the plan of `docker compose up`, so the analyser is needed only
	 * once the learner changes something.
	 */
	initial: PlannedAnalysis;
	/** The level of the island's own headings: 2 on the lab page, 3 inside a chapter's section. */
	headingLevel?: 2 | 3;
	/** Prefix of the ids in the island, unique on the page. */
	id?: string;
	/** The page shared links open (with the base path): the lab page; this page by default. */
	shareTo?: string;
}

/** How long typing must pause before the file is analysed again. */
export const debounceMs = 250;

/** Removes our state from the address bar, so a reload does not undo later edits. */
function dropStateFromUrl() {
	history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * The Compose diagram generator: an editor with its findings, the diagram drawn from the text as
 * the learner types, the same topology in words, exports and a shareable link.
 */
export default function ComposeLab({
	lang,
	strings,
	example,
	initial,
	headingLevel = 3,
	id = 'compose',
	shareTo,
}: ComposeLabProps) {
	const t = useMemo(() => translator(strings), [strings]);
	const start = examples.find((candidate) => candidate.id === example) ?? lectureExample;
	const key = storageKey(start.id);

	const [text, setText] = useState(start.source);
	// The text last analysed: it follows `text` once typing pauses.
	const [source, setSource] = useState(start.source);
	const [options, setOptions] = useState<DiagramOptions>(defaultOptions);
	// Each notice stays until dismissed: a later one does not hide an earlier one.
	const [notices, setNotices] = useState<readonly NoticeKey[]>([]);
	const [message, setMessage] = useState('');
	const [previous, setPrevious] = useState<ComposeState | undefined>();
	const [sharedUrl, setSharedUrl] = useState('');
	const [answer, setAnswer] = useState<Answer<PlannedAnalysis> | undefined>();
	const [analyzerFailed, setAnalyzerFailed] = useState(false);
	const analyzer = useRef<OffThreadAnalyzer>();
	const textareaRef = useRef<HTMLTextAreaElement>(null);
	const timer = useRef<ReturnType<typeof setTimeout>>();
	const edited = useRef(false);
	// What the device was told it could not keep, once per reason.
	const toldNotKept = useRef(new Set<SaveFailure>());
	// A state opened from a link or the device, kept once the analyser has read it.
	const opening = useRef<{ state: ComposeState; from: OpenedFrom } | undefined>();
	// What the device held, when it could not be read: offered as a download until replaced.
	const unreadable = useRef<string | null>(null);
	const latest = useRef<ComposeState>({ text, options });
	latest.current = { text, options };

	const { analysis, upToDate } = useMemo(
		() =>
			currentAnalysis(
				{ text: source, options },
				{ source: start.source, analysis: initial },
				answer
			),
		[answer, source, options, start.source, initial]
	);
	// Kept across renders: the last diagram stays on screen while the file cannot be read.
	const lastDrawn = useRef<Analysis | undefined>();
	const view = diagramView(analysis, lastDrawn.current);
	lastDrawn.current = view.lastDrawn;
	const { findings, markers, counts } = useMemo(() => findingsView(analysis), [analysis]);
	const summary = t('compose.findings.count', counts);
	// The plan is of the text analysed, as the findings are: not of the last drawing kept on screen.
	// Only the page's own analysis (no worker) comes without one: the page never loads the simulator.
	const plan = useMemo((): PlanView => {
		if (!analysis)
			return {
				kind: 'note',
				text: t(analyzerFailed ? 'compose.engine.failed' : 'compose.engine.loading'),
			};
		return planView(analysis.plan ?? { skipped: 'on-page' }, t, lang);
	}, [analysis, t, lang, analyzerFailed]);
	const loading = t(analyzerFailed ? 'compose.engine.failed' : 'compose.engine.loading');

	const tell = useCallback(
		(notice: NoticeKey) =>
			setNotices((shown) => (shown.includes(notice) ? shown : [...shown, notice])),
		[]
	);
	const dismiss = (notice: NoticeKey) =>
		setNotices((shown) => shown.filter((candidate) => candidate !== notice));

	const replace = useCallback((state: ComposeState) => {
		clearTimeout(timer.current);
		setText(state.text);
		setSource(state.text);
		setOptions(state.options);
	}, []);
	// The learner hears once per reason that the device is not keeping their text.
	const save = useCallback(
		(state: ComposeState) => {
			const failure = deviceStorage().write(key, serializeState(state));
			const said = saveNotice(failure, toldNotKept.current);
			if (failure) toldNotKept.current.add(failure);
			if (said) tell(said);
		},
		[key, tell]
	);
	// A state from a link or the device is shown at once, and kept once analysed (see below).
	const open = useCallback(
		(state: ComposeState, from: OpenedFrom) => {
			edited.current = false;
			opening.current = { state, from };
			replace(state);
		},
		[replace]
	);

	// One analyser for the island's life: its worker loads while the learner reads.
	useEffect(() => {
		const started = offThreadAnalyzer();
		analyzer.current = started;
		return () => started.close();
	}, []);

	// Each text the learner pauses on goes to the analyser; a stale answer never comes back.
	useEffect(() => {
		const state = { text: source, options };
		if (!needsAnalysis(state, start.source)) return;
		analyzer.current?.analyze(source, analysisOptions(lang, t, id, options)).then(
			(analysis) => analysis && setAnswer({ state, analysis }),
			() => setAnalyzerFailed(true)
		);
	}, [source, options, start.source, lang, t, id]);

	// Before the first paint after hydration: the learner never sees the example's drawing when the
	// device or the link holds a file of theirs (until hydration, CSS hides the server's drawing).
	useLayoutEffect(() => {
		const stored = deviceStorage().read(key);
		const opened = startDecision(stateFromHash(location.hash), parseStoredState(stored));
		if (opened.dropHash) dropStateFromUrl();
		if (opened.state && opened.from) open(opened.state, opened.from);
		setPrevious(opened.previous);
		if (opened.notice) tell(opened.notice);
		if (opened.notice === 'compose.notice.storage') unreadable.current = stored;

		const onHashChange = () => {
			const link = linkDecision(stateFromHash(location.hash), latest.current);
			if (link.dropHash) dropStateFromUrl();
			if (link.notice) tell(link.notice);
			if (!link.state) return;
			setPrevious(link.previous);
			// What was typed in the last pause is kept before the link replaces it.
			if (edited.current) save(latest.current);
			open(link.state, 'link');
		};
		// Whatever was typed in the last quarter of a second is saved when the page goes away.
		const onPageHide = () => {
			if (edited.current) save(latest.current);
		};
		addEventListener('hashchange', onHashChange);
		addEventListener('pagehide', onPageHide);
		return () => {
			removeEventListener('hashchange', onHashChange);
			removeEventListener('pagehide', onPageHide);
			clearTimeout(timer.current);
		};
	}, [key, open, save, tell]);

	useEffect(() => {
		if (edited.current) save({ text: source, options });
	}, [source, options, save]);

	// An opened state is kept, or not, once its analysis is in: a shared file too large for the
	// tool does not replace the device's copy. A learner who edits it first decides for themselves.
	useEffect(() => {
		const opened = opening.current;
		if (!opened || !analysis || !upToDate || !sameState(opened.state, { text: source, options }))
			return;
		opening.current = undefined;
		if (edited.current) return;
		const decision = keepDecision(opened.from, analysis);
		if (decision.notice) tell(decision.notice);
		if (decision.save) {
			edited.current = true;
			save(opened.state);
		}
	}, [analysis, upToDate, source, options, save, tell]);

	// Announce the findings when they change, not on every analysis, after what the learner did.
	const announced = useRef(summary);
	const action = useRef('');
	const announce = (text: string) => {
		action.current = text;
		setMessage(text);
	};
	useEffect(() => {
		const title = t('compose.findings.title');
		const said = findingsAnnouncement({
			summary,
			announced: announced.current,
			action: action.current,
			title,
		});
		if (said === undefined) return;
		announced.current = summary;
		setMessage(said);
	}, [summary, t]);
	// An action is told with the findings it changed, never with those of a later edit.
	useEffect(() => {
		action.current = '';
	});

	// The learner's own change: from now on it is saved, and an opened state is theirs to keep.
	const edit = () => {
		edited.current = true;
		opening.current = undefined;
	};

	const onInput = (value: string) => {
		edit();
		setText(value);
		clearTimeout(timer.current);
		timer.current = setTimeout(() => setSource(value), debounceMs);
	};

	const setOption = (changes: Partial<DiagramOptions>) => {
		edit();
		setOptions({ ...options, ...changes });
	};

	const loadExample = (chosen: ComposeExample) => {
		const next = { text: chosen.source, options };
		setPrevious(previousToOffer(latest.current, next));
		edit();
		replace(next);
		announce(t('compose.gallery.loaded', { title: chosen.title[lang] }));
	};

	const restore = () => {
		if (!previous) return;
		edit();
		replace(previous);
		setPrevious(undefined);
		announce(t('compose.restored'));
	};

	// What the notices offer, so that nothing is lost when the device does not keep it.
	const downloadText = () =>
		download(new Blob([latest.current.text], { type: 'application/yaml' }), 'compose.yaml');
	const downloadStored = () => {
		if (unreadable.current !== null)
			download(new Blob([unreadable.current], { type: 'text/plain' }), 'compose-saved.txt');
	};

	const goTo = useCallback((finding: Finding) => {
		if (textareaRef.current) placeCursor(textareaRef.current, finding.line, finding.column);
	}, []);

	const share = () => {
		clearTimeout(timer.current);
		setSource(text);
		const page = shareTo ?? location.pathname;
		const url = `${location.origin}${page}${stateToHash({ text, options })}`;
		// On the page the link leads to, the address bar shows it too.
		if (page === location.pathname) history.replaceState(history.state, '', url);
		setSharedUrl(url);
		// Without a secure context there is no clipboard: the field below holds the link to copy.
		Promise.resolve()
			.then(() => navigator.clipboard.writeText(url))
			.then(
				() => announce(t('compose.share.copied')),
				() => announce(t('compose.share.manual'))
			);
	};

	// The list is drawn again when the findings change, not at every keystroke.
	const findingsSection = useMemo(
		() => (
			<FindingsSection
				id={id}
				headingLevel={headingLevel}
				lang={lang}
				findings={analysis && findings}
				status={analysis ? summary : loading}
				busy={!upToDate}
				onChoose={goTo}
			/>
		),
		[id, headingLevel, lang, analysis, findings, summary, loading, upToDate, goTo]
	);

	return (
		<TranslateContext.Provider value={t}>
			<div class="cd-lab not-content" id={id}>
				<LiveRegion message={message} />
				{notices.map((notice) => (
					<div key={notice} class="cd-notice" role="status">
						<p>{t(notice)}</p>
						{noticeOffer(notice) === 'text' && (
							<button type="button" class="cd-button" onClick={downloadText}>
								{t('compose.notice.download')}
							</button>
						)}
						{noticeOffer(notice) === 'stored' && unreadable.current !== null && (
							<button type="button" class="cd-button" onClick={downloadStored}>
								{t('compose.notice.downloadStored')}
							</button>
						)}
						<button type="button" class="cd-button" onClick={() => dismiss(notice)}>
							{t('compose.notice.dismiss')}
						</button>
					</div>
				))}

				<ExampleGallery
					id={id}
					lang={lang}
					startId={start.id}
					canRestore={previous !== undefined}
					onLoad={loadExample}
					onRestore={restore}
				/>

				<div class="cd-workspace">
					<div class="cd-editor-pane">
						<label class="cd-label" for={`${id}-text`}>
							{t('compose.editor.label')}
						</label>
						<p class="cd-hint" id={`${id}-hint`}>
							{t('compose.editor.hint')}
						</p>
						<Editor
							id={`${id}-text`}
							value={text}
							hintId={`${id}-hint`}
							markers={markers}
							textareaRef={textareaRef}
							onInput={onInput}
						/>
					</div>
					{findingsSection}
				</div>

				<DiagramSection
					id={id}
					headingLevel={headingLevel}
					view={view}
					noDiagram={
						analysis
							? t('compose.diagram.none')
							: analyzerFailed
								? loading
								: t('compose.diagram.drawing')
					}
					// No analysis yet: the file's first drawing is on its way, in a box of the same size.
					placeholder={analysis ? undefined : initial.diagram}
					options={<DiagramOptionsForm id={id} options={options} onChange={setOption} />}
					tools={
						<ExportTools
							id={id}
							diagram={view.shown?.diagram}
							sharedUrl={sharedUrl}
							onShare={share}
							announce={announce}
						/>
					}
				/>

				<PlanSection id={id} headingLevel={headingLevel} view={plan} busy={!upToDate} />
			</div>
		</TranslateContext.Provider>
	);
}
