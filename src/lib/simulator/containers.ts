/**
 * Containers: their life (create, start with its ports and addresses, the main process, stop,
 * remove) and the commands about them (`run`, `create`, `start`, `stop`, `restart`, `rm`, `ps`,
 * `logs`, `exec`, `inspect`, `port`).
 */
import { daemonError, fail, ok, type Answer, type Context } from './context.ts';
import { formatMessage } from './messages.ts';
import { ellipsis, humanDuration, isoTime, table } from './format.ts';
import {
	allocateIp,
	findContainer,
	findNetwork,
	isUp,
	macAddress,
	workingDirectory,
} from './host.ts';
import { absoluteHostPath, readFile, runInside, writeFile } from './inside.ts';
import { containerName, hex } from './random.ts';
import type { Container, HostState, MountPoint, PortBinding } from './types.ts';

/** The lines a server prints when it starts, by behaviour. */
function startupLogs(
	state: HostState,
	c: Container,
	behaviour: string
): { lines: string[]; exit?: number; explain?: string } {
	const when = new Date(state.clock * 1000);
	const stamp = when.toISOString().replace('T', ' ').slice(0, 19);
	const env = (name: string) =>
		c.env.some((e) => e.startsWith(`${name}=`) && e.length > name.length + 1);
	switch (behaviour) {
		case 'nginx':
			return {
				lines: [
					'/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
					'/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
					'/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
					'10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
					'/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
					'/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
					'/docker-entrypoint.sh: Configuration complete; ready for start up',
					`${stamp.replace(/-/g, '/')} [notice] 1#1: using the "epoll" event method`,
					`${stamp.replace(/-/g, '/')} [notice] 1#1: nginx/1.30.0`,
					`${stamp.replace(/-/g, '/')} [notice] 1#1: start worker processes`,
				],
			};
		case 'httpd': {
			const ip = c.networks.find((a) => a.ip)?.ip ?? '127.0.0.1';
			const apache = `[${when.toUTCString().slice(0, 3)} ${when.toUTCString().slice(8, 11)} ${when.toUTCString().slice(5, 7)} ${when.toISOString().slice(11, 19)}.000000 ${when.getUTCFullYear()}]`;
			return {
				lines: [
					`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
					`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`,
					`${apache} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.66 (Unix) configured -- resuming normal operations`,
					`${apache} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
				],
			};
		}
		case 'redis': {
			const r = `1:M ${when.toUTCString().slice(5, 16)} ${when.toISOString().slice(11, 23)}`;
			return {
				lines: [
					`1:C ${r.slice(4)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
					`${r} * Server initialized`,
					`${r} * Ready to accept connections tcp`,
				],
			};
		}
		case 'mariadb': {
			const note = `${stamp}+00:00 [Note] [Entrypoint]:`;
			if (
				![
					'MARIADB_ROOT_PASSWORD',
					'MARIADB_ROOT_PASSWORD_HASH',
					'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
					'MARIADB_RANDOM_ROOT_PASSWORD',
					'MYSQL_ROOT_PASSWORD',
					'MYSQL_RANDOM_ROOT_PASSWORD',
					'MYSQL_ALLOW_EMPTY_PASSWORD',
				].some(env)
			)
				return {
					lines: [
						`${note} Entrypoint script for MariaDB Server 1:12.3.1+maria~ubu2404 started.`,
						`${note} Switching to dedicated user 'mysql'`,
						`${note} Entrypoint script for MariaDB Server 1:12.3.1+maria~ubu2404 started.`,
						`${stamp}+00:00 ${formatMessage('mariadb-no-password')}`,
					],
					exit: 1,
					explain: 'MARIADB_ROOT_PASSWORD',
				};
			// The first start initialises the data folder and keeps the password there.
			if (readFile(state, c, '/var/lib/mysql/.root-password') !== undefined)
				return {
					lines: [
						`${note} Entrypoint script for MariaDB Server 1:12.3.1+maria~ubu2404 started.`,
						`${stamp} 0 [Note] mariadbd: ready for connections.`,
					],
				};
			writeFile(
				state,
				c,
				'/var/lib/mysql/.root-password',
				c.env.find((e) => /^(?:MARIADB|MYSQL)_ROOT_PASSWORD=/.test(e))?.split('=')[1] ?? ''
			);
			return {
				lines: [
					`${note} Entrypoint script for MariaDB Server 1:12.3.1+maria~ubu2404 started.`,
					`${note} Initializing database files`,
					`${note} MariaDB init process done. Ready for start up.`,
					`${stamp} 0 [Note] mariadbd: ready for connections.`,
					"Version: '12.3.1-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution",
				],
			};
		}
		case 'mysql':
			if (
				!['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'].some(
					env
				)
			)
				return {
					lines: [
						`${stamp}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.`,
						`${stamp}+00:00 ${formatMessage('mysql-no-password')}`,
					],
					exit: 1,
					explain: 'MYSQL_ROOT_PASSWORD',
				};
			return {
				lines: [
					`${stamp}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.`,
					`${stamp}.000000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.5.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
				],
			};
		case 'postgres':
			if (!env('POSTGRES_PASSWORD') && !c.env.includes('POSTGRES_HOST_AUTH_METHOD=trust'))
				return {
					lines: formatMessage('postgres-no-password').split('\n'),
					exit: 1,
					explain: 'POSTGRES_PASSWORD',
				};
			return {
				lines: [
					'PostgreSQL init process complete; ready for start up.',
					'',
					`${stamp}.000 UTC [1] LOG:  database system is ready to accept connections`,
				],
			};
		default:
			return { lines: [] };
	}
}

const servers = new Set([
	'nginx',
	'httpd-foreground',
	'apache2ctl',
	'apachectl',
	'redis-server',
	'mariadbd',
	'mysqld',
	'postgres',
]);

/** The result of starting the main process. */
interface MainResult {
	output: string[];
	explanation?: { key: string; params: Record<string, string | number> };
}

/**
 * Starts a created or stopped container: its ports (the conflict Docker reports), its addresses,
 * then its main process, which either keeps running or exits at once with its output.
 */
export function startContainer(
	ctx: Context,
	c: Container,
	command: 'run' | 'start' | 'create' | 'compose'
): Answer | MainResult {
	const { state } = ctx;
	for (const binding of c.ports) {
		const taken = state.containers.some(
			(other) =>
				other !== c &&
				isUp(other) &&
				other.ports.some(
					(p) =>
						p.hostPort === binding.hostPort &&
						p.protocol === binding.protocol &&
						(p.hostIp === binding.hostIp || p.hostIp === '0.0.0.0' || binding.hostIp === '0.0.0.0')
				)
		);
		if (taken) {
			const params = {
				name: c.name,
				endpoint: c.networks[0]?.endpointId ?? hex(ctx.rng, 64),
				ip: binding.hostIp,
				port: binding.hostPort,
			};
			const explain = { next: binding.hostPort + 1, target: binding.containerPort };
			return command === 'run'
				? daemonError('port-allocated', params, { run: 'run', explain })
				: daemonError('port-allocated', params, { explain });
		}
	}
	for (const attachment of c.networks) {
		const network = state.networks.find((n) => n.name === attachment.network);
		if (!network || !network.subnet) continue;
		attachment.ip = attachment.staticIp || allocateIp(state, network) || '';
		attachment.mac = macAddress(ctx.rng);
	}
	c.status = 'running';
	delete c.failure;
	c.startedAt = state.clock;
	c.exitCode = 0;
	const image = state.images.find((i) => i.id === c.imageId);
	const words = [...c.entrypoint, ...c.cmd];
	const viaScript = c.entrypoint.length > 0 && /docker-entrypoint\.sh$/.test(c.entrypoint[0]!);
	const program = viaScript ? c.cmd : words;
	const first = program[0]?.split('/').at(-1) ?? '';
	let output: string[] = [];
	let explanation: MainResult['explanation'];
	if (servers.has(first) || (viaScript && first === '' && image)) {
		const logs = startupLogs(state, c, image?.behaviour ?? '');
		output = logs.lines;
		if (logs.exit !== undefined) {
			stopContainer(state, c, logs.exit);
			explanation = { key: 'database-password', params: { variable: logs.explain ?? '' } };
			c.failure = explanation;
		}
	} else if (first === 'node' || first === 'python3' || first === 'python') {
		if (!c.interactive) stopContainer(state, c, 0);
		else if (c.tty)
			output =
				first === 'node'
					? ['Welcome to Node.js v24.11.1.', 'Type ".help" for more information.']
					: [];
	} else {
		const result = runInside(state, c, program);
		output = result.output;
		if (result.failure) explanation = result.failure;
		if (result.exitCode === 127 && result.failure?.key === 'exec-not-found') {
			// The runtime cannot start a missing program: the container is created, not started.
			// Docker keeps it in the Created state with exit code 127; --rm still removes it.
			stopContainer(state, c, 127);
			c.status = 'created';
			const text = `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program[0]}": executable file not found in $PATH: unknown`;
			return {
				exitCode: 127,
				output:
					command === 'run'
						? `docker: Error response from daemon: ${text}\n\nRun 'docker run --help' for more information`
						: `Error response from daemon: ${text}\nfailed to start containers: ${c.name}`,
				explanation: { key: 'exec-not-found', params: { program: program[0] ?? '' } },
			};
		}
		if (!result.long) stopContainer(state, c, result.exitCode);
	}
	c.logs.push(...output);
	return { output, ...(explanation && { explanation }) };
}

/** Stops a container: its addresses go back to their networks, its ports are free. */
export function stopContainer(state: HostState, c: Container, exitCode: number): void {
	c.status = 'exited';
	c.exitCode = exitCode;
	c.finishedAt = state.clock;
	for (const attachment of c.networks) attachment.ip = '';
	if (c.autoRemove) removeContainer(state, c, true);
}

/** Removes a container; with `volumes`, its anonymous volumes too. */
export function removeContainer(state: HostState, c: Container, volumes: boolean): void {
	state.containers = state.containers.filter((other) => other !== c);
	if (volumes)
		state.volumes = state.volumes.filter(
			(v) =>
				!(
					v.anonymous &&
					c.mounts.some((m) => m.type === 'volume' && m.source === v.name) &&
					!state.containers.some((o) => o.mounts.some((m) => m.source === v.name))
				)
		);
}

const runSpec = {
	detach: { short: 'd' },
	interactive: { short: 'i' },
	tty: { short: 't' },
	rm: {},
	publish: { short: 'p', value: true },
	'publish-all': { short: 'P' },
	volume: { short: 'v', value: true },
	mount: { value: true },
	hostname: { short: 'h', value: true },
	name: { value: true },
	network: { value: true },
	net: { value: true },
	ip: { value: true },
	'network-alias': { value: true },
	env: { short: 'e', value: true },
	'env-file': { value: true },
	entrypoint: { value: true },
	workdir: { short: 'w', value: true },
	init: {},
	restart: { value: true },
	user: { short: 'u', value: true },
	label: { short: 'l', value: true },
	attach: { short: 'a', value: true },
	memory: { short: 'm', value: true },
	cpus: { value: true },
	help: {},
};

/** Options of `docker run` and `docker create`, for the parser and completions. */
export const runFlags: Record<string, { short?: string; value?: boolean }> = runSpec;

/** Reads `-p` values: `8080:80`, `127.0.0.1:8080:80/udp`, `80`. */
function parsePublish(value: string): PortBinding | 'random' | undefined {
	const [spec, proto = 'tcp'] = value.split('/');
	const parts = spec!.split(':');
	const protocol = (
		['tcp', 'udp', 'sctp'].includes(proto) ? proto : 'tcp'
	) as PortBinding['protocol'];
	const containerPort = Number(parts.at(-1));
	if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535)
		return undefined;
	const hostPort = parts.length >= 2 ? Number(parts.at(-2)) : NaN;
	const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
	if (parts.length === 1 || parts.at(-2) === '')
		return { hostIp, hostPort: 0, containerPort, protocol };
	if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) return undefined;
	return { hostIp, hostPort, containerPort, protocol };
}

