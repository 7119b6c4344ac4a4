import { h } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SvgNode } from '../../lib/compose/svg.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { translator, type UiStrings } from '../../lib/i18n/strings.ts';
import { complete, historyAt, historyStep } from '../../lib/simulator/prompt.ts';
import {
	parseSession,
	savedSession,
	serializeSession,
	sessionFromHash,
	sessionToHash,
	storageKey,
	type SavedSession,
} from '../../lib/simulator/share.ts';
import type { CommandResult } from '../../lib/simulator/types.ts';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { ShareLink } from '../shared/ShareLink.tsx';
import { deviceStorage } from '../shared/storage.ts';
import { TranslateContext } from '../shared/strings.ts';
import { renderChildren, safeAttributes } from '../Compose/SvgTree.tsx';
import { loadRuntime, type Runtime } from './loadRuntime.ts';
import { runEvent, type RunDetail } from './events.ts';

/** The host as the server drew it, or as the engine draws it after each command. */
export interface HostPicture {
	diagram?: SvgNode;
	description: string[];
}

export interface PlaygroundProps {
	lang: Locale;
	/** The `docker.*` UI strings of the page's language, by their full keys. */
	strings: UiStrings;
	/** Prefix of the ids in the island, unique on the page. */
	id: string;
	/** A fresh host, drawn on the server: what the island shows until the first command. */
	initial: HostPicture;
	/** The page's own name for its session on the device (`lab`, `reti`, …). */
	place: string;
	/** The level of the island's headings: 2 on the lab page, 3 inside a chapter's section. */
	headingLevel?: 2 | 3;
	/** The page shared links open (with the base path); this page by default. */
	shareTo?: string;
	/** The files of the host's working directory (a chapter's example project). */
	files?: Record<string, string>;
	/** Load the engine at the learner's first move on the page (the lab page), not at the prompt's focus. */
	eager?: boolean;
}

type Notice =
	| 'docker.notice.linkOpened'
	| 'docker.notice.hash'
	| 'docker.notice.cut'
	| 'docker.notice.storage'
	| 'docker.notice.notKept'
	| 'docker.notice.engine';

/** What tells the lab page that the learner is about to use it: the engine starts loading then. */
const intents = ['pointermove', 'pointerdown', 'keydown', 'focusin'] as const;

