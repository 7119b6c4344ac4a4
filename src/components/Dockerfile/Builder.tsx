import {
	useCallback,
	useEffect,
	useLayoutEffect,
	useMemo,
	useReducer,
	useRef,
	useState,
} from 'preact/hooks';
import {
	findingFocus,
	findingsByNode,
	formPart,
	initialSession,
	isLongFile,
	messageText,
	reduceBuilder,
	restoredState,
	commandsPanel,
	type BuilderTemplate,
	type ParseDockerfile,
} from '../../lib/dockerfile/builder.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import type { Dockerfile } from '../../lib/dockerfile/model.ts';
import { printWithLines } from '../../lib/dockerfile/print.ts';
import {
	addressWithState,
	encodeState,
	type BuilderState,
	STATE_KEY,
	stateFits,
	stateInAddress,
} from '../../lib/dockerfile/share.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator, type Translate, type UiStrings } from '../../lib/i18n/strings.ts';
import { download } from '../shared/download.ts';
import { LiveRegion } from '../shared/LiveRegion';
import { deviceStorage, type DeviceStorage } from '../shared/storage.ts';
import { Deferred, PartQueueContext, usePartQueue } from '../shared/Deferred.tsx';
import { TranslateContext } from '../shared/strings.ts';
import {
	BuilderContext,
	FindingsContext,
	LinesContext,
	useStableLines,
	type BuilderView,
} from './BuilderContext.ts';
import { Commands } from './Commands';
import { focusById, usePendingFocus } from './focus.ts';
import { DockToggle, PreviewDock } from './Dock';
import { DockerfileForm } from './Form';
import { LateFindings } from './LateFindings';
import { Notices } from './Notices';
import { knowFindings, knownFindings, lintOnce, loadLinter, OffThread } from './offThread.ts';
import { CopyButton, Preview } from './Output';
import { PasteBox, StartControls } from './StartControls';

export type { BuilderTemplate };

export interface DockerfileBuilderProps {
	lang: Locale;
	/** The `builder.*` UI strings in the page's language, by their full keys. */
	strings: UiStrings;
	/**
	 * The templates, the first where a new learner starts; or the same as JSON text: a page passes
	 * text, because Astro's serialisation of an island's props tags every value and revives them one
	 * by one, which costs a phone tens of milliseconds for the templates' models.
	 */
	templates: BuilderTemplate[] | string;
	/** The first template's findings, silenced ones included, linted when the page was built. */
	startFindings?: Finding[] | undefined;
	/** The lab page's path (with the base), where a shared link opens. */
	labUrl: string;
	/** Inside a chapter: smaller headings, the paste box folded, no state in the page's URL. */
	compact?: boolean;
	/**
	 * Hydrate the instruction cards, each stage's palette, the preview with its findings and the
	 * commands one per task (`Deferred`), so that no long task blocks the page: for a builder the
	 * server renders.
	 */
	deferParts?: boolean;
}

/** The strings' `t()`, with numbers written as the language writes them: 53.500, 53,500. */
function localTranslator(strings: UiStrings, lang: Locale): Translate {
	const t = translator(strings);
	// Made on first use, for a number that needs it: a browser's first number format of a language
	// takes tens of milliseconds on a phone, and a line number below 1000 is written alike anyway.
	let number: Intl.NumberFormat | undefined;
	const format = (value: number) =>
		Number.isInteger(value) && Math.abs(value) < 1000
			? String(value)
			: (number ??= new Intl.NumberFormat(lang)).format(value);
	return (key, values) =>
		t(
			key,
			values &&
				Object.fromEntries(
					Object.entries(values).map(([name, value]) => [
						name,
						typeof value === 'number' ? format(value) : value,
					])
				)
		);
}

/** Parsing needs `dockerfile-ast`: it loads only when the learner pastes or re-reads a line. */
const loadParse = (): Promise<ParseDockerfile> =>
	import('../../lib/dockerfile/parse.ts').then((module) => module.parse);

/**
 * The model's findings, silenced ones included. A short file is linted as it is drawn; a long one
 * by the worker, and until it answers the findings of the version before stay on screen.
 */
function useFindings(model: Dockerfile, long: boolean, offThread: OffThread): readonly Finding[] {
	const now = knownFindings(model) ?? (long ? null : (lintOnce(model) ?? null));
	const [late, setLate] = useState<readonly Finding[]>([]);
	useEffect(() => {
		if (now) return;
		let current = true;
		void offThread.lint(model).then((findings) => current && setLate(findings));
		return () => {
			current = false;
		};
	}, [model, now, offThread]);
	return now ?? late;
}

/**
 * The live region, with its message as its own state, so that saying something redraws only it,
 * not a form of hundreds of boxes.
 */
