/**
 * Immutable edits of the model for the form: each returns a new model and leaves the input alone.
 * A changed node loses its `source`, since its original text no longer describes it.
 */
import type {
	Dockerfile,
	FromInstruction,
	Instruction,
	InstructionKind,
	Item,
	Stage,
} from './model.ts';

/** Where an item goes: a stage by id, or the preamble (`null`), at an index (the end if absent). */
export interface Place {
	stageId: string | null;
	index?: number;
}

/** An instruction of one kind without its id and source. */
type Blank<K extends InstructionKind> = Omit<Extract<Instruction, { kind: K }>, 'id' | 'source'>;

/** Empty fields for a new instruction of each kind, ready for the learner to fill in. */
const blanks: { [K in InstructionKind]: Omit<Extract<Instruction, { kind: K }>, 'id' | 'source'> } =
	{
		from: { kind: 'from', platform: '', image: '', tag: '', digest: '', name: '' },
		run: { kind: 'run', flags: [], command: { form: 'shell', text: '' } },
		copy: { kind: 'copy', flags: [], sources: [''], destination: '' },
		add: { kind: 'add', flags: [], sources: [''], destination: '' },
		cmd: { kind: 'cmd', command: { form: 'exec', args: [''] } },
		entrypoint: { kind: 'entrypoint', command: { form: 'exec', args: [''] } },
		expose: { kind: 'expose', ports: [{ port: '', protocol: '' }] },
		env: { kind: 'env', pairs: [{ key: '', value: '' }] },
		arg: { kind: 'arg', pairs: [{ key: '', value: null }] },
		label: { kind: 'label', pairs: [{ key: '', value: '' }] },
		workdir: { kind: 'workdir', path: '' },
		user: { kind: 'user', user: '', group: '' },
		volume: { kind: 'volume', paths: [''] },
		shell: { kind: 'shell', args: ['/bin/sh', '-c'] },
		healthcheck: { kind: 'healthcheck', flags: [], command: { form: 'exec', args: [''] } },
		stopsignal: { kind: 'stopsignal', signal: 'SIGTERM' },
		onbuild: {
			kind: 'onbuild',
			trigger: { id: '', kind: 'run', flags: [], command: { form: 'shell', text: '' } },
		},
		maintainer: { kind: 'maintainer', name: '' },
		raw: { kind: 'raw', keyword: '', text: '' },
	};

/** A new instruction of the given kind with empty fields. */
export function createInstruction<K extends InstructionKind>(
	kind: K,
	id: string
): Blank<K> & { id: string } {
	return { ...structuredClone(blanks[kind]), id };
}

/** An id not used in the model yet, such as `i42`. */
export function nextId(model: Dockerfile, prefix = 'i'): string {
	const used = JSON.stringify(model).match(/"id":"[a-z]+(\d+)/g) ?? [];
	const highest = Math.max(0, ...used.map((match) => Number(/\d+$/.exec(match)?.[0] ?? 0)));
	return `${prefix}${highest + 1}`;
}

/** Replaces the item (or stage FROM) with this id by what `change` returns. */
export function updateItem(
	model: Dockerfile,
	id: string,
	change: (item: Item) => Item
): Dockerfile {
	const edit = (item: Item) => (item.id === id ? detached(change(item)) : item);
	return {
		...model,
		preamble: model.preamble.map(edit),
		stages: model.stages.map((stage) => {
			const from = stage.from.id === id ? edit(stage.from) : stage.from;
			const items = stage.items.map(edit);
			const changed =
				from !== stage.from || items.some((item, index) => item !== stage.items[index]);
			if (!changed) return stage;
			return detached({ ...stage, from: from.kind === 'from' ? from : stage.from, items });
		}),
	};
}

/** Adds an item to the preamble or to a stage. */
export function insertItem(model: Dockerfile, item: Item, place: Place): Dockerfile {
	const insert = (items: readonly Item[]) => {
		const copy = [...items];
		copy.splice(place.index ?? copy.length, 0, item);
		return copy;
	};
	if (place.stageId === null) return { ...model, preamble: insert(model.preamble) };
	return mapStage(model, place.stageId, (stage) => ({ ...stage, items: insert(stage.items) }));
}

/** Removes the item with this id (a stage's FROM is removed with `removeStage`). */
export function removeItem(model: Dockerfile, id: string): Dockerfile {
	const keep = (item: Item) => item.id !== id;
	return {
		...model,
		preamble: model.preamble.filter(keep),
		stages: model.stages.map((stage) =>
			stage.items.some((item) => item.id === id)
				? detached({ ...stage, items: stage.items.filter(keep) })
				: stage
		),
	};
}

/** Moves an item up (`-1`) or down (`1`) within its list; past either end nothing changes. */
export function moveItem(model: Dockerfile, id: string, offset: -1 | 1): Dockerfile {
	const move = (items: readonly Item[]) => {
		const from = items.findIndex((item) => item.id === id);
		const to = from + offset;
		if (from === -1 || to < 0 || to >= items.length) return null;
		const copy = [...items];
		[copy[from], copy[to]] = [copy[to] as Item, copy[from] as Item];
		return copy;
	};
	const preamble = move(model.preamble);
	if (preamble) return { ...model, preamble };
	return {
		...model,
		stages: model.stages.map((stage) => {
			const items = move(stage.items);
			return items ? detached({ ...stage, items }) : stage;
		}),
	};
}

/** Adds a stage with this FROM, after the others or at `index`. */
export function addStage(
	model: Dockerfile,
	from: FromInstruction,
	id: string,
	index?: number
): Dockerfile {
	const stages = [...model.stages];
	stages.splice(index ?? stages.length, 0, { id, from, items: [] });
	return { ...model, stages };
}

/** Removes a stage and everything in it. */
export function removeStage(model: Dockerfile, stageId: string): Dockerfile {
	return { ...model, stages: model.stages.filter((stage) => stage.id !== stageId) };
}

function mapStage(model: Dockerfile, stageId: string, change: (stage: Stage) => Stage): Dockerfile {
	return {
		...model,
		stages: model.stages.map((stage) => (stage.id === stageId ? detached(change(stage)) : stage)),
	};
}

/** A copy without `source`, since the node no longer matches its original text. */
function detached<T extends { source?: unknown }>(node: T): T {
	const copy = { ...node };
	delete copy.source;
	return copy;
}