/** Removes our session from the address bar, so a reload does not undo later commands. */
function dropSessionFromUrl() {
	history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/**
 * The Docker playground: a prompt whose commands run on a simulated host, their answers as text,
 * and the host drawn and described beside them. The engine loads when the learner is about to
 * type; until then the server's drawing of a fresh host is on screen.
 */
export default function Playground({
	lang,
	strings,
	id,
	initial,
	place,
	headingLevel = 3,
	shareTo,
	files,
	eager = false,
}: PlaygroundProps) {
	const t = useMemo(() => translator(strings), [strings]);
	const key = storageKey(place);
	const [runtime, setRuntime] = useState<Runtime>();
	const [session, setSession] = useState<ReturnType<Runtime['newSession']>>();
	const [line, setLine] = useState('');
	const [choices, setChoices] = useState<string[]>([]);
	const [notices, setNotices] = useState<readonly Notice[]>([]);
	const [message, setMessage] = useState('');
	const [sharedUrl, setSharedUrl] = useState('');
	// The session a link replaced, one click away.
	const [previous, setPrevious] = useState<SavedSession | undefined>();
	const latest = useRef<SavedSession | undefined>();
	const rootRef = useRef<HTMLDivElement>(null);
	const inputRef = useRef<HTMLInputElement>(null);
	const logRef = useRef<HTMLDivElement>(null);
	// Where ↑ and ↓ are in the history (-1: the line being typed), and that line.
	const historyIndex = useRef(-1);
	const draft = useRef('');
	const pendingCursor = useRef<number | undefined>();
	// What the device held when it could not be read is not overwritten before the learner types.
	const keep = useRef(true);
	const toldNotKept = useRef(false);

	const tell = useCallback(
		(notice: Notice) =>
			setNotices((shown) => (shown.includes(notice) ? shown : [...shown, notice])),
		[]
	);

	const engine = useCallback(
		() =>
			loadRuntime().then(
				(loaded) => {
					setRuntime(() => loaded);
					// A fresh host to complete names against, until the first command.
					setSession((current) => current ?? loaded.newSession({ files: files ?? {} }));
					return loaded;
				},
				(error: unknown) => {
					tell('docker.notice.engine');
					throw error;
				}
			),
		[tell, files]
	);

	const save = useCallback(
		(saved: SavedSession) => {
			if (!keep.current) return;
			const failure = deviceStorage().write(key, serializeSession(saved));
			if (failure && !toldNotKept.current) {
				toldNotKept.current = true;
				tell('docker.notice.notKept');
			}
		},
		[key, tell]
	);

	/** Runs lines on the session (a fresh one if none yet), and keeps the result. */
	const run = useCallback(
		(lines: readonly string[]) =>
			engine().then((rt) => {
				setSession((current) => {
					const next = lines.reduce(rt.submit, current ?? rt.newSession({ files: files ?? {} }));
					keep.current = true;
					save(savedSession(next));
					return next;
				});
			}),
		[engine, save, files]
	);

	const open = useCallback(
		(saved: SavedSession) =>
			engine().then((rt) => {
				setSession(rt.replay(saved, saved.commands));
			}),
		[engine]
	);

	/** Opens a shared session in place of `replaced`, which stays one click away. */
	const openLink = useCallback(
		(saved: SavedSession, replaced: SavedSession | undefined) => {
			if (replaced?.commands.length && serializeSession(replaced) !== serializeSession(saved)) {
				setPrevious(replaced);
				tell('docker.notice.linkOpened');
			}
			keep.current = true;
			save(saved);
			void open(saved).catch(() => undefined);
		},
		[open, save, tell]
	);

	useEffect(() => {
		const root = rootRef.current;
		const fromHash = sessionFromHash(location.hash);
		if (fromHash.kind !== 'none') dropSessionFromUrl();
		const stored = parseSession(deviceStorage().read(key));
		if (fromHash.kind === 'session') {
			openLink(fromHash.saved, stored.kind === 'session' ? stored.saved : undefined);
		} else {
			if (fromHash.kind === 'bad') tell('docker.notice.hash');
			if (fromHash.kind === 'cut') tell('docker.notice.cut');
			if (stored.kind === 'session' && stored.saved.commands.length)
				void open(stored.saved).catch(() => undefined);
			if (stored.kind === 'bad') {
				keep.current = false;
				tell('docker.notice.storage');
			}
		}

		const onRun = (event: Event) => {
			const detail = (event as CustomEvent<RunDetail>).detail;
			if (detail.target !== id) return;
			void run(detail.commands).catch(() => undefined);
		};
		document.addEventListener(runEvent, onRun);
		// A shared link opened while the page is already here.
		const onHashChange = () => {
			const read = sessionFromHash(location.hash);
			if (read.kind === 'none') return;
			dropSessionFromUrl();
			if (read.kind === 'session') openLink(read.saved, latest.current);
			else tell(read.kind === 'cut' ? 'docker.notice.cut' : 'docker.notice.hash');
		};
		addEventListener('hashchange', onHashChange);
		// Commands sent before the island was here wait on its root.
		if (root) {
			const queued = root.closest('[data-dp-queue]')?.getAttribute('data-dp-queue');
			if (queued) {
				root.closest('[data-dp-queue]')?.removeAttribute('data-dp-queue');
				try {
					const commands: unknown = JSON.parse(queued);
					if (Array.isArray(commands))
						void run(commands.filter((c): c is string => typeof c === 'string')).catch(
							() => undefined
						);
				} catch {
					// A queue this page did not write: nothing to run.
				}
			}
			root.setAttribute('data-ready', '');
		}
		// On the lab page the engine loads at the learner's first move (a pointer, a touch, a key), so
		// it is there by the first command without costing the page's load a long task; in a chapter
		// it waits for the prompt's focus or a command (it is a large download).
		const load = () => {
			for (const type of intents) removeEventListener(type, load, true);
			void engine().catch(() => undefined);
		};
		if (eager)
			for (const type of intents) addEventListener(type, load, { capture: true, passive: true });
		return () => {
			document.removeEventListener(runEvent, onRun);
			removeEventListener('hashchange', onHashChange);
			for (const type of intents) removeEventListener(type, load, true);
		};
	}, [eager, engine, id, key, open, openLink, run, save, tell]);

	const picture: HostPicture = useMemo(
		() =>
			runtime && session
				? runtime.hostView(session.host, {
						lang,
						title: t('docker.host.title'),
						idPrefix: `${id}-svg`,
					})
				: initial,
		[runtime, session, lang, t, id, initial]
	);
	const results: CommandResult[] = runtime && session ? runtime.shownResults(session) : [];

	useEffect(() => {
		// Not before the first command: reading the height would lay out the page in hydration's task.
		const log = logRef.current;
		if (log && results.length > 0) log.scrollTop = log.scrollHeight;
	}, [results.length, session]);

	useLayoutEffect(() => {
		const input = inputRef.current;
		if (input && pendingCursor.current !== undefined) {
			input.setSelectionRange(pendingCursor.current, pendingCursor.current);
			pendingCursor.current = undefined;
		}
	});

	latest.current = session && savedSession(session);

	const restore = () => {
		if (!previous) return;
		keep.current = true;
		save(previous);
		void open(previous).catch(() => undefined);
		setPrevious(undefined);
		setNotices((shown) => shown.filter((n) => n !== 'docker.notice.linkOpened'));
		setMessage(t('docker.notice.restored'));
	};

	const history = session?.history ?? [];

	const onKeyDown = (event: KeyboardEvent) => {
		const input = event.currentTarget as HTMLInputElement;
		if (event.key === 'Enter' && !event.isComposing) {
			event.preventDefault();
			submitLine();
			return;
		}
		if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
			if (!history.length) return;
			event.preventDefault();
			if (historyIndex.current === -1) draft.current = input.value;
			historyIndex.current = historyStep(history, historyIndex.current, event.key === 'ArrowUp');
			const recalled = historyAt(history, historyIndex.current, draft.current);
			setLine(recalled);
			pendingCursor.current = recalled.length;
			return;
		}
		if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey) {
			// Tab completes only what there is to complete; otherwise it moves focus, as anywhere.
			if (!runtime || !session || !input.value.trim()) return;
			const cursor = input.selectionStart ?? input.value.length;
			const candidates = runtime.completions(session.host, input.value, cursor);
			const done = complete(input.value, cursor, candidates);
			if (!done) return;
			const listed = done.choices.join(' ');
			if (done.line === input.value && listed === choices.join(' ')) return;
			event.preventDefault();
			setLine(done.line);
			setChoices(done.choices);
			pendingCursor.current = done.cursor;
			if (done.choices.length)
				setMessage(t('docker.prompt.choices', { choices: done.choices.join(', ') }));
			return;
		}
		if (event.key === 'l' && event.ctrlKey) {
			event.preventDefault();
			if (runtime && session) setSession(runtime.clearScreen(session));
			return;
		}
		if (event.key === 'Escape' && choices.length) setChoices([]);
	};

	// No <form>: before the island runs, Enter in a form would reload the page.
	const submitLine = () => {
		const typed = line;
		setLine('');
		setChoices([]);
		historyIndex.current = -1;
		draft.current = '';
		if (!typed.trim()) return;
		void run([typed]).catch(() => undefined);
	};

	const onUndo = () => {
		if (!runtime || !session?.commands.length) return;
		const next = runtime.undo(session);
		setSession(next);
		keep.current = true;
		save(savedSession(next));
		setMessage(t('docker.undo.done', { command: session.commands.at(-1) ?? '' }));
	};

	const onReset = () => {
		if (!runtime || !session) return;
		const next = runtime.reset(session);
		setSession(next);
		keep.current = true;
		save(savedSession(next));
		setSharedUrl('');
		setMessage(t('docker.reset.done'));
	};

	const onShare = () => {
		const saved = session ? savedSession(session) : { commands: [], files: files ?? {}, seed: 1 };
		const page = shareTo ?? location.pathname;
		const url = `${location.origin}${page}${sessionToHash(saved)}`;
		setSharedUrl(url);
		// Without a secure context there is no clipboard: the field below holds the link to copy.
		Promise.resolve()
			.then(() => navigator.clipboard.writeText(url))
			.then(
				() => setMessage(t('docker.share.copied')),
				() => setMessage(t('docker.share.manual'))
			);
	};

	const Heading = `h${headingLevel}` as const;
	const diagram = picture.diagram;
	const width = Number(diagram?.attrs.width) || 0;
	const nothingToUndo = !session?.commands.length;

	return (
		<TranslateContext.Provider value={t}>
			<div class={`dp not-content${headingLevel === 2 ? ' dp-lab' : ''}`} id={id} ref={rootRef}>
				<LiveRegion message={message} />
				{notices.map((notice) => (
					<div key={notice} class="cd-notice" role="status">
						<p>{t(notice)}</p>
						{notice === 'docker.notice.linkOpened' && previous && (
							<button type="button" class="cd-button" onClick={restore}>
								{t('docker.notice.restore')}
							</button>
						)}
						<button
							type="button"
							class="cd-button"
							onClick={() => setNotices((shown) => shown.filter((n) => n !== notice))}
						>
							{t('docker.notice.dismiss')}
						</button>
					</div>
				))}
				<div class="dp-workspace">
					<section class="dp-terminal" aria-labelledby={`${id}-terminal`}>
						<Heading id={`${id}-terminal`} class="dp-heading">
							{t('docker.terminal.heading')}
						</Heading>
						<div
							ref={logRef}
							class="dp-log"
							role="log"
							aria-live="polite"
							aria-label={t('docker.log.label')}
							tabIndex={0}
						>
							{results.length === 0 ? (
								<p class="dp-empty">{t('docker.log.empty')}</p>
							) : (
								<ol class="dp-entries">
									{results.map((result, index) => (
										<li key={`${session?.shownFrom ?? 0}-${index}`} class="dp-entry">
											<pre class="dp-command">
												<span class="dp-sigil" aria-hidden="true">
													${' '}
												</span>
												{result.command}
											</pre>
											{result.output && <pre class="dp-output">{result.output}</pre>}
											{result.exitCode !== 0 && (
												<p class="dp-exit">{t('docker.log.exit', { code: result.exitCode })}</p>
											)}
											{result.explanation && runtime && (
												<p class="dp-explain">
													<span class="dp-explain-mark" aria-hidden="true">
														»{' '}
													</span>
													<span class="sr-only">{t('docker.log.explanation')} </span>
													{runtime.explain(result.explanation, lang)}
												</p>
											)}
										</li>
									))}
								</ol>
							)}
						</div>
						<div class="dp-form">
							<label class="sr-only" for={`${id}-input`}>
								{t('docker.prompt.label')}
							</label>
							<div class="dp-prompt">
								<span class="dp-sigil" aria-hidden="true">
									$
								</span>
								<input
									ref={inputRef}
									id={`${id}-input`}
									class="dp-input"
									type="text"
									value={line}
									autocomplete="off"
									autocapitalize="off"
									spellcheck={false}
									enterkeyhint="send"
									aria-describedby={`${id}-help`}
									onInput={(event) => {
										setLine(event.currentTarget.value);
										historyIndex.current = -1;
										if (choices.length) setChoices([]);
									}}
									onFocus={() => void engine().catch(() => undefined)}
									onKeyDown={onKeyDown}
								/>
								<button type="button" class="cd-button dp-submit" onClick={submitLine}>
									{t('docker.prompt.run')}
								</button>
							</div>
							{choices.length > 0 && (
								<p class="dp-choices">
									{t('docker.prompt.choicesVisible')} <code>{choices.join('  ')}</code>
								</p>
							)}
							<p id={`${id}-help`} class="dp-hint">
								{t('docker.prompt.help')}
							</p>
						</div>
						<div class="dp-tools">
							<button
								type="button"
								class="cd-button"
								aria-disabled={nothingToUndo ? 'true' : undefined}
								onClick={onUndo}
							>
								{t('docker.undo')}
							</button>
							<button
								type="button"
								class="cd-button"
								aria-disabled={session ? undefined : 'true'}
								onClick={onReset}
							>
								{t('docker.reset')}
							</button>
							<button type="button" class="cd-button" onClick={onShare}>
								{t('docker.share')}
							</button>
						</div>
						{sharedUrl && (
							<ShareLink id={id} label={t('docker.share.link')} url={sharedUrl} class="dp-share" />
						)}
					</section>
					<section class="dp-host" aria-labelledby={`${id}-host`}>
						<Heading id={`${id}-host`} class="dp-heading">
							{t('docker.host.heading')}
						</Heading>
						{diagram ? (
							<div
								class="dp-diagram"
								role="region"
								tabIndex={0}
								aria-label={t('docker.host.region')}
							>
								{h(
									'svg',
									{
										...safeAttributes(diagram.attrs),
										// Never below 60 % of its size: the box scrolls instead.
										style: {
											maxWidth: `${width}px`,
											minWidth: `${Math.round(width * 0.6)}px`,
										},
									},
									renderChildren(diagram)
								)}
							</div>
						) : (
							<p class="dp-empty">{t('docker.host.tooBig')}</p>
						)}
						<details class="dp-words">
							<summary>{t('docker.host.words')}</summary>
							<ul>
								{picture.description.map((sentence, index) => (
									<li key={index}>{sentence}</li>
								))}
							</ul>
						</details>
					</section>
				</div>
			</div>
		</TranslateContext.Provider>
	);
}
