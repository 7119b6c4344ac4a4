/**
 * What runs inside a container: the few programs the course calls (`echo`, `cat`, `ls`,
 * `hostname`, `ping`, `getent`, `curl`, `sh -c`, `sleep`, the MariaDB client), the files they
 * read and write (the container's layer, its volumes, its bind mounts), and who reaches whom.
 */
import { formatMessage, messages, type MessageId } from './messages.ts';
import { isUp, workingDirectory } from './host.ts';
import { commandsOf, tokenize } from './words.ts';
import type { Container, HostState, Image } from './types.ts';

/** What a program printed and how it ended; `long` when it keeps running. */
export interface ProgramResult {
	output: string[];
	exitCode: number;
	long?: boolean;
	/** The message id and values of a failure, for the explanation. */
	failure?: { key: string; params: Record<string, string | number> };
}

const defaultPages: Record<string, string> = {
	nginx: `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>`,
	httpd: '<html><body><h1>It works!</h1></body></html>',
};

/** A failure's explanation: the key the message table gives the message. */
function failure(
	id: MessageId,
	params: Record<string, string | number>
): NonNullable<ProgramResult['failure']> {
	return { key: messages[id].explanation, params };
}

// Debian's Apache page, shortened: its title and heading are what a learner recognises.
const ubuntuApachePage = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <title>Apache2 Ubuntu Default Page: It works</title>
  </head>
  <body>
    <div class="main_page">
      <div class="page_header floating_element">
        <span class="floating_element">Apache2 Default Page</span>
      </div>
      <div class="section_header"><div id="about"></div>It works!</div>
      <p>This is the default welcome page used to test the correct operation of the Apache2 server after installation on Ubuntu systems.</p>
    </div>
  </body>