/** Makes a container from `run`/`create` options; an answer when something is wrong. */
export function createContainer(
	ctx: Context,
	words: string[],
	command: 'run' | 'create'
): Container | Answer {
	const { state } = ctx;
	const parsed = parseRun(words, command);
	if ('exitCode' in parsed) return parsed;
	const { flags, args } = parsed;
	const [reference, ...cmd] = args;
	if (!reference) return fail('requires-argument', { command });
	const one = (name: string) => flags[name]?.at(-1);
	const name = one('name');
	if (name) {
		const existing = state.containers.find((c) => c.name === name);
		if (existing) return daemonError('name-conflict', { name, id: existing.id }, { run: command });
	}
	const networkName = one('network') ?? one('net') ?? 'bridge';
	const network = findNetwork(state, networkName);
	if (!network) return daemonError('network-not-found', { name: networkName }, { run: command });
	const pulled = ensureImage(ctx, reference, command);
	if ('exitCode' in pulled) return pulled;
	const { image, before } = pulled;
	const id = hex(ctx.rng, 64);
	const ports: PortBinding[] = [];
	for (const value of flags['publish'] ?? []) {
		const binding = parsePublish(value);
		if (!binding || binding === 'random')
			return fail(
				'invalid-container-port',
				{ value },
				{
					exitCode: 125,
					prefix: 'docker: ',
					suffix: `\n\nRun 'docker ${command} --help' for more information`,
				}
			);
		if (binding.hostPort === 0) binding.hostPort = state.nextEphemeralPort++;
		ports.push(binding);
	}
	if (flags['publish-all'])
		for (const exposed of image.exposedPorts) {
			const [port, protocol = 'tcp'] = exposed.split('/');
			ports.push({
				hostIp: '0.0.0.0',
				hostPort: state.nextEphemeralPort++,
				containerPort: Number(port),
				protocol: protocol as PortBinding['protocol'],
			});
		}
	const mounts: MountPoint[] = [];
	const mountSpecs = [
		...(flags['volume'] ?? []).map((v) => {
			const parts = v.split(':');
			const readOnly = parts.length === 3 && parts[2]!.split(',').includes('ro');
			return parts.length === 1
				? { source: '', destination: parts[0]!, readOnly }
				: { source: parts[0]!, destination: parts[1]!, readOnly };
		}),
		...(flags['mount'] ?? []).map((m) => {
			const fields = Object.fromEntries(
				m.split(',').map((f) => [f.split('=')[0]!, f.split('=')[1] ?? 'true'])
			);
			const type = fields['type'] ?? 'volume';
			const source = fields['source'] ?? fields['src'] ?? '';
			return {
				source: type === 'bind' ? absoluteHostPath(source) : source,
				destination: fields['target'] ?? fields['dst'] ?? fields['destination'] ?? '',
				readOnly: 'readonly' in fields || 'ro' in fields,
			};
		}),
	];
	for (const spec of mountSpecs) {
		if (/^[./~]/.test(spec.source)) {
			mounts.push({
				type: 'bind',
				source: absoluteHostPath(spec.source),
				destination: spec.destination,
				readOnly: spec.readOnly,
			});
			continue;
		}
		const volumeName = spec.source || hex(ctx.rng, 64);
		if (!state.volumes.some((v) => v.name === volumeName))
			state.volumes.push({
				name: volumeName,
				created: state.clock,
				anonymous: !spec.source,
				files: {},
			});
		mounts.push({
			type: 'volume',
			source: volumeName,
			destination: spec.destination,
			readOnly: spec.readOnly,
		});
	}
	// A folder the image declares with VOLUME gets an anonymous volume unless something is mounted there.
	for (const path of image.volumes ?? []) {
		if (mounts.some((m) => m.destination === path)) continue;
		const volumeName = hex(ctx.rng, 64);
		state.volumes.push({ name: volumeName, created: state.clock, anonymous: true, files: {} });
		mounts.push({ type: 'volume', source: volumeName, destination: path, readOnly: false });
	}
	const env = [...image.env];
	for (const value of flags['env'] ?? []) {
		const key = value.split('=')[0]!;
		const index = env.findIndex((e) => e.startsWith(`${key}=`));
		if (index !== -1) env.splice(index, 1);
		env.push(value);
	}
	for (const file of flags['env-file'] ?? [])
		for (const line of (state.files[file.replace(/^\.\//, '')] ?? '').split('\n'))
			if (/^\w+=/.test(line.trim())) env.push(line.trim());
	const entrypointFlag = one('entrypoint');
	const container: Container = {
		id,
		name: name ?? containerName(ctx.rng, (n) => state.containers.some((c) => c.name === n)),
		image: reference,
		imageId: image.id,
		entrypoint:
			entrypointFlag !== undefined
				? entrypointFlag
					? [entrypointFlag]
					: []
				: [...image.entrypoint],
		cmd: cmd.length ? cmd : entrypointFlag !== undefined ? [] : [...image.cmd],
		env,
		created: state.clock,
		status: 'created',
		startedAt: 0,
		finishedAt: 0,
		exitCode: 0,
		tty: !!flags['tty'],
		interactive: !!flags['interactive'],
		autoRemove: !!flags['rm'],
		restart: one('restart') ?? 'no',
		hostname: one('hostname') ?? id.slice(0, 12),
		workdir: one('workdir') ?? image.workdir,
		init: !!flags['init'],
		publishAll: !!flags['publish-all'],
		ports: network.name === 'host' || network.name === 'none' ? [] : ports,
		mounts,
		networkMode: network.name === 'bridge' ? 'bridge' : network.name,
		networks:
			network.name === 'none'
				? []
				: [
						{
							network: network.name,
							ip: '',
							staticIp: one('ip') ?? '',
							aliases: flags['network-alias'] ?? [],
							mac: '',
							endpointId: hex(ctx.rng, 64),
						},
					],
		logs: [],
		files: {},
		healthcheck: false,
	};
	const staticIp = one('ip');
	if (staticIp && network.builtin) return daemonError('ip-default-bridge', {}, { run: command });
	state.containers.push(container);
	if (before.length) container.logs = [];
	(container as Container & { pullLines?: string[] }).pullLines = before;
	return container;
}

function parseRun(words: string[], command: string) {
	// Imported lazily in spirit: the flag parser is shared by every command.
	return parseFlagsShared(words, runSpec, command, true);
}

import { parseFlags as parseFlagsShared } from './flags.ts';
import { ensureImage } from './images.ts';

/** `docker run`. */
export function run(ctx: Context, words: string[]): Answer {
	const made = createContainer(ctx, words, 'run');
	if ('output' in made) return made;
	const before = (made as Container & { pullLines?: string[] }).pullLines ?? [];
	delete (made as Container & { pullLines?: string[] }).pullLines;
	const detached = words.some((w) => /^-[a-zA-Z]*d[a-zA-Z]*$/.test(w) || w === '--detach');
	const started = startContainer(ctx, made, 'run');
	if ('exitCode' in started) return { ...started, output: [...before, started.output].join('\n') };
	// Docker warns that -p means nothing on the host's network, and drops the ports.
	const warning =
		words.some((w) => w === '-p' || w.startsWith('--publish')) && made.networkMode === 'host'
			? ['WARNING: Published ports are discarded when using host network mode']
			: [];
	const lines = [...before, ...warning, ...(detached ? [made.id] : started.output)];
	if (!detached && made.status === 'running' && made.interactive && made.tty) {
		// An interactive session cannot be typed into here: it ends as if the user typed `exit`.
		stopContainer(ctx.state, made, 0);
	}
	const exitCode = detached ? 0 : made.exitCode;
	return {
		exitCode,
		output: lines.join('\n'),
		...(started.explanation && !detached && { explanation: started.explanation }),
	};
}

/** `docker create`. */
export function create(ctx: Context, words: string[]): Answer {
	const made = createContainer(ctx, words, 'create');
	if ('output' in made) return made;
	const before = (made as Container & { pullLines?: string[] }).pullLines ?? [];
	delete (made as Container & { pullLines?: string[] }).pullLines;
	return ok([...before, made.id]);
}

/** Applies `action` to each named container, as `start`, `stop`, `restart`, `rm` do. */
function eachContainer(
	ctx: Context,
	names: string[],
	command: string,
	action: (c: Container, name: string) => Answer | string
): Answer {
	if (!names.length) return fail('requires-argument', { command });
	const out: string[] = [];
	let exitCode = 0;
	let explanation: Answer['explanation'];
	for (const name of names) {
		const c = findContainer(ctx.state, name);
		if (!c) {
			const answer = daemonError('no-such-container', { name });
			out.push(answer.output);
			exitCode = 1;
			explanation = answer.explanation;
			continue;
		}
		const result = action(c, name);
		if (typeof result === 'string') out.push(result);
		else {
			if (result.output) out.push(result.output);
			if (result.exitCode) {
				exitCode = result.exitCode;
				explanation = result.explanation;
			}
		}
	}
	return { exitCode, output: out.join('\n'), ...(explanation && { explanation }) };
}

/** `docker start [-a] NAME…`. */
export function start(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{ attach: { short: 'a' }, interactive: { short: 'i' } },
		'start'
	);
	if ('exitCode' in parsed) return parsed;
	return eachContainer(ctx, parsed.args, 'start', (c, name) => {
		if (c.status === 'running') return name;
		// A paused container is running too, but Docker looks at the pause first.
		const started =
			c.status === 'paused'
				? daemonError('start-paused', { name })
				: startContainer(ctx, c, 'start');
		if ('exitCode' in started)
			return {
				...started,
				output: `${started.output}\nfailed to start containers: ${name}`,
			};
		return parsed.flags['attach'] ? started.output.join('\n') : name;
	});
}

/** `docker stop NAME…`. */
export function stop(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{ time: { short: 't', value: true }, signal: { short: 's', value: true } },
		'stop'
	);
	if ('exitCode' in parsed) return parsed;
	return eachContainer(ctx, parsed.args, 'stop', (c, name) => {
		if (isUp(c)) {
			// SIGTERM to a server exits 0; a shell kept alive by -it gets SIGKILL after 10 s.
			const behaviour = ctx.state.images.find((i) => i.id === c.imageId)?.behaviour;
			stopContainer(ctx.state, c, behaviour === 'shell' && !c.init ? 137 : 0);
		}
		return name;
	});
}

/** `docker restart NAME…`. */
export function restart(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(words, { time: { short: 't', value: true } }, 'restart');
	if ('exitCode' in parsed) return parsed;
	return eachContainer(ctx, parsed.args, 'restart', (c, name) => {
		if (isUp(c)) {
			const keep = c.autoRemove;
			c.autoRemove = false;
			stopContainer(ctx.state, c, 0);
			c.autoRemove = keep;
		}
		const started = startContainer(ctx, c, 'start');
		return 'exitCode' in started ? started : name;
	});
}

/** `docker pause` and `docker unpause`. */
export function pause(ctx: Context, words: string[], resume: boolean): Answer {
	return eachContainer(ctx, words, resume ? 'unpause' : 'pause', (c, name) => {
		if (!resume && c.status === 'running') c.status = 'paused';
		else if (resume && c.status === 'paused') c.status = 'running';
		else if (resume) return daemonError('not-paused', { id: c.id });
		else if (c.status === 'paused') return daemonError('already-paused', { id: c.id, name });
		else return daemonError('not-running', { id: c.id, name });
		return name;
	});
}

/** `docker kill NAME…`. */
export function kill(ctx: Context, words: string[]): Answer {
	return eachContainer(ctx, words, 'kill', (c, name) => {
		if (!isUp(c)) return daemonError('kill-not-running', { id: c.id, name });
		stopContainer(ctx.state, c, 137);
		return name;
	});
}

/** `docker rm [-f] [-v] NAME…`. */
export function rm(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{ force: { short: 'f' }, volumes: { short: 'v' }, link: { short: 'l' } },
		'rm'
	);
	if ('exitCode' in parsed) return parsed;
	return eachContainer(ctx, parsed.args, 'rm', (c, name) => {
		if (isUp(c) && !parsed.flags['force'])
			return daemonError(c.status === 'paused' ? 'remove-paused' : 'remove-running', { name });
		removeContainer(ctx.state, c, !!parsed.flags['volumes']);
		return name;
	});
}

/** The COMMAND column: entrypoint and command, cut at 20 characters, quoted. */
export function commandColumn(c: Container): string {
	return `"${ellipsis([...c.entrypoint, ...c.cmd].join(' '), 20)}"`;
}

/** The STATUS column. */
export function statusColumn(state: HostState, c: Container): string {
	if (c.status === 'created') return 'Created';
	if (c.status === 'exited')
		return `Exited (${c.exitCode}) ${humanDuration(state.clock - c.finishedAt)} ago`;
	const up = `Up ${humanDuration(state.clock - c.startedAt)}`;
	if (c.status === 'paused') return `${up} (Paused)`;
	// The check reports healthy from its first run on; the simulator does not model failing checks.
	return c.healthcheck ? `${up} (healthy)` : up;
}

/** The PORTS column: published ports (IPv4 and IPv6 for every address), then exposed ones. */
export function portsColumn(state: HostState, c: Container): string {
	if (!isUp(c)) return '';
	const image = state.images.find((i) => i.id === c.imageId);
	const published = c.ports.flatMap((p) =>
		p.hostIp === '0.0.0.0'
			? [
					`0.0.0.0:${p.hostPort}->${p.containerPort}/${p.protocol}`,
					`[::]:${p.hostPort}->${p.containerPort}/${p.protocol}`,
				]
			: [`${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`]
	);
	const exposed = (image?.exposedPorts ?? []).filter(
		(e) => !c.ports.some((p) => `${p.containerPort}/${p.protocol}` === e)
	);
	return c.networkMode === 'host' ? '' : [...published, ...exposed].join(', ');
}

/** `docker ps [-a] [-q]`. */
export function ps(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{
			all: { short: 'a' },
			quiet: { short: 'q' },
			'no-trunc': {},
			latest: { short: 'l' },
			filter: { short: 'f', value: true },
			format: { value: true },
		},
		'ps'
	);
	if ('exitCode' in parsed) return parsed;
	const { state } = ctx;
	const shown = [...state.containers].reverse().filter((c) => parsed.flags['all'] || isUp(c));
	if (parsed.flags['quiet']) return ok(shown.map((c) => c.id.slice(0, 12)));
	const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
	for (const c of shown)
		rows.push([
			c.id.slice(0, 12),
			c.image,
			commandColumn(c),
			`${humanDuration(state.clock - c.created)} ago`,
			statusColumn(state, c),
			portsColumn(state, c),
			c.name,
		]);
	return ok(table(rows));
}

