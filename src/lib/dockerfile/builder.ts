/**
 * The Dockerfile builder's controller: what the builder holds while its page is open (the
 * Dockerfile and command inputs, the steps Undo goes back through, the template picker, the paste
 * box, the notices) and one pure reducer for every change the learner makes. The island renders
 * this state and dispatches actions; it keeps only what needs a browser: storage, the address bar,
 * the clipboard, focus and the live region.
 *
 * An action never says anything itself: it leaves an `outcome` (a message by key, and the element
 * that gets focus), which the island reads out and carries out once the change is on screen.
 *
 * A large file must not freeze the tab: the paste box refuses text past `PASTE_LIMITS`, the form
 * shows `FORM_PAGE` instructions at a time (`formPart()`), always the part with the focus, and the
 * preview is coloured only up to `HIGHLIGHT_MAX_LINES`.
 */
import { commands, type DockerCommands } from './commands.ts';
import * as edits from './edit.ts';
import type { Finding } from './lint.ts';
import {
	escapeOf,
	instructionsOf,
	isInstruction,
	keywordOf,
	type Dockerfile,
	type InstructionKind,
	type Item,
} from './model.ts';
import { print, printInstruction, printPort } from './print.ts';
import {
	encodeState,
	readState,
	STATE_LIMITS,
	withoutSources,
	type BuilderState,
	type CommandInputs,
	type StateReading,
} from './share.ts';
import type { Template } from './templates.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';

/** A starting point, already read into the model (the Astro wrapper parses it at build time). */
export interface BuilderTemplate {
	id: string;
	title: string;
	description: string;
	/** The image name the commands suggest for it: `my-apache`. */
	image: string;
	model: Dockerfile;
}

/** The image name the commands suggest for a template; the chapter's example uses `my-apache`. */
const imageNames: Readonly<Record<string, string>> = { apache2: 'my-apache' };

/** The image name for a file with nothing better to go by. */
export const DEFAULT_IMAGE = 'my-app';

/** Base images that say what kind of app a file builds: `node:22` → `my-node-app`. */
const appKinds: readonly (readonly [RegExp, string])[] = [
	[/^(node|.*\/node)$/, 'node'],
	[/python/, 'python'],
	[/^(golang|.*\/golang)$/, 'go'],
	[/(openjdk|temurin|maven|gradle|java)/, 'java'],
	[/ruby/, 'ruby'],
	[/php/, 'php'],
	[/(dotnet|aspnet)/, 'dotnet'],
	[/rust/, 'rust'],
	[/httpd/, 'apache'],
	[/nginx/, 'nginx'],
];

/**
 * The image name the commands suggest for a file: from the first base image that says what it
 * builds (`my-node-app`, `my-python-app`), else `my-app`.
 */
export function imageNameFor(model: Dockerfile): string {
	for (const stage of model.stages) {
		const image = stage.from.image.toLowerCase().replace(/^docker\.io\/(library\/)?/, '');
		const kind = appKinds.find(([pattern]) => pattern.test(image))?.[1];
		if (kind) return `my-${kind}-app`;
	}
	return DEFAULT_IMAGE;
}

/**
 * The templates as the builder receives them, in one language and read into the model: the Astro
 * wrapper calls it at build time, so the page needs no parser until the learner pastes.
 */
export function builderTemplates(
	templates: readonly Template[],
	lang: Locale,
	parse: ParseDockerfile
): BuilderTemplate[] {
	return templates.map((template) => ({
		id: template.id,
		title: template.title[lang],
		description: template.description[lang],
		image: imageNames[template.id] ?? `my-${template.id}-app`,
		model: withoutSources(parse(template.dockerfile)),
	}));
}

/** The picker's choice that stands for no template: a lone FROM to fill in. */
export const EMPTY_TEMPLATE = 'empty';

/**
 * What the picker shows once the form holds a file that is no template (pasted, edited, opened
 * from a link): "your file", which cannot be loaded.
 */
export const CUSTOM_TEMPLATE = 'custom';

/** The template (or `EMPTY_TEMPLATE`) whose file this is, unchanged; else `CUSTOM_TEMPLATE`. */
export function templateOf(templates: readonly BuilderTemplate[], model: Dockerfile): string {
	// Printed only when it could be one: a long saved file is not printed again at load.
	const size = (file: Dockerfile) => file.directives.length + formSize(file);
	const candidates = [...templates, { id: EMPTY_TEMPLATE, model: emptyModel() }].filter(
		(template) => size(template.model) === size(model)
	);
	if (candidates.length === 0) return CUSTOM_TEMPLATE;
	const text = print(model);
	return candidates.find((template) => print(template.model) === text)?.id ?? CUSTOM_TEMPLATE;
}

