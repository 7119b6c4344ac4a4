/**
 * The Compose generator's state (the text and the diagram options) as a shareable link and as
 * what the device keeps: the text goes in the URL's hash as base64url of its UTF-8 bytes, so the
 * link works in any browser and the server never sees it. Reading never throws: bad state is
 * reported, and so is a link cut short (chat apps and e-mail clients cut long links), so that the
 * caller never opens half a file as if it were whole.
 */

import { isBoolean, isString, shape } from '../guards.ts';

/** The diagram options a learner can change. */
export interface DiagramOptions {
	/** Leave out the `default` network Compose creates. */
	hideDefaultNetwork: boolean;
	/** Leave out named volumes and host paths. */
	hideVolumes: boolean;
	/** Left to right, or top to bottom. */
	direction: 'LR' | 'TB';
}

/** Everything needed to show the same diagram again. */
export interface ComposeState {
	text: string;
	options: DiagramOptions;
}

/** Whether a value read back is one of the two directions. */
function isDirection(value: unknown): value is DiagramOptions['direction'] {
	return value === 'LR' || value === 'TB';
}

/** The options a diagram starts with. */
export const defaultOptions: DiagramOptions = {
	hideDefaultNetwork: false,
	hideVolumes: false,
	direction: 'LR',
};

/**
 * The hash parameter that holds the text. A link is `#dir=TB&hide=default,volumes&compose=N.…`:
 * the options first and the text last, after its length in base64url characters, so that a link
 * cut anywhere is told from a whole one. Links written before the length was added begin with
 * the text (`#compose=…&dir=TB`): they still open, though a cut in one of them cannot be seen.
 */
export const hashKey = 'compose';

/** The `localStorage` key of one generator (each starting example keeps its own work). */
export function storageKey(exampleId: string): string {
	return `virtualizzazione-docker:compose:${exampleId}`;
}

/**
 * The longest text a link may carry: `limits.maxChars` of `parse.ts`, repeated here so that the
 * island can read a link without loading the parser.
 */
export const maxSharedChars = 256 * 1024;
// Base64 grows text by a third and UTF-8 takes up to four bytes a character.
const maxEncoded = Math.ceil((maxSharedChars * 4 * 4) / 3) + 4;

