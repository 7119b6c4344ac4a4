/**
 * Compares Docker commands by meaning rather than by spelling, for short-answer questions. What
 * the Docker CLI reference documents as the same command counts as the same answer:
 *
 * - aliases: `docker ps` = `docker container ls` = `docker container list`, `docker images` =
 *   `docker image ls`, `docker run` = `docker container run`, `docker build` = `docker builder
 *   build` = `docker buildx build`, `docker-compose up` = `docker compose up` (the slides use
 *   Compose v1, whose subcommands are the same);
 * - options: short or long (`-p` = `--publish`), the value attached or not (`--publish=8080:80`,
 *   `-p8080:80`), grouped (`-it` = `-i -t`), in any order, `--rm=true` = `--rm`;
 * - defaults the reference spells out: the tag `latest` and the registry `docker.io/library/`
 *   of an image, `/tcp` of a published port, `:rw` of a volume, `./` for the build context;
 * - what is typed around the command: a leading `sudo` (with `-E` or `-H`), a `$ ` prompt,
 *   curly quotes and the long dash some keyboards put in place of `"` and `--`.
 *
 * Only what changes the command's meaning is kept: command words, options with their values
 * (sorted), then the arguments in order. Anything else must match exactly: `-p 80:8080` is not
 * `-p 8080:80`, and words after the image are the container's own command, not Docker options.
 */
import { splitCommands } from '../shell.ts';

/** Older top-level commands, and aliases, with the management command each one stands for. */
const aliases: Record<string, string> = {
	ps: 'container ls',
	'container ps': 'container ls',
	'container list': 'container ls',
	run: 'container run',
	create: 'container create',
	start: 'container start',
	stop: 'container stop',
	restart: 'container restart',
	kill: 'container kill',
	pause: 'container pause',
	unpause: 'container unpause',
	exec: 'container exec',
	logs: 'container logs',
	attach: 'container attach',
	commit: 'container commit',
	cp: 'container cp',
	diff: 'container diff',
	export: 'container export',
	port: 'container port',
	rename: 'container rename',
	stats: 'container stats',
	top: 'container top',
	update: 'container update',
	wait: 'container wait',
	rm: 'container rm',
	'container remove': 'container rm',
	images: 'image ls',
	'image list': 'image ls',
	rmi: 'image rm',
	'image remove': 'image rm',
	build: 'image build',
	'builder build': 'image build',
	'buildx build': 'image build',
	'buildx b': 'image build',
	history: 'image history',
	import: 'image import',
	load: 'image load',
	save: 'image save',
	pull: 'image pull',
	push: 'image push',
	tag: 'image tag',
	'volume list': 'volume ls',
	'network list': 'network ls',
	'volume remove': 'volume rm',
	'network remove': 'network rm',
	info: 'system info',
	events: 'system events',
};

/** Commands made of two words (a management command and its subcommand). */
const groups = new Set([
	'container',
	'image',
	'volume',
	'network',
	'compose',
	'builder',
	'buildx',
	'system',
]);

interface OptionSpec {
	/** Long name without dashes. */
	long: string;
	/** Whether the option takes a value. */
	value: boolean;
	/** What its value means the same as, when it can be spelt more than one way. */
	normalize?: (value: string) => string;
}

const flag = (long: string): OptionSpec => ({ long, value: false });
const valued = (long: string, normalize?: (value: string) => string): OptionSpec =>
	normalize ? { long, value: true, normalize } : { long, value: true };

/**
 * An image reference without what Docker fills in by default: the registry `docker.io`, the
 * namespace `library/` of official images and the tag `latest`. A digest is left alone.
 * @example imageName('docker.io/library/nginx:latest') // 'nginx'
 */