/** How many steps Undo can go back. */
export const UNDO_LIMIT = 50;

/**
 * The most the paste box reads into the form. The characters are the Compose lab's limit; the
 * lines bound the number of instructions, which is what costs: in Chromium, 6,000 lines of one
 * instruction each parse, check and encode in about 0.1 s, while 50,000 take over a second
 * before the form is even drawn. Real Dockerfiles have tens of lines, rarely hundreds.
 */
export const PASTE_LIMITS = { maxChars: 256 * 1024, maxLines: 6000 } as const;

/**
 * How many instructions (and comments) the form shows at a time. Each box costs the page about
 * 0.2 ms at every keystroke, and drawing a part for a new paste about 0.5 ms a box in Chromium:
 * 100 keep both well under the 200 ms a task may take. The preview and the findings always cover
 * the whole file.
 */
export const FORM_PAGE = 100;

/**
 * Past this many lines the preview stays uncoloured. Colouring is redone at every change: in
 * Chromium, 1,000 lines take Shiki about 10 ms and their 2,200 coloured spans about 20 ms more to
 * draw, 2,000 lines twice that, 5,000 lines over 100 ms on top of the form; the plain text shows
 * the same characters at no cost.
 */
export const HIGHLIGHT_MAX_LINES = 1000;

/**
 * A notice above the builder: the link held no Dockerfile (`url`) or one too large to open
 * (`urlTooLarge`), the saved one could not be read (`storage`) or was too large (`storageTooLarge`),
 * a shared link replaced the saved one (`shared`), or this device keeps nothing (`unavailable`),
 * no more (`full`), or not a Dockerfile this large (`tooLarge`).
 */
export type Notice =
	| 'url'
	| 'urlTooLarge'
	| 'storage'
	| 'storageTooLarge'
	| 'shared'
	| 'unavailable'
	| 'full'
	| 'tooLarge';

/** Why the device keeps no more of the learner's work. */
export type SaveFailure = 'unavailable' | 'full' | 'tooLarge';

/**
 * Saved or shared text the builder could not use, kept for the learner to download rather than
 * lost: the Dockerfile it held when it was only too large, else the text as it was.
 */
export interface SetAside {
	from: 'storage' | 'url';
	/** Whether `text` is a Dockerfile (read from a state too large to open), not the raw text. */
	dockerfile: boolean;
	text: string;
}

/** A UI string by its full key, with its values; a value may be a message of its own. */
export interface Message {
	key: string;
	values?: Readonly<Record<string, string | number | Message>>;
}

/** What an action leaves for the island to do once its change is on screen. */
export interface Outcome {
	/** What to tell screen-reader users. */
	say?: Message;
	/** The element that gets focus: the parts of its id, without the builder's prefix. */
	focus?: readonly string[];
}

/** Everything the builder holds while its page is open. */
export interface BuilderSession {
	/** The Dockerfile and the command inputs: what is saved, and what a link shares. */
	current: BuilderState;
	/** The states Undo goes back to, the latest last; at most `UNDO_LIMIT`. */
	undo: readonly BuilderState[];
	/** The starting points the picker offers; the first is where a new learner starts. */
	templates: readonly BuilderTemplate[];
	/**
	 * The picker's choice: a template's id, or `EMPTY_TEMPLATE`; `CUSTOM_TEMPLATE` once the form's
	 * file is no longer the template it was loaded from.
	 */
	templateId: string;
	/** The text in the paste box. */
	pasteText: string;
	/** Why the last paste was refused; `null` when it was not. */
	pasteError: Message | null;
	/** The notices shown above the builder, in order, each once. */
	notices: readonly Notice[];
	/** What could not be opened when the page opened, offered for download. */
	setAside: readonly SetAside[];
	/** Where the part of the form on screen starts: a multiple of `FORM_PAGE` (see `formPart()`). */
	formStart: number;
	/**
	 * Whether the learner changed anything: until then nothing is saved, so opening a link
	 * overwrites nothing.
	 */
	edited: boolean;
	/** What the last action left to say or to focus; `null` when nothing. */
	outcome: Outcome | null;
}

/** What the palette can add: an instruction but FROM (a stage starts with it), or a comment. */
export type PaletteKind = Exclude<InstructionKind, 'from'> | 'comment';

/** Reads Dockerfile text into the model: `parse()`, which the island loads only when needed. */
export type ParseDockerfile = (text: string) => Dockerfile;

