import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { examples, lectureExample } from '../../../src/lib/compose/examples';
import {
	layoutTopology,
	type DiagramLayout,
	type LayoutOptions,
} from '../../../src/lib/compose/layout';
import { layoutMetrics, near } from '../../../src/lib/compose/metrics';
import { buildModel, type TopologyModel } from '../../../src/lib/compose/model';
import type { ComposeFile } from '../../../src/lib/compose/schema';

const lecture = buildModel(parse(lectureExample.source) as ComposeFile);
const node = (layout: DiagramLayout, id: string) => layout.nodes.find((n) => n.id === id);

const fixtureDir = join(import.meta.dirname, '../../fixtures/compose-layout');
const fixture = (name: string) =>
	buildModel(parse(readFileSync(join(fixtureDir, `${name}.yaml`), 'utf8')) as ComposeFile);
/** The gallery and the layout fixtures, by name. */
const files: [string, TopologyModel][] = [
	...examples.map((e): [string, TopologyModel] => [
		e.id,
		buildModel(parse(e.source) as ComposeFile),
	]),
	...readdirSync(fixtureDir)
		.filter((name) => name.endsWith('.yaml'))
		.map((name): [string, TopologyModel] => [name.slice(0, -5), fixture(name.slice(0, -5))]),
];
const variants: LayoutOptions[] = [
	{},
	{ direction: 'TB' },
	{ hideDefaultNetwork: true, hideVolumes: true },
];

/** What every layout must hold to: asserted on the fixtures and on random files. */
function expectReadable(layout: DiagramLayout) {
	const measured = layoutMetrics(layout);
	expect(measured).toMatchObject({
		sharedRuns: 0,
		edgesUnderBoxes: 0,
		labelsOffLine: 0,
		labelOverlaps: 0,
		edgesUnderLabels: 0,
		outside: 0,
	});
	expect(measured.labelDistance).toBeLessThanOrEqual(near);
	// Every line to a network ends on that network's bus.
	for (const edge of layout.edges.filter((e) => e.kind === 'network')) {
		const [top, bottom] = node(layout, edge.to)?.bus ?? [];
		const end = edge.points.at(-1);
		expect(top && bottom && end).toBeTruthy();
		if (!top || !bottom || !end) continue;
		const [low, high] = [Math.min(top.x, bottom.x), Math.max(top.x, bottom.x)];
		expect(end.x).toBeGreaterThanOrEqual(low - 0.01);
		expect(end.x).toBeLessThanOrEqual(high + 0.01);
		const [lowY, highY] = [Math.min(top.y, bottom.y), Math.max(top.y, bottom.y)];
		expect(end.y).toBeGreaterThanOrEqual(lowY - 0.01);
		expect(end.y).toBeLessThanOrEqual(highY + 0.01);
	}
	return measured;
}

