import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { describeTopology } from '../../../src/lib/compose/describe';
import { layoutTopology } from '../../../src/lib/compose/layout';
import { buildModel } from '../../../src/lib/compose/model';
import type { ComposeFile } from '../../../src/lib/compose/schema';
import type { SvgNode } from '../../../src/lib/compose/svg';

const source = readFileSync(
	join(import.meta.dirname, '../../fixtures/compose-layout/replicas.yaml'),
	'utf8'
);
const model = buildModel(parse(source) as ComposeFile);
const service = (name: string) => model.services.find((s) => s.name === name);

/** Every node of the tree, depth first. */
function* walk(node: SvgNode): Generator<SvgNode> {
	yield node;
	for (const child of node.children ?? []) yield* walk(child);
}

describe('replicas in the model, the diagram and its description', () => {
	test('the model counts deploy.replicas and the older scale, and leaves out a count of one', () => {
		expect(service('web')?.replicas).toBe(3);
		expect(service('worker')?.replicas).toBe(2);
		expect(service('db')).not.toHaveProperty('replicas');
		expect(service('proxy')).not.toHaveProperty('replicas');
	});

	test('no replicas at all is said too; an interpolated count is not guessed', () => {
		const { services } = buildModel({
			services: {
				off: { image: 'x', deploy: { replicas: 0 } },
				env: { image: 'x', deploy: { replicas: '${N}' } },
				text: { image: 'x', scale: '4' },
			},
		});
		expect(services.map((s) => s.replicas)).toEqual([0, undefined, 4]);
	});

	test('the description says how many containers, in Italian and in English', () => {
		const en = describeTopology(model, 'en');
		const it = describeTopology(model, 'it');
		expect(en).toContain('web has 3 replicas, runs image example/web, joins default.');
		expect(en).toContain('worker has 2 replicas, runs image example/worker, joins default.');
		expect(en.join('\n')).not.toMatch(/db has|proxy has/);
		expect(it).toContain("web ha 3 repliche, usa l'immagine example/web, si collega a default.");
		expect(it).toContain(
			"worker ha 2 repliche, usa l'immagine example/worker, si collega a default."
		);
	});

	test('the box of a replicated service says the count and is as tall as its lines', () => {
		for (const [lang, line] of [
			['en', 'replicas: 3'],
			['it', 'repliche: 3'],
		] as const) {
			const { nodes } = layoutTopology(model, lang);
			const web = nodes.find((n) => n.id === 'service:web');
			const db = nodes.find((n) => n.id === 'service:db');
			expect(web?.lines).toEqual([
				'web',
				line,
				`${lang === 'it' ? 'immagine' : 'image'}: example/web`,
			]);
			expect(web?.replicas).toBe(3);
			expect(db?.lines).toHaveLength(2);
			expect(web && db && web.height > db.height).toBe(true);
		}
	});

	test('the drawing stacks a second box behind a replicated service, and its text names the count', () => {
		const { diagram } = analyzeCompose(source, { lang: 'en' });
		if (!diagram) throw new Error('expected a diagram');
		const groups = [...walk(diagram)].filter(
			(n) => n.tag === 'g' && n.attrs.class === 'cd-node cd-service'
		);
		const shapes = (name: string) => {
			const group = groups.find((g) =>
				g.children?.some((c) => c.tag === 'text' && c.text === name)
			);
			return group?.children?.filter((c) => c.tag === 'rect') ?? [];
		};
		expect(shapes('web')).toHaveLength(2);
		expect(shapes('worker')).toHaveLength(2);
		expect(shapes('db')).toHaveLength(1);
		const [back, front] = shapes('web');
		expect(Number(back?.attrs.x)).toBe(Number(front?.attrs.x) + 4);
		expect(Number(back?.attrs.y)).toBe(Number(front?.attrs.y) - 4);
		const texts = [...walk(diagram)].filter((n) => n.tag === 'text').map((n) => n.text);
		expect(texts).toContain('replicas: 3');
		// The diagram's accessible description is the topology in words.
		const desc = diagram.children?.find((c) => c.tag === 'desc');
		expect(desc?.text).toContain('web has 3 replicas');
	});
});
