/**
 * The entry point: one command line in, the new host and Docker's answer out. The caller's host
 * is never changed (each command works on a copy), and nothing throws: an unexpected failure is
 * answered as an error of the simulator, the host left as it was.
 */
import { build } from './build.ts';
import { compose } from './compose.ts';
import * as containers from './containers.ts';
import { fail, ok, type Answer, type Context } from './context.ts';
import {
	clockStep,
	createHost,
	findContainer,
	findImage,
	findNetwork,
	isUp,
	workingDirectory,
} from './host.ts';
import { images, pullCommand, push, rmi, tag } from './images.ts';
import { curl } from './inside.ts';
import { network, inspectNetwork } from './networks.ts';
import { applyTemplate } from './template.ts';
import type { CommandResult, HostState } from './types.ts';
import { inspectVolume, volume } from './volumes.ts';
import { commandsOf, tokenize } from './words.ts';

const usage = `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  push        Upload an image to a registry
  images      List images
  login       Authenticate to a registry
  version     Show the Docker version information

Management Commands:
  compose*    Docker Compose
  container   Manage containers
  image       Manage images
  network     Manage networks
  volume      Manage volumes

Commands:
  create      Create a new container
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  unpause     Unpause all processes within one or more containers

Run 'docker COMMAND --help' for more information on a command.`;

/** The Docker commands the simulator knows, for completions. */
export const dockerCommands = [
	'build',
	'compose',
	'container',
	'create',
	'exec',
	'image',
	'images',
	'inspect',
	'kill',
	'login',
	'logs',
	'network',
	'pause',
	'port',
	'ps',
	'pull',
	'push',
	'restart',
	'rm',
	'rmi',
	'run',
	'start',
	'stop',
	'tag',
	'unpause',
	'version',
	'volume',
];

/**
 * Docker's commands that the simulator does not reproduce (the list of docker/cli v29's
 * `docs/reference/commandline/docker.md`, and the buildx plugin): they are not "unknown".
 */
const notSimulated = new Set(
	'attach bake builder buildx checkpoint commit config context cp diff events export history import info load logout manifest node plugin rename save search secret service stack stats swarm system top trust update wait'.split(
		' '
	)
);

/** `docker inspect [-f TEMPLATE] NAME…`: containers first, then images, networks, volumes. */
function inspect(
	ctx: Context,
	words: string[],
	only?: 'container' | 'image' | 'network' | 'volume'
): Answer {
	const { state } = ctx;
	let format: string | undefined;
	const names: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		if (word === '-f' || word === '--format') format = words[++i];
		else if (word.startsWith('--format=')) format = word.slice(9);
		else if (word.startsWith('-')) return fail('unknown-flag', { flag: word, command: 'inspect' });
		else names.push(word);
	}
	if (!names.length) return fail('requires-argument', { command: 'inspect' });
	const found: unknown[] = [];
	for (const name of names) {
		const wants = (kind: string) => only === undefined || only === kind;
		const c = wants('container') ? findContainer(state, name) : undefined;
		const image = wants('image') ? findImage(state, name) : undefined;
		const net = wants('network') ? findNetwork(state, name) : undefined;
		const vol = wants('volume') ? state.volumes.find((v) => v.name === name) : undefined;
		const object = c
			? containers.inspectContainer(state, c)
			: image
				? {
						Id: image.id,
						RepoTags: image.tags,
						Created: new Date(image.created * 1000).toISOString(),
						Config: {
							Env: image.env,
							Cmd: image.cmd,
							Entrypoint: image.entrypoint.length ? image.entrypoint : null,
							ExposedPorts: Object.fromEntries(image.exposedPorts.map((p) => [p, {}])),
							WorkingDir: image.workdir,
						},
						Size: image.size,
					}
				: net
					? inspectNetwork(state, net)
					: vol
						? inspectVolume(vol)
						: undefined;
		if (object === undefined) {
			const answer = fail('no-such-object', { name });
			return { ...answer, output: format ? answer.output : `[]\n${answer.output}` };
		}
		found.push(object);
	}
	if (format !== undefined) return ok(found.map((object) => applyTemplate(format, object)));
	return ok(JSON.stringify(found, null, 4));
}