</html>`;

/** Where each web server serves files from. */
export const documentRoots: Record<string, string> = {
	nginx: '/usr/share/nginx/html',
	httpd: '/usr/local/apache2/htdocs',
};

/** Where an image's web server serves from: Apache from Debian's packages uses /var/www/html. */
export function documentRoot(image: Image | undefined): string | undefined {
	if (image?.behaviour === 'httpd' && image.cmd[0]?.startsWith('apache2')) return '/var/www/html';
	return documentRoots[image?.behaviour ?? ''];
}

/** The ports each kind of server listens on. */
export const listening: Record<string, number[]> = {
	nginx: [80],
	httpd: [80],
	redis: [6379],
	mariadb: [3306],
	mysql: [3306, 33060],
	postgres: [5432],
};

/** The programs an image has, beyond the shell's builtins. */
function hasProgram(image: Image | undefined, program: string): boolean {
	const family = image?.family ?? 'debian';
	const name = program.split('/').at(-1)!;
	const common = [
		'sh',
		'echo',
		'cat',
		'ls',
		'hostname',
		'sleep',
		'env',
		'printenv',
		'true',
		'false',
		'mkdir',
		'touch',
		'whoami',
		'date',
		'id',
		'uname',
		'rm',
		'tail',
	];
	if (common.includes(name)) return true;
	if (name === 'bash') return family === 'debian';
	if (name === 'ash' || name === 'ping' || name === 'wget') return family !== 'debian';
	if (name === 'getent') return family !== 'busybox';
	if (name === 'curl') return image?.behaviour === 'nginx' && family === 'debian';
	if (name === 'mariadb' || name === 'mysql')
		return image?.behaviour === 'mariadb' || image?.behaviour === 'mysql';
	if (name === 'nginx') return image?.behaviour === 'nginx';
	return false;
}

/** Where a path of a container lives: a volume, a host folder (bind) or the container's layer. */
type Place =
	| { kind: 'volume'; name: string; rel: string; readOnly: boolean }
	| { kind: 'bind'; path: string; readOnly: boolean }
	| { kind: 'layer'; path: string };

function placeOf(container: Container, path: string): Place {
	const mount = [...container.mounts]
		.sort((a, b) => b.destination.length - a.destination.length)
		.find((m) => path === m.destination || path.startsWith(`${m.destination.replace(/\/$/, '')}/`));
	if (!mount) return { kind: 'layer', path };
	const rel = path.slice(mount.destination.length).replace(/^\//, '');
	if (mount.type === 'volume')
		return { kind: 'volume', name: mount.source, rel, readOnly: mount.readOnly };
	const base = hostRelative(mount.source);
	return {
		kind: 'bind',
		path: rel ? (base ? `${base}/${rel}` : rel) : base,
		readOnly: mount.readOnly,
	};
}

/** A host path as a key of `HostState.files` (relative to the working directory). */
export function hostRelative(path: string): string {
	let rel = path;
	if (rel.startsWith(`${workingDirectory}/`)) rel = rel.slice(workingDirectory.length + 1);
	else if (rel === workingDirectory || rel === '.') rel = '';
	return rel.replace(/^\.\//, '').replace(/\/$/, '');
}

/** The text of a file inside a container, or undefined when there is none. */
export function readFile(state: HostState, container: Container, path: string): string | undefined {
	const place = placeOf(container, path);
	if (place.kind === 'volume') {
		const volume = state.volumes.find((v) => v.name === place.name);
		const text = volume?.files[place.rel];
		if (text !== undefined) return text;
		// A fresh named volume is filled from the image's files at that path, as Docker does.
	} else if (place.kind === 'bind') return state.files[place.path];
	if (container.files[path] !== undefined) return container.files[path];
	const image = state.images.find((i) => i.id === container.imageId);
	if (image?.files[path] !== undefined) return image.files[path];
	return builtinFile(state, container, image, path);
}

function builtinFile(
	state: HostState,
	container: Container,
	image: Image | undefined,
	path: string
): string | undefined {
	if (path === '/etc/hostname') return `${container.hostname}\n`;
	if (path === '/etc/hosts') {
		const own = container.networks.map((a) => a.ip).filter(Boolean);
		return [
			'127.0.0.1\tlocalhost',
			'::1\tlocalhost ip6-localhost ip6-loopback',
			...own.map((ip) => `${ip}\t${container.hostname}`),
			'',
		].join('\n');
	}
	if (path === '/etc/os-release') {
		if (image?.family === 'alpine')
			return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.23.0\nPRETTY_NAME="Alpine Linux v3.23"\n';
		if (image?.family === 'busybox') return undefined;
		return 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nID=debian\n';
	}
	const behaviour = image?.behaviour ?? '';
	const root = documentRoot(image);
	if (root && path === `${root}/index.html`) {
		// A bind mount or a volume over the folder hides the image's page.
		const place = placeOf(container, root);
		if (place.kind === 'bind') return undefined;
		if (place.kind === 'volume') {
			const volume = state.volumes.find((v) => v.name === place.name);
			if (volume && Object.keys(volume.files).length) return undefined;
		}
		return root === '/var/www/html' ? `${ubuntuApachePage}\n` : `${defaultPages[behaviour]}\n`;
	}
	return undefined;
}

/** Writes a file inside a container; false when the place is read-only. */
export function writeFile(
	state: HostState,
	container: Container,
	path: string,
	text: string
): boolean {
	const place = placeOf(container, path);
	if (place.kind === 'volume') {
		if (place.readOnly) return false;
		const volume = state.volumes.find((v) => v.name === place.name);
		if (volume) volume.files[place.rel] = text;
	} else if (place.kind === 'bind') {
		if (place.readOnly) return false;
		state.files[place.path] = text;
	} else container.files[path] = text;
	return true;
}

/** The names of the entries of a folder inside a container. */
function listFolder(state: HostState, container: Container, path: string): string[] | undefined {
	const dir = path.replace(/\/$/, '') || '';
	const names = new Set<string>();
	const collect = (keys: string[], base: string) => {
		for (const key of keys) {
			const full = base ? `${base}/${key}` : key;
			if (full.startsWith(`${dir}/`)) names.add(full.slice(dir.length + 1).split('/')[0]!);
		}
	};
	for (const m of container.mounts) {
		if (m.type === 'volume')
			collect(
				Object.keys(state.volumes.find((v) => v.name === m.source)?.files ?? {}),
				m.destination
			);
		else {
			const base = hostRelative(m.source);
			collect(
				Object.keys(state.files)
					.filter((key) => !base || key.startsWith(`${base}/`))
					.map((key) => (base ? key.slice(base.length + 1) : key)),
				m.destination
			);
		}
		if (m.destination.startsWith(`${dir}/`) || (dir === '' && m.destination !== '/'))
			names.add(m.destination.slice(dir.length + 1).split('/')[0]!);
	}
	collect(Object.keys(container.files), '');
	const image = state.images.find((i) => i.id === container.imageId);
	collect(Object.keys(image?.files ?? {}), '');
	const root = documentRoot(image);
	if (root && dir === root && !names.size) names.add('index.html');
	if (dir === '')
		['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'].forEach((n) =>
			names.add(n)
		);
	return [...names].sort();
}

/** How a container's resolver answers for a name: an address, or undefined. */
export function resolveName(state: HostState, from: Container, name: string): string | undefined {
	if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
	if (name === 'localhost') return '127.0.0.1';
	if (name === from.hostname || name === from.name) return from.networks.find((a) => a.ip)?.ip;
	for (const attachment of from.networks) {
		// Docker's embedded DNS answers only on networks the user created.
		if (attachment.network === 'bridge' || !attachment.ip) continue;
		for (const other of state.containers) {
			// A paused container keeps its endpoint: its name still resolves.
			if (!isUp(other)) continue;
			const there = other.networks.find((a) => a.network === attachment.network && a.ip);
			if (!there) continue;
			const names = [other.name, ...there.aliases, other.id.slice(0, 12)];
			if (names.includes(name)) return there.ip;
		}
	}
	return undefined;
}

/** The running container that has an address reachable from a container, or undefined. */
export function containerAt(
	state: HostState,
	from: Container | undefined,
	ip: string
): Container | undefined {
	for (const other of state.containers) {
		// A paused container's network stack is the kernel's, not frozen: its address answers.
		if (!isUp(other)) continue;
		for (const there of other.networks) {
			if (there.ip !== ip) continue;
			if (!from) {
				// From the host: any bridge address answers, except on an internal network.
				const network = state.networks.find((n) => n.name === there.network);
				if (network && !network.internal) return other;
			} else if (from.networks.some((a) => a.network === there.network && a.ip)) return other;
		}
	}
	return undefined;
}

/** The body a web server answers with for a path, or undefined when it serves no HTTP. */
export function httpBody(state: HostState, server: Container, path: string): string | undefined {
	const image = state.images.find((i) => i.id === server.imageId);
	const root = documentRoot(image);
	if (!root) return undefined;
	const file =
		path === '/' || path === '' ? '/index.html' : path.endsWith('/') ? `${path}index.html` : path;
	const body = readFile(state, server, `${root}${file}`);
	if (body !== undefined) return body.endsWith('\n') ? body.slice(0, -1) : body;
	return image?.behaviour === 'nginx'
		? '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.30.0</center>\n</body>\n</html>'
		: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>';
}

/** curl's options that take a value (curl 8's `--help all`): the word after them is not the URL. */
const curlValueOptions = new Set(
	'A b c d e E F H K m o r T u w x X'.split(' ').map((letter) => `-${letter}`)
);
const curlLongValueOptions = new Set(
	'cert config connect-timeout cookie cookie-jar data data-binary data-raw form header max-time output proxy range referer request retry upload-file user user-agent write-out'
		.split(' ')
		.map((name) => `--${name}`)
);

/**
 * `curl [OPTIONS] URL` from a container (or the host when `from` is undefined). Short options may
 * be grouped (`-sS`, `-sm 5`); `-s` without `-S` keeps curl's error line off the screen.
 */
export function curl(state: HostState, from: Container | undefined, args: string[]): ProgramResult {
	let url: string | undefined;
	let maxTime: number | undefined;
	let silent = false;
	let showError = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		const takesValue = arg.startsWith('--')
			? curlLongValueOptions.has(arg)
			: arg.length > 1 && arg.startsWith('-') && curlValueOptions.has(`-${arg.at(-1)}`);
		if (arg === '--silent') silent = true;
		else if (arg === '--show-error') showError = true;
		else if (/^-[a-zA-Z]+$/.test(arg)) {
			silent ||= arg.includes('s');
			showError ||= arg.includes('S');
		}
		if (takesValue) {
			if (arg === '--max-time' || (!arg.startsWith('--') && arg.endsWith('m')))
				maxTime = Number(args[i + 1]);
			i++;
		} else if (!arg.startsWith('-')) url ??= arg;
	}
	const result = request(state, from, url, maxTime);
	return silent && !showError
		? { ...result, output: result.output.filter((line) => !/^curl: \(\d+\)/.test(line)) }
		: result;
}

/** What curl gets from URL, and prints. */
function request(
	state: HostState,
	from: Container | undefined,
	url: string | undefined,
	maxTime: number | undefined
): ProgramResult {
	if (!url)
		return {
			output: ["curl: try 'curl --help' or 'curl --manual' for more information"],
			exitCode: 2,
		};
	const match = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
	if (!match)
		return { output: [`curl: (3) URL rejected: Malformed input to a URL function`], exitCode: 3 };
	const host = match[1]!;
	const port = Number(match[2] ?? 80);
	const path = match[3] ?? '/';
	const refused = (): ProgramResult => ({
		output: [formatMessage('curl-refused', { host, port })],
		exitCode: 7,
		failure: failure('curl-refused', { host, port }),
	});
	// The host's published ports: from the host on localhost, from a container on its gateway.
	const published = (): { server?: Container; serverPort: number } => {
		for (const c of state.containers) {
			if (!isUp(c)) continue;
			const binding = c.ports.find((p) => p.hostPort === port && p.protocol === 'tcp');
			if (!binding) continue;
			// Published ports of a container only on internal networks are not reachable.
			const reachable = c.networks.some(
				(a) => !state.networks.find((n) => n.name === a.network)?.internal
			);
			if (reachable) return { server: c, serverPort: binding.containerPort };
		}
		const onHost = state.containers.find((c) => isUp(c) && c.networkMode === 'host');
		return onHost ? { server: onHost, serverPort: port } : { serverPort: port };
	};
	let found: { server?: Container | undefined; serverPort: number };
	if (!from && (host === 'localhost' || host === '127.0.0.1' || host === '0.0.0.0'))
		found = published();
	else {
		const ip = from
			? resolveName(state, from, host)
			: /^\d+\.\d+\.\d+\.\d+$/.test(host)
				? host
				: undefined;
		if (ip === undefined)
			return {
				output: [formatMessage('curl-resolve', { host })],
				exitCode: 6,
				failure: failure('curl-resolve', { host }),
			};
		const gateway = from?.networks.some(
			(a) => a.ip && state.networks.find((n) => n.name === a.network && !n.internal)?.gateway === ip
		);
		found = gateway
			? published()
			: { server: ip === '127.0.0.1' ? from : containerAt(state, from, ip), serverPort: port };
	}
	const { server: target, serverPort } = found;
	if (!target) return refused();
	const image = state.images.find((i) => i.id === target.imageId);
	if (!(listening[image?.behaviour ?? ''] ?? []).includes(serverPort)) return refused();
	// Paused: the kernel accepts the connection, but the frozen server never answers. curl waits
	// until its -m runs out, or until the learner gives up (Ctrl+C, which the terminal echoes).
	if (target.status === 'paused') {
		const explained = failure('curl-timeout', { name: target.name });
		return maxTime !== undefined && maxTime > 0
			? {
					output: [formatMessage('curl-timeout', { ms: Math.round(maxTime * 1000) })],
					exitCode: 28,
					failure: explained,
				}
			: { output: ['^C'], exitCode: 130, failure: explained };
	}
	const body = httpBody(state, target, path);
	if (body === undefined) return { output: ['curl: (52) Empty reply from server'], exitCode: 52 };
	if (image?.behaviour === 'nginx') {
		const client = from?.networks.find((a) => a.ip)?.ip ?? '172.17.0.1';
		const when = new Date(state.clock * 1000);
		const stamp = `${String(when.getUTCDate()).padStart(2, '0')}/${when.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}/${when.getUTCFullYear()}:${when.toISOString().slice(11, 19)} +0000`;
		target.logs.push(
			`${client} - - [${stamp}] "GET ${path} HTTP/1.1" 200 ${body.length + 1} "-" "curl/8.14.1" "-"`
		);
	}
	return { output: [body], exitCode: 0 };
}

/** `ping -c N host` from a container, in the image's wording. */
function ping(state: HostState, from: Container, args: string[]): ProgramResult {
	let count = 4;
	let host = '';
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '-c') count = Math.max(1, Math.min(10, Number(args[++i]) || 1));
		else if (!args[i]!.startsWith('-')) host = args[i]!;
	}
	if (!host)
		return {
			output: ['BusyBox v1.37.0 multi-call binary.', '', 'Usage: ping [OPTIONS] HOST'],
			exitCode: 1,
		};
	const ip = resolveName(state, from, host);
	if (ip === undefined)
		return {
			output: [formatMessage('ping-bad-address', { host })],
			exitCode: 1,
			failure: failure('ping-bad-address', { host }),
		};
	const own = from.networks.some((a) => a.ip === ip) || ip === '127.0.0.1';
	const gateway = state.networks.some(
		(n) => n.gateway === ip && from.networks.some((a) => a.network === n.name)
	);
	const reachable = own || gateway || !!containerAt(state, from, ip);
	const lines = [`PING ${host} (${ip}): 56 data bytes`];
	const times: number[] = [];
	if (reachable)
		for (let seq = 0; seq < count; seq++) {
			const time = 0.05 + ((seq * 37 + ip.length * 11) % 60) / 1000;
			times.push(time);
			lines.push(`64 bytes from ${ip}: seq=${seq} ttl=${own ? 64 : 64} time=${time.toFixed(3)} ms`);
		}
	lines.push('', `--- ${host} ping statistics ---`);
	lines.push(
		`${count} packets transmitted, ${times.length} packets received, ${reachable ? 0 : 100}% packet loss`
	);
	if (times.length) {
		const avg = times.reduce((a, b) => a + b, 0) / times.length;
		lines.push(
			`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms`
		);
	}
	return { output: lines, exitCode: reachable ? 0 : 1 };
}

/** The MariaDB client with `-e "SQL"`: CREATE DATABASE and SHOW DATABASES, kept in the data folder. */
function mariadbClient(state: HostState, container: Container, args: string[]): ProgramResult {
	const password = args.find((a) => a.startsWith('-p'))?.slice(2) ?? '';
	const root = container.env
		.find((e) => /^(?:MARIADB|MYSQL)_ROOT_PASSWORD=/.test(e))
		?.split('=')[1];
	const stored = readFile(state, container, '/var/lib/mysql/.root-password');
	const expected = stored ?? root;
	if (expected !== undefined && password !== expected)
		return {
			output: [formatMessage('mariadb-access-denied')],
			exitCode: 1,
			failure: failure('mariadb-access-denied', {}),
		};
	const eIndex = args.indexOf('-e');
	const sql = eIndex === -1 ? '' : (args[eIndex + 1] ?? '');
	const out: string[] = [];
	for (const statement of sql
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean)) {
		const create = /^CREATE DATABASE\s+(\w+)$/i.exec(statement);
		if (create)
			writeFile(
				state,
				container,
				`/var/lib/mysql/${create[1]}/db.opt`,
				'default-character-set=utf8mb4\n'
			);
		else if (/^SHOW DATABASES$/i.test(statement)) {
			const own = (listFolder(state, container, '/var/lib/mysql') ?? []).filter(
				(n) => !n.startsWith('.') && !n.includes('.')
			);
			out.push(
				'Database',
				...[...new Set([...own, 'information_schema', 'mysql', 'performance_schema', 'sys'])].sort()
			);
		}
	}
	return { output: out, exitCode: 0 };
}

/** Runs one command line inside a container (the main process or an exec). */
export function runInside(state: HostState, container: Container, words: string[]): ProgramResult {
	const image = state.images.find((i) => i.id === container.imageId);
	const [program = '', ...args] = words;
	const name = program.split('/').at(-1)!;
	if (!hasProgram(image, program))
		return {
			output: [formatMessage('exec-not-found', { program })],
			exitCode: 127,
			failure: failure('exec-not-found', { program }),
		};
	switch (name) {
		case 'sh':
		case 'bash':
		case 'ash': {
			const c = args.indexOf('-c');
			if (c === -1) return { output: [], exitCode: 0, long: container.interactive };
			return runShell(state, container, args[c + 1] ?? '', name);
		}
		case 'echo':
			return { output: [args.filter((a) => a !== '-n' && a !== '-e').join(' ')], exitCode: 0 };
		case 'cat': {
			const out: string[] = [];
			for (const path of args) {
				const text = readFile(state, container, absolute(container, path));
				if (text === undefined)
					return {
						output: [...out, `cat: can't open '${path}': No such file or directory`],
						exitCode: 1,
					};
				out.push(text.replace(/\n$/, ''));
			}
			return { output: out, exitCode: 0 };
		}
		case 'ls': {
			const path = absolute(
				container,
				args.find((a) => !a.startsWith('-')) ?? container.workdir ?? '/'
			);
			const entries = listFolder(state, container, path === '/' ? '' : path);
			const file = readFile(state, container, path);
			if (file !== undefined) return { output: [path], exitCode: 0 };
			return { output: entries && entries.length ? [entries.join('\n')] : [], exitCode: 0 };
		}
		case 'hostname':
			return { output: [container.hostname], exitCode: 0 };
		case 'whoami':
			return { output: ['root'], exitCode: 0 };
		case 'env':
		case 'printenv':
			return {
				output: [`HOSTNAME=${container.hostname}`, ...container.env, 'HOME=/root'],
				exitCode: 0,
			};
		case 'sleep':
		case 'tail':
			return { output: [], exitCode: 0, long: true };
		case 'true':
			return { output: [], exitCode: 0 };
		case 'false':
			return { output: [], exitCode: 1 };
		case 'mkdir':
		case 'touch':
		case 'rm':
			if (name === 'touch')
				for (const path of args) writeFile(state, container, absolute(container, path), '');
			return { output: [], exitCode: 0 };
		case 'date':
			return {
				output: [new Date(state.clock * 1000).toUTCString().replace('GMT', 'UTC')],
				exitCode: 0,
			};
		case 'ping':
			return ping(state, container, args);
		case 'getent': {
			if (args[0] !== 'hosts' || !args[1]) return { output: [], exitCode: 1 };
			const ip = resolveName(state, container, args[1]);
			return ip === undefined
				? { output: [], exitCode: 2 }
				: { output: [`${ip.padEnd(15)} ${args[1]}`], exitCode: 0 };
		}
		case 'curl':
			return curl(state, container, args);
		case 'wget': {
			const result = curl(
				state,
				container,
				args.filter((a) => a !== '-qO-' && a !== '-O-' && a !== '-q')
			);
			// BusyBox wget says the same things in its own words, and exits with 1.
			const url = args.find((a) => !a.startsWith('-')) ?? '';
			const host = /^(?:https?:\/\/)?([^/:]+)/.exec(url)?.[1] ?? url;
			if (result.exitCode === 6)
				return { ...result, output: [`wget: bad address '${host}'`], exitCode: 1 };
			if (result.exitCode === 7)
				return {
					...result,
					output: [`wget: can't connect to remote host (${host}): Connection refused`],
					exitCode: 1,
				};
			return result;
		}
		case 'mariadb':
		case 'mysql':
			return mariadbClient(state, container, args);
		default:
			return { output: [], exitCode: 0 };
	}
}

