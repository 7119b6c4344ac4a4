/**
 * The builder's state as a short string, for a shareable link (`#s=…`) and for `localStorage`, and
 * the check that a string read back is a state the form can show. A hand-made link or an old save
 * must never crash the page: anything that is not exactly this shape is refused, and ids that could
 * clash in the page are renumbered. Each place has one size limit, the same for writing and for
 * reading, so nothing is written that cannot be read back.
 *
 * The shape is checked by hand rather than with zod, as in the quiz's progress: the builder loads
 * this module at once, and zod would weigh more than these checks.
 */
import type { Dockerfile, InstructionKind, Item } from './model.ts';
import { arrayOf, isObject, isString, nullable, recordOf, shape, type Check } from '../guards.ts';

/** Bump when the shape changes: older strings are then refused, never misread. */
export const STATE_VERSION = 1;
/** The `localStorage` key. */
export const STATE_KEY = 'virtualizzazione-docker:dockerfile-builder';
/**
 * Where a state is kept: in a link (the lab page's address and the shared link) or on this device
 * (`localStorage`).
 */
export type StatePlace = 'link' | 'device';

/**
 * The longest state each place takes, in characters of `encodeState()`, for writing and reading
 * alike. A link keeps the 200,000 that links were always read with: Chromium writes an address of
 * that size in about 10 ms, while one of 1,000,000 takes a quarter of a second, and some browsers
 * stop at 1 MB. The device takes 2,000,000: Chromium keeps about 5,200,000 characters per site,
 * which leaves room for the chapter's copy, and any paste the builder accepts (at most 256 KB of
 * text) usually encodes to under 1,000,000.
 */
export const STATE_LIMITS: Readonly<Record<StatePlace, number>> = {
	link: 200_000,
	device: 2_000_000,
};

/** What the learner chose for the `docker build` and `docker run` commands. */
export interface CommandInputs {
	/** The image name: `my-apache`. */
	image: string;
	/** The tag; empty for none. */
	tag: string;
	/** The container's `--name`; empty for none. */
	containerName: string;
	/** Whether the container runs in the background (`-d`). */
	detach: boolean;
	/** Host port for each exposed port (`80`, `53/udp`); an empty value publishes nothing. */
	ports: Record<string, string>;
	/** Volume name for each VOLUME path; an empty value lets the builder make one up. */
	volumes: Record<string, string>;
}

/** Everything the builder keeps: the Dockerfile and the command inputs. */
export interface BuilderState {
	model: Dockerfile;
	inputs: CommandInputs;
}

const isStringOrNull = nullable(isString);

const isFlag = shape({ name: isString, value: isStringOrNull });
const isPair = shape({ key: isString, value: isStringOrNull });
const isPort = shape({ port: isString, protocol: isString });
const isCommand: Check = (value) =>
	isObject(value) &&
	((value['form'] === 'exec' && arrayOf(isString)(value['args'])) ||
		(value['form'] === 'shell' && isString(value['text'])));

/** The fields of each kind of instruction, besides `id`, `kind` and `source`. */
const instructionFields: Record<InstructionKind, Record<string, Check>> = {
	from: { platform: isString, image: isString, tag: isString, digest: isString, name: isString },
	run: { flags: arrayOf(isFlag), command: isCommand },
	copy: { flags: arrayOf(isFlag), sources: arrayOf(isString), destination: isString },
	add: { flags: arrayOf(isFlag), sources: arrayOf(isString), destination: isString },
	cmd: { command: isCommand },
	entrypoint: { command: isCommand },
	expose: { ports: arrayOf(isPort) },
	env: { pairs: arrayOf(isPair) },
	arg: { pairs: arrayOf(isPair) },
	label: { pairs: arrayOf(isPair) },
	workdir: { path: isString },
	user: { user: isString, group: isString },
	volume: { paths: arrayOf(isString) },
	shell: { args: arrayOf(isString) },
	healthcheck: { flags: arrayOf(isFlag), command: (value) => value === null || isCommand(value) },
	stopsignal: { signal: isString },
	onbuild: { trigger: (value) => isTrigger(value) },
	maintainer: { name: isString },
	raw: { keyword: isString, text: isString },
};