/** Reads the paste box's text into the model as the form keeps it: without the nodes' sources. */
export type ReadPaste = (text: string) => Dockerfile;

/** `parse()` as the paste reads: the model without sources. */
export function readPaste(parse: ParseDockerfile): ReadPaste {
	return (text) => withoutSources(parse(text));
}

/** Every change the learner can make. */
export type BuilderAction =
	| { type: 'add'; kind: PaletteKind; place: edits.Place }
	/** Up (`-1`) or down (`1`) within its list, with the buttons. */
	| { type: 'move'; id: string; offset: -1 | 1 }
	/** Drag and drop: taken out of its list, then put at `place` (in the same list or another). */
	| { type: 'moveTo'; id: string; place: edits.Place }
	| { type: 'remove'; id: string }
	/** The learner types in an item's fields: not a step of its own for Undo. */
	| { type: 'update'; id: string; change: (item: Item) => Item }
	/** An instruction becomes a raw line with its text. */
	| { type: 'toText'; id: string }
	/** A raw line is read again, and gets its fields back if it is one whole instruction. */
	| { type: 'toForm'; id: string; parse: ParseDockerfile }
	| { type: 'chooseTemplate'; id: string }
	| { type: 'loadTemplate' }
	| { type: 'typePaste'; text: string }
	/**
	 * The paste box's text replaces the Dockerfile; `read` is not called when the text is refused
	 * (a worker may have read it already: see `src/components/Dockerfile/offThread.ts`).
	 */
	| { type: 'paste'; read: ReadPaste }
	/** A directive as typed: `name=value`. */
	| { type: 'updateDirective'; id: string; text: string }
	| { type: 'removeDirective'; id: string }
	| { type: 'addStage' }
	| { type: 'removeStage'; id: string }
	| { type: 'undo' }
	/** The part of the form that starts at this instruction (counted from 0) comes on screen. */
	| { type: 'showPart'; start: number }
	/**
	 * A finding's "go to": its node comes on screen, and focus goes to the field at fault (see
	 * `findingFocus()`), else to the node's main field.
	 */
	| { type: 'goTo'; id: string; field?: readonly string[] }
	| {
			type: 'setInputs';
			change: Partial<Pick<CommandInputs, 'image' | 'tag' | 'containerName' | 'detach'>>;
	  }
	/** The host port for an exposed port (`80`, `53/udp`); empty publishes nothing. */
	| { type: 'setHostPort'; port: string; host: string }
	/** The volume name for a VOLUME path; empty lets the commands make one up. */
	| { type: 'setVolume'; path: string; name: string }
	/** What was found on the device and in the address when the page opened. */
	| { type: 'restore'; restored: Restored }
	/** The device refused to keep the state. */
	| { type: 'notSaved'; reason: SaveFailure }
	/** The device kept the state: what said it did not no longer holds. */
	| { type: 'saved' };

/** A Dockerfile with one empty FROM: the "empty" template. */
export function emptyModel(): Dockerfile {
	return {
		directives: [],
		preamble: [],
		stages: [{ id: 's1', from: edits.createInstruction('from', 'i1'), items: [] }],
	};
}

/** The command inputs for a fresh start: an image name, in the background, nothing else. */
export function defaultInputs(image: string): CommandInputs {
	return { image, tag: '', containerName: '', detach: true, ports: {}, volumes: {} };
}

/** Where a new learner starts: the first template, or the empty one. */
export function initialSession(templates: readonly BuilderTemplate[]): BuilderSession {
	const [first] = templates;
	return {
		current: {
			model: first ? structuredClone(first.model) : emptyModel(),
			inputs: defaultInputs(first?.image ?? DEFAULT_IMAGE),
		},
		undo: [],
		templates,
		templateId: first?.id ?? EMPTY_TEMPLATE,
		pasteText: '',
		pasteError: null,
		notices: [],
		setAside: [],
		formStart: 0,
		edited: false,
		outcome: null,
	};
}

/** Where an item sits: its list (a stage's items, or the preamble when `stageId` is `null`). */
export interface ItemPlace {
	stageId: string | null;
	items: readonly Item[];
	index: number;
	item: Item;
}

