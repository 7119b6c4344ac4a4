/**
 * The builder's state as a short string, for a shareable link (`?s=…`) and for `localStorage`, and
 * the check that a string read back is a state the form can show. A hand-made link or an old save
 * must never crash the page: anything that is not exactly this shape is refused.
 *
 * The shape is checked by hand rather than with zod, as in the quiz's progress: the builder loads
 * this module at once, and zod would weigh more than these checks.
 */
import type { Dockerfile, InstructionKind } from './model.ts';
import { arrayOf, isObject, isString, nullable, recordOf, shape, type Check } from '../guards.ts';

/** Bump when the shape changes: older strings are then refused, never misread. */
export const STATE_VERSION = 1;
/** The `localStorage` key. */
export const STATE_KEY = 'virtualizzazione-docker:dockerfile-builder';
/** Longer strings are refused unread: no Dockerfile a learner builds comes near this. */
const maxLength = 200_000;

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

/**
 * Whether a value read from a link or from storage is a Dockerfile model the form can show: every
 * node of a known kind with the fields of its kind, and every id different.
 */
export function isDockerfile(value: unknown): value is Dockerfile {
	if (
		!isObject(value) ||
		!arrayOf(isDirective)(value['directives']) ||
		!arrayOf(isItem)(value['preamble']) ||
		!arrayOf(isStage)(value['stages'])
	) {
		return false;
	}
	const ids = JSON.stringify(value).match(/"id":"(?:[^"\\]|\\.)*"/g) ?? [];
	return new Set(ids).size === ids.length;
}

const isInputs = shape({
	image: isString,
	tag: isString,
	containerName: isString,
	detach: (value) => typeof value === 'boolean',
	ports: recordOf(isString),
	volumes: recordOf(isString),
});

/** A copy of the model without the `source` of its nodes, which only `parse()` needs. */
export function withoutSources(model: Dockerfile): Dockerfile {
	return JSON.parse(JSON.stringify(model), (key, value: unknown) =>
		key === 'source' ? undefined : value
	) as Dockerfile;
}

/** The state as URL-safe text: base64url of its JSON, without the nodes' sources. */
export function encodeState(state: BuilderState): string {
	const json = JSON.stringify({
		v: STATE_VERSION,
		model: withoutSources(state.model),
		inputs: state.inputs,
	});
	const bytes = new TextEncoder().encode(json);
	let binary = '';
	// In slices, so a long file does not overflow the argument list of `fromCharCode`.
	for (let index = 0; index < bytes.length; index += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
	}
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Reads text made by `encodeState`; `null` for anything else. Never throws. */
export function decodeState(text: string): BuilderState | null {
	if (text.length > maxLength || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
	try {
		const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		const data: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
		if (!isObject(data) || data['v'] !== STATE_VERSION) return null;
		if (!isDockerfile(data['model']) || !isInputs(data['inputs'])) return null;
		return { model: withoutSources(data['model']), inputs: data['inputs'] as CommandInputs };
	} catch {
		return null;
	}
}
