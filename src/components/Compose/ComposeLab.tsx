import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../../lib/compose/analyze.ts';
import { offsetOf } from '../../lib/compose/editor.ts';
import { examples, lectureExample } from '../../lib/compose/examples.ts';
import type { Finding } from '../../lib/compose/finding.ts';
import type { Severity } from '../../lib/findings.ts';
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
import { format } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { browserStore } from '../shared/storage.ts';
import { download } from '../shared/download.ts';
import { svgToPng } from './png.ts';
import { Editor, severityGlyph } from './Editor.tsx';
import { analysisOptions, loadEngine, type Engine } from './engine.ts';
import { renderSvg } from './SvgTree.tsx';

export interface ComposeLabProps {
	lang: Locale;
	/** The `compose.*` UI strings of the page's language. */
	strings: Record<string, string>;
	/** The id of the example to start from (`examples.ts`); the lecture's by default. */
	example?: string;
	/**
	 * The starting example analysed on the server (`analysisOptions`, default options), shown until
	 * the analyser has loaded in the browser.
	 */
	initial: Analysis;
	/** The level of the island's own headings: 2 on the lab page, 3 inside a chapter's section. */
	headingLevel?: 2 | 3;
	/** Prefix of the ids in the island, unique on the page. */
	id?: string;
	/** The page shared links open (with the base path): the lab page; this page by default. */
	shareTo?: string;
}

/** How long typing must pause before the file is analysed again. */
export const debounceMs = 250;

const severityOrder: Severity[] = ['info', 'warning', 'error'];

function readStore(store: Storage | undefined, key: string): string | null {
	try {
		return store?.getItem(key) ?? null;
	} catch {
		return null;
	}
}

