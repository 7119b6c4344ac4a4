import { describe, expect, test } from 'vitest';
import { otherServiceKeys } from '../../../src/lib/compose/schema';
import { validateCompose } from '../../../src/lib/compose/validate';

const web = (fields: Record<string, unknown>) => ({
	services: { web: { image: 'nginx', ...fields } },
});

describe('validateCompose()', () => {
	test('passes a valid file through, typed', () => {
		const { file, issues } = validateCompose(web({ ports: ['8080:80'], restart: 'always' }));
		expect(issues).toEqual([]);
		expect(file?.services?.web?.ports).toEqual(['8080:80']);
	});

	test('accepts every service key of the Compose Specification, each with a value of its type', () => {
		const every = Object.fromEntries(otherServiceKeys.map((key) => [key, null]));
		const simple = {
			annotations: { 'com.example': 'x' },
			attach: false,
			cap_add: ['NET_ADMIN'],
			cap_drop: ['ALL'],
			cgroup: 'private',
			cgroup_parent: 'm',
			configs: ['app', { source: 'app', target: '/etc/app.conf', mode: 0o440 }],
			cpu_count: 2,
			cpu_percent: 50,
			cpu_period: '100000',
			cpu_quota: 50000,
			cpu_rt_period: 1,
			cpu_rt_runtime: 1,
			cpu_shares: 512,
			cpus: 0.5,
			cpuset: '0-1',
			device_cgroup_rules: ['c 1:3 mr'],
			dns: '8.8.8.8',
			dns_opt: ['use-vc'],
			dns_search: ['example.com'],
			domainname: 'example.com',
			entrypoint: ['/bin/sh', '-c'],
			env_file: ['.env', { path: './override.env', required: false }],
			external_links: ['redis'],
			group_add: ['mail', 1000],
			init: true,
			ipc: 'shareable',
			isolation: 'default',
			label_file: './app.labels',
			labels: ['a=b'],
			mac_address: '02:42:ac:11:00:02',
			mem_limit: '1g',
			mem_reservation: 512,
			mem_swappiness: 10,
			memswap_limit: '2g',
			models: { llm: { endpoint_var: 'AI_URL' } },
			oom_kill_disable: 'true',
			oom_score_adj: -500,
			pid: null,
			pids_limit: 100,
			platform: 'linux/amd64',
			post_start: [{ command: 'chown -R app /data', user: 'root' }],
			pre_stop: [{ command: ['./drain.sh'], privileged: true }],
			privileged: false,
			provider: { type: 'model', options: { model: 'ai/smollm2', flags: ['-v', 1] } },
			pull_policy: 'daily',
			pull_refresh_after: '1h',
			read_only: true,
			runtime: 'runc',
			scale: 2,
			secrets: ['token'],
			security_opt: ['no-new-privileges:true'],
			shm_size: '64m',
			stdin_open: true,
			stop_grace_period: '1m30s',
			stop_signal: 'SIGINT',
			sysctls: { 'net.core.somaxconn': 1024 },
			tmpfs: ['/run'],
			tty: true,
			use_api_socket: true,
			user: '1000:1000',
			userns_mode: 'host',
			uts: 'host',
			volumes_from: ['db:ro'],
			working_dir: '/app',
		};
		const modelled = {
			build: {
				context: '.',
				dockerfile: 'Dockerfile',
				args: ['A=1'],
				target: 'prod',
				provenance: true,
				sbom: true,
			},
			ports: [
				80,
				'8080:80',
				{
					target: 80,
					published: 8080,
					host_ip: '127.0.0.1',
					protocol: 'tcp',
					mode: 'host',
					name: 'web',
					app_protocol: 'http',
				},
			],
			expose: ['3000', 3001],
			volumes: [
				'data:/data:ro',
				{
					type: 'bind',
					source: '.',
					target: '/app',
					read_only: true,
					bind: { propagation: 'rprivate', create_host_path: true, selinux: 'z' },
				},
				{ type: 'volume', source: 'data', target: '/v', volume: { nocopy: true, subpath: 'x' } },
				{ type: 'tmpfs', target: '/t', tmpfs: { size: 1000, mode: 1777 } },
			],
			networks: {
				front: {
					ipv4_address: '10.0.0.2',
					ipv6_address: 'fd00::2',
					aliases: ['www'],
					priority: 10,
					gw_priority: 1,
					interface_name: 'eth1',
					link_local_ips: [],
					mac_address: '02:42:ac:11:00:02',
					driver_opts: { a: 1 },
				},
			},
			depends_on: { db: { condition: 'service_healthy', restart: true, required: false } },
			network_mode: 'bridge',
			links: ['db:database'],
			environment: { A: 1, B: null, C: true },
			command: ['npm', 'start'],
			container_name: 'web',
			hostname: 'web',
			healthcheck: {
				test: ['CMD', 'true'],
				interval: '10s',
				timeout: '1s',
				retries: 3,
				start_period: '5s',
				start_interval: '1s',
				disable: false,
			},
			profiles: ['debug'],
			extends: { service: 'base', file: 'base.yml' },
		};
		const { issues } = validateCompose(web({ ...every, ...simple, ...modelled }));
		expect(issues).toEqual([]);
	});

	test.each([
		['cpus', [1]],
		['mem_limit', { size: 1 }],
		['user', 1000],
		['cap_add', 'NET_ADMIN'],
		['cgroup', 'shared'],
		['use_api_socket', 'yes please'],
		['post_start', [{ user: 'root' }]],
		['provider', { options: {} }],
		['secrets', [{ target: '/run/x' }]],
		['volumes_from', 'db'],
	])('types %s as the specification does', (key, value) => {
		const { issues } = validateCompose(web({ [key]: value }));
		expect(issues).toContainEqual(expect.objectContaining({ rule: 'invalid-value' }));
		expect(
			issues.every((issue) => issue.path.slice(0, 3).join('.') === `services.web.${key}`)
		).toBe(true);
	});

	test('accepts the other top-level keys of the specification and the obsolete version', () => {
		const { issues } = validateCompose({
			version: '3.8',
			name: 'shop',
			include: ['other.yml'],
			configs: { app: { file: './app.conf' }, inline: { content: 'x=1' } },
			secrets: { token: { file: './token' }, key: { environment: 'KEY' }, ext: { external: true } },
			models: { llm: { model: 'ai/smollm2', context_size: 4096, runtime_flags: ['--verbose'] } },
			...web({}),
		});
		expect(issues).toEqual([]);
	});

	test('accepts x- extensions at every level', () => {
		const { issues } = validateCompose({
			'x-common': { anything: [1, 2] },
			services: {
				web: {
					image: 'nginx',
					'x-note': 1,
					build: { context: '.', 'x-b': 1 },
					ports: [{ target: 80, 'x-p': 1 }],
					networks: { n: { 'x-n': 1 } },
					depends_on: { db: { condition: 'service_started', 'x-d': 1 } },
					healthcheck: { 'x-h': 1 },
				},
			},
			networks: {
				n: { 'x-net': 1, ipam: { 'x-ipam': 1, config: [{ subnet: '10.0.0.0/8', 'x-c': 1 }] } },
			},
			volumes: { v: { 'x-vol': true } },
		});
		expect(issues).toEqual([]);
	});

	test.each([
		[['services', 'web', 'depend_on'], web({ depend_on: ['db'] }), 'depends_on'],
		[['services', 'web', 'port'], web({ port: ['80'] }), 'ports'],
		[['services', 'web', 'imgae'], { services: { web: { imgae: 'nginx' } } }, 'image'],
		[['servces'], { servces: {} }, 'services'],
		[
			['networks', 'n', 'ipam', 'confg'],
			{ ...web({}), networks: { n: { ipam: { confg: [] } } } },
			'config',
		],
		[
			['services', 'web', 'ports', 0, 'publised'],
			web({ ports: [{ target: 80, publised: 8080 }] }),
			'published',
		],
	])('reports %j as an unknown key with a "did you mean"', (path, data, suggestion) => {
		const { issues } = validateCompose(data);
		expect(issues).toContainEqual(
			expect.objectContaining({ rule: 'unknown-key', severity: 'error', path, at: 'key' })
		);
		const issue = issues.find((i) => i.rule === 'unknown-key');
		expect(issue?.message.it).toContain(`forse intendevi "${suggestion}"`);
		expect(issue?.message.en).toContain(`did you mean "${suggestion}"`);
	});

	test('suggests the x- prefix when no key is close', () => {
		const { issues } = validateCompose(web({ favourite_colour: 'blue' }));
		expect(issues[0]?.message.en).toMatch(/prefix it with "x-"/);
	});

	test('keeps to the specification: driver_opts belongs under a service network, not the service', () => {
		const { issues } = validateCompose(web({ driver_opts: {} }));
		expect(issues).toMatchObject([
			{ rule: 'unknown-key', path: ['services', 'web', 'driver_opts'] },
		]);
	});

	test.each([
		[
			web({ ports: { web: 8080 } }),
			['services', 'web', 'ports'],
			/ports deve essere una lista, non una mappa/,
		],
		[web({ ports: '8080' }), ['services', 'web', 'ports'], /non un testo \("8080"\)/],
		[web({ ports: [true] }), ['services', 'web', 'ports', 0], /un numero, un testo o una mappa/],
		[
			web({ build: { context: 3 } }),
			['services', 'web', 'build', 'context'],
			/deve essere un testo, non un numero/,
		],
		[
			web({ depends_on: { db: {} } }),
			['services', 'web', 'depends_on', 'db', 'condition'],
			/Manca la chiave/,
		],
		[
			web({ depends_on: { db: { condition: 'ready' } } }),
			['services', 'web', 'depends_on', 'db', 'condition'],
			/service_healthy/,
		],
		[web({ restart: 'sometimes' }), ['services', 'web', 'restart'], /unless-stopped/],
		[
			web({ volumes: [{ type: 'nfs', target: '/x' }] }),
			['services', 'web', 'volumes', 0, 'type'],
			/"bind", "volume"/,
		],
		[{ services: { web: 'nginx' } }, ['services', 'web'], /una mappa/],
		[
			{ ...web({}), networks: { n: { external: 5 } } },
			['networks', 'n', 'external'],
			/true o false, un testo o una mappa/,
		],
		[
			{ ...web({}), networks: { n: { external: { name: 1 } } } },
			['networks', 'n', 'external', 'name'],
			/deve essere un testo/,
		],
	])(
		'reports a wrong type or value with a message that says what is expected (%#)',
		(data, path, message) => {
			const { issues } = validateCompose(data);
			expect(issues).toContainEqual(expect.objectContaining({ rule: 'invalid-value', path }));
			expect(issues.find((i) => i.rule === 'invalid-value')?.message.it).toMatch(message);
		}
	);

	test('wants version as a string, as the specification does: unquoted 3.8 is a number', () => {
		expect(validateCompose({ version: 3.8, ...web({}) }).issues).toMatchObject([
			{ rule: 'invalid-value', path: ['version'] },
		]);
		expect(validateCompose({ version: '3.8', ...web({}) }).issues).toEqual([]);
	});

	test('leaves a ${VARIABLE} alone where a number, a boolean or a word is expected', () => {
		const { issues } = validateCompose(
			web({
				use_api_socket: '${USE_SOCKET}',
				cgroup: '${CGROUP:-private}',
				depends_on: { db: { condition: '${CONDITION}', required: '${NEEDED:-true}' } },
				networks: { front: { priority: '${PRIORITY}' } },
			})
		);
		expect(issues).toEqual([]);
	});

	test('still reports a ${VARIABLE} where a list or a mapping is expected: it is one string', () => {
		const { issues } = validateCompose(web({ ports: '${PORTS}', environment: '${ENV}' }));
		expect(issues.map((issue) => issue.path)).toEqual([
			['services', 'web', 'ports'],
			['services', 'web', 'environment'],
		]);
	});

	test('refuses a document that is empty or not a mapping', () => {
		expect(validateCompose(null).issues[0]?.message.en).toMatch(/empty/);
		expect(validateCompose(['web']).issues[0]?.message.en).toMatch(/not a list/);
		expect(validateCompose('web').file).toBeUndefined();
	});

	test('salvages the rest of a file with mistakes, for the diagram', () => {
		const { file } = validateCompose({
			services: {
				web: { image: 'nginx', ports: { a: 1 }, networks: ['front'], prots: [] },
				db: { image: 'postgres', volumes: 'data:/data' },
				broken: 42,
			},
			networks: { front: { driver: 'bridge' } },
		});
		expect(file?.services?.web).toMatchObject({ image: 'nginx', networks: ['front'] });
		expect(file?.services?.web?.ports).toBeUndefined();
		expect(file?.services?.db).toEqual({ image: 'postgres' });
		expect(file?.services?.broken).toBeUndefined();
		expect(file?.networks).toEqual({ front: { driver: 'bridge' } });
	});
});