/** `docker logs [-f] NAME`. */
export function logs(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{ follow: { short: 'f' }, tail: { short: 'n', value: true }, timestamps: { short: 't' } },
		'logs'
	);
	if ('exitCode' in parsed) return parsed;
	const name = parsed.args[0];
	if (!name) return fail('requires-argument', { command: 'logs' });
	const c = findContainer(ctx.state, name);
	if (!c) return daemonError('no-such-container', { name });
	const tail = parsed.flags['tail']?.at(-1);
	const lines = tail && tail !== 'all' ? c.logs.slice(-Number(tail)) : c.logs;
	return { ...ok(lines), ...(c.failure && c.status === 'exited' && { explanation: c.failure }) };
}

/** `docker exec [-it] NAME COMMAND…`. */
export function exec(ctx: Context, words: string[]): Answer {
	const parsed = parseFlagsShared(
		words,
		{
			interactive: { short: 'i' },
			tty: { short: 't' },
			detach: { short: 'd' },
			env: { short: 'e', value: true },
			workdir: { short: 'w', value: true },
			user: { short: 'u', value: true },
		},
		'exec',
		true
	);
	if ('exitCode' in parsed) return parsed;
	const [name, ...command] = parsed.args;
	if (!name || !command.length) return fail('requires-argument', { command: 'exec' });
	const c = findContainer(ctx.state, name);
	if (!c) return daemonError('no-such-container', { name });
	if (c.status === 'paused') return daemonError('exec-paused', { name });
	if (c.status !== 'running') return daemonError('not-running', { id: c.id, name });
	const result = runInside(ctx.state, c, command);
	const answer: Answer = {
		exitCode: result.exitCode === 127 && result.failure ? 126 : result.exitCode,
		output: result.output.join('\n'),
	};
	if (result.failure) answer.explanation = result.failure;
	return answer;
}

