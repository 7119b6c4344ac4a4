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

	test('accepts every service key of the Compose Specification', () => {
		const every = Object.fromEntries(otherServiceKeys.map((key) => [key, null]));
		const modelled = {
			build: { context: '.', dockerfile: 'Dockerfile', args: ['A=1'], target: 'prod' },
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
		const { issues } = validateCompose(web({ ...every, ...modelled }));
		expect(issues.filter((issue) => issue.rule === 'unknown-key')).toEqual([]);
		for (const key of [
			'annotations',
			'cpu_shares',
			'cpus',
			'cpuset',
			'mem_limit',
			'mem_reservation',
			'mem_swappiness',
			'memswap_limit',
			'use_api_socket',
			'post_start',
			'pre_stop',
			'provider',
			'models',
			'label_file',
			'develop',
			'gpus',
		])
			expect(otherServiceKeys).toContain(key);
	});

	test('accepts the other top-level keys of the specification and the obsolete version', () => {
		const { issues } = validateCompose({
			version: 3.8,
			name: 'shop',
			include: ['other.yml'],
			configs: { app: { file: './app.conf' } },
			secrets: { token: { file: './token' } },
			models: { llm: { model: 'ai/smollm2' } },
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