describe('layoutTopology()', () => {
	test('places the host, each service, network, volume and host path as a box', () => {
		const layout = layoutTopology(lecture, 'en');
		expect(layout.nodes.map((n) => [n.id, n.kind])).toEqual([
			['host', 'host'],
			['network:ext', 'network'],
			['network:int', 'network'],
			['volume:db-content', 'volume'],
			['service:app', 'service'],
			['bind:./config/config.json', 'bind'],
			['service:db', 'service'],
		]);
		expect(node(layout, 'service:app')?.lines).toEqual([
			'app',
			'image: custom_image',
			'build: ./app',
			'ports: 80',
		]);
		expect(node(layout, 'network:ext')?.lines).toEqual(['ext', 'bridge · 192.168.100/24']);
		for (const box of layout.nodes) {
			expect(box.x - box.width / 2).toBeGreaterThanOrEqual(0);
			expect(box.y + box.height / 2).toBeLessThanOrEqual(layout.height);
		}
	});

	test('labels the lines with ports, addresses and mount targets', () => {
		const labels = layoutTopology(lecture, 'en').edges.map((e) => [e.kind, e.from, e.to, e.label]);
		expect(labels).toEqual([
			['port', 'host', 'service:app', ['8080 → 80']],
			['network', 'service:app', 'network:ext', ['192.168.100.100']],
			['network', 'service:app', 'network:int', []],
			['bind', 'service:app', 'bind:./config/config.json', ['/etc/config.json']],
			['network', 'service:db', 'network:int', []],
			['volume', 'service:db', 'volume:db-content', ['/var/lib/mysql']],
		]);
	});

	test('runs left to right or top to bottom', () => {
		const lr = layoutTopology(lecture, 'en');
		const tb = layoutTopology(lecture, 'en', { direction: 'TB' });
		const [hostLr, appLr] = [node(lr, 'host'), node(lr, 'service:app')];
		const [hostTb, appTb] = [node(tb, 'host'), node(tb, 'service:app')];
		expect(hostLr && appLr && hostLr.x < appLr.x).toBe(true);
		expect(hostTb && appTb && hostTb.y < appTb.y).toBe(true);
	});

	test('hides the implicit default network and the volumes on request', () => {
		const model = buildModel({
			services: { web: { image: 'nginx', volumes: ['data:/d', './site:/s'] } },
			volumes: { data: null },
		});
		expect(layoutTopology(model, 'it').nodes.map((n) => n.id)).toEqual([
			'network:default',
			'volume:data',
			'service:web',
			'bind:./site',
		]);
		expect(layoutTopology(model, 'it').nodes[0]?.lines).toEqual([
			'default',
			'bridge',
			'creata da Compose',
		]);
		const hidden = layoutTopology(model, 'it', { hideDefaultNetwork: true, hideVolumes: true });
		expect(hidden.nodes.map((n) => n.id)).toEqual(['service:web']);
		expect(hidden.edges).toEqual([]);
	});

	test('marks external resources and words them in the language asked', () => {
		const model = buildModel({
			services: { web: { image: 'nginx', networks: ['proxy'], volumes: ['old:/o:ro'] } },
			networks: { proxy: { external: true } },
			volumes: { old: { external: true } },
		});
		const it = layoutTopology(model, 'it');
		expect(node(it, 'network:proxy')).toMatchObject({
			external: true,
			lines: ['proxy', 'rete esterna'],
		});
		expect(node(it, 'volume:old')).toMatchObject({
			external: true,
			lines: ['old', 'volume esterno'],
		});
		expect(it.edges.find((e) => e.kind === 'volume')?.label).toEqual(['/o (sola lettura)']);
	});

	test('draws depends_on and the host network as their own kinds of line', () => {
		const model = buildModel({
			services: {
				web: { image: 'nginx', depends_on: { db: { condition: 'service_healthy' } } },
				db: { image: 'postgres' },
				agent: { image: 'x', network_mode: 'host' },
			},
		});
		const edges = layoutTopology(model, 'en').edges;
		expect(edges).toContainEqual(
			expect.objectContaining({
				kind: 'depends',
				from: 'service:web',
				to: 'service:db',
				label: ['service_healthy'],
			})
		);
		expect(edges).toContainEqual(
			expect.objectContaining({ kind: 'host-network', from: 'host', to: 'service:agent' })
		);
	});

	describe.each(files)('%s', (_, model) => {
		test.each(variants)('%o: no line under a box, labels on their lines, all inside', (options) => {
			for (const lang of ['it', 'en'] as const)
				expectReadable(layoutTopology(model, lang, options));
		});
	});

	test('random small files hold to the same', () => {
		const names = ['a', 'b', 'c', 'd', 'e', 'f'];
		const networks = ['front', 'back', 'data'];
		const volumes = ['v1', 'v2'];
		const service = fc.record(
			{
				image: fc.constantFrom(
					'nginx',
					'postgres:17',
					'registry.example.com/team/very-long-image:1.2.3'
				),
				ports: fc.array(fc.constantFrom('80:80', '8080:8080', '53:53/udp', '127.0.0.1:9000:9000'), {
					maxLength: 3,
				}),
				networks: fc.uniqueArray(fc.constantFrom(...networks), { maxLength: 3 }),
				volumes: fc.uniqueArray(
					fc.constantFrom(
						'v1:/data',
						'v2:/var/lib/x:ro',
						'./conf:/etc/conf',
						'/srv/a/very/long/path:/mnt'
					),
					{ maxLength: 3 }
				),
				depends_on: fc.uniqueArray(fc.constantFrom(...names), { maxLength: 3 }),
				network_mode: fc.constantFrom(undefined, 'host', 'service:a', 'service:b', 'none'),
			},
			{ requiredKeys: ['image'] }
		);
		const file = fc.record({
			services: fc.dictionary(fc.constantFrom(...names), service, { minKeys: 1, maxKeys: 6 }),
			networks: fc.constant(Object.fromEntries(networks.map((n) => [n, null]))),
			volumes: fc.constant(Object.fromEntries(volumes.map((v) => [v, null]))),
		});
		fc.assert(
			fc.property(file, fc.constantFrom<LayoutOptions>(...variants), (compose, options) => {
				// `network_mode` excludes `networks`, as Compose requires.
				for (const s of Object.values(compose.services)) if (s.network_mode) delete s.networks;
				expectReadable(layoutTopology(buildModel(compose), 'it', options));
			}),
			{ numRuns: 150 }
		);
	});

	test('the lecture’s file: no crossing, and one line crosses a bus (the port, past int to db)', () => {
		for (const direction of ['LR', 'TB'] as const)
			expect(layoutMetrics(layoutTopology(lecture, 'it', { direction }))).toMatchObject({
				crossings: 0,
				busCrossings: 1,
			});
	});

	test('the depends_on lines into one service share its lane, each labelled where it leaves', () => {
		const model = buildModel({
			services: {
				web: { image: 'x', depends_on: { db: { condition: 'service_healthy' } } },
				worker: { image: 'x', depends_on: ['db', 'cache'] },
				db: { image: 'postgres' },
				cache: { image: 'redis' },
			},
		});
		const layout = layoutTopology(model, 'en');
		const intoDb = layout.edges.filter((e) => e.kind === 'depends' && e.to === 'service:db');
		expect(intoDb).toHaveLength(2);
		const lanes = intoDb.map((e) => e.points[1]?.x);
		expect(lanes[0]).toBe(lanes[1]);
		const toCache = layout.edges.find((e) => e.to === 'service:cache');
		expect(toCache?.points[1]?.x).not.toBe(lanes[0]);
		const web = intoDb.find((e) => e.from === 'service:web');
		expect(web?.labelAt?.y).toBe(web?.points[0]?.y);
		expectReadable(layout);
	});

	test('network_mode: service:X puts the service right after X, linked to it', () => {
		const layout = layoutTopology(fixture('network-mode-service'), 'en');
		expect(layout.edges).toContainEqual(
			expect.objectContaining({
				kind: 'shared-network',
				from: 'service:downloader',
				to: 'service:vpn',
				label: ['same network'],
			})
		);
		const rows = layout.nodes
			.filter((n) => n.kind === 'service')
			.sort((a, b) => a.y - b.y)
			.map((n) => n.id);
		expect(rows.indexOf('service:downloader')).toBe(rows.indexOf('service:vpn') + 1);
		// It has no network of its own: no line to a bus.
		expect(
			layout.edges.filter((e) => e.from === 'service:downloader' && e.kind === 'network')
		).toEqual([]);
	});

	test('network_mode: host ties the service to the host band, as tall as the rows', () => {
		const layout = layoutTopology(fixture('network-mode-host'), 'en');
		for (const name of ['node-exporter', 'cadvisor'])
			expect(layout.edges).toContainEqual(
				expect.objectContaining({ kind: 'host-network', from: 'host', to: `service:${name}` })
			);
		const host = node(layout, 'host');
		const services = layout.nodes.filter((n) => n.kind === 'service');
		expect(host && host.y - host.height / 2).toBeLessThanOrEqual(
			Math.min(...services.map((s) => s.y - s.height / 2))
		);
		expect(host && host.y + host.height / 2).toBeGreaterThanOrEqual(
			Math.max(...services.map((s) => s.y + s.height / 2))
		);
	});

	test('top to bottom, the host comes first, across the top, inside the canvas', () => {
		const layout = layoutTopology(lecture, 'en', { direction: 'TB' });
		const host = node(layout, 'host');
		expect(host).toBeDefined();
		if (!host) return;
		for (const other of layout.nodes.filter((n) => n.kind !== 'network' && n !== host))
			expect(host.y + host.height / 2).toBeLessThan(other.y - other.height / 2);
		expect(host.x - host.width / 2).toBeGreaterThanOrEqual(0);
		expect(host.x + host.width / 2).toBeLessThanOrEqual(layout.width);
	});

	test('lays out a large file quickly, with every box and line placed', () => {
		const services = Object.fromEntries(
			Array.from({ length: 80 }, (_, i) => [
				`s${i}`,
				{
					image: 'x',
					networks: [`n${i % 5}`],
					depends_on: i % 4 ? [`s${i - 1}`] : [],
					...(i === 3 && { depends_on: ['s3'] }),
				},
			])
		);
		const networks = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`n${i}`, null]));
		const layout = layoutTopology(buildModel({ services, networks }), 'en');
		expect(layout.nodes).toHaveLength(85);
		for (const box of layout.nodes) expect(Number.isFinite(box.x + box.y)).toBe(true);
		for (const edge of layout.edges) {
			expect(edge.points.length).toBeGreaterThanOrEqual(2);
			for (const point of edge.points) expect(Number.isFinite(point.x + point.y)).toBe(true);
		}
	});
});
