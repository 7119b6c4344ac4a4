import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { analyzeCompose, maxDiagramNodes, type Analysis } from '../../../src/lib/compose/analyze';
import { examples, galleryExamples, lectureExample } from '../../../src/lib/compose/examples';
import { otherServiceKeys } from '../../../src/lib/compose/schema';

/** The property every result must have: a model, or findings placed in the text. */
function wellFormed(result: Analysis): boolean {
	const placed = result.findings.every(
		(f) => f.line >= 1 && f.column >= 1 && f.message.it.length > 0 && f.message.en.length > 0
	);
	return placed && (result.model !== undefined || result.findings.length > 0);
}

const serviceKeys = [
	'image',
	'build',
	'ports',
	'expose',
	'volumes',
	'networks',
	'depends_on',
	'network_mode',
	'links',
	'extends',
	...otherServiceKeys.slice(0, 10),
];
const scalar = fc.oneof(
	fc.constantFrom(
		'8080:80',
		'[::1]:80:80',
		'192.168.100/24',
		'./a:/b:ro',
		'db:/d',
		'host',
		'service:x',
		'${X}',
		'',
		'<b>'
	),
	fc.string(),
	fc.integer({ min: -1, max: 70_000 }),
	fc.boolean(),
	fc.constant(null)
);
const value = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		scalar,
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(fc.string(), tie('value'), { maxKeys: 3 })
	),
})).value;
const service = fc.dictionary(fc.constantFrom(...serviceKeys), value, { maxKeys: 5 });
const composeLike = fc.record(
	{
		version: scalar,
		services: fc.dictionary(fc.constantFrom('web', 'db', 'x-y', 'a b'), service, { maxKeys: 3 }),
		networks: fc.dictionary(
			fc.constantFrom('ext', 'int', 'default'),
			fc.oneof(
				fc.constant(null),
				fc.dictionary(fc.constantFrom('driver', 'ipam', 'external', 'internal'), value, {
					maxKeys: 3,
				})
			)
		),
		volumes: fc.dictionary(fc.constantFrom('db-content', 'data'), value, { maxKeys: 2 }),
		extra: value,
	},
	{ requiredKeys: [] }
);

describe('analyzeCompose()', () => {
	test('never throws on arbitrary text, and always gives a model or placed findings', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.string({ unit: 'binary' }),
					fc.string({
						unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', '{', '&a', '*a', '<<', '"'),
					})
				),
				(text) => wellFormed(analyzeCompose(text))
			),
			{ numRuns: 300 }
		);
	});

	test('never throws on Compose-like data written as YAML', () => {
		fc.assert(
			fc.property(composeLike, fc.constantFrom<('it' | 'en')[]>('it', 'en'), (data, lang) => {
				const result = analyzeCompose(stringify(data), { lang });
				expect(wellFormed(result)).toBe(true);
				if (result.diagram) expect(result.diagram.tag).toBe('svg');
			}),
			{ numRuns: 300 }
		);
	});

	test('finds nothing wrong in the gallery, and draws every example', () => {
		for (const example of galleryExamples)
			expect(analyzeCompose(example.source).findings).toEqual([]);
		for (const example of examples) {
			const result = analyzeCompose(example.source);
			expect(result.diagram?.tag).toBe('svg');
			expect(result.description?.length).toBeGreaterThan(2);
			expect(example.title.it).not.toBe(example.title.en);
		}
		expect(examples[0]).toBe(lectureExample);
	});

	test('passes the language, title, direction and id prefix on', () => {
		const result = analyzeCompose(lectureExample.source, {
			lang: 'en',
			title: { it: 'Il mio schema', en: 'My diagram' },
			desc: { it: 'Due servizi.', en: 'Two services.' },
			idPrefix: 'lab2',
			direction: 'TB',
			hideVolumes: true,
		});
		expect(result.diagram?.children?.slice(0, 2)).toEqual([
			{ tag: 'title', attrs: { id: 'lab2-title' }, text: 'My diagram' },
			{ tag: 'desc', attrs: { id: 'lab2-desc' }, text: 'Two services.' },
		]);
		expect(result.description?.[0]).toMatch(/^The file defines/);
		expect(JSON.stringify(result.diagram)).not.toContain('db-content</');
		expect(analyzeCompose(lectureExample.source).description?.[0]).toMatch(/^Il file definisce/);
	});

	test('gives findings but no model for a file it cannot read', () => {
		expect(analyzeCompose('services: [')).toMatchObject({ findings: [{ rule: 'yaml-syntax' }] });
		expect(analyzeCompose('')).toMatchObject({
			findings: [{ rule: 'invalid-value', line: 1, column: 1 }],
		});
		expect(analyzeCompose('').model).toBeUndefined();
	});

	test('still checks a file too large to draw, and says why there is no diagram', () => {
		const services = Object.fromEntries(
			Array.from({ length: maxDiagramNodes + 1 }, (_, i) => [`s${i}`, { image: 'x' }])
		);
		const result = analyzeCompose(stringify({ services }));
		expect(result.diagram).toBeUndefined();
		expect(result.model?.services).toHaveLength(maxDiagramNodes + 1);
		expect(result.findings).toMatchObject([{ rule: 'input-limit', severity: 'info' }]);
	});

	test('orders findings by position', () => {
		const { findings } = analyzeCompose(
			'services:\n  b:\n    imag: x\n  a:\n    port: []\nversion: "3"\n'
		);
		expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 5, 6]);
	});
});
