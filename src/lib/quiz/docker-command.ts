/**
 * Compares Docker commands by meaning rather than by spelling, for short-answer questions:
 * `docker ps -a` = `docker container ls --all`, `-p 8080:80` = `--publish=8080:80`, `-it` = `-i -t`,
 * and flags in any order. Only what changes the command's meaning is kept: command words, options
 * with their values (sorted), then the arguments in order.
 */
import { splitCommands } from '../shell.ts';

/** Older top-level commands and the management command each one stands for. */
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
	rm: 'container rm',
	'container remove': 'container rm',
	images: 'image ls',
	'image list': 'image ls',
	rmi: 'image rm',
	'image remove': 'image rm',
	build: 'image build',
	'buildx build': 'image build',
	builder: 'image build',
	pull: 'image pull',
	push: 'image push',
	tag: 'image tag',
	'volume list': 'volume ls',
	'network list': 'network ls',
	'volume remove': 'volume rm',
	'network remove': 'network rm',
};

/** Commands made of two words (a management command and its subcommand). */
const groups = new Set(['container', 'image', 'volume', 'network', 'compose', 'buildx', 'system']);

interface OptionSpec {
	/** Long name without dashes. */
	long: string;
	/** Whether the option takes a value. */
	value: boolean;
}

const flag = (long: string): OptionSpec => ({ long, value: false });
const valued = (long: string): OptionSpec => ({ long, value: true });

const runOptions: Record<string, OptionSpec> = {
	d: flag('detach'),
	i: flag('interactive'),
	t: flag('tty'),
	p: valued('publish'),
	P: flag('publish-all'),
	v: valued('volume'),
	e: valued('env'),
	h: valued('hostname'),
	w: valued('workdir'),
	u: valued('user'),
	m: valued('memory'),
	l: valued('label'),
	name: valued('name'),
	network: valued('network'),
	net: valued('network'),
	entrypoint: valued('entrypoint'),
	mount: valued('mount'),
	restart: valued('restart'),
	rm: flag('rm'),
	'env-file': valued('env-file'),
	ip: valued('ip'),
	platform: valued('platform'),
};

/** The options of each command, by short and long name, and which arguments end the options. */
const commands: Record<
	string,
	{ options: Record<string, OptionSpec>; argsBeforeCommand?: number }
> = {
	'container run': { options: runOptions, argsBeforeCommand: 1 },
	'container create': { options: runOptions, argsBeforeCommand: 1 },
	'container exec': {
		options: {
			d: flag('detach'),
			i: flag('interactive'),
			t: flag('tty'),
			e: valued('env'),
			u: valued('user'),
			w: valued('workdir'),
		},
		argsBeforeCommand: 1,
	},
	'container ls': {
		options: {
			a: flag('all'),
			q: flag('quiet'),
			s: flag('size'),
			l: flag('latest'),
			n: valued('last'),
			f: valued('filter'),
		},
	},
	'container rm': { options: { f: flag('force'), v: flag('volumes'), l: flag('link') } },
	'container stop': { options: { t: valued('timeout'), s: valued('signal') } },
	'container logs': {
		options: { f: flag('follow'), t: flag('timestamps'), n: valued('tail'), tail: valued('tail') },
	},
	'image build': {
		options: {
			t: valued('tag'),
			f: valued('file'),
			q: flag('quiet'),
			'build-arg': valued('build-arg'),
			target: valued('target'),
			'no-cache': flag('no-cache'),
			pull: flag('pull'),
			platform: valued('platform'),
		},
	},
	'image ls': { options: { a: flag('all'), q: flag('quiet'), f: valued('filter') } },
	'image rm': { options: { f: flag('force') } },
	'volume create': { options: { d: valued('driver'), name: valued('name'), o: valued('opt') } },
	'volume ls': { options: { q: flag('quiet'), f: valued('filter') } },
	'volume rm': { options: { f: flag('force') } },
	'network create': {
		options: {
			d: valued('driver'),
			subnet: valued('subnet'),
			gateway: valued('gateway'),
			'ip-range': valued('ip-range'),
			internal: flag('internal'),
			attachable: flag('attachable'),
		},
	},
	'network connect': { options: { ip: valued('ip'), alias: valued('alias') } },
	'network ls': { options: { q: flag('quiet'), f: valued('filter') } },
	'compose up': { options: { d: flag('detach'), build: flag('build') } },
	'compose logs': { options: { f: flag('follow'), t: flag('timestamps') } },
	'compose down': { options: { v: flag('volumes') } },
	'compose ps': { options: { a: flag('all'), q: flag('quiet') } },
};

/**
 * The canonical form of a Docker command, or `null` when the text is not a `docker` command.
 * @example canonicalDockerCommand('docker ps -a') // 'docker container ls --all'
 */
export function canonicalDockerCommand(line: string): string | null {
	const [command, ...more] = splitCommands(line);
	if (!command || more.length) return null;
	const words = command.words.map((word) => word.text);
	if (words[0] === 'docker-compose') words.splice(0, 1, 'docker', 'compose');
	if (words[0] !== 'docker' || words.length < 2) return null;
	let rest = words.slice(1);
	let name =
		groups.has(rest[0]!) && rest[1] && !rest[1].startsWith('-')
			? `${rest[0]} ${rest[1]}`
			: rest[0]!;
	rest = rest.slice(name.split(' ').length);
	name = aliases[name] ?? name;
	const spec = commands[name] ?? { options: {} };

	const options: string[] = [];
	const args: string[] = [];
	// Options are found by their short name, an alias, or their long name.
	const find = (key: string) =>
		spec.options[key] ?? Object.values(spec.options).find((option) => option.long === key);
	const add = (key: string, value?: string) => {
		const long = find(key)?.long ?? key;
		options.push(value === undefined ? `--${long}` : `--${long}=${value}`);
	};
	for (let i = 0; i < rest.length; i++) {
		const word = rest[i]!;
		const commandStarted =
			spec.argsBeforeCommand !== undefined && args.length >= spec.argsBeforeCommand;
		// After `docker run IMAGE`, every word belongs to the command run in the container.
		if (commandStarted || !word.startsWith('-') || word === '-') {
			args.push(word);
			continue;
		}
		if (word === '--') {
			args.push(...rest.slice(i + 1));
			break;
		}
		if (word.startsWith('--')) {
			const [key = '', inline] = word.slice(2).split(/=(.*)/s, 2);
			const takesValue = find(key)?.value ?? false;
			if (inline !== undefined) add(key, inline);
			else if (takesValue) add(key, rest[++i] ?? '');
			else add(key);
			continue;
		}
		// Short options may be grouped (`-it`), and the last one may take a value (`-p8080:80`).
		const letters = word.slice(1);
		for (let j = 0; j < letters.length; j++) {
			const key = letters[j]!;
			if (spec.options[key]?.value) {
				const attached = letters.slice(j + 1);
				add(key, attached !== '' ? attached : (rest[++i] ?? ''));
				break;
			}
			add(key);
		}
	}
	return ['docker', name, ...options.sort(), ...args].join(' ');
}

/** Whether two answers are the same Docker command; non-Docker text is compared word by word. */
export function sameDockerCommand(a: string, b: string): boolean {
	const left = canonicalDockerCommand(a);
	const right = canonicalDockerCommand(b);
	if (left !== null && right !== null) return left === right;
	const words = (text: string) =>
		splitCommands(text.toLowerCase())
			.flatMap((command) => [...command.words.map((word) => word.text), command.next])
			.join(' ');
	return words(a) === words(b);
}
