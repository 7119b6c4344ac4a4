import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import {
	analyzeCompose,
	diagramLimits,
	diagramSize,
	maxDiagramEdges,
	maxDiagramNodes,
} from '../../../src/lib/compose/analyze';
import { lectureExample } from '../../../src/lib/compose/examples';
import { layoutTopology } from '../../../src/lib/compose/layout';
import { buildModel } from '../../../src/lib/compose/model';
import { limits } from '../../../src/lib/compose/parse';
import type { ComposeFile } from '../../../src/lib/compose/schema';

// The real layout, watched: past a limit it must not even be started.
vi.mock('../../../src/lib/compose/layout', async (original) => {
	const real = await original<typeof import('../../../src/lib/compose/layout')>();
	return { ...real, layoutTopology: vi.fn(real.layoutTopology) };
});

afterEach(() => {
	vi.mocked(layoutTopology).mockClear();
});

/**
 * `services` services, each on every one of `networks` networks: services × networks lines. The
 * networks are listed in flow style, so that the largest file stays under the parser's size limit.
 */
function meshFile(services: number, networks: number, extra = '') {
	const names = Array.from({ length: networks }, (_, i) => `n${i}`);
	const lines = ['services:'];
	for (let i = 0; i < services; i++)
		lines.push(
			`  s${i}:`,
			'    image: alpine',
			`    networks: [${names.join(', ')}]`,
			...(extra ? [`    ${extra}`] : [])
		);
	lines.push('networks:', ...names.map((name) => `  ${name}:`));
	return `${lines.join('\n')}\n`;
}

describe('diagramSize()', () => {
	test('counts the lecture’s boxes and every line the diagram draws', () => {
		const model = buildModel(parse(lectureExample.source) as ComposeFile);
		const { nodes, edges } = diagramSize(model);
		// app, db; ext, int; db-content; ./config/config.json.
		expect(nodes).toBe(6);
		// The boxes and lines of the drawing itself, but the host's box.
		const layout = layoutTopology(model, 'en');
		expect(nodes).toBe(layout.nodes.filter((node) => node.kind !== 'host').length);
		expect(edges).toBe(layout.edges.length);
	});

	test('counts published ports once per service, the host network, dependencies and mounts', () => {
		const model = buildModel({
			services: {
				web: {
					image: 'nginx',
					ports: ['80:80', '443:443'],
					volumes: ['data:/d', './site:/s', '/tmp'],
					depends_on: ['db'],
				},
				db: { image: 'postgres' },
				probe: { image: 'busybox', network_mode: 'host' },
			},
			volumes: { data: null },
		});
		// Boxes: three services, the default network, a volume, a host path. Lines: web's network,
		// one for its ports, two drawn mounts (not the anonymous one), one dependency; db's
		// network; probe's use of the host's network.
		expect(diagramSize(model)).toEqual({ nodes: 6, edges: 7 });
		const layout = layoutTopology(model, 'en');
		expect(layout.nodes.filter((node) => node.kind !== 'host')).toHaveLength(6);
		expect(layout.edges).toHaveLength(7);
	});
});

describe('the limits of the diagram', () => {
	test('a file with too many lines is checked but not placed, and says why', () => {
		// Under the box limit, far over the line limit: 200 services on 10 networks.
		const text = meshFile(200, 10, 'depends_on: [missing]');
		const result = analyzeCompose(text);
		expect(result.diagram).toBeUndefined();
		expect(result.model?.services).toHaveLength(200);
		expect(result.description?.length).toBeGreaterThan(0);
		expect(layoutTopology).not.toHaveBeenCalled();
		const notes = result.findings.filter((finding) => finding.rule === 'input-limit');
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ severity: 'info', line: 1, column: 1 });
		expect(notes[0]?.message.it).toContain(`Il file ha ${200 * 11} collegamenti`);
		expect(notes[0]?.message.it).toContain(`il massimo è ${maxDiagramEdges}`);
		expect(notes[0]?.message.it).toContain('I controlli sono stati fatti comunque');
		expect(notes[0]?.message.en).toContain(`The file has ${200 * 11} links`);
		expect(notes[0]?.message.en).toContain(`the limit is ${maxDiagramEdges}`);
		// The checks ran: every service names a service that does not exist.
		expect(result.findings.filter((finding) => finding.rule === 'undefined-service')).toHaveLength(
			200
		);
	});

	test('200 services each on 199 networks are checked at once, not placed for seconds', () => {
		const result = analyzeCompose(meshFile(200, 199));
		expect(result.diagram).toBeUndefined();
		expect(layoutTopology).not.toHaveBeenCalled();
		expect(result.findings).toMatchObject([{ rule: 'input-limit', severity: 'info' }]);
		expect(result.findings[0]?.message.en).toContain(`${200 * 199} links`);
	});

	test('a file at the line limit is still drawn', () => {
		// 50 services on 10 networks: exactly the limit.
		expect(50 * 10).toBe(maxDiagramEdges);
		const result = analyzeCompose(meshFile(50, 10));
		expect(result.findings).toEqual([]);
		expect(result.diagram?.tag).toBe('svg');
		expect(layoutTopology).toHaveBeenCalledOnce();
	});

	test('one note per limit passed, none within them', () => {
		expect(diagramLimits({ nodes: maxDiagramNodes, edges: maxDiagramEdges })).toEqual([]);
		expect(
			diagramLimits({ nodes: maxDiagramNodes + 1, edges: 0 }).map((note) => note.message.en)
		).toEqual([
			expect.stringContaining(`${maxDiagramNodes + 1} services, networks, volumes and host paths`),
		]);
		expect(diagramLimits({ nodes: maxDiagramNodes + 1, edges: maxDiagramEdges + 1 })).toHaveLength(
			2
		);
	});

	test('what the analysis gives can cross to a worker and back unchanged', () => {
		const result = analyzeCompose(lectureExample.source, { lang: 'en', idPrefix: 'lab' });
		expect(result.diagram).toBeDefined();
		expect(structuredClone(result)).toEqual(result);
	});

	test('the lab page says the limits as they are, in both languages', () => {
		const page = (path: string) =>
			readFileSync(`src/content/docs/${path}`, 'utf8').replace(/\s+/g, ' ');
		const kb = `${limits.maxChars / 1024} KB`;
		const italian = page('lab/compose.mdx');
		expect(italian).toContain(kb);
		expect(italian).toContain(`fino a ${maxDiagramNodes} elementi`);
		expect(italian).toContain(`e ${maxDiagramEdges} collegamenti`);
		const english = page('en/lab/compose.mdx');
		expect(english).toContain(kb);
		expect(english).toContain(`up to ${maxDiagramNodes} items`);
		expect(english).toContain(`and ${maxDiagramEdges} links`);
	});
});
