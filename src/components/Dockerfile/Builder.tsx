import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { commands } from '../../lib/dockerfile/commands.ts';
import {
	addStage,
	createInstruction,
	insertItem,
	moveItem,
	nextId,
	removeItem,
	removeStage,
	updateItem,
} from '../../lib/dockerfile/edit.ts';
import type { Highlight } from '../../lib/dockerfile/highlight.ts';
import { lint, type Finding } from '../../lib/dockerfile/lint.ts';
import {
	escapeOf,
	instructionsOf,
	isInstruction,
	keywordOf,
	type Dockerfile,
	type Item,
} from '../../lib/dockerfile/model.ts';
import { printInstruction, printPort, print } from '../../lib/dockerfile/print.ts';
import {
	decodeState,
	encodeState,
	STATE_KEY,
	withoutSources,
	type BuilderState,
	type CommandInputs,
} from '../../lib/dockerfile/share.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { TextField } from './Fields';
import { DockerfileForm } from './Form';
import { Commands, CopyButton, defaultHostPort, Findings, Preview } from './Output';
import { UiContext, type BuilderActions, type BuilderUi, type Strings } from './ui';
import { browserStore } from '../shared/storage.ts';
import { download } from '../shared/download.ts';

/** A starting point, already read into the model (the wrapper parses it at build time). */
export interface BuilderTemplate {
	id: string;
	title: string;
	description: string;
	/** The image name the commands suggest for it: `my-apache`. */
	image: string;
	model: Dockerfile;
}

export interface DockerfileBuilderProps {
	lang: Locale;
	/** The `builder.*` UI strings in the page's language. */
	strings: Strings;
	/** The templates; the first is where a new learner starts. */
	templates: BuilderTemplate[];
	/** The lab page's path (with the base), where a shared link opens. */
	labUrl: string;
	/** Inside a chapter: smaller headings, the paste box folded, no state in the page's URL. */
	compact?: boolean;
}

/** Why a saved state could not be used, or where the shown one came from. */
type Notice = 'url' | 'storage' | 'shared' | 'unavailable';

/** The part of Web Storage the builder uses. */
/** Parsing needs `dockerfile-ast`: it loads only when the learner pastes or re-reads a line. */
const loadParse = () => import('../../lib/dockerfile/parse.ts').then((module) => module.parse);

function emptyModel(): Dockerfile {
	return {
		directives: [],
		preamble: [],
		stages: [{ id: 's1', from: createInstruction('from', 'i1'), items: [] }],
	};
}

function defaultInputs(image: string): CommandInputs {
	return { image, tag: '', containerName: '', detach: true, ports: {}, volumes: {} };
}

/** Moves focus to an element, or into a box to its main field (or its first one). */
function focusById(id: string) {
	const element = document.getElementById(id);
	if (!element) return;
	const target = element.matches('input, select, textarea, button, a[href], summary')
		? element
		: (element.querySelector<HTMLElement>('[data-primary]') ??
			element.querySelector<HTMLElement>('input, select, textarea'));
	target?.focus();
}

/** Where an item sits: its list (a stage's items, or the preamble) and its index in it. */
function locate(model: Dockerfile, id: string) {
	const lists: { stageId: string | null; items: readonly Item[] }[] = [
		{ stageId: null, items: model.preamble },
		...model.stages.map((stage) => ({ stageId: stage.id, items: stage.items })),
	];
	for (const list of lists) {
		const index = list.items.findIndex((item) => item.id === id);
		if (index !== -1) return { ...list, index, item: list.items[index] as Item };
	}
	return null;
}

/**
 * The Dockerfile builder: a form over the model of `src/lib/dockerfile`, the text it prints, the
 * linter's findings and the matching docker commands. Every change goes through the library's pure
 * functions; the island only keeps the state, saves it, and moves focus.
 */
