import { describe, expect, test } from 'vitest';
import { limits, parseCompose } from '../../../src/lib/compose/parse';

/** Parses, expecting success, and returns the locator. */
function located(text: string) {
	const parsed = parseCompose(text);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
	return parsed;
}

/** Parses, expecting a refusal, and returns its findings with the time it took. */
function refused(text: string) {
	const started = performance.now();
	const parsed = parseCompose(text);
	const ms = performance.now() - started;
	if (parsed.ok) throw new Error('expected the input to be refused');
	return { findings: parsed.findings, ms };
}

const seeded = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe('parseCompose()', () => {
	test('keeps every node at its 1-based line and column', () => {
		const { locate } = located(
			'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n'
		);
		expect(locate(['services', 'web', 'image'])).toEqual({
			line: 3,
			column: 12,
			endLine: 3,
			endColumn: 17,
		});
		expect(locate(['services', 'web', 'image'], 'key')).toMatchObject({ line: 3, column: 5 });
		expect(locate(['services', 'web', 'ports', 0])).toMatchObject({ line: 5, column: 9 });
	});

	test('falls back to the nearest ancestor for a path that is not in the text', () => {
		const { locate } = located('services:\n  web:\n    image: nginx\n');
		expect(locate(['services', 'web', 'ports', 3])).toMatchObject({ line: 3, column: 5 });
		expect(locate([])).toMatchObject({ line: 1, column: 1 });
	});

	test('points at the key of an empty value', () => {
		const { locate } = located('networks:\n  int:\nservices: {}\n');
		expect(locate(['networks', 'int'])).toMatchObject({ line: 2, column: 3 });
	});

	test('applies merge keys and places merged keys where they are written', () => {
		const { data, locate } = located(
			'x-base: &base\n  image: nginx\n  restart: always\nservices:\n  web:\n    <<: *base\n    ports: ["80"]\n'
		);
		expect(data).toMatchObject({ services: { web: { image: 'nginx', restart: 'always' } } });
		expect(locate(['services', 'web', 'image'])).toMatchObject({ line: 2, column: 10 });
	});

	test('reads YAML 1.2: 8080:80 stays a string, no stays a string', () => {
		const { data } = located('ports: [8080:80, 22:22]\nrestart: no\n');
		expect(data).toEqual({ ports: ['8080:80', '22:22'], restart: 'no' });
	});

	test.each([
		['services:\n  web:\n\timage: nginx\n', 3],
		['services:\n  web: {}\n  web: {}\n', 3],
		['services:\n  web:\n    image: "nginx\n', 4],
		['a: 1\n---\nb: 2\n', 2],
	])('reports YAML syntax errors where they are: %j', (text, line) => {
		const parsed = parseCompose(text);
		expect(parsed.ok).toBe(false);
		const [finding] = parsed.findings;
		expect(finding).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line });
		expect(finding?.message.it).not.toBe(finding?.message.en);
	});
});

describe('the limits', () => {
	test('refuse an alias bomb fast, with a message', () => {
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (const [i, name] of [...'bcdefghi'].entries()) {
			const previous = String.fromCharCode(97 + i);
			levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
		}
		const { findings, ms } = refused(levels.join('\n'));
		expect(findings).toMatchObject([{ rule: 'input-limit', severity: 'error', line: 1 }]);
		expect(findings[0]?.message.en).toMatch(/alias/);
		expect(ms).toBeLessThan(500);
	});

	test('refuse a 5 MB paste fast, with a message', () => {
		const { findings, ms } = refused(
			`services:\n  web:\n    image: ${'a'.repeat(5 * 1024 * 1024)}\n`
		);
		expect(findings).toMatchObject([{ rule: 'input-limit', line: 1, column: 1 }]);
		expect(findings[0]?.message.it).toMatch(/troppo lungo/);
		expect(ms).toBeLessThan(500);
	});

	test('refuse deep nesting, in flow and in block style, fast', () => {
		const flow = refused(`x: ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
		const block = refused(
			Array.from({ length: limits.maxDepth + 10 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n')
		);
		for (const { findings, ms } of [flow, block]) {
			expect(findings).toMatchObject([{ rule: 'input-limit' }]);
			expect(findings[0]?.message.en).toMatch(/nested too deeply/);
			expect(ms).toBeLessThan(500);
		}
	});

	test('refuse binary garbage fast, pointing at the first control character', () => {
		const random = seeded(42);
		const bytes = Uint8Array.from({ length: 200_000 }, () => Math.floor(random() * 256));
		const { findings, ms } = refused(new TextDecoder().decode(bytes));
		expect(findings).toMatchObject([{ rule: 'input-limit' }]);
		expect(findings[0]?.message.en).toMatch(/binary/);
		expect(ms).toBeLessThan(500);
		expect(refused('services:\n  web:\0\n').findings[0]).toMatchObject({ line: 2, column: 7 });
	});

	test('let a real file through', () => {
		expect(parseCompose('services:\n  web:\n    image: nginx\n').ok).toBe(true);
	});
});