export function imageName(reference: string): string {
	if (reference.includes('@')) return reference;
	let name = reference.replace(/^(?:index\.)?docker\.io\//, '').replace(/^library\//, '');
	name = name.replace(/:latest$/, '');
	return name;
}

/** A published port without the default protocol: `8080:80/tcp` = `8080:80`. */
const publishValue = (value: string) => value.replace(/\/tcp$/i, '');
/** A volume without the default mode: `dati:/data:rw` = `dati:/data`. */
const volumeValue = (value: string) => value.replace(/:rw$/, '');

const runOptions: Record<string, OptionSpec> = {
	a: valued('attach'),
	c: valued('cpu-shares'),
	d: flag('detach'),
	e: valued('env'),
	h: valued('hostname'),
	i: flag('interactive'),
	l: valued('label'),
	m: valued('memory'),
	p: valued('publish', publishValue),
	P: flag('publish-all'),
	q: flag('quiet'),
	t: flag('tty'),
	u: valued('user'),
	v: valued('volume', volumeValue),
	w: valued('workdir'),
	'add-host': valued('add-host'),
	'cap-add': valued('cap-add'),
	'cap-drop': valued('cap-drop'),
	cidfile: valued('cidfile'),
	cpus: valued('cpus'),
	'detach-keys': valued('detach-keys'),
	device: valued('device'),
	dns: valued('dns'),
	entrypoint: valued('entrypoint'),
	'env-file': valued('env-file'),
	expose: valued('expose'),
	gpus: valued('gpus'),
	'health-cmd': valued('health-cmd'),
	init: flag('init'),
	ip: valued('ip'),
	ipc: valued('ipc'),
	link: valued('link'),
	'log-driver': valued('log-driver'),
	'log-opt': valued('log-opt'),
	'memory-swap': valued('memory-swap'),
	mount: valued('mount'),
	name: valued('name'),
	net: valued('network'),
	network: valued('network'),
	'network-alias': valued('network-alias'),
	pid: valued('pid'),
	platform: valued('platform'),
	privileged: flag('privileged'),
	pull: valued('pull'),
	'read-only': flag('read-only'),
	restart: valued('restart'),
	rm: flag('rm'),
	'security-opt': valued('security-opt'),
	'shm-size': valued('shm-size'),
	'stop-signal': valued('stop-signal'),
	tmpfs: valued('tmpfs'),
	ulimit: valued('ulimit'),
	'volumes-from': valued('volumes-from'),
};

/** How a command reads: its options, and which of its arguments are images or a build context. */
interface CommandSpec {
	options: Record<string, OptionSpec>;
	/** After this many arguments the options end: the rest is the container's own command. */
	argsBeforeCommand?: number;
	/** Which arguments name images, so `nginx` = `nginx:latest`. */
	images?: 'first' | 'all';
	/** The last argument is a build context, so `./` = `.`. */
	context?: boolean;
}

/** The options of each command, by short and long name, and which arguments end the options. */
const commands: Record<string, CommandSpec> = {
	'container run': { options: runOptions, argsBeforeCommand: 1, images: 'first' },
	'container create': { options: runOptions, argsBeforeCommand: 1, images: 'first' },
	'container exec': {
		options: {
			d: flag('detach'),
			e: valued('env'),
			i: flag('interactive'),
			t: flag('tty'),
			u: valued('user'),
			w: valued('workdir'),
			'detach-keys': valued('detach-keys'),
			'env-file': valued('env-file'),
			privileged: flag('privileged'),
		},
		argsBeforeCommand: 1,
	},
	'container ls': {
		options: {
			a: flag('all'),
			f: valued('filter'),
			l: flag('latest'),
			n: valued('last'),
			q: flag('quiet'),
			s: flag('size'),
			format: valued('format'),
			'no-trunc': flag('no-trunc'),
		},
	},
	'container rm': { options: { f: flag('force'), l: flag('link'), v: flag('volumes') } },
	'container start': { options: { a: flag('attach'), i: flag('interactive') } },
	'container stop': { options: { s: valued('signal'), t: valued('timeout') } },
	'container restart': { options: { s: valued('signal'), t: valued('timeout') } },
	'container kill': { options: { s: valued('signal') } },
	'container logs': {
		options: {
			f: flag('follow'),
			n: valued('tail'),
			t: flag('timestamps'),
			details: flag('details'),
			since: valued('since'),
			until: valued('until'),
		},
	},
	'container stats': {
		options: { a: flag('all'), format: valued('format'), 'no-stream': flag('no-stream') },
	},
	'container cp': { options: { a: flag('archive'), L: flag('follow-link'), q: flag('quiet') } },
	'container commit': {
		options: { a: valued('author'), c: valued('change'), m: valued('message'), p: flag('pause') },
	},
	'container prune': { options: { f: flag('force'), filter: valued('filter') } },
	'image build': {
		options: {
			f: valued('file'),
			o: valued('output'),
			q: flag('quiet'),
			t: valued('tag', imageName),
			'add-host': valued('add-host'),
			'build-arg': valued('build-arg'),
			'cache-from': valued('cache-from'),
			label: valued('label'),
			load: flag('load'),
			network: valued('network'),
			'no-cache': flag('no-cache'),
			platform: valued('platform'),
			progress: valued('progress'),
			pull: flag('pull'),
			push: flag('push'),
			secret: valued('secret'),
			ssh: valued('ssh'),
			target: valued('target'),
		},
		context: true,
	},
	'image ls': {
		options: {
			a: flag('all'),
			f: valued('filter'),
			q: flag('quiet'),
			digests: flag('digests'),
			format: valued('format'),
			'no-trunc': flag('no-trunc'),
		},
	},
	'image rm': { options: { f: flag('force'), 'no-prune': flag('no-prune') }, images: 'all' },
	'image pull': {
		options: { a: flag('all-tags'), q: flag('quiet'), platform: valued('platform') },
		images: 'first',
	},
	'image push': { options: { a: flag('all-tags'), q: flag('quiet') }, images: 'first' },
	'image tag': { options: {}, images: 'all' },
	'image history': {
		options: { H: flag('human'), q: flag('quiet'), 'no-trunc': flag('no-trunc') },
		images: 'all',
	},
	'image save': { options: { o: valued('output') }, images: 'all' },
	'image load': { options: { i: valued('input'), q: flag('quiet') } },
	'image prune': { options: { a: flag('all'), f: flag('force'), filter: valued('filter') } },
	'volume create': {
		options: {
			d: valued('driver'),
			o: valued('opt'),
			label: valued('label'),
			name: valued('name'),
		},
	},
	'volume ls': { options: { f: valued('filter'), q: flag('quiet'), format: valued('format') } },
	'volume rm': { options: { f: flag('force') } },
	'volume prune': { options: { a: flag('all'), f: flag('force'), filter: valued('filter') } },
	'network create': {
		options: {
			d: valued('driver'),
			o: valued('opt'),
			attachable: flag('attachable'),
			gateway: valued('gateway'),
			internal: flag('internal'),
			'ip-range': valued('ip-range'),
			ipv6: flag('ipv6'),
			label: valued('label'),
			subnet: valued('subnet'),
		},
	},
	'network connect': {
		options: { alias: valued('alias'), ip: valued('ip'), ip6: valued('ip6'), link: valued('link') },
	},
	'network disconnect': { options: { f: flag('force') } },
	'network ls': {
		options: {
			f: valued('filter'),
			q: flag('quiet'),
			format: valued('format'),
			'no-trunc': flag('no-trunc'),
		},
	},
	'network prune': { options: { f: flag('force'), filter: valued('filter') } },
	'system prune': {
		options: {
			a: flag('all'),
			f: flag('force'),
			filter: valued('filter'),
			volumes: flag('volumes'),
		},
	},
	'system df': { options: { v: flag('verbose'), format: valued('format') } },
	'compose up': {
		options: {
			d: flag('detach'),
			build: flag('build'),
			'force-recreate': flag('force-recreate'),
			'no-build': flag('no-build'),
			'no-deps': flag('no-deps'),
			'remove-orphans': flag('remove-orphans'),
			scale: valued('scale'),
			wait: flag('wait'),
		},
	},
	'compose down': {
		options: {
			t: valued('timeout'),
			v: flag('volumes'),
			'remove-orphans': flag('remove-orphans'),
			rmi: valued('rmi'),
		},
	},
	'compose logs': {
		options: {
			f: flag('follow'),
			n: valued('tail'),
			t: flag('timestamps'),
			'no-color': flag('no-color'),
			'no-log-prefix': flag('no-log-prefix'),
			since: valued('since'),
			until: valued('until'),
		},
	},
	'compose ps': {
		options: {
			a: flag('all'),
			q: flag('quiet'),
			format: valued('format'),
			services: flag('services'),
		},
	},
	'compose build': {
		options: { q: flag('quiet'), 'no-cache': flag('no-cache'), pull: flag('pull') },
	},
	'compose exec': {
		options: {
			d: flag('detach'),
			e: valued('env'),
			T: flag('no-TTY'),
			u: valued('user'),
			w: valued('workdir'),
			index: valued('index'),
		},
		argsBeforeCommand: 1,
	},
	'compose run': {
		options: {
			d: flag('detach'),
			e: valued('env'),
			p: valued('publish', publishValue),
			T: flag('no-TTY'),
			u: valued('user'),
			v: valued('volume', volumeValue),
			w: valued('workdir'),
			entrypoint: valued('entrypoint'),
			name: valued('name'),
			'no-deps': flag('no-deps'),
			rm: flag('rm'),
		},
		argsBeforeCommand: 1,
	},
	'compose start': { options: {} },
	'compose stop': { options: { t: valued('timeout') } },
	'compose restart': { options: { t: valued('timeout') } },
};

/** Options of a management command that come before its subcommand: `docker compose -f a.yaml up`. */
const groupOptions: Record<string, Record<string, OptionSpec>> = {
	compose: {
		f: valued('file'),
		p: valued('project-name'),
		ansi: valued('ansi'),
		'env-file': valued('env-file'),
		profile: valued('profile'),
		progress: valued('progress'),
		'project-directory': valued('project-directory'),
	},
};

/** `sudo`'s options that only pass the environment or home along, so the command stays the same. */
const sudoFlags = /^(?:-[EHn]+|--preserve-env|--set-home|--non-interactive)$/;

/** A Docker command taken apart: what it is, its options, and its arguments. */
export interface DockerCommand {
	/** The management command and subcommand, e.g. `container run`. */
	name: string;
	/** Options in their long form with their value, sorted: `--detach`, `--publish=8080:80`. */
	options: string[];
	/** The arguments in order: the image, a name, the container's own command… */
	args: string[];
}

/**
 * The characters some keyboards type in place of the ones a shell reads: curly quotes for
 * straight ones, a long dash for `--`, a no-break space for a space.
 */
function plainShellText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
		.replace(/[\u2018\u2019\u201A]/g, "'")
		.replace(/(^|\s)[\u2013\u2014](?=\S)/g, '$1--')
		.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
		.replace(/[^\S\n]/g, ' ');
}