/** `docker port NAME [PORT]`. */
export function port(ctx: Context, words: string[]): Answer {
	const [name, which] = words;
	if (!name) return fail('requires-argument', { command: 'port' });
	const c = findContainer(ctx.state, name);
	if (!c) return daemonError('no-such-container', { name });
	const key = which && !which.includes('/') ? `${which}/tcp` : which;
	const bindings = isUp(c)
		? c.ports.filter((p) => !key || `${p.containerPort}/${p.protocol}` === key)
		: [];
	if (!bindings.length && key) return fail('no-public-port', { port: which!, name });
	return ok(
		bindings.flatMap((p) => {
			const left = key ? '' : `${p.containerPort}/${p.protocol} -> `;
			return p.hostIp === '0.0.0.0'
				? [`${left}0.0.0.0:${p.hostPort}`, `${left}[::]:${p.hostPort}`]
				: [`${left}${p.hostIp}:${p.hostPort}`];
		})
	);
}

/** The container as `docker inspect` shows it, trimmed to the parts the course reads. */
export function inspectContainer(state: HostState, c: Container): unknown {
	const portMap: Record<string, { HostIp: string; HostPort: string }[]> = {};
	const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
	for (const p of c.ports) {
		const key = `${p.containerPort}/${p.protocol}`;
		(bindings[key] ??= []).push({
			HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp,
			HostPort: String(p.hostPort),
		});
		if (c.status === 'running')
			(portMap[key] ??= []).push(
				...(p.hostIp === '0.0.0.0'
					? [
							{ HostIp: '0.0.0.0', HostPort: String(p.hostPort) },
							{ HostIp: '::', HostPort: String(p.hostPort) },
						]
					: [{ HostIp: p.hostIp, HostPort: String(p.hostPort) }])
			);
	}
	const image = state.images.find((i) => i.id === c.imageId);
	const bridge = c.networks.find((a) => a.network === 'bridge');
	const networks: Record<string, unknown> = {};
	// Go writes a map's keys sorted.
	for (const a of [...c.networks].sort((x, y) => x.network.localeCompare(y.network))) {
		const network = state.networks.find((n) => n.name === a.network);
		const running = isUp(c);
		networks[a.network] = {
			IPAMConfig: a.staticIp ? { IPv4Address: a.staticIp } : null,
			MacAddress: running ? a.mac : '',
			Aliases: a.aliases.length ? a.aliases : null,
			NetworkID: network?.id ?? '',
			EndpointID: running ? a.endpointId : '',
			Gateway: running ? (network?.gateway ?? '') : '',
			IPAddress: a.ip,
			IPPrefixLen: running && network?.subnet ? Number(network.subnet.split('/')[1]) : 0,
			DNSNames: a.network === 'bridge' ? null : [c.name, ...a.aliases, c.id.slice(0, 12)],
		};
	}
	return {
		Id: c.id,
		Created: isoTime(c.created),
		Path: [...c.entrypoint, ...c.cmd][0] ?? '',
		Args: [...c.entrypoint, ...c.cmd].slice(1),
		State: {
			Status: c.status,
			Running: isUp(c),
			Paused: c.status === 'paused',
			Restarting: false,
			OOMKilled: false,
			Dead: false,
			Pid: isUp(c) ? 1000 + (parseInt(c.id.slice(0, 4), 16) % 9000) : 0,
			ExitCode: c.exitCode,
			Error: '',
			StartedAt: c.startedAt ? isoTime(c.startedAt) : '0001-01-01T00:00:00Z',
			FinishedAt: c.finishedAt ? isoTime(c.finishedAt) : '0001-01-01T00:00:00Z',
		},
		Image: c.imageId,
		Name: `/${c.name}`,
		RestartCount: 0,
		HostConfig: {
			Binds: c.mounts
				.filter((m) => m.type === 'bind')
				.map((m) => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ''}`),
			NetworkMode: c.networkMode,
			PortBindings: bindings,
			RestartPolicy: { Name: c.restart, MaximumRetryCount: 0 },
			AutoRemove: c.autoRemove,
			PublishAllPorts: c.publishAll,
			Init: c.init ? true : null,
		},
		Mounts: c.mounts.map((m) =>
			m.type === 'volume'
				? {
						Type: 'volume',
						Name: m.source,
						Source: `/var/lib/docker/volumes/${m.source}/_data`,
						Destination: m.destination,
						Driver: 'local',
						Mode: 'z',
						RW: !m.readOnly,
						Propagation: '',
					}
				: {
						Type: 'bind',
						Source: m.source,
						Destination: m.destination,
						Mode: '',
						RW: !m.readOnly,
						Propagation: 'rprivate',
					}
		),
		Config: {
			Hostname: c.hostname,
			Tty: c.tty,
			OpenStdin: c.interactive,
			ExposedPorts: Object.fromEntries((image?.exposedPorts ?? []).map((p) => [p, {}])),
			Env: c.env,
			Cmd: c.cmd.length ? c.cmd : null,
			Image: c.image,
			WorkingDir: c.workdir,
			Entrypoint: c.entrypoint.length ? c.entrypoint : null,
			Labels: c.compose
				? {
						'com.docker.compose.project': c.compose.project,
						'com.docker.compose.service': c.compose.service,
					}
				: {},
		},
		NetworkSettings: {
			Ports: portMap,
			Gateway: bridge?.ip ? '172.17.0.1' : '',
			IPAddress: bridge?.ip ?? '',
			IPPrefixLen: bridge?.ip ? 16 : 0,
			MacAddress: bridge?.ip ? bridge.mac : '',
			Networks: networks,
		},
	};
}

export { workingDirectory };
