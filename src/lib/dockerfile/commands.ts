/**
 * The `docker build` and `docker run` commands that go with a Dockerfile: the builder shows them
 * under the file so the learner can try it straight away.
 */
import type { Dockerfile, Item } from './model.ts';
import { printPort } from './print.ts';

/** What the learner chooses for the commands. */
export interface CommandOptions {
	/** The image name: `sito-apache`. */
	image: string;
	/** The tag; empty leaves it out (Docker then uses `latest`). */
	tag: string;
	/** `--name` of the container; left out when empty. */
	containerName?: string;
	/** Whether to run in the background with `-d`; `true` unless set. */
	detach?: boolean;
	/** Host port for each exposed container port: `{ '80': '8080' }`, or `{ '53/udp': '5353' }`. */
	ports?: Record<string, string | number>;
	/** Volume name for each VOLUME path: `{ '/var/lib/mysql': 'dati-db' }`; others get one made up. */
	volumes?: Record<string, string>;
	/** The build context; `.` unless set. */
	context?: string;
}

/** The two commands, ready to paste in a POSIX shell. */
export interface DockerCommands {
	build: string;
	run: string;
}

/**
 * `docker build -t image:tag .` and the matching `docker run`, with `-p host:container` for each
 * exposed port the learner mapped and `-v name:path` for each VOLUME of the final stage.
 */
export function commands(model: Dockerfile, options: CommandOptions): DockerCommands {
	const reference = options.tag ? `${options.image}:${options.tag}` : options.image;
	const final = model.stages.at(-1)?.items ?? [];
	const build = ['docker', 'build', '-t', reference, options.context ?? '.'];
	const run = [
		'docker',
		'run',
		...(options.detach === false ? [] : ['-d']),
		...(options.containerName ? ['--name', options.containerName] : []),
		...portFlags(final, options.ports ?? {}),
		...volumeFlags(final, options),
		reference,
	];
	return { build: build.map(shellQuote).join(' '), run: run.map(shellQuote).join(' ') };
}

/** Quotes a word for a POSIX shell, leaving plain words (`-p`, `8080:80`, `app:1.0`) as they are. */
export function shellQuote(word: string): string {
	if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

function portFlags(items: readonly Item[], ports: Record<string, string | number>): string[] {
	const flags = items
		.flatMap((item) => (item.kind === 'expose' ? item.ports : []))
		.flatMap((port) => {
			const host = ports[printPort(port)] ?? ports[port.port];
			const protocol = port.protocol.toLowerCase();
			const suffix = protocol && protocol !== 'tcp' ? `/${protocol}` : '';
			return host === undefined || String(host) === ''
				? []
				: [`${String(host)}:${port.port}${suffix}`];
		});
	return [...new Set(flags)].flatMap((flag) => ['-p', flag]);
}

function volumeFlags(items: readonly Item[], options: CommandOptions): string[] {
	const paths = new Set(items.flatMap((item) => (item.kind === 'volume' ? item.paths : [])));
	const used = new Set<string>();
	return [...paths].flatMap((path) => {
		const name = options.volumes?.[path] || uniqueName(suggestedVolume(options, path), used);
		used.add(name);
		return ['-v', `${name}:${path}`];
	});
}

/** `sito-apache-html` for `/var/www/html`: the container (or image) and the folder's name. */
function suggestedVolume(options: CommandOptions, path: string): string {
	const owner = options.containerName || options.image.split('/').at(-1) || 'dati';
	const folder = path.split('/').filter(Boolean).at(-1) ?? 'dati';
	return `${owner}-${folder}`.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-');
}

function uniqueName(name: string, used: ReadonlySet<string>): string {
	let candidate = name;
	for (let index = 2; used.has(candidate); index += 1) candidate = `${name}-${index}`;
	return candidate;
}
