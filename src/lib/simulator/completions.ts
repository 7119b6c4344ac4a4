/**
 * What can come next at the cursor, for the terminal's Tab: Docker's commands and subcommands,
 * the options of the command being typed, and the names of containers, images, networks and
 * volumes where one is expected.
 */
import { runFlags } from './containers.ts';
import { dockerCommands } from './engine.ts';
import type { HostState } from './types.ts';

const subcommands: Record<string, string[]> = {
	network: ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'],
	volume: ['create', 'inspect', 'ls', 'prune', 'rm'],
	compose: ['build', 'config', 'down', 'exec', 'logs', 'ps', 'restart', 'start', 'stop', 'up'],
	container: [
		'create',
		'exec',
		'inspect',
		'kill',
		'logs',
		'ls',
		'pause',
		'port',
		'prune',
		'restart',
		'rm',
		'run',
		'start',
		'stop',
		'unpause',
	],
	image: ['build', 'inspect', 'ls', 'pull', 'push', 'rm', 'tag'],
};

const flagsOf: Record<string, string[]> = {
	run: Object.keys(runFlags).map((f) => `--${f}`),
	create: Object.keys(runFlags).map((f) => `--${f}`),
	ps: ['--all', '--quiet', '--no-trunc', '-a', '-q'],
	rm: ['--force', '--volumes', '-f', '-v'],
	logs: ['--follow', '--tail', '-f'],
	exec: ['--interactive', '--tty', '-it', '--env', '--workdir'],
	build: ['--tag', '--file', '--no-cache', '-t', '-f'],
	inspect: ['--format', '-f'],
	'network create': ['--driver', '--subnet', '--gateway', '--internal', '--ip-range'],
	'network connect': ['--ip', '--alias'],
	'volume prune': ['--all', '-a'],
	'compose up': ['--detach', '--build', '-d'],
	'compose down': ['--volumes', '-v'],
};

/** The completions of the word under the cursor, sorted, without duplicates. */
export function completions(state: HostState, line: string, cursor: number): string[] {
	const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
	const words = before.split(/\s+/).filter(Boolean);
	const current = /\s$/.test(before) || !before ? '' : (words.pop() ?? '');
	const pick = (options: string[]) =>
		[...new Set(options.filter((o) => o.startsWith(current)))].sort();
	if (!words.length) return pick(['docker', 'curl']);
	if (words[0] !== 'docker') return [];
	const [, command, sub] = words;
	if (!command) return pick(dockerCommands);
	if (subcommands[command] && !sub) return pick(subcommands[command]);
	const key = subcommands[command] ? `${command} ${sub}` : command;
	if (current.startsWith('-')) return pick(flagsOf[key] ?? []);
	const containers = state.containers.map((c) => c.name);
	const running = state.containers.filter((c) => c.status === 'running').map((c) => c.name);
	const images = state.images.flatMap((i) => i.tags);
	const networks = state.networks.map((n) => n.name);
	const volumes = state.volumes.filter((v) => !v.anonymous).map((v) => v.name);
	const previous = words.at(-1);
	if (previous === '--network' || previous === '--net') return pick(networks);
	if (previous === '-v' || previous === '--volume') return pick(volumes.map((v) => `${v}:`));
	switch (key) {
		case 'exec':
		case 'stop':
		case 'pause':
		case 'kill':
			return pick(running);
		case 'start':
		case 'rm':
		case 'logs':
		case 'restart':
		case 'port':
		case 'unpause':
			return pick(containers);
		case 'inspect':
			return pick([...containers, ...images, ...networks, ...volumes]);
		case 'run':
		case 'create':
		case 'rmi':
		case 'tag':
		case 'push':
			return pick(images);
		case 'pull':
			return pick(images);
		case 'network inspect':
		case 'network rm':
			return pick(
				networks.filter((n) => !['bridge', 'host', 'none'].includes(n) || key === 'network inspect')
			);
		case 'network connect':
		case 'network disconnect':
			return pick(words.length === 3 ? networks : containers);
		case 'volume inspect':
		case 'volume rm':
			return pick(volumes);
		default:
			return [];
	}
}