/** Where the item with this id sits, or `null` (a stage's FROM is not in a list). */
export function locate(model: Dockerfile, id: string): ItemPlace | null {
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

/** An item's keyword as the form shows it (`?` for a raw line with none); `null` for a comment. */
export function itemKeyword(item: Item): string | null {
	return isInstruction(item) ? keywordOf(item) || '?' : null;
}

/** How buttons and announcements name an item: "RUN at position 2". */
export function itemName(item: Item, index: number): Message {
	return {
		key: 'builder.item.name',
		values: { keyword: itemKeyword(item) ?? { key: 'builder.kind.comment' }, n: index + 1 },
	};
}

/** A message in words, its values that are messages too. */
export function messageText(t: Translate, message: Message): string {
	const values = Object.fromEntries(
		Object.entries(message.values ?? {}).map(([name, value]) => [
			name,
			typeof value === 'object' ? messageText(t, value) : value,
		])
	);
	return t(message.key, values);
}

/** The findings about each node, by the node's id. */
export function findingsByNode(findings: readonly Finding[]): Map<string, Finding[]> {
	const byNode = new Map<string, Finding[]>();
	for (const finding of findings) {
		byNode.set(finding.nodeId, [...(byNode.get(finding.nodeId) ?? []), finding]);
	}
	return byNode;
}

/**
 * The parts of the form's id of the field a finding is about, after its node's id: `['from']` for
 * COPY's `--from`, `['ports', '1', 'protocol']`; empty when the finding names no field.
 */
export function findingFocus(finding: Finding): string[] {
	const field = finding.field;
	if (!field) return [];
	return [
		field.name,
		...(field.index === undefined ? [] : [String(field.index)]),
		...(field.part ? [field.part] : []),
	];
}

/** The host port a container port gets unless the learner says otherwise: the same number. */
export function defaultHostPort(port: string): string {
	const number = port.split('/')[0] ?? '';
	return /^\d+$/.test(number) ? number : '';
}

/** What the commands section shows: the final stage's ports and volumes, and the two commands. */
export interface CommandsPanel {
	/** Each exposed port of the final stage (`80`, `53/udp`) once, with the host port it gets. */
	ports: { port: string; host: string }[];
	/** Each VOLUME path of the final stage once, with the volume name typed for it. */
	volumes: { path: string; name: string }[];
	commands: DockerCommands;
}

/** The commands section for a state: what the learner typed, applied to the final stage. */
export function commandsPanel({ model, inputs }: BuilderState): CommandsPanel {
	const final = model.stages.at(-1)?.items ?? [];
	const ports = [
		...new Set(final.flatMap((item) => (item.kind === 'expose' ? item.ports.map(printPort) : []))),
	]
		.filter((port) => port.split('/')[0])
		.map((port) => ({ port, host: inputs.ports[port] ?? defaultHostPort(port) }));
	const volumes = [...new Set(final.flatMap((item) => (item.kind === 'volume' ? item.paths : [])))]
		.filter(Boolean)
		.map((path) => ({ path, name: inputs.volumes[path] ?? '' }));
	return {
		ports,
		volumes,
		commands: commands(model, {
			image: inputs.image.trim() || DEFAULT_IMAGE,
			tag: inputs.tag.trim(),
			containerName: inputs.containerName.trim(),
			detach: inputs.detach,
			ports: Object.fromEntries(ports.map(({ port, host }) => [port, host.trim()])),
			volumes: Object.fromEntries(volumes.map(({ path, name }) => [path, name.trim()])),
		}),
	};
}

/** What the builder finds when its page opens. */
export interface StateSources {
	/** The text saved on this device, or `null` when there is none or it cannot be read. */
	saved: string | null;
	/**
	 * The state in the page's address (`#s=…`, or `?s=…` in an older link), or `null` when there is
	 * none (always in a chapter).
	 */
	shared: string | null;
	/** Whether the device lets the page store anything. */
	storageAvailable: boolean;
}

/** What the builder starts from, and what it tells the learner about it. */
export interface Restored {
	/** The state to show, or `null` to keep the first template. */
	state: BuilderState | null;
	/** What Undo goes back to: the learner's own file, when a link shows a different one. */
	undo: BuilderState[];
	notices: Notice[];
	/** The saved text that could not be used: kept aside rather than overwritten at the first save. */
	unreadable: string | null;
	/** What could not be used, offered for download. */
	setAside: SetAside[];
}

/**
 * Decides what the builder shows when its page opens: a shared link first, then the state saved on
 * this device, else the first template; with a notice for each thing that went wrong, and what
 * could not be used set aside for download.
 */
export function restoredState({ saved, shared, storageAvailable }: StateSources): Restored {
	const notices: Notice[] = [];
	const setAside: SetAside[] = [];
	const read = (text: string, from: SetAside['from']) => {
		const reading = readState(text, from === 'storage' ? 'device' : 'link');
		if (reading.state) return reading.state;
		notices.push(`${from}${reading.problem === 'tooLarge' ? 'TooLarge' : ''}` as Notice);
		const aside = setAsideOf(reading, text, from);
		if (aside) setAside.push(aside);
		return null;
	};
	const own = saved ? read(saved, 'storage') : null;
	let state = own;
	let undo: BuilderState[] = [];
	if (shared !== null) {
		const fromLink = read(shared, 'url');
		if (fromLink) {
			// Opening someone's link must not lose the learner's own file: it stays one Undo away.
			if (own && encodeState(own) !== encodeState(fromLink)) {
				undo = [own];
				notices.push('shared');
			}
			state = fromLink;
		}
	}
	if (!storageAvailable) notices.push('unavailable');
	return { state, undo, notices, unreadable: saved && !own ? saved : null, setAside };
}

/** What to keep of text that could not be opened: its Dockerfile if it has one, else itself. */
function setAsideOf(reading: StateReading, text: string, from: SetAside['from']): SetAside | null {
	const recovered = reading.problem === 'tooLarge' ? reading.recovered : null;
	if (recovered) return { from, dockerfile: true, text: print(recovered.model) };
	return text ? { from, dockerfile: false, text } : null;
}

/** The name a set-aside text downloads as: `Dockerfile` when it is one. */
export function setAsideName(aside: SetAside): string {
	return aside.dockerfile ? 'Dockerfile' : `dockerfile-builder-${aside.from}-set-aside.txt`;
}

/** How many lines a text has; a last line without its newline counts too. */
export function lineCount(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
	return text && !text.endsWith('\n') ? count + 1 : count;
}

/** Why the paste box's text is refused as too long, with the limits; `null` when it is not. */
export function pasteRefusal(text: string): Message | null {
	const lines = lineCount(text);
	if (text.length <= PASTE_LIMITS.maxChars && lines <= PASTE_LIMITS.maxLines) return null;
	return {
		key: 'builder.paste.tooLong',
		values: {
			lines,
			kb: Math.ceil(text.length / 1024),
			maxLines: PASTE_LIMITS.maxLines,
			maxKb: PASTE_LIMITS.maxChars / 1024,
		},
	};
}

/**
 * Past this many instructions a file is long: the builder checks it off the page and saves it when
 * typing pauses, since linting and encoding 5,000 instructions at every key would take 50–100 ms.
 */
export const LONG_FILE = 1000;

/** Whether the builder treats this Dockerfile as long (see `LONG_FILE`). */
export function isLongFile(model: Dockerfile): boolean {
	return instructionsOf(model).length > LONG_FILE;
}

/** Whether the preview colours this text (see `HIGHLIGHT_MAX_LINES`). */
export function highlightable(text: string): boolean {
	return lineCount(text) <= HIGHLIGHT_MAX_LINES;
}

/** The refusal a state too large for a link gets, with its size and the limit. */
export function linkRefusal(length: number, saved: boolean): Message {
	return {
		key: saved ? 'builder.shareTooLarge' : 'builder.shareTooLargeUnsaved',
		values: { length, limit: STATE_LIMITS.link },
	};
}

/** Items shown of a list: from index `from` up to, not including, `to`. */
export interface ListPart {
	from: number;
	to: number;
}

/**
 * The part of the form on screen. Its instructions and comments are counted in file order from 0
 * (the preamble's, then each stage's FROM and items), and it holds `FORM_PAGE` of them.
 */
export interface FormPart {
	/** The first shown, and one past the last. */
	start: number;
	end: number;
	/** How many the whole form has. */
	total: number;
	/** The preamble's items shown; `null` when none are. */
	preamble: ListPart | null;
	/**
	 * Each stage's items shown; `null` for a stage not shown at all. A stage with any of its items
	 * shown shows its FROM too, even when the FROM is on the part before.
	 */
	stages: (ListPart | null)[];
}

/** How many instructions and comments the form has, FROMs included. */
function formSize(model: Dockerfile): number {
	return model.stages.reduce(
		(count, stage) => count + 1 + stage.items.length,
		model.preamble.length
	);
}

/** The start of the part that holds position `start`, within the form's size. */
function partStart(size: number, start: number): number {
	const last = Math.max(0, size - 1);
	return Math.floor(Math.max(0, Math.min(start, last)) / FORM_PAGE) * FORM_PAGE;
}

/** The part of the form that holds position `start` (counted from 0, see `FormPart`). */
export function formPart(model: Dockerfile, start: number): FormPart {
	const total = formSize(model);
	const first = partStart(total, start);
	const end = Math.min(total, first + FORM_PAGE);
	const clamp = (value: number, length: number) => Math.max(0, Math.min(length, value));
	const part = (offset: number, length: number): ListPart => ({
		from: clamp(first - offset, length),
		to: clamp(end - offset, length),
	});
	let offset = model.preamble.length;
	const stages = model.stages.map((stage) => {
		const shown = offset < end && offset + 1 + stage.items.length > first;
		const items = shown ? part(offset + 1, stage.items.length) : null;
		offset += 1 + stage.items.length;
		return items;
	});
	const preamble = first < model.preamble.length ? part(0, model.preamble.length) : null;
	return { start: first, end, total, preamble, stages };
}

/**
 * Where the node with this id sits in the form (see `FormPart`): an item, a FROM or a stage (its
 * FROM), or an ONBUILD's trigger (its ONBUILD); `-1` for anything else.
 */
export function formPosition(model: Dockerfile, id: string): number {
	const matches = (item: Item) =>
		item.id === id || (item.kind === 'onbuild' && item.trigger.id === id);
	let position = 0;
	for (const item of model.preamble) {
		if (matches(item)) return position;
		position += 1;
	}
	for (const stage of model.stages) {
		if (stage.id === id || matches(stage.from)) return position;
		position += 1;
		for (const item of stage.items) {
			if (matches(item)) return position;
			position += 1;
		}
	}
	return -1;
}

/** The id of the node at a position of the form, if there is one. */
function nodeAt(model: Dockerfile, position: number): string | null {
	if (position < model.preamble.length) return model.preamble[position]?.id ?? null;
	let offset = model.preamble.length;
	for (const stage of model.stages) {
		if (position === offset) return stage.from.id;
		if (position <= offset + stage.items.length)
			return stage.items[position - offset - 1]?.id ?? null;
		offset += 1 + stage.items.length;
	}
	return null;
}

/**
 * The builder's reducer: the session after the learner's action. Never changes its input. The
 * part of the form on screen is always one that holds the element the action focuses.
 */
export function reduceBuilder(session: BuilderSession, action: BuilderAction): BuilderSession {
	const next = reduce(session, action);
	if (next === session) return session;
	const { model } = next.current;
	const target = next.outcome?.focus?.[0];
	const position = target === undefined ? -1 : formPosition(model, target);
	const onScreen = position >= next.formStart && position < next.formStart + FORM_PAGE;
	const formStart = partStart(
		formSize(model),
		position === -1 || onScreen ? next.formStart : position
	);
	return formStart === next.formStart ? next : { ...next, formStart };
}

function reduce(session: BuilderSession, action: BuilderAction): BuilderSession {
	const { model } = session.current;
	/** The session with a new model; `undoable` makes the one before a step for Undo. */
	const edit = (next: Dockerfile, outcome: Outcome | null, undoable = true) => ({
		...commit(session, { ...session.current, model: next }, outcome, undoable),
		// The form no longer holds the template the picker names.
		...(next === model ? {} : { templateId: CUSTOM_TEMPLATE }),
	});
	const inputs = (change: Partial<CommandInputs>) =>
		commit(
			session,
			{ ...session.current, inputs: { ...session.current.inputs, ...change } },
			null,
			false
		);

	switch (action.type) {
		case 'add': {
			const stageIndex = model.stages.findIndex((stage) => stage.id === action.place.stageId);
			if (action.place.stageId !== null && stageIndex === -1) return session;
			const item = newItem(action.kind, edits.nextId(model));
			return edit(edits.insertItem(model, item, action.place), {
				focus: [item.id],
				say: {
					key: stageIndex === -1 ? 'builder.item.addedGlobal' : 'builder.item.added',
					values: {
						keyword: itemKeyword(item) ?? { key: 'builder.kind.comment' },
						n: stageIndex + 1,
					},
				},
			});
		}
		case 'move': {
			const place = locate(model, action.id);
			if (!place) return session;
			const to = place.index + action.offset;
			if (to < 0 || to >= place.items.length) return session;
			// At either end the button that moved it is disabled: focus goes to the other one.
			const edge = to === 0 ? 'down' : to === place.items.length - 1 ? 'up' : null;
			return edit(edits.moveItem(model, action.id, action.offset), {
				focus: [action.id, edge ?? (action.offset < 0 ? 'up' : 'down')],
				say: moved(place, to),
			});
		}
		case 'moveTo': {
			const place = locate(model, action.id);
			const { stageId } = action.place;
			if (!place || (stageId !== null && !model.stages.some((stage) => stage.id === stageId))) {
				return session;
			}
			const next = edits.insertItem(edits.removeItem(model, action.id), place.item, action.place);
			const after = locate(next, action.id);
			return edit(next, after ? { say: moved(place, after.index, after.items.length) } : null);
		}
		case 'remove': {
			const place = locate(model, action.id);
			if (!place) return session;
			const neighbour = place.items[place.index + 1] ?? place.items[place.index - 1];
			return edit(edits.removeItem(model, action.id), {
				focus: neighbour
					? [neighbour.id, 'remove']
					: place.stageId
						? [place.stageId, 'palette']
						: ['add-global-arg'],
				say: { key: 'builder.item.removed', values: { item: itemName(place.item, place.index) } },
			});
		}
		case 'update':
			return edit(edits.updateItem(model, action.id, action.change), null, false);
		case 'toText': {
			const place = locate(model, action.id);
			const item = place?.item;
			if (!item || !isInstruction(item) || item.kind === 'raw') return session;
			const text = printInstruction(item, escapeOf(model));
			const raw: Item = { id: item.id, kind: 'raw', keyword: keywordOf(item), text };
			return edit(
				edits.updateItem(model, action.id, () => raw),
				{ focus: [action.id] }
			);
		}
		case 'toForm': {
			const place = locate(model, action.id);
			if (place?.item.kind !== 'raw') return session;
			const read = instructionOf(action.parse(place.item.text), action.id);
			if (!read) {
				return {
					...session,
					outcome: { say: { key: 'builder.item.stillRaw' }, focus: [action.id, 'text'] },
				};
			}
			return edit(
				edits.updateItem(model, action.id, () => read),
				{
					focus: [action.id],
					say: { key: 'builder.item.backToForm', values: { keyword: itemKeyword(read) ?? '' } },
				}
			);
		}
		case 'chooseTemplate':
			return { ...session, templateId: action.id, outcome: null };
		case 'loadTemplate': {
			if (session.templateId === CUSTOM_TEMPLATE) return session;
			const template = session.templates.find(({ id }) => id === session.templateId);
			// A fresh start: the command inputs go back to the template's too (Undo keeps them).
			const loaded: BuilderState = {
				model: template ? structuredClone(template.model) : emptyModel(),
				inputs: defaultInputs(template?.image ?? DEFAULT_IMAGE),
			};
			return commit(session, loaded, {
				say: {
					key: 'builder.template.loaded',
					values: { name: template?.title ?? { key: 'builder.template.empty' } },
				},
			});
		}
		case 'typePaste':
			return { ...session, pasteText: action.text, outcome: null };
		case 'paste': {
			if (!session.pasteText.trim()) {
				const error = { key: 'builder.paste.empty' };
				return { ...session, pasteError: error, outcome: { say: error } };
			}
			const refusal = pasteRefusal(session.pasteText);
			if (refusal) return { ...session, pasteError: refusal, outcome: { say: refusal } };
			const pasted = action.read(session.pasteText);
			const { inputs } = session.current;
			// The image name follows the file, unless the learner chose one of their own.
			const image = suggestedImage(session, inputs.image) ? imageNameFor(pasted) : inputs.image;
			return {
				...commit(
					session,
					{ model: pasted, inputs: { ...inputs, image } },
					{
						say: { key: 'builder.paste.done', values: { count: instructionsOf(pasted).length } },
					}
				),
				pasteError: null,
				formStart: 0,
				templateId: templateOf(session.templates, pasted),
			};
		}
		case 'updateDirective': {
			const equals = action.text.indexOf('=');
			const name = (equals === -1 ? action.text : action.text.slice(0, equals)).trim();
			const value = equals === -1 ? '' : action.text.slice(equals + 1).trim();
			const directives = model.directives.map((directive) =>
				directive.id === action.id ? { id: action.id, name: name.toLowerCase(), value } : directive
			);
			return edit({ ...model, directives }, null, false);
		}
		case 'removeDirective': {
			if (!model.directives.some((directive) => directive.id === action.id)) return session;
			const directives = model.directives.filter((directive) => directive.id !== action.id);
			return edit({ ...model, directives }, { focus: ['add-stage'] });
		}
		case 'addStage': {
			const stageId = edits.nextId(model, 's');
			const from = edits.createInstruction('from', edits.nextId(model));
			return edit(edits.addStage(model, from, stageId), {
				focus: [from.id],
				say: { key: 'builder.stage.added', values: { n: model.stages.length + 1 } },
			});
		}
		case 'removeStage': {
			const index = model.stages.findIndex((stage) => stage.id === action.id);
			if (index === -1) return session;
			return edit(edits.removeStage(model, action.id), {
				focus: ['add-stage'],
				say: { key: 'builder.stage.removed', values: { n: index + 1 } },
			});
		}
		case 'undo': {
			const previous = session.undo.at(-1);
			if (!previous) return session;
			return {
				...session,
				current: previous,
				templateId: templateOf(session.templates, previous.model),
				undo: session.undo.slice(0, -1),
				edited: true,
				outcome: { say: { key: 'builder.undone' } },
			};
		}
		case 'showPart': {
			const part = formPart(model, action.start);
			const first = nodeAt(model, part.start);
			return {
				...session,
				formStart: part.start,
				outcome: {
					say: {
						key: 'builder.part.shown',
						values: { from: part.start + 1, to: part.end, total: part.total },
					},
					...(first ? { focus: [first] } : {}),
				},
			};
		}
		case 'goTo':
			return { ...session, outcome: { focus: [action.id, ...(action.field ?? [])] } };
		case 'setInputs':
			return inputs(action.change);
		case 'setHostPort':
			return inputs({ ports: { ...session.current.inputs.ports, [action.port]: action.host } });
		case 'setVolume':
			return inputs({ volumes: { ...session.current.inputs.volumes, [action.path]: action.name } });
		case 'restore': {
			const { state, undo, notices, setAside } = action.restored;
			// Nothing kept and nothing to say on a fresh start: the state the server drew stands, and
			// the island does not draw its whole form a second time.
			if (
				!state &&
				[undo, notices, setAside, session.undo, session.notices, session.setAside].every(
					(list) => list.length === 0
				) &&
				session.formStart === 0 &&
				!session.edited &&
				!session.outcome
			)
				return session;
			return {
				...session,
				current: state ?? session.current,
				...(state ? { templateId: templateOf(session.templates, state.model) } : {}),
				undo,
				notices,
				setAside,
				formStart: 0,
				edited: false,
				outcome: null,
			};
		}
		case 'notSaved':
			if (session.notices.includes(action.reason)) return session;
			return { ...session, notices: [...session.notices, action.reason] };
		case 'saved': {
			const notices = session.notices.filter(
				(notice) => notice !== 'full' && notice !== 'tooLarge'
			);
			return notices.length === session.notices.length ? session : { ...session, notices };
		}
	}
}

/**
 * Whether an image name is one the builder suggested (for a template, or for the file in the
 * form), not one the learner typed.
 */
function suggestedImage(session: BuilderSession, image: string): boolean {
	const name = image.trim();
	return (
		name === '' ||
		name === DEFAULT_IMAGE ||
		name === imageNameFor(session.current.model) ||
		session.templates.some((template) => template.image === name)
	);
}

/** The session showing `next`, marked edited; `undoable` keeps the state before for Undo. */
function commit(
	session: BuilderSession,
	next: BuilderState,
	outcome: Outcome | null,
	undoable = true
): BuilderSession {
	return {
		...session,
		current: next,
		undo: undoable ? [...session.undo, session.current].slice(-UNDO_LIMIT) : session.undo,
		edited: true,
		outcome,
	};
}

/** `{item} is now at position {n} of {total}`, for an item that was at `place`. */
function moved(place: ItemPlace, to: number, total = place.items.length): Message {
	return {
		key: 'builder.list.moved',
		values: { item: itemName(place.item, place.index), n: to + 1, total },
	};
}

/** A new, empty item of a palette kind. */
function newItem(kind: PaletteKind, id: string): Item {
	if (kind === 'comment') return { id, kind: 'comment', text: '' };
	if (kind === 'onbuild') {
		const blank = edits.createInstruction('onbuild', id);
		return { ...blank, trigger: { ...blank.trigger, id: `${id}-trigger` } };
	}
	return edits.createInstruction(kind, id) as Item;
}

/**
 * The one instruction a raw line reads as, with the line's id, if it now has fields of its own:
 * not when it holds several instructions, none, a FROM (a stage's, not an item's) or a raw one.
 */
function instructionOf(parsed: Dockerfile, id: string): Item | null {
	const found = [
		...parsed.preamble,
		...parsed.stages.flatMap((stage) => [stage.from, ...stage.items]),
	];
	const [only] = found;
	if (found.length !== 1 || !only || only.kind === 'raw' || only.kind === 'from') return null;
	const fresh = withoutSources({ directives: [], preamble: [only], stages: [] })
		.preamble[0] as Item;
	return fresh.kind === 'onbuild'
		? { ...fresh, id, trigger: { ...fresh.trigger, id: `${id}-trigger` } }
		: { ...fresh, id };
}