function isInstructionOf(value: unknown, allowed: (kind: string) => boolean): boolean {
	if (!isObject(value) || !isString(value['id']) || typeof value['kind'] !== 'string') {
		return false;
	}
	const kind = value['kind'];
	if (!Object.hasOwn(instructionFields, kind) || !allowed(kind)) return false;
	return shape(instructionFields[kind as InstructionKind])(value);
}

/** ONBUILD may hold any instruction but FROM, MAINTAINER and ONBUILD itself. */
const isTrigger: Check = (value) =>
	isInstructionOf(value, (kind) => !['from', 'maintainer', 'onbuild'].includes(kind));
const isFrom: Check = (value) => isInstructionOf(value, (kind) => kind === 'from');
const isItem: Check = (value) =>
	isObject(value) && value['kind'] === 'comment'
		? isString(value['id']) && isString(value['text'])
		: isInstructionOf(value, (kind) => kind !== 'from');
const isDirective = shape({ id: isString, name: isString, value: isString });
const isStage = shape({ id: isString, from: isFrom, items: arrayOf(isItem) });

const isModelShape = (value: unknown): value is Dockerfile =>
	isObject(value) &&
	arrayOf(isDirective)(value['directives']) &&
	arrayOf(isItem)(value['preamble']) &&
	arrayOf(isStage)(value['stages']);

/** A node id as `parse()` and the builder make them: a letter and a number that `+ 1` keeps exact. */
const idPatterns = {
	directive: /^d[1-9]\d{0,8}$/,
	item: /^i[1-9]\d{0,8}$/,
	stage: /^s[1-9]\d{0,8}$/,
};

/**
 * Whether every id is one the builder could have made, and no two are the same. Any other id
 * could make two elements of the page share an id: one like `i1-up` would clash with the button
 * the form derives from `i1`, and a huge number makes `nextId()` give an id already in use.
 */
function hasSafeIds(model: Dockerfile): boolean {
	const ids: string[] = [];
	const item = (node: Item) => {
		ids.push(node.id);
		if (node.kind === 'onbuild') ids.push(node.trigger.id);
		return (
			idPatterns.item.test(node.id) &&
			(node.kind !== 'onbuild' || node.trigger.id === `${node.id}-trigger`)
		);
	};
	const safe =
		model.directives.every((directive) => {
			ids.push(directive.id);
			return idPatterns.directive.test(directive.id);
		}) &&
		model.preamble.every(item) &&
		model.stages.every((stage) => {
			ids.push(stage.id);
			return idPatterns.stage.test(stage.id) && item(stage.from) && stage.items.every(item);
		});
	return safe && new Set(ids).size === ids.length;
}

/**
 * The model with every id made afresh, in file order, as `parse()` numbers them: `d1`… for the
 * directives, `i1`… for the instructions and comments, `s1`… for the stages.
 */
function renumbered(model: Dockerfile): Dockerfile {
	let next = 0;
	const item = <T extends Item>(node: T): T => {
		next += 1;
		const id = `i${next}`;
		return node.kind === 'onbuild'
			? { ...node, id, trigger: { ...node.trigger, id: `${id}-trigger` } }
			: { ...node, id };
	};
	return {
		directives: model.directives.map((directive, index) => ({ ...directive, id: `d${index + 1}` })),
		preamble: model.preamble.map(item),
		stages: model.stages.map((stage, index) => ({
			...stage,
			id: `s${index + 1}`,
			from: item(stage.from),
			items: stage.items.map(item),
		})),
	};
}

/**
 * Whether a value is a Dockerfile model the form can show as it is: every node of a known kind
 * with the fields of its kind, and every id one the builder makes, each different.
 */