/** The words after `docker`, dispatched. */
function docker(ctx: Context, words: string[]): Answer {
	const [command, ...rest] = words;
	if (command === undefined || command === '--help' || command === 'help') return ok(usage);
	if (command === '--version' || command === '-v')
		return ok('Docker version 29.1.2, build 890dcca');
	if (rest.includes('--help'))
		return ok(
			`Usage:  docker ${command} [OPTIONS]\n\nRun 'docker ${command} --help' for more information`
		);
	switch (command) {
		case 'run':
			return containers.run(ctx, rest);
		case 'create':
			return containers.create(ctx, rest);
		case 'start':
			return containers.start(ctx, rest);
		case 'stop':
			return containers.stop(ctx, rest);
		case 'restart':
			return containers.restart(ctx, rest);
		case 'rm':
			return containers.rm(ctx, rest);
		case 'ps':
			return containers.ps(ctx, rest);
		case 'logs':
			return containers.logs(ctx, rest);
		case 'exec':
			return containers.exec(ctx, rest);
		case 'port':
			return containers.port(ctx, rest);
		case 'pause':
			return containers.pause(ctx, rest, false);
		case 'unpause':
			return containers.pause(ctx, rest, true);
		case 'kill':
			return containers.kill(ctx, rest);
		case 'inspect':
			return inspect(ctx, rest);
		case 'pull':
			return pullCommand(ctx, rest);
		case 'push':
			return push(ctx, rest);
		case 'images':
			return images(ctx, rest);
		case 'rmi':
			return rmi(ctx, rest);
		case 'tag':
			return tag(ctx, rest);
		case 'build':
			return build(ctx, rest);
		case 'network':
		case 'volume':
			// `network inspect -f` and `volume inspect -f` share the template reader.
			if (rest[0] === 'inspect' && rest.some((w) => w === '-f' || w.startsWith('--format')))
				return inspect(ctx, rest.slice(1), command);
			return command === 'network' ? network(ctx, rest) : volume(ctx, rest);
		case 'compose':
			return compose(ctx, rest);
		case 'login':
			return ok([
				'Authenticating with existing credentials... [Username: anna]',
				'',
				'Login Succeeded',
			]);
		case 'version':
			return ok(
				'Client: Docker Engine - Community\n Version:           29.1.2\n API version:       1.52\n\nServer: Docker Engine - Community\n Engine:\n  Version:          29.1.2\n  API version:      1.52 (minimum version 1.44)'
			);
		case 'container': {
			const [sub, ...more] = rest;
			const map: Record<string, string> = {
				ls: 'ps',
				list: 'ps',
				run: 'run',
				create: 'create',
				start: 'start',
				stop: 'stop',
				restart: 'restart',
				rm: 'rm',
				logs: 'logs',
				exec: 'exec',
				inspect: 'inspect',
				port: 'port',
				pause: 'pause',
				unpause: 'unpause',
				kill: 'kill',
				prune: 'container-prune',
			};
			const target = sub ? map[sub] : undefined;
			if (target === 'container-prune') {
				const removed = ctx.state.containers.filter((c) => !isUp(c));
				for (const c of removed) containers.removeContainer(ctx.state, c, false);
				return ok([
					'Deleted Containers:',
					...removed.map((c) => c.id),
					'',
					'Total reclaimed space: 0B',
				]);
			}
			if (target === 'inspect') return inspect(ctx, more, 'container');
			return target
				? docker(ctx, [target, ...more])
				: ok('Usage:  docker container COMMAND\n\nManage containers');
		}
		case 'image': {
			const [sub, ...more] = rest;
			const map: Record<string, string> = {
				ls: 'images',
				list: 'images',
				rm: 'rmi',
				remove: 'rmi',
				pull: 'pull',
				push: 'push',
				tag: 'tag',
				build: 'build',
			};
			if (sub === 'inspect') return inspect(ctx, more, 'image');
			const target = sub ? map[sub] : undefined;
			return target
				? docker(ctx, [target, ...more])
				: ok('Usage:  docker image COMMAND\n\nManage images');
		}
		default:
			if (command.startsWith('-'))
				return {
					...fail('unknown-flag', { flag: command, command: '' }),
					output: `unknown flag: ${command}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information`,
					exitCode: 125,
				};
			// A real command the simulator lacks: Docker would run it, so only the explanation says so.
			if (notSimulated.has(command))
				return {
					exitCode: 1,
					output: '',
					explanation: { key: 'not-simulated', params: { name: command } },
				};
			return { ...fail('unknown-command', { name: command }), exitCode: 1 };
	}
}