/** Encodes text as base64url (RFC 4648 §5, no padding) of its UTF-8 bytes. */
export function encodeText(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	// In chunks: spreading a whole large file into one call would overflow the stack.
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url of UTF-8 text; `undefined` when it is not valid base64url or UTF-8. */
export function decodeText(encoded: string): string | undefined {
	if (encoded.length > maxEncoded || !/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1)
		return undefined;
	try {
		const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
		const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Writes the state as a URL hash, with the leading `#`. */
export function stateToHash(state: ComposeState): string {
	const hidden = [
		...(state.options.hideDefaultNetwork ? ['default'] : []),
		...(state.options.hideVolumes ? ['volumes'] : []),
	];
	const encoded = encodeText(state.text);
	return `#dir=${state.options.direction}${
		hidden.length ? `&hide=${hidden.join(',')}` : ''
	}&${hashKey}=${encoded.length}.${encoded}`;
}

/**
 * What a hash holds: nothing of ours, a state, something of ours that cannot be read, or a link
 * of ours that was cut short.
 */
export type HashRead =
	{ kind: 'none' } | { kind: 'state'; state: ComposeState } | { kind: 'bad' } | { kind: 'cut' };

/** The parameters a link of ours may have, in the order `stateToHash` writes them. */
const hashParams = ['dir', 'hide', hashKey];

/** What the text parameter of a link holds: the text, nothing readable, or the start of a text. */
type TextRead = { kind: 'text'; text: string } | { kind: 'bad' } | { kind: 'cut' };

/** Reads the text of a link as `stateToHash` writes it: its length, a dot, its base64url. */
function readLengthAndText(value: string): TextRead {
	// Cut before the dot, or right after `compose=`.
	if (/^\d*$/.test(value)) return { kind: 'cut' };
	const match = /^(\d+)\.(.*)$/.exec(value);
	const [, length = '', encoded = ''] = match ?? [];
	if (match && encoded.length < Number(length)) return { kind: 'cut' };
	return match && encoded.length === Number(length) ? readText(encoded) : { kind: 'bad' };
}

function readText(encoded: string): TextRead {
	const text = decodeText(encoded);
	return text === undefined ? { kind: 'bad' } : { kind: 'text', text };
}

/**
 * Reads a URL hash. A hash that is not ours (a heading's anchor) is `none`; ours with a bad text
 * or an unknown option is `bad`; a link that stops short of its end, or of the length its text
 * declares, is `cut`.
 */
export function stateFromHash(hash: string): HashRead {
	const body = hash.replace(/^#/, '');
	if (!hashParams.some((key) => body.startsWith(`${key}=`))) return { kind: 'none' };
	// Links before the length was added begin with the text.
	const legacy = body.startsWith(`${hashKey}=`);
	const parts = body.split('&');
	// A link cut inside the name of its next parameter (`…&hi`, `…&compo`, `…&`).
	const last = parts.at(-1) ?? '';
	if (!legacy && !last.includes('=') && hashParams.some((key) => `${key}=`.startsWith(last)))
		return { kind: 'cut' };
	const params = new Map<string, string>();
	for (const part of parts) {
		const at = part.indexOf('=');
		const [key, value] = at === -1 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
		if (params.has(key)) return { kind: 'bad' };
		params.set(key, value);
	}
	const encoded = params.get(hashKey);
	// The text comes last: a link without it was cut before it.
	if (!legacy && encoded === undefined) return { kind: 'cut' };
	if (!legacy && [...params.keys()].at(-1) !== hashKey) return { kind: 'bad' };
	const read = legacy ? readText(encoded ?? '') : readLengthAndText(encoded ?? '');
	if (read.kind === 'cut') return read;
	const direction = params.get('dir') ?? 'LR';
	const hidden = params.get('hide')?.split(',') ?? [];
	const known = [...params.keys()].every((key) => hashParams.includes(key));
	if (
		read.kind === 'bad' ||
		!known ||
		!isDirection(direction) ||
		!hidden.every((item) => item === 'default' || item === 'volumes')
	)
		return { kind: 'bad' };
	return {
		kind: 'state',
		state: {
			text: read.text,
			options: {
				hideDefaultNetwork: hidden.includes('default'),
				hideVolumes: hidden.includes('volumes'),
				direction,
			},
		},
	};
}

/** Writes the state for `localStorage`. */
export function serializeState(state: ComposeState): string {
	return JSON.stringify({ version: 1, text: state.text, options: state.options });
}

/** What the device held: nothing, a state, or something that cannot be read. */
export type StoredRead =
	{ kind: 'none' } | { kind: 'state'; state: ComposeState } | { kind: 'bad' };

// What `serializeState` writes; the device may hold anything, so every field is checked.
const isStoredState = shape({
	version: (value) => value === 1,
	text: isString,
	options: shape({ hideDefaultNetwork: isBoolean, hideVolumes: isBoolean, direction: isDirection }),
});

/** Reads what `serializeState` wrote, checking every field (the storage may hold anything). */
export function parseStoredState(raw: string | null | undefined): StoredRead {
	if (raw === null || raw === undefined) return { kind: 'none' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { kind: 'bad' };
	}
	if (!isStoredState(data)) return { kind: 'bad' };
	const { text, options } = data as ComposeState;
	// A copy with only the known fields: whatever else the device held stays behind.
	const { hideDefaultNetwork, hideVolumes, direction } = options;
	return {
		kind: 'state',
		state: { text, options: { hideDefaultNetwork, hideVolumes, direction } },
	};
}