export default function DockerfileBuilder({
	lang,
	strings,
	templates,
	labUrl,
	compact = false,
}: DockerfileBuilderProps) {
	// One builder per page, so a fixed prefix gives ids that match between server and browser
	// (hydration keeps the server's attributes).
	const uid = compact ? 'dfc' : 'df';
	const first = templates[0];
	const initial = useMemo<BuilderState>(
		() => ({
			model: first ? structuredClone(first.model) : emptyModel(),
			inputs: defaultInputs(first?.image ?? 'my-app'),
		}),
		[]
	);
	const [state, setState] = useState(initial);
	const stateRef = useRef(initial);
	const undoStack = useRef<BuilderState[]>([]);
	const [undoCount, setUndoCount] = useState(0);
	const [ready, setReady] = useState(false);
	const [notices, setNotices] = useState<Notice[]>([]);
	const [message, setMessage] = useState('');
	const [highlight, setHighlight] = useState<Highlight | null>(null);
	const [templateId, setTemplateId] = useState(first?.id ?? 'empty');
	const [pasted, setPasted] = useState('');
	const [pasteError, setPasteError] = useState('');
	const [shareUrl, setShareUrl] = useState('');
	const [shareStatus, setShareStatus] = useState<'' | 'done' | 'failed'>('');
	const store = useRef<Storage | undefined>(undefined);
	// A chapter keeps its own copy, so it opens on the example its text talks about.
	const storageKey = compact ? `${STATE_KEY}:chapter` : STATE_KEY;
	const touched = useRef(false);
	const pendingFocus = useRef<string | null>(null);
	const dragged = useRef<string | null>(null);

	const t = (key: string, values: Record<string, string | number> = {}) =>
		format(strings[key] ?? key, values);
	const id = (...parts: string[]) => [uid, ...parts].join('-');
	const announce = (text: string) =>
		setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
	const focusLater = (target: string) => {
		pendingFocus.current = target;
	};

	/** Replaces the state; `undoable` makes the previous one a step of "Undo". */
	const commit = (next: BuilderState, undoable = false) => {
		if (undoable) {
			undoStack.current = [...undoStack.current.slice(-49), stateRef.current];
			setUndoCount(undoStack.current.length);
		}
		stateRef.current = next;
		touched.current = true;
		setState(next);
	};
	const edit = (change: (model: Dockerfile) => Dockerfile, undoable = false) =>
		commit({ ...stateRef.current, model: change(stateRef.current.model) }, undoable);

	// Saved state: a shared link first (on the lab page), then this browser's last Dockerfile.
	useEffect(() => {
		store.current = browserStore();
		const found: Notice[] = [];
		let saved: BuilderState | null = null;
		let raw: string | null;
		try {
			raw = store.current?.getItem(storageKey) ?? null;
		} catch {
			raw = null;
		}
		if (raw) {
			saved = decodeState(raw);
			if (!saved) {
				found.push('storage');
				// Kept aside rather than overwritten at the first save, in case someone can mend it.
				try {
					store.current?.setItem(`${storageKey}:unreadable`, raw);
				} catch {
					// Nothing more to do: the notice has told the learner.
				}
			}
		}
		let next = saved;
		const shared = compact ? null : new URLSearchParams(location.search).get('s');
		if (shared !== null) {
			const fromLink = decodeState(shared);
			if (!fromLink) found.push('url');
			else {
				// Opening someone's link must not lose the learner's own file: it stays one Undo away.
				if (saved && encodeState(saved) !== encodeState(fromLink)) {
					undoStack.current = [saved];
					setUndoCount(1);
					found.push('shared');
				}
				next = fromLink;
			}
		}
		if (next) {
			stateRef.current = next;
			setState(next);
		}
		if (!store.current) found.push('unavailable');
		setNotices(found);
		setReady(true);
	}, []);

	// Save each change the learner makes (merely opening a shared link overwrites nothing); on the
	// lab page, keep the link in the address bar up to date too.
	useEffect(() => {
		if (!ready || !touched.current) return;
		const encoded = encodeState(state);
		try {
			store.current?.setItem(storageKey, encoded);
		} catch {
			setNotices((current) =>
				current.includes('unavailable') ? current : [...current, 'unavailable']
			);
		}
		if (compact) return;
		const timer = setTimeout(() => {
			const url = new URL(location.href);
			url.searchParams.set('s', encoded);
			history.replaceState(history.state, '', url);
		}, 400);
		return () => clearTimeout(timer);
	}, [state, ready]);

	// Shiki after the first paint: until it arrives the preview shows the same text, uncoloured.
	useEffect(() => {
		let cancelled = false;
		const frame = requestAnimationFrame(() =>
			setTimeout(() => {
				import('../../lib/dockerfile/highlight.ts')
					.then((module) => module.createHighlight())
					.then(
						(created) => {
							if (!cancelled) setHighlight(() => created);
						},
						() => undefined
					);
			}, 0)
		);
		return () => {
			cancelled = true;
			cancelAnimationFrame(frame);
		};
	}, []);

	// Focus moves once the change it follows is on screen.
	useEffect(() => {
		const target = pendingFocus.current;
		if (!target) return;
		pendingFocus.current = null;
		focusById(target);
	});

	const { model, inputs } = state;
	const text = useMemo(() => print(model), [model]);
	const findings = useMemo(() => lint(model), [model]);
	const byNode = useMemo(() => {
		const map = new Map<string, Finding[]>();
		for (const finding of findings) {
			map.set(finding.nodeId, [...(map.get(finding.nodeId) ?? []), finding]);
		}
		return map;
	}, [findings]);
	const finalItems = model.stages.at(-1)?.items ?? [];
	const ports = [
		...new Set(
			finalItems.flatMap((item) => (item.kind === 'expose' ? item.ports.map(printPort) : []))
		),
	].filter((port) => port.split('/')[0]);
	const volumes = [
		...new Set(finalItems.flatMap((item) => (item.kind === 'volume' ? item.paths : []))),
	].filter(Boolean);
	const dockerCommands = commands(model, {
		image: inputs.image.trim() || 'my-app',
		tag: inputs.tag.trim(),
		containerName: inputs.containerName.trim(),
		detach: inputs.detach,
		ports: Object.fromEntries(
			ports.map((port) => [port, (inputs.ports[port] ?? defaultHostPort(port)).trim()])
		),
		volumes: Object.fromEntries(volumes.map((path) => [path, (inputs.volumes[path] ?? '').trim()])),
	});

	const itemName = (item: Item, index: number) =>
		t('builder.item.name', {
			keyword: isInstruction(item) ? keywordOf(item) || '?' : t('builder.kind.comment'),
			n: index + 1,
		});

	const actions: BuilderActions = {
		dragged,
		update: (itemId, change) => edit((current) => updateItem(current, itemId, change)),
		move: (itemId, offset) => {
			const place = locate(stateRef.current.model, itemId);
			if (!place) return;
			const to = place.index + offset;
			if (to < 0 || to >= place.items.length) return;
			edit((current) => moveItem(current, itemId, offset), true);
			const edge = to === 0 ? 'down' : to === place.items.length - 1 ? 'up' : null;
			focusLater(id(itemId, edge ?? (offset < 0 ? 'up' : 'down')));
			announce(
				t('builder.list.moved', {
					item: itemName(place.item, place.index),
					n: to + 1,
					total: place.items.length,
				})
			);
		},
		moveTo: (itemId, target) => {
			dragged.current = null;
			const place = locate(stateRef.current.model, itemId);
			if (!place) return;
			edit((current) => insertItem(removeItem(current, itemId), place.item, target), true);
			const after = locate(stateRef.current.model, itemId);
			if (after) {
				announce(
					t('builder.list.moved', {
						item: itemName(place.item, place.index),
						n: after.index + 1,
						total: after.items.length,
					})
				);
			}
		},
		remove: (itemId) => {
			const place = locate(stateRef.current.model, itemId);
			if (!place) return;
			edit((current) => removeItem(current, itemId), true);
			const neighbour = place.items[place.index + 1] ?? place.items[place.index - 1];
			focusLater(
				neighbour
					? id(neighbour.id, 'remove')
					: place.stageId
						? id(place.stageId, 'palette')
						: id('add-global-arg')
			);
			announce(t('builder.item.removed', { item: itemName(place.item, place.index) }));
		},
		add: (kind, place) => {
			const current = stateRef.current.model;
			const itemId = nextId(current);
			let item: Item;
			if (kind === 'comment') item = { id: itemId, kind: 'comment', text: '' };
			else if (kind === 'onbuild') {
				const blank = createInstruction('onbuild', itemId);
				item = { ...blank, trigger: { ...blank.trigger, id: `${itemId}-trigger` } };
			} else item = createInstruction(kind, itemId) as Item;
			edit((model) => insertItem(model, item, place), true);
			focusLater(id(itemId));
			const stageNumber = current.stages.findIndex((stage) => stage.id === place.stageId) + 1;
			announce(
				t(stageNumber ? 'builder.item.added' : 'builder.item.addedGlobal', {
					keyword: isInstruction(item) ? keywordOf(item) : t('builder.kind.comment'),
					n: stageNumber,
				})
			);
		},
		toText: (itemId) => {
			edit(
				(current) =>
					updateItem(current, itemId, (item) =>
						isInstruction(item) && item.kind !== 'raw' && item.kind !== 'from'
							? {
									id: item.id,
									kind: 'raw',
									keyword: keywordOf(item),
									text: printInstruction(item, escapeOf(current)),
								}
							: item
					),
				true
			);
			focusLater(id(itemId));
		},
		toForm: (itemId) => {
			void loadParse().then((parse) => {
				const place = locate(stateRef.current.model, itemId);
				if (place?.item.kind !== 'raw') return;
				const parsed = parse(place.item.text);
				const found = [
					...parsed.preamble,
					...parsed.stages.flatMap((stage) => [stage.from, ...stage.items]),
				];
				const [only] = found;
				if (found.length !== 1 || !only || only.kind === 'raw' || only.kind === 'from') {
					announce(t('builder.item.stillRaw'));
					focusLater(id(itemId, 'text'));
					return;
				}
				const fresh = withoutSources({ directives: [], preamble: [only], stages: [] })
					.preamble[0] as Item;
				const replaced: Item =
					fresh.kind === 'onbuild'
						? { ...fresh, id: itemId, trigger: { ...fresh.trigger, id: `${itemId}-trigger` } }
						: { ...fresh, id: itemId };
				edit((current) => updateItem(current, itemId, () => replaced), true);
				focusLater(id(itemId));
				announce(
					t('builder.item.backToForm', {
						keyword: isInstruction(replaced) ? keywordOf(replaced) : '',
					})
				);
			});
		},
		addStage: () => {
			const current = stateRef.current.model;
			const stageId = nextId(current, 's');
			const fromId = nextId(current);
			edit((model) => addStage(model, createInstruction('from', fromId), stageId), true);
			focusLater(id(fromId));
			announce(t('builder.stage.added', { n: current.stages.length + 1 }));
		},
		removeStage: (stageId) => {
			const index = stateRef.current.model.stages.findIndex((stage) => stage.id === stageId);
			edit((current) => removeStage(current, stageId), true);
			focusLater(id('add-stage'));
			announce(t('builder.stage.removed', { n: index + 1 }));
		},
		updateDirective: (directiveId, value) => {
			const equals = value.indexOf('=');
			const name = (equals === -1 ? value : value.slice(0, equals)).trim().toLowerCase();
			const rest = equals === -1 ? '' : value.slice(equals + 1).trim();
			edit((current) => ({
				...current,
				directives: current.directives.map((directive) =>
					directive.id === directiveId ? { id: directiveId, name, value: rest } : directive
				),
			}));
		},
		removeDirective: (directiveId) => {
			edit(
				(current) => ({
					...current,
					directives: current.directives.filter((directive) => directive.id !== directiveId),
				}),
				true
			);
			focusLater(id('add-stage'));
		},
	};

	const ui: BuilderUi = {
		lang,
		t,
		id,
		focusLater,
		announce,
		actions,
		findingsFor: (nodeId) => byNode.get(nodeId) ?? [],
	};

	const applyTemplate = () => {
		const template = templates.find((candidate) => candidate.id === templateId);
		commit(
			{
				model: template ? structuredClone(template.model) : emptyModel(),
				inputs: defaultInputs(template?.image ?? stateRef.current.inputs.image),
			},
			true
		);
		announce(
			t('builder.template.loaded', { name: template?.title ?? t('builder.template.empty') })
		);
	};

	const paste = () => {
		if (!pasted.trim()) {
			setPasteError(t('builder.paste.empty'));
			return;
		}
		setPasteError('');
		void loadParse().then((parse) => {
			const parsed = withoutSources(parse(pasted));
			commit({ model: parsed, inputs: stateRef.current.inputs }, true);
			announce(t('builder.paste.done', { count: instructionsOf(parsed).length }));
		});
	};

	const undo = () => {
		const previous = undoStack.current.pop();
		setUndoCount(undoStack.current.length);
		if (!previous) return;
		stateRef.current = previous;
		touched.current = true;
		setState(previous);
		announce(t('builder.undone'));
	};

	const share = async () => {
		const url = new URL(labUrl, location.href);
		url.searchParams.set('s', encodeState(stateRef.current));
		setShareUrl(url.href);
		try {
			await navigator.clipboard.writeText(url.href);
			setShareStatus('done');
		} catch {
			setShareStatus('failed');
		}
	};

	const downloadFile = () => download(new Blob([text], { type: 'text/plain' }), 'Dockerfile');

	const goTo = (finding: Finding) => focusById(id(finding.nodeId));

	const H2 = compact ? 'h3' : 'h2';
	const H3 = compact ? 'h4' : 'h3';
	const selected = templates.find((template) => template.id === templateId);
	const pasteBox = (
		<fieldset class="df-paste">
			<legend>{t('builder.paste.legend')}</legend>
			<TextField
				id={id('paste')}
				label={t('builder.paste.label')}
				value={pasted}
				multiline
				describedBy={pasteError ? id('paste-error') : undefined}
				onValue={setPasted}
			/>
			{pasteError && (
				<p class="df-error" id={id('paste-error')}>
					{pasteError}
				</p>
			)}
			<p class="df-hint">{t('builder.paste.hint')}</p>
			<button type="button" class="df-button" onClick={paste}>
				{t('builder.paste.button')}
			</button>
		</fieldset>
	);

	return (
		<UiContext.Provider value={ui}>
			<div class={`df-builder ${compact ? 'df-compact' : 'df-full'}`}>
				<p class="sr-only" aria-live="polite" aria-atomic="true">
					{message}
				</p>
				{notices.map((notice) => (
					<p key={notice} class="df-notice" role="status">
						{t(`builder.notice.${notice}`)}
					</p>
				))}
				<div class="df-start">
					<div class="df-template">
						<div class="df-field">
							<label for={id('template')}>{t('builder.template.label')}</label>
							<select
								id={id('template')}
								value={templateId}
								aria-describedby={id('template-description')}
								onChange={(event) => setTemplateId(event.currentTarget.value)}
							>
								{templates.map((template) => (
									<option key={template.id} value={template.id}>
										{template.title}
									</option>
								))}
								<option value="empty">{t('builder.template.empty')}</option>
							</select>
						</div>
						<button type="button" class="df-button df-primary" onClick={applyTemplate}>
							{t('builder.template.apply')}
						</button>
						<p class="df-hint" id={id('template-description')}>
							{selected?.description ?? t('builder.template.emptyDescription')}
						</p>
					</div>
					<p class="df-buttons">
						<button type="button" class="df-button" disabled={undoCount === 0} onClick={undo}>
							{t('builder.undo')}
						</button>
						<button type="button" class="df-button" onClick={() => void share()}>
							{t('builder.share')}
						</button>
						<span class="df-status" role="status">
							{shareStatus === 'done'
								? `✓ ${t('builder.shared')}`
								: shareStatus === 'failed'
									? t('builder.copyFailed')
									: ''}
						</span>
					</p>
					{shareUrl && (
						<TextField
							id={id('share-url')}
							label={t('builder.shareUrl')}
							value={shareUrl}
							readOnly
							onValue={() => undefined}
						/>
					)}
				</div>
				{compact ? (
					<details class="df-paste-box">
						<summary>{t('builder.paste.legend')}</summary>
						{pasteBox}
					</details>
				) : (
					pasteBox
				)}
				<div class="df-columns">
					<section class="df-form" aria-labelledby={id('form-heading')}>
						<H2 id={id('form-heading')}>{t('builder.form.heading')}</H2>
						<DockerfileForm model={model} />
					</section>
					<section class="df-output" aria-labelledby={id('output-heading')}>
						<H2 id={id('output-heading')}>{t('builder.preview.heading')}</H2>
						<Preview text={text} highlight={highlight} />
						<p class="df-buttons">
							<CopyButton text={text} label={t('builder.copy')} done={t('builder.copied')} />
							<button type="button" class="df-button" onClick={downloadFile}>
								{t('builder.download')}
							</button>
						</p>
						<Findings findings={findings} heading={H3} onGo={goTo} />
					</section>
				</div>
				<Commands
					inputs={inputs}
					ports={ports}
					volumes={volumes}
					commands={dockerCommands}
					heading={H2}
					setInputs={(change) =>
						commit({ ...stateRef.current, inputs: change(stateRef.current.inputs) })
					}
				/>
			</div>
		</UiContext.Provider>
	);
}