/**
 * Takes a Docker command apart, or gives `null` when the text is not one `docker` command.
 * @example parseDockerCommand('sudo docker ps -a') // { name: 'container ls', options: ['--all'], args: [] }
 */
export function parseDockerCommand(line: string): DockerCommand | null {
	const [command, ...more] = splitCommands(plainShellText(line));
	if (!command || more.length) return null;
	const words = command.words.map((word) => word.text);
	// A prompt copied along with the command.
	if (words[0] === '$') words.shift();
	if (words[0] === 'sudo') {
		words.shift();
		while (words[0] !== undefined && sudoFlags.test(words[0])) words.shift();
	}
	if (words[0] === 'docker-compose') words.splice(0, 1, 'docker', 'compose');
	if (words[0] !== 'docker' || words.length < 2) return null;

	let rest = words.slice(1);
	let name = rest.shift()!;
	const options: string[] = [];
	if (groups.has(name)) {
		const before = readOptions(rest, { options: groupOptions[name] ?? {} }, true);
		options.push(...before.options);
		rest = before.rest;
		const sub = rest.shift();
		if (sub !== undefined) name = `${name} ${sub}`;
	}
	name = aliases[name] ?? name;
	const spec = commands[name] ?? { options: {} };
	const read = readOptions(rest, spec, false);
	options.push(...read.options);
	return { name, options: [...new Set(options)].sort(), args: normalizeArgs(read.args, spec) };
}