/** Host commands beside `docker`: `curl`, and a few a learner types out of habit. */
function hostCommand(ctx: Context, words: string[]): Answer {
	const [program = '', ...args] = words;
	switch (program) {
		case 'docker':
			return docker(ctx, args);
		case 'docker-compose':
			return docker(ctx, ['compose', ...args]);
		case 'sudo':
			return hostCommand(ctx, args);
		case 'curl': {
			const result = curl(ctx.state, undefined, args);
			return {
				exitCode: result.exitCode,
				output: result.output.join('\n'),
				...(result.failure && { explanation: result.failure }),
			};
		}
		case 'echo':
			return ok(args.join(' '));
		case 'pwd':
			return ok(workingDirectory);
		case 'ls':
			return ok(
				[...new Set(Object.keys(ctx.state.files).map((f) => f.split('/')[0]!))].sort().join('  ')
			);
		case 'cat': {
			const text = ctx.state.files[(args[0] ?? '').replace(/^\.\//, '')];
			return text === undefined
				? { exitCode: 1, output: `cat: ${args[0] ?? ''}: No such file or directory` }
				: ok(text.replace(/\n$/, ''));
		}
		case 'sleep':
		case 'true':
			return ok();
		default:
			return { ...fail('command-not-found', { name: program }), exitCode: 127 };
	}
}

/** Runs one command line on a copy of the host: the new host and the answer. Never throws. */
export function runCommand(
	state: HostState,
	line: string
): { state: HostState; result: CommandResult } {
	const command = line.trim();
	try {
		const copy = structuredClone<HostState>(state);
		const ctx: Context = { state: copy, rng: { state: copy.random } };
		copy.clock += clockStep;
		const outputs: string[] = [];
		let last: Answer = ok();
		let skip = false;
		for (const simple of commandsOf(tokenize(command, workingDirectory))) {
			if (!skip) {
				last = hostCommand(ctx, simple.words);
				if (last.output) outputs.push(last.output);
			}
			skip =
				(simple.next === '&&' && last.exitCode !== 0) ||
				(simple.next === '||' && last.exitCode === 0);
		}
		copy.random = ctx.rng.state;
		const result: CommandResult = { command, exitCode: last.exitCode, output: outputs.join('\n') };
		if (last.explanation) result.explanation = last.explanation;
		return { state: copy, result };
	} catch (error) {
		return {
			state,
			result: {
				command,
				exitCode: 1,
				output: `simulator: internal error: ${error instanceof Error ? error.message : String(error)}`,
			},
		};
	}
}

/** Options of `runScript`. */
export interface ScriptOptions {
	/** The project's `compose.yaml`. */
	compose?: string;
	/** Other files of the working directory. */
	files?: Record<string, string>;
	seed?: number;
	projectName?: string;
}

/** The lines of a script joined where they end with `\`, without blanks and `#` comments. */
export function scriptLines(text: string): string[] {
	return text
		.replace(/[ \t]*\\\r?\n[ \t]*/g, ' ')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
}

/** Runs every line of a script against a fresh host; one result per command. */
export function runScript(text: string, options: ScriptOptions = {}): CommandResult[] {
	const files = {
		...(options.files ?? {}),
		...(options.compose !== undefined && { 'compose.yaml': options.compose }),
	};
	let state = createHost({
		files,
		...(options.seed !== undefined && { seed: options.seed }),
		...(options.projectName && { projectName: options.projectName }),
	});
	const results: CommandResult[] = [];
	for (const line of scriptLines(text)) {
		const { state: next, result } = runCommand(state, line.replace(/^\$\s+/, ''));
		state = next;
		results.push(result);
	}
	return results;
}
