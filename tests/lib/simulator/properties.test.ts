import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost, runCommand, type HostState } from '../../../src/lib/simulator/index.ts';
import { inSubnet } from '../../../src/lib/simulator/host.ts';

const names = ['web', 'db', 'c1', 'c2'];
const networks = ['rete1', 'rete2', 'bridge'];
const volumes = ['dati', 'cache'];
const images = ['nginx', 'alpine', 'httpd', 'mariadb', 'busybox', 'ubuntu:24.04', 'redis'];
const ports = ['8080:80', '8081:80', '127.0.0.1:8080:80', '3306:3306'];

const pick = <T>(values: T[]) => fc.constantFrom(...values);

/** A command line of the kind the course types, with names that collide often. */
const command: fc.Arbitrary<string> = fc.oneof(
	fc
		.tuple(
			pick(names),
			pick(images),
			fc.option(pick(ports), { nil: undefined }),
			fc.option(pick(networks), { nil: undefined }),
			fc.option(pick(volumes), { nil: undefined }),
			fc.boolean(),
			fc.boolean()
		)
		.map(([name, image, port, network, volume, detach, remove]) =>
			[
				'docker run',
				detach ? '-d' : '',
				remove ? '--rm' : '',
				`--name ${name}`,
				port ? `-p ${port}` : '',
				network ? `--network ${network}` : '',
				volume ? `-v ${volume}:/dati` : '',
				'-e MARIADB_ROOT_PASSWORD=x',
				image,
				image === 'alpine' || image === 'busybox' ? 'sleep 1d' : '',
			]
				.filter(Boolean)
				.join(' ')
		),
	fc
		.tuple(
			pick(['start', 'stop', 'restart', 'rm', 'rm -f', 'logs', 'pause', 'unpause', 'kill']),
			pick(names)
		)
		.map(([verb, name]) => `docker ${verb} ${name}`),
	fc
		.tuple(
			pick(names),
			pick([
				'ping -c 1 web',
				'getent hosts db',
				'cat /dati/f',
				"sh -c 'echo ciao > /dati/f'",
				'hostname',
			])
		)
		.map(([name, line]) => `docker exec ${name} ${line}`),
	fc
		.tuple(
			pick(networks),
			fc.option(pick(['172.20.0.0/16', '172.18.0.0/16', '10.0.0.0/24']), { nil: undefined }),
			fc.boolean()
		)
		.map(
			([network, subnet, internal]) =>
				`docker network create ${subnet ? `--subnet ${subnet}` : ''} ${internal ? '--internal' : ''} ${network}`
		),
	fc
		.tuple(pick(['connect', 'disconnect']), pick(networks), pick(names))
		.map(([verb, network, name]) => `docker network ${verb} ${network} ${name}`),
	pick(networks).map((network) => `docker network rm ${network}`),
	fc
		.tuple(pick(['create', 'rm', 'inspect']), pick(volumes))
		.map(([verb, volume]) => `docker volume ${verb} ${volume}`),
	pick([
		'docker ps -a',
		'docker images',
		'docker network ls',
		'docker volume ls',
		'docker volume prune -a',
		'docker network prune',
		'curl http://localhost:8080/',
		'docker rmi nginx',
		'docker pull alpine',
		'docker compose up -d',
		'docker compose down -v',
		'docker compose ps',
	])
);

const compose = `services:
  web:
    image: nginx
    ports:
      - "8082:80"
    depends_on:
      - db
  db:
    image: redis
    volumes:
      - cache:/data
volumes:
  cache:
`;

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

/** Every invariant the host must keep after any command. */
function checkConsistent(state: HostState): void {
	const running = state.containers.filter((c) => c.status === 'running' || c.status === 'paused');
	const bound = new Map<string, string>();
	for (const c of running)
		for (const p of c.ports) {
			for (const [key, ip] of bound) {
				const [port, protocol] = key.split('/');
				const clash =
					Number(port) === p.hostPort &&
					protocol === p.protocol &&
					(ip === p.hostIp || ip === '0.0.0.0' || p.hostIp === '0.0.0.0');
				expect(clash, `host port ${p.hostPort} bound twice`).toBe(false);
			}
			bound.set(`${p.hostPort}/${p.protocol}#${c.id}`.split('#')[0]!, p.hostIp);
		}
	for (const network of state.networks) {
		const seen = new Set<string>();
		for (const c of state.containers)
			for (const a of c.networks.filter((x) => x.network === network.name)) {
				if (!a.ip) continue;
				expect(c.status === 'running' || c.status === 'paused').toBe(true);
				expect(inSubnet(a.ip, network.subnet), `${a.ip} outside ${network.subnet}`).toBe(true);
				expect(a.ip).not.toBe(network.gateway);
				expect(seen.has(a.ip), `${a.ip} twice on ${network.name}`).toBe(false);
				seen.add(a.ip);
			}
	}
	for (const c of state.containers) {
		expect(state.images.some((i) => i.id === c.imageId)).toBe(true);
		for (const a of c.networks) expect(state.networks.some((n) => n.name === a.network)).toBe(true);
		for (const m of c.mounts)
			if (m.type === 'volume') expect(state.volumes.some((v) => v.name === m.source)).toBe(true);
	}
	expect(new Set(state.containers.map((c) => c.name)).size).toBe(state.containers.length);
	expect(new Set(state.networks.map((n) => n.name)).size).toBe(state.networks.length);
	for (const name of ['bridge', 'host', 'none'])
		expect(state.networks.some((n) => n.name === name)).toBe(true);
}

describe('any sequence of commands', () => {
	it('never throws, never changes its input, and keeps the host consistent', () => {
		fc.assert(
			fc.property(
				fc.array(command, { minLength: 1, maxLength: 25 }),
				fc.integer(),
				(lines, seed) => {
					let state = createHost({ seed, files: { 'compose.yaml': compose } });
					for (const line of lines) {
						const before = JSON.stringify(state);
						deepFreeze(state);
						const { state: next, result } = runCommand(state, line);
						expect(JSON.stringify(state)).toBe(before);
						expect(result.output).not.toContain('internal error');
						expect(result.command).toBe(line.trim());
						checkConsistent(next);
						// The host is plain data: it survives a JSON round trip unchanged.
						expect(JSON.parse(JSON.stringify(next))).toEqual(next);
						state = next;
					}
				}
			),
			{ numRuns: 150 }
		);
	});

	it('is deterministic: the same seed and lines give the same session', () => {
		fc.assert(
			fc.property(fc.array(command, { maxLength: 12 }), fc.integer(), (lines, seed) => {
				const play = () => {
					let state = createHost({ seed });
					return lines.map((line) => {
						const { state: next, result } = runCommand(state, line);
						state = next;
						return result;
					});
				};
				expect(play()).toEqual(play());
			}),
			{ numRuns: 50 }
		);
	});
});