/**
 * Reads options and arguments. With `untilArgument`, stops at the first argument (a management
 * command's options end where its subcommand starts) and gives back what is left.
 */
function readOptions(
	words: string[],
	spec: CommandSpec,
	untilArgument: boolean
): { options: string[]; args: string[]; rest: string[] } {
	const options: string[] = [];
	const args: string[] = [];
	// Options are found by their short name, an alias, or their long name.
	const find = (key: string) =>
		spec.options[key] ?? Object.values(spec.options).find((option) => option.long === key);
	const add = (key: string, value?: string) => {
		const option = find(key);
		const long = option?.long ?? key;
		if (option && !option.value && value !== undefined) {
			// `--rm=true` is `--rm`, and `--rm=false` is no option at all.
			if (/^true$/i.test(value)) value = undefined;
			else if (/^false$/i.test(value)) return;
		}
		if (value !== undefined && option?.normalize) value = option.normalize(value);
		options.push(value === undefined ? `--${long}` : `--${long}=${value}`);
	};
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		const commandStarted =
			spec.argsBeforeCommand !== undefined && args.length >= spec.argsBeforeCommand;
		if (untilArgument && !word.startsWith('-')) return { options, args, rest: words.slice(i) };
		// After `docker run IMAGE`, every word belongs to the command run in the container.
		if (commandStarted || !word.startsWith('-') || word === '-') {
			args.push(word);
			continue;
		}
		if (word === '--') {
			args.push(...words.slice(i + 1));
			break;
		}
		if (word.startsWith('--')) {
			const [key = '', inline] = word.slice(2).split(/=(.*)/s, 2);
			const takesValue = find(key)?.value ?? false;
			if (inline !== undefined) add(key, inline);
			else if (takesValue) add(key, words[++i] ?? '');
			else add(key);
			continue;
		}
		// Short options may be grouped (`-it`), and the last one may take a value (`-p8080:80`).
		const letters = word.slice(1);
		for (let j = 0; j < letters.length; j++) {
			const key = letters[j]!;
			if (spec.options[key]?.value) {
				const attached = letters.slice(j + 1).replace(/^=/, '');
				add(key, attached !== '' ? attached : (words[++i] ?? ''));
				break;
			}
			add(key);
		}
	}
	return { options, args, rest: [] };
}

