/**
 * The playground's session as a link and as what the device keeps: only the command lines (and
 * the working directory's files, when there are any), since the host is their replay. In a link
 * they travel in the hash, as base64url of JSON, after their length so that a link cut short is
 * told from a whole one. Reading never throws: what cannot be read is reported as such.
 */
import { decodeText, encodeText } from '../compose/share.ts';
import type { Session } from './session.ts';

/** What a link or the device holds of a session. */
export interface SavedSession {
	commands: string[];
	files: Record<string, string>;
	seed: number;
}

/** The hash parameter of a shared session: `#docker=LENGTH.BASE64URL`. */
export const hashKey = 'docker';

/** The `localStorage` key of the playground on a page (each page keeps its own session). */
export function storageKey(place: string): string {
	return `virtualizzazione-docker:playground:${place}`;
}

/** What a session keeps: its lines, its files, its seed. */
export function savedSession(session: Session): SavedSession {
	return { commands: [...session.commands], files: { ...session.files }, seed: session.seed };
}

/** Writes the session as JSON: the same text for a link and for the device. */
export function serializeSession(saved: SavedSession): string {
	const files = Object.keys(saved.files).length ? { files: saved.files } : {};
	return JSON.stringify({
		version: 1,
		commands: saved.commands,
		...files,
		...(saved.seed !== 1 && { seed: saved.seed }),
	});
}

/** What was read: nothing of ours, a session, something that cannot be read, or a cut link. */
export type SessionRead =
	{ kind: 'none' } | { kind: 'session'; saved: SavedSession } | { kind: 'bad' } | { kind: 'cut' };

// Checked here rather than with `../guards.ts`: the chunk those share with the quiz pages would
// grow by the checks only this file needs.
const isTextList = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((item) => typeof item === 'string');
const isFileMap = (value: unknown): value is Record<string, string> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.values(value).every((item) => typeof item === 'string');

/** Reads what `serializeSession` wrote, checking every field (a device or a link may hold anything). */
export function parseSession(raw: string | null | undefined): SessionRead {
	if (raw === null || raw === undefined) return { kind: 'none' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { kind: 'bad' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'bad' };
	const { version, commands, files = {}, seed = 1 } = data as Record<string, unknown>;
	if (version !== 1 || !isTextList(commands) || !isFileMap(files) || !Number.isInteger(seed))
		return { kind: 'bad' };
	return {
		kind: 'session',
		saved: { commands: [...commands], files: { ...files }, seed: seed as number },
	};
}

/** The session as a URL hash, with the leading `#`. */
export function sessionToHash(saved: SavedSession): string {
	const encoded = encodeText(serializeSession(saved));
	return `#${hashKey}=${encoded.length}.${encoded}`;
}

/** Reads a URL hash: `none` when it is not ours (a heading's anchor). */
export function sessionFromHash(hash: string): SessionRead {
	const body = hash.replace(/^#/, '');
	if (!body.startsWith(`${hashKey}=`)) return { kind: 'none' };
	const value = body.slice(hashKey.length + 1);
	if (/^\d*$/.test(value)) return { kind: 'cut' };
	const match = /^(\d+)\.([A-Za-z0-9_-]*)$/.exec(value);
	if (!match) return { kind: 'bad' };
	const [, length = '', encoded = ''] = match;
	if (encoded.length < Number(length)) return { kind: 'cut' };
	if (encoded.length > Number(length)) return { kind: 'bad' };
	const text = decodeText(encoded);
	return text === undefined ? { kind: 'bad' } : parseSession(text);
}
