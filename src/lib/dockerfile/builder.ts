/**
 * The Dockerfile builder's controller: what the builder holds while its page is open (the
 * Dockerfile and command inputs, the steps Undo goes back through, the template picker, the paste
 * box, the notices) and one pure reducer for every change the learner makes. The island renders
 * this state and dispatches actions; it keeps only what needs a browser: storage, the address bar,
 * the clipboard, focus and the live region.
 *
 * An action never says anything itself: it leaves an `outcome` (a message by key, and the element
 * that gets focus), which the island reads out and carries out once the change is on screen.
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
import { printInstruction, printPort } from './print.ts';
import {
	decodeState,
	encodeState,
	withoutSources,
	type BuilderState,
	type CommandInputs,
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

/** How many steps Undo can go back. */
export const UNDO_LIMIT = 50;

/**
 * A notice above the builder: the link held no Dockerfile (`url`), the saved one could not be read
 * (`storage`), a shared link replaced the saved one (`shared`), or this device keeps nothing
 * (`unavailable`) or no more (`full`).
 */
export type Notice = 'url' | 'storage' | 'shared' | 'unavailable' | 'full';

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
	/** The picker's choice: a template's id, or `EMPTY_TEMPLATE`. */
	templateId: string;
	/** The text in the paste box. */
	pasteText: string;
	/** Why the last paste was refused; `null` when it was not. */
	pasteError: Message | null;
	/** The notices shown above the builder, in order, each once. */
	notices: readonly Notice[];
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
	/** The paste box's text replaces the Dockerfile. */
	| { type: 'paste'; parse: ParseDockerfile }
	/** A directive as typed: `name=value`. */
	| { type: 'updateDirective'; id: string; text: string }
	| { type: 'removeDirective'; id: string }
	| { type: 'addStage' }
	| { type: 'removeStage'; id: string }
	| { type: 'undo' }
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
	| { type: 'notSaved'; reason: 'unavailable' | 'full' };

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
			inputs: defaultInputs(first?.image ?? 'my-app'),
		},
		undo: [],
		templates,
		templateId: first?.id ?? EMPTY_TEMPLATE,
		pasteText: '',
		pasteError: null,
		notices: [],
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
			image: inputs.image.trim() || 'my-app',
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
	/** The `s` parameter of the page's address, or `null` when there is none (always in a chapter). */
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
	/** The saved text that could not be read: kept aside rather than overwritten at the first save. */
	unreadable: string | null;
}

/**
 * Decides what the builder shows when its page opens: a shared link first, then the state saved on
 * this device, else the first template; with a notice for each thing that went wrong.
 */
export function restoredState({ saved, shared, storageAvailable }: StateSources): Restored {
	const notices: Notice[] = [];
	const own = saved ? decodeState(saved) : null;
	if (saved && !own) notices.push('storage');
	let state = own;
	let undo: BuilderState[] = [];
	if (shared !== null) {
		const fromLink = decodeState(shared);
		if (!fromLink) notices.push('url');
		else {
			// Opening someone's link must not lose the learner's own file: it stays one Undo away.
			if (own && encodeState(own) !== encodeState(fromLink)) {
				undo = [own];
				notices.push('shared');
			}
			state = fromLink;
		}
	}
	if (!storageAvailable) notices.push('unavailable');
	return { state, undo, notices, unreadable: saved && !own ? saved : null };
}

/** The builder's reducer: the session after the learner's action. Never changes its input. */
export function reduceBuilder(session: BuilderSession, action: BuilderAction): BuilderSession {
	const { model } = session.current;
	/** The session with a new model; `undoable` makes the one before a step for Undo. */
	const edit = (next: Dockerfile, outcome: Outcome | null, undoable = true) =>
		commit(session, { ...session.current, model: next }, outcome, undoable);
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
			const template = session.templates.find(({ id }) => id === session.templateId);
			const loaded: BuilderState = {
				model: template ? structuredClone(template.model) : emptyModel(),
				inputs: defaultInputs(template?.image ?? session.current.inputs.image),
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
			const pasted = withoutSources(action.parse(session.pasteText));
			return {
				...commit(
					session,
					{ ...session.current, model: pasted },
					{
						say: { key: 'builder.paste.done', values: { count: instructionsOf(pasted).length } },
					}
				),
				pasteError: null,
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
				undo: session.undo.slice(0, -1),
				edited: true,
				outcome: { say: { key: 'builder.undone' } },
			};
		}
		case 'setInputs':
			return inputs(action.change);
		case 'setHostPort':
			return inputs({ ports: { ...session.current.inputs.ports, [action.port]: action.host } });
		case 'setVolume':
			return inputs({ volumes: { ...session.current.inputs.volumes, [action.path]: action.name } });
		case 'restore': {
			const { state, undo, notices } = action.restored;
			return {
				...session,
				current: state ?? session.current,
				undo,
				notices,
				edited: false,
				outcome: null,
			};
		}
		case 'notSaved':
			if (session.notices.includes(action.reason)) return session;
			return { ...session, notices: [...session.notices, action.reason] };
	}
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
