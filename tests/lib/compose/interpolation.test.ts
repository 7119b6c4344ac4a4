import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import {
	checkInterpolation,
	isInterpolated,
	scanTemplate,
	type TemplateProblemKind,
} from '../../../src/lib/compose/interpolation';

const names = (text: string) => scanTemplate(text).references.map((r) => r.name);
const kinds = (text: string) => scanTemplate(text).problems.map((p) => p.kind);

describe('scanTemplate()', () => {
	test.each([
		['$VAR', ['VAR']],
		['${VAR}', ['VAR']],
		['pre-$VAR.post', ['VAR']],
		['$_private9x', ['_private9x']],
		['${VAR:-default}', ['VAR']],
		['${VAR-default}', ['VAR']],
		['${VAR:?must be set}', ['VAR']],
		['${VAR?must be set}', ['VAR']],
		['${VAR:+alt}', ['VAR']],
		['${VAR+alt}', ['VAR']],
		['${A:-${B:-${C}}}', ['A', 'B', 'C']],
		['${A}${B}', ['A', 'B']],
		['${A:-x}:${B:-y}', ['A', 'B']],
		['${lower_case}', ['lower_case']],
		['$$VAR', []],
		['$${VAR}', []],
		['$$$VAR', ['VAR']],
		['costs 5$', []],
		['$1 and $@', []],
		['no dollar', []],
	])('reads the references in %s', (text, expected) => {
		expect(names(text)).toEqual(expected);
		expect(kinds(text)).toEqual([]);
	});

	test.each<[string, TemplateProblemKind]>([
		['${VAR', 'unclosed'],
		['${VAR:-default', 'unclosed'],
		['x ${VAR\n}', 'unclosed'],
		['${}', 'empty'],
		['${1VAR}', 'bad-name'],
		['${VAR NAME}', 'bad-name'],
		['${VAR.x}', 'bad-name'],
		['${VAR:default}', 'bad-operator'],
		['${A:-${}}', 'empty'],
		['${', 'bad-name'],
	])('finds the malformed reference in %s', (text, kind) => {
		expect(kinds(text)).toEqual([kind]);
	});

	test('keeps what each reference does and where it is', () => {
		expect(scanTemplate('a ${DB_PASSWORD:?set it in .env} b').references).toEqual([
			{ name: 'DB_PASSWORD', start: 2, end: 32, operator: ':?', argument: 'set it in .env' },
		]);
		expect(scanTemplate('${A:-${B}}').references).toEqual([
			{ name: 'A', start: 0, end: 10, operator: ':-', argument: '${B}' },
			{ name: 'B', start: 5, end: 9 },
		]);
	});

	test('stays linear on a long run of dollars and braces', () => {
		const text = '${'.repeat(20_000) + '$'.repeat(20_000);
		const started = performance.now();
		scanTemplate(text);
		expect(performance.now() - started).toBeLessThan(500);
	});
});

describe('isInterpolated()', () => {
	test.each([
		['${PORT}:80', true],
		['$HOME/data', true],
		['${BROKEN', true],
		['8080:80', false],
		['$$not', false],
		['5$', false],
		[8080, false],
		[undefined, false],
	])('%s → %s', (value, expected) => {
		expect(isInterpolated(value)).toBe(expected);
	});
});

describe('checkInterpolation()', () => {
	test('reports each malformed reference as an error at its value, with the fix', () => {
		const issues = checkInterpolation({
			services: { web: { image: 'nginx:${TAG', environment: { A: '${1X}' } } },
		});
		expect(issues).toMatchObject([
			{ rule: 'invalid-interpolation', severity: 'error', path: ['services', 'web', 'image'] },
			{
				rule: 'invalid-interpolation',
				severity: 'error',
				path: ['services', 'web', 'environment', 'A'],
			},
		]);
		expect(issues[0]?.message.it).toContain('${TAG}');
		expect(issues[0]?.message.en).toContain('$$');
	});

	test('explains a required variable once, wherever it is used', () => {
		const issues = checkInterpolation({
			services: {
				db: { image: 'postgres', environment: ['POSTGRES_PASSWORD=${DB_PASSWORD:?set it}'] },
				app: { image: 'app', environment: { DB: '${DB_PASSWORD:?set it}', K: '${KEY?}' } },
			},
		});
		expect(issues.map(({ rule, severity, path }) => ({ rule, severity, path }))).toEqual([
			{
				rule: 'required-variable',
				severity: 'info',
				path: ['services', 'db', 'environment', 0],
			},
			{
				rule: 'required-variable',
				severity: 'info',
				path: ['services', 'app', 'environment', 'K'],
			},
		]);
		expect(issues[0]?.message.en).toContain('"set it"');
		expect(issues[0]?.message.en).toContain('unset or empty');
		expect(issues[1]?.message.en).toContain('if it is unset,');
	});

	test('reads values only: keys are never interpolated', () => {
		expect(checkInterpolation({ services: { web: { labels: { '${odd': 'x' } } } })).toEqual([]);
	});

	test('finds nothing in a file with well-formed references', () => {
		expect(
			checkInterpolation({
				services: { web: { image: 'nginx:${TAG:-latest}', command: '$$HOME' } },
			})
		).toEqual([]);
	});
});

describe('interpolation in the whole analysis', () => {
	const findings = (data: unknown) => analyzeCompose(stringify(data)).findings;

	test('places a malformed reference where it is written in the value', () => {
		const text = 'services:\n  web:\n    image: nginx\n    ports:\n      - "${PORT:-8080:80"\n';
		expect(analyzeCompose(text).findings).toMatchObject([
			{ rule: 'invalid-interpolation', line: 5, column: 10, endLine: 5, endColumn: 25 },
		]);
		const plain = 'services:\n  web:\n    image: nginx:${}-alpine\n';
		expect(analyzeCompose(plain).findings).toMatchObject([
			{ rule: 'invalid-interpolation', line: 3, column: 18, endColumn: 21 },
		]);
	});

	test('places it on the whole value when the text does not hold the value as written', () => {
		const escaped = 'services:\n  web:\n    image: "nginx:\\u0041${TAG"\n';
		expect(analyzeCompose(escaped).findings).toMatchObject([
			{ rule: 'invalid-interpolation', line: 3, column: 12 },
		]);
	});

	test('does not judge interpolated values as literals', () => {
		expect(
			findings({
				services: {
					web: {
						image: 'nginx:${TAG:-1.27}',
						ports: ['${HOST_IP:-127.0.0.1}:${PORT:-8080}:80', { target: 80, published: '${P}' }],
						volumes: ['${DATA_DIR:-./data}:/data:${MODE:-rw}', '${LOGS}:/logs'],
						networks: { ext: { ipv4_address: '${IP:-10.0.0.5}', priority: '${PRIO}' } },
						depends_on: { db: { condition: 'service_started', required: '${NEED_DB}' } },
						restart: '${RESTART:-always}',
					},
					db: { image: 'postgres' },
				},
				networks: { ext: { ipam: { config: [{ subnet: '${SUBNET}' }] } } },
			})
		).toEqual([]);
	});

	test('still judges a value whose only $ is escaped', () => {
		expect(
			findings({ services: { web: { image: 'nginx', ports: ['$$80:80'] } } }).map((f) => f.rule)
		).toEqual(['invalid-port']);
	});
});