function writeStore(store: Storage | undefined, key: string, value: string): void {
	try {
		store?.setItem(key, value);
	} catch {
		// Full or refused storage: the work stays on the page, and the link can still share it.
	}
}

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
	const t = (key: string, values?: Record<string, string | number>) => {
		const text = strings[`compose.${key}`] ?? key;
		return values ? format(text, values) : text;
	};
	const start = examples.find((candidate) => candidate.id === example) ?? lectureExample;
	const key = storageKey(start.id);
	const Heading = `h${headingLevel}` as const;
	const Subheading = `h${headingLevel + 1}` as 'h3' | 'h4';

	const [text, setText] = useState(start.source);
	// The text last analysed: it follows `text` once typing pauses.
	const [source, setSource] = useState(start.source);
	const [options, setOptions] = useState<DiagramOptions>(defaultOptions);
	const [choice, setChoice] = useState(start.id);
	const [notice, setNotice] = useState('');
	const [message, setMessage] = useState('');
	const [previous, setPrevious] = useState<ComposeState | undefined>();
	const [pngFailed, setPngFailed] = useState(false);
	const [sharedUrl, setSharedUrl] = useState('');
	const [engine, setEngine] = useState<Engine | undefined>();
	const [engineFailed, setEngineFailed] = useState(false);
	const textareaRef = useRef<HTMLTextAreaElement>(null);
	const timer = useRef<ReturnType<typeof setTimeout>>();
	const edited = useRef(false);
	const latest = useRef<ComposeState>({ text, options });
	latest.current = { text, options };

	// Until the analyser arrives, only the starting example (drawn on the server) can be shown.
	const analysis = useMemo((): Analysis | undefined => {
		if (engine) return engine.analyzeCompose(source, analysisOptions(lang, strings, id, options));
		const untouched =
			source === start.source &&
			(Object.keys(defaultOptions) as (keyof DiagramOptions)[]).every(
				(name) => options[name] === defaultOptions[name]
			);
		return untouched ? initial : undefined;
	}, [engine, source, options, lang]);
	// While the file cannot be read (half-typed YAML), the last diagram stays, marked as old.
	const lastDrawn = useRef<Analysis | undefined>();
	if (analysis?.diagram) lastDrawn.current = analysis;
	const readable = analysis?.diagram !== undefined || analysis?.description !== undefined;
	const shown = analysis?.diagram
		? analysis
		: readable || !analysis
			? undefined
			: lastDrawn.current;
	const stale = shown !== undefined && shown !== analysis;
	const description = analysis?.description ?? shown?.description;
	const findings = analysis?.findings ?? [];
	const loading = t(engineFailed ? 'engine.failed' : 'engine.loading');

	const replace = (state: ComposeState) => {
		clearTimeout(timer.current);
		setText(state.text);
		setSource(state.text);
		setOptions(state.options);
	};
	const keepPrevious = (next: ComposeState) => {
		const now = latest.current;
		setPrevious(now.text === next.text ? undefined : now);
	};

	useEffect(() => {
		loadEngine().then(setEngine, () => setEngineFailed(true));
		const store = browserStore();
		const fromHash = stateFromHash(location.hash);
		const stored = parseStoredState(readStore(store, key));
		if (fromHash.kind !== 'none') dropStateFromUrl();
		if (fromHash.kind === 'state') {
			// A shared link wins; what this device held stays one click away.
			replace(fromHash.state);
			if (stored.kind === 'state' && stored.state.text !== fromHash.state.text)
				setPrevious(stored.state);
			edited.current = true;
			writeStore(store, key, serializeState(fromHash.state));
		} else if (stored.kind === 'state') {
			replace(stored.state);
			if (fromHash.kind === 'bad') setNotice(t('notice.hashStored'));
		} else if (fromHash.kind === 'bad') setNotice(t('notice.hash'));
		else if (stored.kind === 'bad') setNotice(t('notice.storage'));

		const onHashChange = () => {
			const read = stateFromHash(location.hash);
			if (read.kind === 'none') return;
			dropStateFromUrl();
			if (read.kind === 'bad') return setNotice(t('notice.hashKept'));
			keepPrevious(read.state);
			edited.current = true;
			replace(read.state);
		};
		// Whatever was typed in the last quarter of a second is saved when the page goes away.
		const onPageHide = () => {
			if (edited.current) writeStore(store, key, serializeState(latest.current));
		};
		addEventListener('hashchange', onHashChange);
		addEventListener('pagehide', onPageHide);
		return () => {
			removeEventListener('hashchange', onHashChange);
			removeEventListener('pagehide', onPageHide);
			clearTimeout(timer.current);
		};
	}, []);

	useEffect(() => {
		if (edited.current) writeStore(browserStore(), key, serializeState({ text: source, options }));
	}, [source, options]);

	const counts = { errors: 0, warnings: 0, infos: 0 };
	const markers = useMemo(() => {
		const worst = new Map<number, Severity>();
		for (const finding of findings) {
			const current = worst.get(finding.line);
			if (!current || severityOrder.indexOf(finding.severity) > severityOrder.indexOf(current))
				worst.set(finding.line, finding.severity);
		}
		return worst;
	}, [analysis]);
	for (const finding of findings) counts[`${finding.severity}s`]++;
	const summary = t('findings.count', counts);

	// Announce the findings when they change, not on every analysis, after what the learner did.
	const announced = useRef(summary);
	const pending = useRef('');
	const announce = (text: string) => {
		pending.current = text;
		setMessage(text);
	};
	useEffect(() => {
		if (announced.current === summary) return;
		announced.current = summary;
		setMessage(`${pending.current} ${t('findings.title')}: ${summary}`.trim());
	}, [summary]);
	useEffect(() => {
		pending.current = '';
	});

	const onInput = (value: string) => {
		edited.current = true;
		setText(value);
		clearTimeout(timer.current);
		timer.current = setTimeout(() => setSource(value), debounceMs);
	};

	const setOption = (changes: Partial<DiagramOptions>) => {
		edited.current = true;
		setOptions({ ...options, ...changes });
	};

	const loadExample = () => {
		const chosen = examples.find((candidate) => candidate.id === choice) ?? lectureExample;
		const next = { text: chosen.source, options };
		keepPrevious(next);
		edited.current = true;
		replace(next);
		announce(t('gallery.loaded', { title: chosen.title[lang] }));
	};

	const restore = () => {
		if (!previous) return;
		edited.current = true;
		replace(previous);
		setPrevious(undefined);
		announce(t('restored'));
	};

	const goTo = (finding: Finding) => {
		const textarea = textareaRef.current;
		if (!textarea) return;
		const offset = offsetOf(textarea.value, finding.line, finding.column);
		textarea.focus();
		textarea.setSelectionRange(offset, offset);
		const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 22;
		textarea.scrollTop = Math.max(0, (finding.line - 1) * lineHeight - textarea.clientHeight / 3);
		textarea.dispatchEvent(new Event('scroll'));
	};

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
				() => announce(t('share.copied')),
				() => announce(t('share.manual'))
			);
	};

	const exportSvg = () => {
		if (shown?.diagram && engine)
			download(
				new Blob([engine.serializeSvg(shown.diagram)], { type: 'image/svg+xml' }),
				'compose-diagram.svg'
			);
	};
	const exportPng = () => {
		const diagram = shown?.diagram;
		if (!diagram || !engine) return;
		setPngFailed(false);
		svgToPng(
			engine.serializeSvg(diagram),
			Number(diagram.attrs.width),
			Number(diagram.attrs.height)
		)
			.then((blob) => download(blob, 'compose-diagram.png'))
			.catch(() => {
				setPngFailed(true);
				announce(t('export.failed'));
			});
	};

	const drawing = useMemo(() => (shown?.diagram ? renderSvg(shown.diagram) : null), [shown]);
	const findingsList = useMemo(
		() => (
			<ul class="cd-findings-list" role="list">
				{findings.map((finding, index) => (
					<li key={index}>
						<button
							type="button"
							class={`cd-finding cd-finding-${finding.severity}`}
							onClick={() => goTo(finding)}
						>
							<span class="cd-finding-head">
								<span class={`cd-marker cd-marker-${finding.severity}`} aria-hidden="true">
									{severityGlyph[finding.severity]}
								</span>
								<span class="cd-severity">{t(`severity.${finding.severity}`)}</span>
								<code class="cd-rule">{finding.rule}</code>
								<span class="cd-line">{t('line', { line: finding.line })}</span>
							</span>
							<span class="cd-message">{finding.message[lang]}</span>
						</button>
					</li>
				))}
			</ul>
		),
		[analysis, lang]
	);

	return (
		<div class="cd-lab not-content" id={id}>
			<p class="sr-only" aria-live="polite" aria-atomic="true">
				{message}
			</p>
			{notice && (
				<div class="cd-notice" role="status">
					<p>{notice}</p>
					<button type="button" class="cd-button" onClick={() => setNotice('')}>
						{t('notice.dismiss')}
					</button>
				</div>
			)}

			<div class="cd-gallery">
				<label for={`${id}-example`}>{t('gallery.label')}</label>
				<select
					id={`${id}-example`}
					value={choice}
					onChange={(event) => setChoice(event.currentTarget.value)}
				>
					{examples.map((candidate) => (
						<option key={candidate.id} value={candidate.id}>
							{candidate.title[lang]}
						</option>
					))}
				</select>
				<button type="button" class="cd-button" onClick={loadExample}>
					{t('gallery.load')}
				</button>
				{previous && (
					<button type="button" class="cd-button" onClick={restore}>
						{t('restore')}
					</button>
				)}
			</div>

			<div class="cd-workspace">
				<div class="cd-editor-pane">
					<label class="cd-label" for={`${id}-text`}>
						{t('editor.label')}
					</label>
					<p class="cd-hint" id={`${id}-hint`}>
						{t('editor.hint')}
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
				<section class="cd-findings" aria-labelledby={`${id}-findings`}>
					<Heading id={`${id}-findings`} class="cd-heading">
						{t('findings.title')}
					</Heading>
					{analysis && <p class="cd-summary">{summary}</p>}
					{!analysis ? (
						<p>{loading}</p>
					) : findings.length ? (
						<>
							<p class="cd-hint">{t('findings.hint')}</p>
							{findingsList}
						</>
					) : (
						<p>{t('findings.none')}</p>
					)}
				</section>
			</div>

			<section class="cd-output" aria-labelledby={`${id}-diagram`}>
				<Heading id={`${id}-diagram`} class="cd-heading">
					{t('diagram.heading')}
				</Heading>
				<fieldset class="cd-options">
					<legend>{t('options.legend')}</legend>
					<label>
						<input
							type="checkbox"
							checked={options.hideDefaultNetwork}
							onChange={(event) => setOption({ hideDefaultNetwork: event.currentTarget.checked })}
						/>
						{t('options.hideDefault')}
					</label>
					<label>
						<input
							type="checkbox"
							checked={options.hideVolumes}
							onChange={(event) => setOption({ hideVolumes: event.currentTarget.checked })}
						/>
						{t('options.hideVolumes')}
					</label>
					<fieldset class="cd-direction">
						<legend>{t('options.direction')}</legend>
						{(['LR', 'TB'] as const).map((direction) => (
							<label key={direction}>
								<input
									type="radio"
									name={`${id}-direction`}
									value={direction}
									checked={options.direction === direction}
									onChange={() => setOption({ direction })}
								/>
								{t(`options.${direction.toLowerCase()}`)}
							</label>
						))}
					</fieldset>
				</fieldset>

				{stale && <p class="cd-note">{t('diagram.stale')}</p>}
				{drawing ? (
					<div
						class={`cd-scroll${stale ? ' cd-stale' : ''}`}
						role="region"
						tabIndex={0}
						aria-label={t('diagram.region')}
					>
						{drawing}
					</div>
				) : (
					<p class="cd-note">{analysis ? t('diagram.none') : loading}</p>
				)}

				<div class="cd-tools" role="group" aria-label={t('tools')}>
					<button
						type="button"
						class="cd-button"
						disabled={!drawing || !engine}
						onClick={exportSvg}
					>
						{t('export.svg')}
					</button>
					<button
						type="button"
						class="cd-button"
						disabled={!drawing || !engine}
						onClick={exportPng}
					>
						{t('export.png')}
					</button>
					<button type="button" class="cd-button" onClick={share}>
						{t('share')}
					</button>
				</div>
				{pngFailed && <p class="cd-note">{t('export.failed')}</p>}
				{sharedUrl && (
					<p class="cd-share">
						<label for={`${id}-link`}>{t('share.link')}</label>
						<input
							id={`${id}-link`}
							type="text"
							readOnly
							value={sharedUrl}
							onFocus={(event) => event.currentTarget.select()}
						/>
					</p>
				)}

				{description && (
					<>
						<Subheading class="cd-heading">{t('description.title')}</Subheading>
						<ul class="cd-description">
							{description.map((sentence, index) => (
								<li key={index}>{sentence}</li>
							))}
						</ul>
					</>
				)}
			</section>
		</div>
	);
}