function Announcer({ speaker }: { speaker: { current: (text: string) => void } }) {
	const [message, setMessage] = useState('');
	useLayoutEffect(() => {
		// The same words twice must still be read out: a no-break space makes them a change.
		speaker.current = (text) =>
			setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
	}, [speaker]);
	return <LiveRegion message={message} />;
}

/**
 * The Dockerfile builder: a form over the model of `src/lib/dockerfile`, the text it prints, the
 * linter's findings and the matching docker commands. Every change is an action of the reducer in
 * `src/lib/dockerfile/builder.ts`; the island renders its state, saves it, and moves focus.
 */
export default function DockerfileBuilder({
	lang,
	strings,
	templates,
	startFindings,
	labUrl,
	compact = false,
	deferParts = false,
}: DockerfileBuilderProps) {
	// One builder per page, so a fixed prefix gives ids that match between server and browser
	// (hydration keeps the server's attributes).
	const uid = compact ? 'dfc' : 'df';
	const id = useCallback((...parts: string[]) => [uid, ...parts].join('-'), [uid]);
	const t = useMemo(() => localTranslator(strings, lang), [strings, lang]);
	const [session, dispatch] = useReducer(
		reduceBuilder,
		typeof templates === 'string' ? (JSON.parse(templates) as BuilderTemplate[]) : templates,
		(list) => {
			const started = initialSession(list);
			if (startFindings) knowFindings(started.current.model, startFindings);
			return started;
		}
	);
	useEffect(() => void loadLinter(), []);
	const { current, edited, outcome } = session;
	const speaker = useRef<(text: string) => void>(() => undefined);
	const focusLater = usePendingFocus();
	const storage = useRef<DeviceStorage | null>(null);
	const dragged = useRef<string | null>(null);
	// A chapter keeps its own copy, so it opens on the example its text talks about.
	const storageKey = compact ? `${STATE_KEY}:chapter` : STATE_KEY;
	const announce = useCallback((text: string) => speaker.current(text), []);
	const offThread = useMemo(() => new OffThread(), []);
	useEffect(() => () => offThread.terminate(), [offThread]);
	const long = useMemo(() => isLongFile(current.model), [current.model]);
	const parts = usePartQueue(deferParts);
	// The preview and the commands, hydrated as parts of their own, wait with the form until the
	// builder is live, so that nothing done there is lost when a part comes alive. Set in the
	// browser only (Preact leaves attributes alone while hydrating): without JavaScript they stay
	// readable, screen readers included.
	const root = useRef<HTMLDivElement>(null);
	useLayoutEffect(() => {
		for (const part of root.current!.querySelectorAll<HTMLElement>('.df-gated'))
			part.inert = !parts.live;
	}, [parts.live]);
	// On a narrow screen, the preview pinned under the form (see Dock.tsx).
	const [docked, setDocked] = useState(false);

	// Saved state: a shared link first (on the lab page), then this device's last Dockerfile.
	useEffect(() => {
		const device = deviceStorage();
		storage.current = device;
		const address = compact ? null : stateInAddress(new URL(location.href));
		const restored = restoredState({
			saved: device.read(storageKey),
			shared: address?.text ?? null,
			storageAvailable: device.available,
		});
		// Kept aside rather than overwritten at the first save, in case someone can mend it.
		if (restored.unreadable) device.write(`${storageKey}:unreadable`, restored.unreadable);
		dispatch({ type: 'restore', restored });
		// An older link kept the state in the query, which servers refuse once long: read once, it
		// moves to the hash.
		if (address?.inQuery) {
			const shown = restored.state && encodeState(restored.state);
			history.replaceState(history.state, '', addressWithState(new URL(location.href), shown));
		}
	}, [storageKey, compact]);

	// Save each change the learner makes (merely opening a shared link overwrites nothing), only if
	// it can be read back; on the lab page, keep the link in the address bar up to date too, or
	// take it away once the file no longer fits in one (the device still has it). A long file is
	// saved when typing pauses, or when the page is left, rather than at every key.
	const unsaved = useRef<BuilderState | null>(null);
	const lastSaved = useRef<string | null>(null);
	const save = useCallback(() => {
		const state = unsaved.current;
		if (!state) return;
		unsaved.current = null;
		const encoded = encodeState(state);
		lastSaved.current = encoded;
		const refused = stateFits(encoded, 'device')
			? storage.current?.write(storageKey, encoded)
			: 'tooLarge';
		dispatch(refused ? { type: 'notSaved', reason: refused } : { type: 'saved' });
	}, [storageKey]);
	// In the same task as the change, so that leaving the page at once still finds it.
	useLayoutEffect(() => {
		if (edited) unsaved.current = current;
	}, [current, edited]);
	useEffect(() => {
		const hidden = () => {
			if (document.visibilityState === 'hidden') save();
		};
		addEventListener('pagehide', save);
		document.addEventListener('visibilitychange', hidden);
		return () => {
			removeEventListener('pagehide', save);
			document.removeEventListener('visibilitychange', hidden);
		};
	}, [save]);
	useEffect(() => {
		if (!edited) return;
		if (!long) save();
		const timer = setTimeout(() => {
			save();
			if (!compact && lastSaved.current !== null) {
				history.replaceState(
					history.state,
					'',
					addressWithState(new URL(location.href), lastSaved.current)
				);
			}
		}, 400);
		return () => clearTimeout(timer);
	}, [current, edited, long, compact, save]);

	// What the last action left to say and to focus, now that its change is on screen.
	useEffect(() => {
		if (outcome?.say) announce(messageText(t, outcome.say));
		if (outcome?.focus) focusById(id(...outcome.focus));
	}, [outcome, t, id, announce]);

	const { model, inputs } = current;
	const printed = useMemo(() => printWithLines(model), [model]);
	const { text } = printed;
	const lines = useStableLines(printed.lines);
	const checked = useFindings(model, long, offThread);
	const findings = useMemo(() => checked.filter((finding) => !finding.silenced), [checked]);
	const silenced = useMemo(() => checked.filter((finding) => finding.silenced), [checked]);
	const byNode = useMemo(() => findingsByNode(findings), [findings]);
	const panel = useMemo(() => commandsPanel(current), [current]);
	const part = useMemo(() => formPart(model, session.formStart), [model, session.formStart]);

	const findingsFor = useCallback((nodeId: string) => byNode.get(nodeId) ?? [], [byNode]);
	const goTo = useCallback(
		(finding: Finding) =>
			dispatch({ type: 'goTo', id: finding.nodeId, field: findingFocus(finding) }),
		[]
	);
	// The same object while nothing in it changes, so that what needs only this is not redrawn.
	const view = useMemo<BuilderView>(
		() => ({
			lang,
			dispatch,
			withParser: (action) => void loadParse().then((parse) => dispatch(action(parse))),
			paste: (text) =>
				void offThread.read(text, loadParse).then((read) => dispatch({ type: 'paste', read })),
			preparePaste: () => offThread.warm(),
			id,
			focusLater,
			announce,
			dragged,
		}),
		[lang, id, focusLater, announce, offThread]
	);

	const H2 = compact ? 'h3' : 'h2';
	// The same elements while what they show is the same: Preact leaves an element it has already
	// drawn alone, so the island becoming live, or the preview being pinned, does not draw the
	// form's hundreds of boxes again.
	const form = useMemo(() => <DockerfileForm model={model} part={part} />, [model, part]);
	const preview = useMemo(() => <Preview text={text} />, [text]);
	return (
		<TranslateContext.Provider value={t}>
			<BuilderContext.Provider value={view}>
				<PartQueueContext.Provider value={parts.queue}>
					<div class={`df-builder ${compact ? 'df-compact' : 'df-full'}`} ref={root}>
						<Announcer speaker={speaker} />
						<Notices session={session} />
						<StartControls session={session} labUrl={labUrl} />
						<PasteBox session={session} folded={compact} />
						<div class="df-columns">
							<section
								class={`df-form${docked ? ' df-docked' : ''}`}
								aria-labelledby={id('form-heading')}
								inert={!parts.live}
								aria-busy={parts.live ? undefined : 'true'}
							>
								<H2 id={id('form-heading')}>{t('builder.form.heading')}</H2>
								<DockToggle docked={docked} onDock={setDocked} />
								<FindingsContext.Provider value={findingsFor}>
									<LinesContext.Provider value={lines}>{form}</LinesContext.Provider>
								</FindingsContext.Provider>
								{docked && <PreviewDock onClose={() => setDocked(false)}>{preview}</PreviewDock>}
							</section>
							<section class="df-output" aria-labelledby={id('output-heading')}>
								<H2 id={id('output-heading')}>{t('builder.preview.heading')}</H2>
								<Deferred class="df-output-body df-gated">
									{docked ? <p class="df-hint">{t('builder.dock.pinned')}</p> : preview}
									<p class="df-buttons">
										<CopyButton text={text} label={t('builder.copy')} done={t('builder.copied')} />
										<button
											type="button"
											class="df-button"
											// Not text/plain: Chromium would save it as `Dockerfile.txt`.
											onClick={() =>
												download(
													new Blob([text], { type: 'application/octet-stream' }),
													'Dockerfile'
												)
											}
										>
											{t('builder.download')}
										</button>
									</p>
									<LateFindings
										findings={findings}
										silenced={silenced}
										heading={compact ? 'h4' : 'h3'}
										onGo={goTo}
									/>
								</Deferred>
							</section>
						</div>
						<Deferred class="df-commands-part df-gated">
							<Commands inputs={inputs} panel={panel} heading={H2} />
						</Deferred>
					</div>
				</PartQueueContext.Provider>
			</BuilderContext.Provider>
		</TranslateContext.Provider>
	);
}
