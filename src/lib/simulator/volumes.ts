/**
 * `docker volume …`: create, ls, inspect, rm (refused while a container uses it) and prune (only
 * anonymous volumes unless `-a`, as since Engine 23).
 */
import { daemonError, fail, ok, type Answer, type Context } from './context.ts';
import { isoTime, table } from './format.ts';
import type { HostState, Volume } from './types.ts';

/** The volume as `docker volume inspect` shows it. */
export function inspectVolume(v: Volume): unknown {
	return {
		CreatedAt: isoTime(v.created).replace('.000000000', ''),
		Driver: 'local',
		Labels: v.compose
			? {
					'com.docker.compose.project': v.compose.project,
					'com.docker.compose.volume': v.compose.volume,
				}
			: v.anonymous
				? { 'com.docker.volume.anonymous': '' }
				: null,
		Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`,
		Name: v.name,
		Options: null,
		Scope: 'local',
	};
}

/** The ids of the containers that use a volume. */
export function volumeUsers(state: HostState, name: string): string[] {
	return state.containers
		.filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name))
		.map((c) => c.id);
}

/** `docker volume SUBCOMMAND …`. */
export function volume(ctx: Context, words: string[]): Answer {
	const [sub, ...rest] = words;
	const { state } = ctx;
	const names = rest.filter((w) => !w.startsWith('-'));
	switch (sub) {
		case 'create': {
			const name = names[0];
			if (!name) return fail('requires-argument', { command: 'volume create' });
			if (!state.volumes.some((v) => v.name === name))
				state.volumes.push({ name, created: state.clock, anonymous: false, files: {} });
			return ok(name);
		}
		case 'ls':
		case 'list': {
			if (rest.includes('-q')) return ok(state.volumes.map((v) => v.name).sort());
			const rows = [['DRIVER', 'VOLUME NAME']];
			for (const v of [...state.volumes].sort((a, b) => a.name.localeCompare(b.name)))
				rows.push(['local', v.name]);
			return ok(table(rows));
		}
		case 'inspect': {
			if (!names.length) return fail('requires-argument', { command: 'volume inspect' });
			const found = [];
			for (const name of names) {
				const v = state.volumes.find((x) => x.name === name);
				if (!v)
					return {
						exitCode: 1,
						output: `[]\nError response from daemon: get ${name}: no such volume`,
						explanation: { key: 'no-such-volume', params: { name } },
					};
				found.push(inspectVolume(v));
			}
			return ok(JSON.stringify(found, null, 4));
		}
		case 'rm':
		case 'remove': {
			if (!names.length) return fail('requires-argument', { command: 'volume rm' });
			const out: string[] = [];
			for (const name of names) {
				const v = state.volumes.find((x) => x.name === name);
				if (!v)
					return {
						...daemonError('no-such-volume', { name }),
						output: [...out, daemonError('no-such-volume', { name }).output].join('\n'),
					};
				const users = volumeUsers(state, name);
				if (users.length && !rest.includes('-f')) {
					const answer = daemonError('volume-in-use', { name, ids: users.join(', ') });
					return { ...answer, output: [...out, answer.output].join('\n') };
				}
				state.volumes = state.volumes.filter((x) => x !== v);
				out.push(name);
			}
			return ok(out);
		}
		case 'prune': {
			const all = rest.includes('-a') || rest.includes('--all');
			const removed = state.volumes.filter(
				(v) => (all || v.anonymous) && !volumeUsers(state, v.name).length
			);
			state.volumes = state.volumes.filter((v) => !removed.includes(v)).map((v) => v);
			return ok([
				...(removed.length ? ['Deleted Volumes:', ...removed.map((v) => v.name), ''] : []),
				`Total reclaimed space: ${removed.length ? '0B' : '0B'}`,
			]);
		}
		default:
			return {
				exitCode: sub ? 1 : 0,
				output:
					"Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n  inspect     Display detailed information on one or more volumes\n  ls          List volumes\n  prune       Remove unused local volumes\n  rm          Remove one or more volumes\n\nRun 'docker volume COMMAND --help' for more information on a command.",
			};
	}
}
