import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { lectureExample } from '../../../src/lib/compose/examples';
import { layoutTopology, type DiagramLayout } from '../../../src/lib/compose/layout';
import { buildModel } from '../../../src/lib/compose/model';
import type { ComposeFile } from '../../../src/lib/compose/schema';

const lecture = buildModel(parse(lectureExample.source) as ComposeFile);
const node = (layout: DiagramLayout, id: string) => layout.nodes.find((n) => n.id === id);

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
