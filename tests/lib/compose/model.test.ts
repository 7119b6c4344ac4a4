import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { lectureExample } from '../../../src/lib/compose/examples';
import { buildModel } from '../../../src/lib/compose/model';
import type { ComposeFile } from '../../../src/lib/compose/schema';

describe('buildModel()', () => {
	test("models the lecture's topology", () => {
		const model = buildModel(parse(lectureExample.source) as ComposeFile);
		expect(model.services).toEqual([
			{
				name: 'app',
				image: 'custom_image',
				build: './app',
				containerPorts: ['80'],
				ports: [
					{
						target: { start: 80, end: 80 },
						published: { start: 8080, end: 8080 },
						protocol: 'tcp',
					},
				],
				networks: [
					{ network: 'ext', ipv4Address: '192.168.100.100', aliases: [] },
					{ network: 'int', aliases: [] },
				],
				mounts: [
					{
						kind: 'bind',
						source: './config/config.json',
						target: '/etc/config.json',
						readOnly: false,
					},
				],
				dependsOn: [],
			},
			{
				name: 'db',
				image: 'mariadb',
				containerPorts: [],
				ports: [],
				networks: [{ network: 'int', aliases: [] }],
				mounts: [
					{ kind: 'named', source: 'db-content', target: '/var/lib/mysql', readOnly: false },
				],
				dependsOn: [],
			},
		]);
		expect(model.networks).toEqual([
			{
				name: 'ext',
				driver: 'bridge',
				subnets: ['192.168.100/24'],
				gateways: [],
				external: false,
				internal: false,
				implicit: false,
			},
			{
				name: 'int',
				driver: 'bridge',
				subnets: [],
				gateways: [],
				external: false,
				internal: false,
				implicit: false,
			},
		]);
		expect(model.volumes).toEqual([{ name: 'db-content', external: false }]);
		expect(model.host).toEqual({
			ports: [{ service: 'app', mapping: model.services[0]?.ports[0] }],
			sharedBy: [],
		});
	});

	test('adds the implicit default network for services that name none, and only then', () => {
		const model = buildModel({
			services: { web: { image: 'nginx' }, vpn: { image: 'x', network_mode: 'none' } },
		});
		expect(model.networks).toEqual([
			{
				name: 'default',
				driver: 'bridge',
				subnets: [],
				gateways: [],
				external: false,
				internal: false,
				implicit: true,
			},
		]);
		expect(model.services.map((s) => s.networks)).toEqual([
			[{ network: 'default', aliases: [] }],
			[],
		]);
		expect(
			buildModel({ services: { web: { image: 'nginx', networks: ['a'] } }, networks: { a: null } })
				.networks
		).toMatchObject([{ name: 'a' }]);
	});

	test('puts a provider service on no network, not even the default one', () => {
		const model = buildModel({
			services: {
				app: { image: 'my-app' },
				database: { provider: { type: 'awesomecloud', options: { type: 'mysql' } } },
			},
		});
		expect(model.services.map((s) => [s.name, s.networks])).toEqual([
			['app', [{ network: 'default', aliases: [] }]],
			['database', []],
		]);
	});

	test('keeps a declared default network as declared', () => {
		const model = buildModel({
			services: { web: { image: 'nginx' } },
			networks: { default: { driver: 'overlay' } },
		});
		expect(model.networks).toMatchObject([{ name: 'default', driver: 'overlay', implicit: false }]);
	});

	test('marks external and internal networks and volumes', () => {
		const model = buildModel({
			services: { web: { image: 'nginx', networks: ['proxy', 'back'] } },
			networks: {
				proxy: { external: true },
				back: {
					internal: true,
					ipam: { config: [{ subnet: '10.1.0.0/16', gateway: '10.1.0.1' }] },
				},
			},
			volumes: { legacy: { external: { name: 'old' } }, data: { driver: 'local' } },
		});
		expect(model.networks).toMatchObject([
			{ name: 'proxy', external: true, internal: false },
			{
				name: 'back',
				external: false,
				internal: true,
				subnets: ['10.1.0.0/16'],
				gateways: ['10.1.0.1'],
			},
		]);
		expect(model.volumes).toEqual([
			{ name: 'legacy', external: true },
			{ name: 'data', driver: 'local', external: false },
		]);
	});

	test('puts services on the host network apart from the published ports', () => {
		const model = buildModel({
			services: {
				monitor: { image: 'x', network_mode: 'host', ports: ['9100:9100'] },
				web: {
					image: 'nginx',
					ports: ['8080:80', { target: 443, published: 8443 }],
					expose: ['9000'],
					depends_on: { db: { condition: 'service_healthy' } },
				},
				db: { build: { context: './db' } },
			},
		});
		expect(model.host.sharedBy).toEqual(['monitor']);
		expect(model.host.ports.map((p) => p.service)).toEqual(['web', 'web']);
		expect(model.services[1]).toMatchObject({
			containerPorts: ['80', '443', '9000'],
			dependsOn: [{ service: 'db', condition: 'service_healthy' }],
		});
		expect(model.services[2]).toMatchObject({ build: './db' });
		expect(model.services[0]).toMatchObject({ networkMode: 'host', networks: [] });
	});
});
