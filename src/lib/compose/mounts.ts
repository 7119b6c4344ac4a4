/**
 * Entries of a service's `volumes`, in short (`SOURCE:TARGET[:MODE]`) or long syntax, told apart
 * the way Compose does: a source that looks like a path is a bind mount of a host folder or file,
 * any other source is a named volume, no source at all is an anonymous volume.
 */
import type { Localized } from '../i18n/locale.ts';
import { isInterpolated } from './interpolation.ts';
import type { MountLong } from './schema.ts';

/** Named and anonymous volumes live in Docker's storage; bind mounts show a host path; tmpfs is RAM. */
export type MountKind = 'named' | 'anonymous' | 'bind' | 'tmpfs';

/** One mount of a service. */
export interface Mount {
	kind: MountKind;
	/** The path inside the container. */
	target: string;
	/** The volume name (named) or the host path (bind); absent for anonymous volumes and tmpfs. */
	source?: string;
	readOnly: boolean;
}

/** A mount, nothing (an `image` mount, which the diagram does not draw) or what is wrong. */
export type MountParse = { ok: true; mount?: Mount } | { ok: false; problem: Localized<string> };

const modes = new Set([
	'ro',
	'rw',
	'z',
	'Z',
	'cached',
	'delegated',
	'consistent',
	'nocopy',
	'shared',
	'slave',
	'private',
	'rshared',
	'rslave',
	'rprivate',
]);

/** Reads one entry of a service's `volumes`. */
export function parseMount(entry: string | MountLong): MountParse {
	return typeof entry === 'string' ? parseShort(entry) : parseLong(entry);
}

/** Whether a short-syntax source is a host path (bind mount) rather than a volume name. */
export function isHostPath(source: string): boolean {
	return /^(?:[./~$]|[a-zA-Z]:[\\/]|\\\\)/.test(source);
}

function parseShort(entry: string): MountParse {
	const parts = splitVolumeSpec(entry);
	if (parts.length > 3 || parts.some((part) => part === ''))
		return {
			ok: false,
			problem: {
				it: `Formato di volume non riconosciuto: "${entry}". Scrivi ORIGINE:DESTINAZIONE[:ro], ad esempio "dati:/var/lib/mysql" o "./config:/etc/app:ro".`,
				en: `Unrecognised volume format: "${entry}". Write SOURCE:TARGET[:ro], for example "data:/var/lib/mysql" or "./config:/etc/app:ro".`,
			},
		};
	const [first = '', second, mode = ''] = parts;
	const [source, target] = second === undefined ? [undefined, first] : [first, second];
	const unknownModes = isInterpolated(mode)
		? []
		: mode.split(',').filter((m) => m && !modes.has(m));
	if (unknownModes.length)
		return {
			ok: false,
			problem: {
				it: `Modalità "${unknownModes.join(',')}" sconosciuta in "${entry}": usa ro (sola lettura) o rw (lettura e scrittura, il predefinito).`,
				en: `Unknown mode "${unknownModes.join(',')}" in "${entry}": use ro (read-only) or rw (read-write, the default).`,
			},
		};
	const readOnly = mode.split(',').includes('ro');
	if (source === undefined) return mount({ kind: 'anonymous', target, readOnly });
	return mount({ kind: isHostPath(source) ? 'bind' : 'named', source, target, readOnly });
}

/**
 * Splits `SOURCE:TARGET:MODE` at its colons the way Compose does: not inside `${…}`, and not
 * after a lone letter, which is a Windows drive (`C:\data`, in any of the fields).
 */
function splitVolumeSpec(spec: string): string[] {
	if (spec.length <= 2) return [spec];
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < spec.length; i++) {
		const char = spec[i];
		if (char === '$' && spec[i + 1] === '{') {
			depth++;
			i++;
		} else if (char === '}' && depth > 0) depth--;
		else if (char === ':' && depth === 0) {
			const field = spec.slice(start, i);
			if (/^[a-zA-Z]$/.test(field)) continue;
			parts.push(field);
			start = i + 1;
		}
	}
	parts.push(spec.slice(start));
	return parts;
}

function parseLong(entry: MountLong): MountParse {
	const readOnly = entry.read_only === true || entry.read_only === 'true';
	const { source, target = '' } = entry;
	const withSource = (kind: MountKind) =>
		mount({ kind, ...(source && { source }), target, readOnly });
	switch (entry.type) {
		case 'volume':
		case 'cluster':
			return withSource(source ? 'named' : 'anonymous');
		case 'bind':
		case 'npipe':
			if (source) return withSource('bind');
			return {
				ok: false,
				problem: {
					it: "Un mount di tipo bind ha bisogno di source: il percorso sull'host da montare.",
					en: 'A bind mount needs a source: the path on the host to mount.',
				},
			};
		case 'tmpfs':
			return mount({ kind: 'tmpfs', target, readOnly });
		case 'image':
			return { ok: true };
	}
}

function mount(value: Mount): MountParse {
	const { target } = value;
	if (isInterpolated(target) || /^(?:\/|[a-zA-Z]:[\\/]|\\\\)/.test(target))
		return { ok: true, mount: value };
	return {
		ok: false,
		problem: target
			? {
					it: `La destinazione "${target}" deve essere un percorso assoluto nel container, che inizia con /.`,
					en: `The target "${target}" must be an absolute path in the container, starting with /.`,
				}
			: {
					it: 'Manca target: il percorso nel container dove montare il volume.',
					en: 'target is missing: the path in the container where the volume is mounted.',
				},
	};
}