export function isDockerfile(value: unknown): value is Dockerfile {
	return isModelShape(value) && hasSafeIds(value);
}

const isInputs = shape({
	image: isString,
	tag: isString,
	containerName: isString,
	detach: (value) => typeof value === 'boolean',
	ports: recordOf(isString),
	volumes: recordOf(isString),
});

/** Drops the nodes' `source` while writing JSON: far quicker than a reviver reading it back. */
const noSources = (key: string, value: unknown) => (key === 'source' ? undefined : value);

/** A copy of the model without the `source` of its nodes, which only `parse()` needs. */
export function withoutSources(model: Dockerfile): Dockerfile {
	return JSON.parse(JSON.stringify(model, noSources)) as Dockerfile;
}

/** The state as URL-safe text: base64url of its JSON, without the nodes' sources. */
export function encodeState(state: BuilderState): string {
	// The model without sources, and the inputs as they are: a volume may be called `source`.
	const json = `{"v":${STATE_VERSION},"model":${JSON.stringify(state.model, noSources)},"inputs":${JSON.stringify(state.inputs)}}`;
	const bytes = new TextEncoder().encode(json);
	let binary = '';
	// In slices, so a long file does not overflow the argument list of `fromCharCode`.
	for (let index = 0; index < bytes.length; index += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
	}
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Whether encoded state fits a place: the one test for writing it there and for reading it back. */
export function stateFits(text: string, place: StatePlace): boolean {
	return text.length <= STATE_LIMITS[place];
}

/**
 * What reading a state gives: the state, or why there is none. A state over the place's limit is
 * still read (`recovered`), so the learner can download its Dockerfile rather than lose it.
 */
export type StateReading =
	| { state: BuilderState; problem: null }
	| { state: null; problem: 'invalid' }
	| { state: null; problem: 'tooLarge'; recovered: BuilderState | null };

/** Reads text made by `encodeState` for a place. Never throws. */
export function readState(text: string, place: StatePlace): StateReading {
	if (!stateFits(text, place)) {
		return { state: null, problem: 'tooLarge', recovered: decodeAnySize(text) };
	}
	const state = decodeAnySize(text);
	return state ? { state, problem: null } : { state: null, problem: 'invalid' };
}

/**
 * Reads text made by `encodeState` within a place's limit (a link's, unless told); `null` for
 * anything else. Never throws.
 */
export function decodeState(text: string, place: StatePlace = 'link'): BuilderState | null {
	return readState(text, place).state;
}

function decodeAnySize(text: string): BuilderState | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
	try {
		const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		const data: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
		if (!isObject(data) || data['v'] !== STATE_VERSION) return null;
		if (!isModelShape(data['model']) || !isInputs(data['inputs'])) return null;
		const model = withoutSources(data['model']);
		return {
			model: hasSafeIds(model) ? model : renumbered(model),
			inputs: data['inputs'] as CommandInputs,
		};
	} catch {
		return null;
	}
}

/** The address's parameter that holds the state. */
const stateParameter = 's';

/**
 * The state an address carries: in its hash (`#s=…`), which never reaches the server, or in the
 * query of a link made before (`?s=…`, `inQuery`), which still opens.
 */
export function stateInAddress(url: URL): { text: string | null; inQuery: boolean } {
	const inHash = new URLSearchParams(url.hash.slice(1)).get(stateParameter);
	if (inHash !== null) return { text: inHash, inQuery: false };
	const inQuery = url.searchParams.get(stateParameter);
	return { text: inQuery, inQuery: inQuery !== null };
}

/**
 * The address with this state in its hash, or with no state when it is `null` or too long for a
 * link; never in the query, where a long one makes servers refuse the page.
 */
export function addressWithState(url: URL, text: string | null): URL {
	const next = new URL(url);
	next.searchParams.delete(stateParameter);
	next.hash = text !== null && stateFits(text, 'link') ? `${stateParameter}=${text}` : '';
	return next;
}
