import { describe, expect, test } from 'vitest';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { lectureExample } from '../../../src/lib/compose/examples';
import { escapeXml, serializeSvg, type SvgNode } from '../../../src/lib/compose/svg';

const payload = '<img src=x onerror=alert(1)>';

/** Every node of the tree, depth first. */
function* walk(node: SvgNode): Generator<SvgNode> {
	yield node;
	for (const child of node.children ?? []) yield* walk(child);
}

const diagramOf = (text: string, lang: 'it' | 'en' = 'en') => {
	const { diagram } = analyzeCompose(text, { lang });
	if (!diagram) throw new Error('expected a diagram');
	return diagram;
};

describe('drawDiagram()', () => {
	test('gives the root a title and a description, in the language asked', () => {
		for (const lang of ['it', 'en'] as const) {
			const diagram = diagramOf(lectureExample.source, lang);
			const [title, desc] = diagram.children ?? [];
			expect(diagram).toMatchObject({
				tag: 'svg',
				attrs: { role: 'img', 'aria-labelledby': 'cd-title cd-desc', class: 'cd-diagram' },
			});
			expect(title).toMatchObject({ tag: 'title', attrs: { id: 'cd-title' } });
			expect(desc).toMatchObject({ tag: 'desc', attrs: { id: 'cd-desc' } });
			expect(title?.text).toBe(lang === 'it' ? 'Schema del file Compose' : 'Compose file diagram');
			expect(desc?.text).toContain(
				lang === 'it' ? 'si collega a ext' : 'joins ext at 192.168.100.100'
			);
		}
	});

	test('uses the cd-* classes and currentColor, for the page to theme', () => {
		const text = `${lectureExample.source.replace('  db:\n', '  db:\n    depends_on: [app]\n')}`;
		const nodes = [...walk(diagramOf(text))];
		const classes = new Set(nodes.flatMap((n) => String(n.attrs.class ?? '').split(' ')));
		for (const name of [
			'cd-service',
			'cd-network',
			'cd-volume',
			'cd-bind',
			'cd-host',
			'cd-edge',
			'cd-depends',
			'cd-label',
			'cd-title',
			'cd-legend',
		])
			expect(classes).toContain(name);
		expect(
			nodes.filter((n) => n.tag === 'text').every((n) => n.attrs.fill === 'currentColor')
		).toBe(true);
		const depends = nodes.find(
			(n) => String(n.attrs.class).includes('cd-depends') && n.attrs.d?.toString().startsWith('M')
		);
		expect(depends?.attrs['stroke-dasharray']).toBeDefined();
	});

	test('draws the depends_on lines into one service as a bundle: one arrow, a dot where one joins', () => {
		const text = `services:
  a: { image: x, depends_on: [db] }
  b: { image: x, depends_on: [db] }
  db: { image: postgres }
  c: { image: x, depends_on: [db] }
`;
		const nodes = [...walk(diagramOf(text))];
		const depends = nodes.filter(
			(n) => String(n.attrs.class).includes('cd-depends') && n.tag === 'path'
		);
		const arrows = depends.filter((n) => n.attrs['marker-end'] !== undefined);
		// Three branches, the run above and below db, and the line into db with the one arrow.
		expect(arrows).toHaveLength(1);
		expect(depends.length).toBeGreaterThanOrEqual(4);
		expect(nodes.filter((n) => n.attrs.class === 'cd-join').length).toBeGreaterThanOrEqual(1);
	});

	test('draws the legend in the language asked', () => {
		const texts = [...walk(diagramOf(lectureExample.source, 'it'))].map((n) => n.text);
		expect(texts).toEqual(
			expect.arrayContaining([
				'Legenda',
				'servizio',
				'rete: ogni punto è un servizio collegato',
				'volume con nome',
				"percorso dell'host (bind)",
				'depends_on',
				'esterno (external)',
			])
		);
	});

	test('outlines external networks and volumes with dashes and says so', () => {
		const text =
			'services:\n  web:\n    image: nginx\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n';
		const group = [...walk(diagramOf(text))].find((n) =>
			String(n.attrs.class).includes('cd-external')
		);
		expect(group?.children?.[0]?.attrs['stroke-dasharray']).toBe('5 3');
		expect(group?.children?.map((c) => c.text)).toContain('external network');
	});

	test('keeps user data as plain text in the tree', () => {
		const diagram = diagramOf(`services:\n  "${payload}":\n    image: "${payload}"\n`);
		const texts = [...walk(diagram)].map((n) => n.text);
		expect(texts).toContain(payload);
		expect(texts).toContain(`image: ${payload}`);
	});
});

describe('serializeSvg()', () => {
	test('escapes user data in text and attributes', () => {
		const svg = serializeSvg(diagramOf(`services:\n  "${payload}":\n    image: "${payload}"\n`));
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(serializeSvg({ tag: 'g', attrs: { 'data-x': '"><script>' } })).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<g data-x="&quot;&gt;&lt;script&gt;"/>\n'
		);
	});

	test('writes a standalone document with both colour schemes', () => {
		const svg = serializeSvg(diagramOf(lectureExample.source));
		expect(
			svg.startsWith(
				'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'
			)
		).toBe(true);
		expect(svg).toMatch(
			/<title id="cd-title">Compose file diagram<\/title><desc id="cd-desc">[^<]+<\/desc><style>/
		);
		expect(svg).toContain('@media (prefers-color-scheme:dark)');
		expect(svg.trim().endsWith('</svg>')).toBe(true);
	});

	test('drops what XML cannot hold and names it cannot use', () => {
		expect(escapeXml('a\u0001b\uD800c & "d" \'e\'')).toBe('abc &amp; &quot;d&quot; &apos;e&apos;');
		expect(
			serializeSvg({
				tag: 'g',
				attrs: { 'on click': 'x', ok: 1 },
				children: [{ tag: 'bad tag', attrs: {} }],
			})
		).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<g ok="1"/>\n');
	});
});