function absolute(container: Container, path: string): string {
	return path.startsWith('/') ? path : `${(container.workdir || '').replace(/\/$/, '')}/${path}`;
}

/** `sh -c 'a && b > file; c'`: each simple command, its redirection, `&&` and `||`. */
function runShell(
	state: HostState,
	container: Container,
	script: string,
	shell: string
): ProgramResult {
	const env = Object.fromEntries(
		container.env.map((e) => [e.split('=')[0]!, e.slice(e.indexOf('=') + 1)])
	);
	const commands = commandsOf(
		tokenize(script, container.workdir || '/', { ...env, HOSTNAME: container.hostname })
	);
	const output: string[] = [];
	let exitCode = 0;
	let long = false;
	let failure: ProgramResult['failure'];
	let skip = false;
	for (const command of commands) {
		if (!skip) {
			const result = runInside(state, container, command.words);
			exitCode = result.exitCode;
			long ||= !!result.long;
			failure = result.failure ?? failure;
			if (command.redirect) {
				const path = absolute(container, command.redirect.file);
				const previous = command.redirect.append ? (readFile(state, container, path) ?? '') : '';
				const text = result.output.length ? `${result.output.join('\n')}\n` : '';
				if (!writeFile(state, container, path, previous + text)) {
					output.push(
						shell === 'bash'
							? `bash: ${command.redirect.file}: Read-only file system`
							: `${shell}: can't create ${command.redirect.file}: Read-only file system`
					);
					exitCode = 1;
				}
			} else output.push(...result.output);
		}
		skip = (command.next === '&&' && exitCode !== 0) || (command.next === '||' && exitCode === 0);
	}
	return { output, exitCode, ...(long && { long }), ...(failure && { failure }) };
}

/** The host path a bind mount's source names, for `docker inspect`. */
export function absoluteHostPath(source: string): string {
	if (source.startsWith('/')) return source;
	const rel = source.replace(/^\.\/?/, '');
	return rel ? `${workingDirectory}/${rel}` : workingDirectory;
}