/** Arguments without what Docker fills in by default: an image's `latest`, a context's `./`. */
function normalizeArgs(args: string[], spec: CommandSpec): string[] {
	const result = args.map((arg, index) =>
		spec.images === 'all' || (spec.images === 'first' && index === 0) ? imageName(arg) : arg
	);
	if (spec.context && result.length) {
		const last = result.length - 1;
		result[last] = result[last]!.replace(/^\.\/$/, '.').replace(/(.)\/+$/, '$1');
	}
	return result;
}

/**
 * The canonical form of a Docker command, or `null` when the text is not a `docker` command.
 * @example canonicalDockerCommand('docker ps -a') // 'docker container ls --all'
 */
export function canonicalDockerCommand(line: string): string | null {
	const parsed = parseDockerCommand(line);
	return parsed && ['docker', parsed.name, ...parsed.options, ...parsed.args].join(' ');
}

/** Whether two answers are the same Docker command; non-Docker text is compared word by word. */
export function sameDockerCommand(a: string, b: string): boolean {
	const left = canonicalDockerCommand(a);
	const right = canonicalDockerCommand(b);
	if (left !== null && right !== null) return left === right;
	const words = (text: string) =>
		splitCommands(plainShellText(text).toLowerCase())
			.flatMap((command) => [...command.words.map((word) => word.text), command.next])
			.join(' ');
	return words(a) === words(b);
}

/**
 * What sets a wrong Docker command apart from the nearest accepted one, as a hint that says what
 * is wrong without giving the right command away.
 */
export type DockerMismatch =
	/** Not a `docker` command at all. */
	| { kind: 'notDocker' }
	/** Another command than any accepted one; `given` is the learner's, e.g. `container start`. */
	| { kind: 'command'; given: string }
	/**
	 * The right command with other options: options whose value is off (`--publish`), options
	 * that do not belong (`--rm`), and how many are missing. Names are the long forms.
	 */
	| { kind: 'options'; wrongValue: string[]; extra: string[]; missing: number }
	/** The right command and options, other arguments (image, name, the container's command). */
	| { kind: 'arguments' };

/**
 * How a Docker command answer differs from the accepted ones, or `null` when it is one of them.
 * The nearest accepted command is the one with the same subcommand and the fewest options apart.
 */
export function dockerMismatch(answer: string, accepted: readonly string[]): DockerMismatch | null {
	if (accepted.some((a) => sameDockerCommand(a, answer))) return null;
	const given = parseDockerCommand(answer);
	if (!given) return { kind: 'notDocker' };
	const candidates = accepted
		.map(parseDockerCommand)
		.filter((c): c is DockerCommand => c !== null && c.name === given.name);
	if (!candidates.length) return { kind: 'command', given: given.name };
	const nameOf = (option: string) => option.split('=')[0]!;
	const differences = candidates.map((expected) => {
		const expectedNames = new Set(expected.options.map(nameOf));
		const givenNames = new Set(given.options.map(nameOf));
		const wrongValue = [...givenNames].filter(
			(name) =>
				expectedNames.has(name) &&
				given.options.filter((o) => nameOf(o) === name).join() !==
					expected.options.filter((o) => nameOf(o) === name).join()
		);
		const extra = [...givenNames].filter((name) => !expectedNames.has(name));
		const missing = [...expectedNames].filter((name) => !givenNames.has(name)).length;
		return {
			wrongValue,
			extra,
			missing,
			sameArgs: expected.args.join(' ') === given.args.join(' '),
		};
	});
	const cost = (d: (typeof differences)[number]) =>
		d.wrongValue.length + d.extra.length + d.missing + (d.sameArgs ? 0 : 1);
	const nearest = differences.reduce((best, d) => (cost(d) < cost(best) ? d : best));
	const { wrongValue, extra, missing } = nearest;
	if (wrongValue.length || extra.length || missing) {
		return { kind: 'options', wrongValue, extra, missing };
	}
	return { kind: 'arguments' };
}
