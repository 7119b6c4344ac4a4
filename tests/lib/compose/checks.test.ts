import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { checkCompose } from '../../../src/lib/compose/checks';
import { rules, type RuleId } from '../../../src/lib/compose/finding';
import { lectureExample } from '../../../src/lib/compose/examples';

const findings = (data: unknown) =>
	analyzeCompose(typeof data === 'string' ? data : stringify(data)).findings;
const rulesOf = (data: unknown) => findings(data).map((finding) => finding.rule);

const db = { image: 'postgres' };
const withDb = { services: { db } };
const withNet = (network: Record<string, unknown>, link: unknown) => ({
	services: { app: { image: 'nginx', networks: { ext: link } } },
	networks: { ext: network },
});
const ports = (a: string[], b: string[], extra: Record<string, unknown> = {}) => ({
	services: { a: { image: 'nginx', ports: a, ...extra }, b: { image: 'nginx', ports: b } },
});

/** Each rule: a file that breaks it, and the same file mended. */
const cases: [RuleId, unknown, unknown][] = [
	['yaml-syntax', 'services:\n  web:\n\timage: nginx\n', 'services:\n  web:\n    image: nginx\n'],
	[
		'input-limit',
		`# ${'x'.repeat(300_000)}\nservices: {}`,
		'services:\n  web:\n    image: nginx\n',
	],
	[
		'invalid-value',
		{ services: { web: { image: 'nginx', ports: { a: 1 } } } },
		{ services: { web: { image: 'nginx', ports: ['80'] } } },
	],
	[
		'unknown-key',
		{ services: { web: { image: 'nginx', port: ['80'] } } },
		{ services: { web: { image: 'nginx', ports: ['80'] } } },
	],
	['obsolete-version', { version: '3.8', services: { db } }, { services: { db } }],
	[
		'no-image-or-build',
		{ services: { web: { ports: ['80'] } } },
		{ services: { web: { build: '.', ports: ['80'] } } },
	],
	['no-services', { services: {} }, { services: { web: { image: 'nginx' } } }],
	[
		'invalid-port',
		{ services: { web: { image: 'nginx', ports: ['70000:80'] } } },
		{ services: { web: { image: 'nginx', ports: ['7000:80'] } } },
	],
	[
		'invalid-port',
		{ services: { web: { image: 'nginx', expose: ['8080:80'] } } },
		{ services: { web: { image: 'nginx', expose: ['80', '53/udp'] } } },
	],
	['port-conflict', ports(['8080:80'], ['8080:8080']), ports(['8080:80'], ['8081:8080'])],
	[
		'port-conflict',
		ports(['9000-9005:9000-9005'], ['9003:80']),
		ports(['9000-9005:9000-9005'], ['9006:80']),
	],
	[
		'port-conflict',
		ports(['127.0.0.1:8080:80'], ['8080:80']),
		ports(['127.0.0.1:8080:80'], ['127.0.0.2:8080:80']),
	],
	['port-conflict', ports(['53:53/udp'], ['53:53/udp']), ports(['53:53/udp'], ['53:53/tcp'])],
	[
		'port-conflict',
		ports(['8080:80', '8080:81'], []),
		ports(['8080:80'], [], { network_mode: 'host' }),
	],
	[
		'ports-with-host-network',
		{ services: { web: { image: 'nginx', network_mode: 'host', ports: ['80:80'] } } },
		{ services: { web: { image: 'nginx', network_mode: 'host' } } },
	],
	[
		'undefined-service',
		{ services: { web: { image: 'nginx', depends_on: ['dbb'] }, db } },
		{ services: { web: { image: 'nginx', depends_on: ['db'] }, db } },
	],
	[
		'undefined-service',
		{ services: { web: { image: 'nginx', links: ['dbb:database'] }, db } },
		{ services: { web: { image: 'nginx', links: ['db:database'] }, db } },
	],
	[
		'undefined-service',
		{ services: { web: { extends: 'base' } } },
		{ services: { web: { extends: { service: 'base', file: 'base.yml' } } } },
	],
	[
		'undefined-service',
		{ services: { web: { image: 'nginx', network_mode: 'service:vpn' } } },
		{ services: { web: { image: 'nginx', network_mode: 'service:vpn' }, vpn: db } },
	],
	[
		'depends-on-cycle',
		{
			services: {
				a: { image: 'x', depends_on: ['b'] },
				b: { image: 'x', depends_on: { a: { condition: 'service_started' } } },
			},
		},
		{ services: { a: { image: 'x', depends_on: ['b'] }, b: { image: 'x' } } },
	],
	[
		'depends-on-cycle',
		{ services: { a: { image: 'x', depends_on: ['a'] } } },
		{ services: { a: { image: 'x' } } },
	],
	[
		'undefined-network',
		{ services: { web: { image: 'nginx', networks: ['front'] } } },
		{ services: { web: { image: 'nginx', networks: ['front'] } }, networks: { front: null } },
	],
	[
		'undefined-network',
		{
			services: { web: { image: 'nginx', networks: { frontend: null } } },
			networks: { front: null },
		},
		{ services: { web: { image: 'nginx', networks: ['default'] } } },
	],
	[
		'invalid-cidr',
		withNet({ ipam: { config: [{ subnet: '192.168.100/24' }] } }, null),
		withNet({ ipam: { config: [{ subnet: '192.168.100.0/24' }] } }, null),
	],
	[
		'invalid-cidr',
		withNet({ ipam: { config: [{ subnet: '192.168.100.5/24' }] } }, null),
		withNet(
			{ ipam: { config: [{ subnet: '192.168.100.0/24', ip_range: '192.168.100.128/25' }] } },
			null
		),
	],
	[
		'invalid-cidr',
		withNet({ ipam: { config: [{ subnet: '10.0.0.0/8', ip_range: '10.0.0/16' }] } }, null),
		withNet({ ipam: { config: [{ subnet: '10.0.0.0/8', ip_range: '10.0.0.0/16' }] } }, null),
	],
	[
		'ip-outside-subnet',
		withNet({ ipam: { config: [{ subnet: '192.168.1.0/24' }] } }, { ipv4_address: '10.0.0.5' }),
		withNet({ ipam: { config: [{ subnet: '192.168.1.0/24' }] } }, { ipv4_address: '192.168.1.5' }),
	],
	[
		'ip-outside-subnet',
		withNet({ driver: 'bridge' }, { ipv4_address: '192.168.1.5' }),
		withNet({ ipam: { config: [{ subnet: '192.168.0.0/16' }] } }, { ipv4_address: '192.168.1.5' }),
	],
	[
		'ip-outside-subnet',
		withNet({ ipam: { config: [{ subnet: '192.168.1.0/24', gateway: '192.168.2.1' }] } }, null),
		withNet({ ipam: { config: [{ subnet: '192.168.1.0/24', gateway: '192.168.1.1' }] } }, null),
	],
	[
		'ip-outside-subnet',
		withNet(
			{ enable_ipv6: true, ipam: { config: [{ subnet: 'fd00:1::/64' }] } },
			{ ipv6_address: 'fd00:2::5' }
		),
		withNet(
			{ enable_ipv6: true, ipam: { config: [{ subnet: 'fd00:1::/64' }] } },
			{ ipv6_address: 'fd00:1::5' }
		),
	],
	[
		'undefined-volume',
		{ services: { db: { image: 'postgres', volumes: ['db-data:/var/lib/postgresql/data'] } } },
		{
			services: { db: { image: 'postgres', volumes: ['db-data:/var/lib/postgresql/data'] } },
			volumes: { 'db-data': null },
		},
	],
	[
		'undefined-volume',
		{
			services: {
				db: { image: 'postgres', volumes: [{ type: 'volume', source: 'data', target: '/d' }] },
			},
		},
		{
			services: {
				db: { image: 'postgres', volumes: ['./data:/d', { type: 'volume', target: '/e' }] },
			},
		},
	],
	[
		'undefined-service',
		{ services: { web: { image: 'nginx', volumes_from: ['dbb:ro'] }, db } },
		{ services: { web: { image: 'nginx', volumes_from: ['db:ro', 'container:legacy'] }, db } },
	],
	[
		'undefined-service',
		{ services: { web: { image: 'nginx', ipc: 'service:shm' } } },
		{ services: { web: { image: 'nginx', ipc: 'shareable', pid: 'host' } } },
	],
	[
		'undefined-service',
		{
			services: {
				web: { build: { context: '.', additional_contexts: { base: 'service:bse' } } },
				base: { build: '.' },
			},
		},
		{
			services: {
				web: { build: { context: '.', additional_contexts: { base: 'service:base' } } },
				base: { build: '.' },
			},
		},
	],
	[
		'depends-on-cycle',
		{
			services: {
				a: { image: 'x', volumes_from: ['b'] },
				b: { image: 'x', links: ['a'] },
			},
		},
		{ services: { a: { image: 'x', volumes_from: ['b'] }, b: { image: 'x' } } },
	],
	[
		'undefined-secret',
		{ services: { web: { image: 'nginx', secrets: ['token'] } } },
		{
			services: { web: { image: 'nginx', secrets: [{ source: 'token', target: 'api' }] } },
			secrets: { token: { file: './token.txt' } },
		},
	],
	[
		'undefined-secret',
		{ services: { web: { build: { context: '.', secrets: ['npmrc'] } } } },
		{
			services: { web: { build: { context: '.', secrets: ['npmrc'] } } },
			secrets: { npmrc: { environment: 'NPM_TOKEN' } },
		},
	],
	[
		'undefined-config',
		{
			services: {
				web: { image: 'nginx', configs: [{ source: 'nginx', target: '/etc/nginx.conf' }] },
			},
		},
		{
			services: { web: { image: 'nginx', configs: ['nginx'] } },
			configs: { nginx: { content: 'events {}' } },
		},
	],
	[
		'undefined-model',
		{ services: { app: { image: 'app', models: { llm: { endpoint_var: 'AI_URL' } } } } },
		{
			services: { app: { image: 'app', models: ['llm'] } },
			models: { llm: { model: 'ai/smollm2' } },
		},
	],
	[
		'resource-source',
		{ ...withDb, secrets: { token: { name: 'api-token' } } },
		{ ...withDb, secrets: { token: { name: 'api-token', external: true } } },
	],
	[
		'resource-source',
		{ ...withDb, configs: { app: { file: './app.conf', content: 'x=1' } } },
		{ ...withDb, configs: { app: { file: './app.conf' } } },
	],
	[
		'conflicting-keys',
		{
			services: { web: { image: 'nginx', network_mode: 'host', networks: ['front'] } },
			networks: { front: null },
		},
		{ services: { web: { image: 'nginx', network_mode: 'host' } } },
	],
	[
		'conflicting-keys',
		{
			services: {
				web: { build: { context: '.', dockerfile: 'Dockerfile', dockerfile_inline: 'FROM nginx' } },
			},
		},
		{ services: { web: { build: { context: '.', dockerfile_inline: 'FROM nginx' } } } },
	],
	[
		'conflicting-keys',
		{ services: { web: { image: 'nginx', scale: 2, deploy: { replicas: 3 } } } },
		{ services: { web: { image: 'nginx', scale: 3, deploy: { replicas: 3 } } } },
	],
	[
		'conflicting-keys',
		{
			services: {
				web: { image: 'nginx', cpus: 0.5, deploy: { resources: { limits: { cpus: '1' } } } },
			},
		},
		{
			services: {
				web: { image: 'nginx', cpus: 0.5, deploy: { resources: { limits: { cpus: '0.5' } } } },
			},
		},
	],
	[
		'conflicting-keys',
		{ services: { ai: { image: 'x', gpus: [{ driver: 'nvidia', count: 1, device_ids: ['0'] }] } } },
		{ services: { ai: { image: 'x', gpus: [{ driver: 'nvidia', device_ids: ['0'] }] } } },
	],
	[
		'container-name-with-replicas',
		{ services: { web: { image: 'nginx', container_name: 'web', deploy: { replicas: 2 } } } },
		{ services: { web: { image: 'nginx', container_name: 'web', deploy: { replicas: 1 } } } },
	],
	[
		'container-name-with-replicas',
		{ services: { web: { image: 'nginx', container_name: 'web', scale: 3 } } },
		{ services: { web: { image: 'nginx', scale: 3 } } },
	],
	[
		'external-with-options',
		{ ...withDb, volumes: { data: { external: true, driver: 'local' } } },
		{ ...withDb, volumes: { data: { external: true, name: 'shared-data' } } },
	],
	[
		'external-with-options',
		{ ...withDb, networks: { proxy: { external: true, driver: 'overlay' } } },
		{ ...withDb, networks: { proxy: { external: true, 'x-note': 'made by traefik' } } },
	],
	['invalid-project-name', { name: 'My Shop', ...withDb }, { name: 'my-shop', ...withDb }],
	['invalid-project-name', { name: '---', ...withDb }, { name: '${PROJECT:-shop}', ...withDb }],
	[
		'port-on-internal-network',
		{
			services: { web: { image: 'nginx', ports: ['80:80'], networks: ['back'] } },
			networks: { back: { internal: true } },
		},
		{
			services: { web: { image: 'nginx', ports: ['80:80'], networks: ['back', 'front'] } },
			networks: { back: { internal: true }, front: null },
		},
	],
	[
		'duplicate-mount-target',
		{
			services: { web: { image: 'nginx', volumes: ['cache:/data', './b:/data/'] } },
			volumes: { cache: null },
		},
		{
			services: { web: { image: 'nginx', volumes: ['cache:/data', './b:/data/b'] } },
			volumes: { cache: null },
		},
	],
	[
		'duplicate-mount-target',
		{
			services: {
				web: { image: 'nginx', tmpfs: '/run', volumes: [{ type: 'tmpfs', target: '/run' }] },
			},
		},
		{
			services: {
				web: { image: 'nginx', tmpfs: '/run', volumes: [{ type: 'tmpfs', target: '/tmp' }] },
			},
		},
	],
	[
		'invalid-number',
		{ services: { web: { image: 'nginx', cpus: '50%' } } },
		{ services: { web: { image: 'nginx', cpus: '0.5' } } },
	],
	[
		'invalid-number',
		{ services: { web: { image: 'nginx', deploy: { replicas: 'two' } } } },
		{ services: { web: { image: 'nginx', deploy: { replicas: '${REPLICAS:-2}' } } } },
	],
	[
		'invalid-number',
		{ services: { web: { image: 'nginx', pids_limit: 1.5 } } },
		{ services: { web: { image: 'nginx', pids_limit: 100 } } },
	],
	[
		'invalid-size',
		{ services: { web: { image: 'nginx', mem_limit: '1 gigabyte' } } },
		{
			services: { web: { image: 'nginx', mem_limit: '1GiB', shm_size: '64m', memswap_limit: -1 } },
		},
	],
	[
		'invalid-size',
		{
			services: { web: { image: 'nginx', deploy: { resources: { limits: { memory: '512M!' } } } } },
		},
		{
			services: { web: { image: 'nginx', deploy: { resources: { limits: { memory: '512M' } } } } },
		},
	],
	[
		'invalid-duration',
		{ services: { web: { image: 'nginx', healthcheck: { interval: '30' } } } },
		{ services: { web: { image: 'nginx', healthcheck: { interval: '30s', timeout: '1m30s' } } } },
	],
	[
		'invalid-duration',
		{ services: { web: { image: 'nginx', stop_grace_period: '1 minute' } } },
		{
			services: {
				web: {
					image: 'nginx',
					stop_grace_period: '1m',
					deploy: { restart_policy: { delay: '2d' } },
				},
			},
		},
	],
	[
		'invalid-value',
		{
			services: {
				web: { image: 'nginx', healthcheck: { test: ['curl', '-f', 'http://localhost'] } },
			},
		},
		{
			services: {
				web: { image: 'nginx', healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost'] } },
			},
		},
	],
	[
		'invalid-value',
		{ services: { web: { build: '.', develop: { watch: [{ path: './src', action: 'sync' }] } } } },
		{
			services: { web: { build: '.', develop: { watch: [{ path: './src', action: 'rebuild' }] } } },
		},
	],
	[
		'invalid-interpolation',
		{ services: { web: { image: 'nginx:${TAG' } } },
		{ services: { web: { image: 'nginx:${TAG:-latest}' } } },
	],
	[
		'required-variable',
		{ services: { db: { image: 'postgres', environment: { POSTGRES_PASSWORD: '${PW:?}' } } } },
		{ services: { db: { image: 'postgres', environment: { POSTGRES_PASSWORD: '${PW:-dev}' } } } },
	],
];

describe('the checks', () => {
	test.each(cases)(
		'%s: found in the broken file, not in the mended one (%#)',
		(rule, broken, mended) => {
			expect(rulesOf(broken)).toContain(rule);
			expect(rulesOf(mended)).not.toContain(rule);
		}
	);

	test('cover every rule with a broken and a mended file', () => {
		expect(new Set(cases.map(([rule]) => rule))).toEqual(new Set(rules));
	});

	test('give every message in both languages, each saying something different', () => {
		for (const [, broken] of cases)
			for (const { message } of findings(broken)) {
				expect(message.it.length).toBeGreaterThan(10);
				expect(message.en.length).toBeGreaterThan(10);
				expect(message.it).not.toBe(message.en);
			}
	});

	test('run only on a validated file, and find nothing in a good one', () => {
		expect(checkCompose({ services: { web: { image: 'nginx' } } })).toEqual([]);
	});

	test("find exactly the lecture's mistake, with its fix", () => {
		const [finding, ...rest] = findings(lectureExample.source);
		expect(rest).toEqual([]);
		expect(finding).toEqual({
			rule: 'invalid-cidr',
			severity: 'error',
			line: 29,
			column: 19,
			endLine: 29,
			endColumn: 33,
			path: ['networks', 'ext', 'ipam', 'config', 0, 'subnet'],
			message: {
				it: '"192.168.100/24" non è un CIDR valido: un indirizzo IPv4 ha sempre quattro numeri separati da punti, anche quando finisce con degli zeri. Scrivi 192.168.100.0/24.',
				en: '"192.168.100/24" is not valid CIDR: an IPv4 address always has four dot-separated numbers, even when it ends in zeros. Write 192.168.100.0/24.',
			},
		});
	});

	test('suggest the fix for host bits set', () => {
		const [finding] = findings(
			withNet({ ipam: { config: [{ subnet: '192.168.100.5/24' }] } }, null)
		);
		expect(finding?.message.en).toContain('Write 192.168.100.0/24.');
	});

	test('point at the line of the mistake', () => {
		const text = [
			'version: "3"',
			'services:',
			'  web:',
			'    image: nginx',
			'    depends_on: [dbb]',
			'    ports:',
			'      - "8080:80"',
			'  api:',
			'    image: node',
			'    ports:',
			'      - "8080:3000"',
			'    networks: [back]',
		].join('\n');
		expect(findings(text).map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([
			{ rule: 'obsolete-version', line: 1, column: 1 },
			{ rule: 'undefined-service', line: 5, column: 18 },
			{ rule: 'port-conflict', line: 11, column: 9 },
			{ rule: 'undefined-network', line: 12, column: 16 },
		]);
	});

	test('suggest the declared name closest to a misspelt one', () => {
		const messages = findings({
			services: {
				web: { image: 'nginx', depends_on: ['dbb'], networks: ['frnt'], volumes: ['dat:/d'] },
				db,
			},
			networks: { front: null },
			volumes: { data: null },
		}).map((finding) => finding.message.en);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringContaining('Did you mean "db"?'),
				expect.stringContaining('Did you mean "front"?'),
				expect.stringContaining('Did you mean "data"?'),
			])
		);
	});

	test('name the whole circle of dependencies once', () => {
		const circle = findings({
			services: {
				a: { image: 'x', depends_on: ['b'] },
				b: { image: 'x', depends_on: ['c'] },
				c: { image: 'x', depends_on: ['a'] },
			},
		});
		expect(circle).toHaveLength(1);
		expect(circle[0]?.message.en).toContain('a → b → c → a');
	});

	test('leave ${VARIABLE} values alone', () => {
		expect(
			rulesOf({
				services: {
					web: {
						image: 'nginx',
						ports: ['${PORT}:80'],
						volumes: ['${DATA}:/data'],
						networks: { ext: { ipv4_address: '${IP}' } },
					},
				},
				networks: { ext: { ipam: { config: [{ subnet: '${SUBNET}' }] } } },
			})
		).toEqual([]);
	});

	test('report a service name that Compose refuses', () => {
		expect(findings({ services: { 'my web': { image: 'nginx' } } })).toMatchObject([
			{ rule: 'invalid-value', path: ['services', 'my web'] },
		]);
	});

	test('accept a file without services, as Compose does, and say what up would answer', () => {
		expect(findings({ services: {} })).toMatchObject([
			{ rule: 'no-services', severity: 'warning' },
		]);
		const [only, ...rest] = findings({ networks: { shared: null }, volumes: { data: null } });
		expect(rest).toEqual([]);
		expect(only).toMatchObject({ rule: 'no-services', severity: 'info' });
		expect(only?.message.en).toContain('no service selected');
		expect(rulesOf({ include: ['base.yml'] })).toEqual([]);
	});

	test('need no image for a service run by a provider plugin', () => {
		expect(
			rulesOf({
				services: { db: { provider: { type: 'awesomecloud', options: { type: 'mysql' } } } },
			})
		).toEqual([]);
	});

	test('check no fixed address on an external network against a subnet: it lives elsewhere', () => {
		expect(rulesOf(withNet({ external: true }, { ipv4_address: '10.0.0.5' }))).toEqual([]);
		expect(rulesOf(withNet({ name: 'proxy' }, { ipv4_address: '10.0.0.5' }))).toEqual([
			'ip-outside-subnet',
		]);
	});
});
