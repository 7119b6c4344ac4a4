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
	normalize?: ((value: string) => string) | undefined;
}

/**
 * An image reference without what Docker fills in by default: the registry `docker.io`, the
 * namespace `library/` of official images and the tag `latest`. A digest is left alone.
 * @example imageName('docker.io/library/nginx:latest') // 'nginx'
 */
export function imageName(reference: string): string {
	if (reference.includes('@')) return reference;
	return reference
		.replace(/^(?:index\.)?docker\.io\//, '')
		.replace(/^library\//, '')
		.replace(/:latest$/, '');
}

/** Values that can be spelt more than one way, by the long name of their option. */
const normalizers: Record<string, (value: string) => string> = {
	/** A published port without the default protocol: `8080:80/tcp` = `8080:80`. */
	publish: (value) => value.replace(/\/tcp$/i, ''),
	/** A volume without the default mode: `dati:/data:rw` = `dati:/data`. */
	volume: (value) => value.replace(/:rw$/, ''),
	/** An image name and tag. */
	tag: imageName,
};

/**
 * A command's options as its reference lists them, in a short notation: `d:detach` is `-d`, or
 * `--detach`, with no value; `p=publish` is `-p` or `--publish` with a value; `=name` is a long
 * option with a value and no short name; `=net>network` is another name of `--network`. Options
 * with neither a short name nor a value need no entry: an unknown option is read as a flag.
 */
function optionTable(notation: string): Record<string, OptionSpec> {
	const table: Record<string, OptionSpec> = {};
	for (const token of notation.split(' ')) {
		const [, short = '', kind, name = ''] = /^(\w?)([:=])(.+)$/.exec(token) ?? [];
		const [key = name, long = name] = name.split('>');
		const option = { long, value: kind === '=', normalize: normalizers[long] };
		table[key] = option;
		if (short) table[short] = option;
	}
	return table;
}

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

const runOptions =
	'a=attach c=cpu-shares d:detach e=env h=hostname i:interactive l=label m=memory p=publish ' +
	'P:publish-all q:quiet t:tty u=user v=volume w=workdir =add-host =cap-add =cap-drop ' +
	'=cidfile =cpus =detach-keys =device =dns =entrypoint =env-file =expose =gpus =health-cmd ' +
	'=ip =ipc =link =log-driver =log-opt =memory-swap =mount =name =network =net>network ' +
	'=network-alias =pid =platform =pull =restart =security-opt =shm-size =stop-signal =tmpfs ' +
	'=ulimit =volumes-from';
const logsOptions = 'f:follow n=tail t:timestamps =since =until';
const listOptions = 'f=filter q:quiet =format';
const pruneOptions = 'a:all f:force =filter';
const timeoutOptions = 's=signal t=timeout';

/** The options of each command, and what its arguments are. */
const commands: Record<string, CommandSpec> = Object.fromEntries(
	Object.entries({
		'container run': { o: runOptions, args: 1, images: 'first' },
		'container create': { o: runOptions, args: 1, images: 'first' },
		'container exec': {
			o: 'd:detach e=env i:interactive t:tty u=user w=workdir =detach-keys =env-file',
			args: 1,
		},
		'container ls': { o: 'a:all l:latest n=last s:size ' + listOptions },
		'container rm': { o: 'f:force l:link v:volumes' },
		'container start': { o: 'a:attach i:interactive' },
		'container stop': { o: timeoutOptions },
		'container restart': { o: timeoutOptions },
		'container kill': { o: 's=signal' },
		'container logs': { o: logsOptions },
		'container stats': { o: 'a:all =format' },
		'container cp': { o: 'a:archive L:follow-link q:quiet' },
		'container commit': { o: 'a=author c=change m=message p:pause' },
		'container prune': { o: pruneOptions },
		'image build': {
			o:
				'f=file o=output q:quiet t=tag =add-host =build-arg =cache-from =label =network ' +
				'=platform =progress =secret =ssh =target',
			context: true,
		},
		'image ls': { o: 'a:all ' + listOptions },
		'image rm': { o: 'f:force', images: 'all' },
		'image pull': { o: 'a:all-tags q:quiet =platform', images: 'first' },
		'image push': { o: 'a:all-tags q:quiet', images: 'first' },
		'image tag': { o: '', images: 'all' },
		'image history': { o: 'H:human q:quiet', images: 'all' },
		'image save': { o: 'o=output', images: 'all' },
		'image load': { o: 'i=input q:quiet' },
		'image prune': { o: pruneOptions },
		'volume create': { o: 'd=driver o=opt =label =name' },
		'volume ls': { o: listOptions },
		'volume rm': { o: 'f:force' },
		'volume prune': { o: pruneOptions },
		'network create': { o: 'd=driver o=opt =gateway =ip-range =label =subnet' },
		'network connect': { o: '=alias =ip =ip6 =link' },
		'network disconnect': { o: 'f:force' },
		'network ls': { o: listOptions },
		'network prune': { o: pruneOptions },
		'system prune': { o: pruneOptions },
		'system df': { o: 'v:verbose =format' },
		'compose up': { o: 'd:detach =scale' },
		'compose down': { o: 't=timeout v:volumes =rmi' },
		'compose logs': { o: logsOptions },
		'compose ps': { o: 'a:all q:quiet =format' },
		'compose build': { o: 'q:quiet' },
		'compose exec': { o: 'd:detach e=env T:no-TTY u=user w=workdir =index', args: 1 },
		'compose run': {
			o: 'd:detach e=env p=publish T:no-TTY u=user v=volume w=workdir =entrypoint =name',
			args: 1,
		},
		'compose stop': { o: 't=timeout' },
		'compose restart': { o: 't=timeout' },
	}).map(([name, { o, ...rest }]) => {
		const spec: CommandSpec = { options: o ? optionTable(o) : {} };
		if ('args' in rest) spec.argsBeforeCommand = rest.args;
		if ('images' in rest) spec.images = rest.images as 'first' | 'all';
		if ('context' in rest) spec.context = true;
		return [name, spec];
	})
);

/** Options of a management command that come before its subcommand: `docker compose -f a.yaml up`. */
const groupOptions: Record<string, string> = {
	compose: 'f=file p=project-name =ansi =env-file =profile =progress =project-directory',
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
		const notation = groupOptions[name];
		const before = readOptions(rest, { options: notation ? optionTable(notation) : {} }, true);
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
	// Options are found by their short name, their long name or another name of theirs.
	const find = (key: string): OptionSpec | undefined => spec.options[key];
	const add = (key: string, value?: string) => {
		const option = find(key);
		const long = option?.long ?? key;
		if (!option?.value && value !== undefined) {
			// A flag: `--rm=true` is `--rm`, and `--rm=false` is no option at all.
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
