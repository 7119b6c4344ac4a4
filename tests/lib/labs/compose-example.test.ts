/**
 * The Compose chapter's runnable example (`src/content/labs/compose-esempio/`), checked as Docker
 * would read it: the project's own analyser, the Compose Specification's schema (an independent
 * judge), the Dockerfile linter, and the links between the files (what the Dockerfile copies,
 * where Compose mounts the configuration, what the page fetches).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { exampleFiles, exampleFolder } from '../../../src/components/Compose/example-files';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { parseCompose } from '../../../src/lib/compose/parse';
import { lint, parse } from '../../../src/lib/dockerfile';
import { validateSchema } from '../compose/spec-schema';

const folder = join(import.meta.dirname, '../../../src/content/labs/compose-esempio');
const read = (path: string) => readFileSync(join(folder, path), 'utf8');
const compose = read('compose.yaml');
const model = parseYaml(compose) as {
	name: string;
	services: Record<string, { build?: { context: string }; volumes?: string[] }>;
};

describe('the Compose example', () => {
	test('the zip’s list holds every file of the folder, as it is on disk', () => {
		const onDisk = readdirSync(folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
			.map((path) => path.split('\\').join('/'))
			.sort();
		expect(exampleFiles.map((file) => file.path).sort()).toEqual(onDisk);
		for (const file of exampleFiles) expect(file.text, file.path).toBe(read(file.path));
		expect(exampleFiles[0]?.path).toBe('compose.yaml');
	});

	test('compose.yaml: no error or warning from our analyser', () => {
		expect(analyzeCompose(compose).findings).toEqual([]);
	});

	test('compose.yaml: valid for the Compose Specification’s schema', () => {
		const parsed = parseCompose(compose);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const valid = validateSchema(parsed.data);
		expect(validateSchema.errors ?? [], JSON.stringify(validateSchema.errors)).toEqual([]);
		expect(valid).toBe(true);
	});

	test('compose.yaml: names the project as the zip’s folder, so names match the chapter', () => {
		expect(model.name).toBe(exampleFolder);
	});

	test('app/Dockerfile: no finding that would break the build, and it copies files that exist', () => {
		const dockerfile = read('app/Dockerfile');
		const findings = lint(parse(dockerfile));
		expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
		expect(findings).toEqual([]);
		expect(model.services.app?.build?.context).toBe('./app');
		const copied = [...dockerfile.matchAll(/^COPY (\S+) /gm)].map((match) => match[1]);
		expect(copied.length).toBeGreaterThan(0);
		for (const source of copied) expect(() => read(`app/${source}`), source).not.toThrow();
	});

	test('config/config.json is valid JSON, mounted where the web server reads it', () => {
		const config = JSON.parse(read('config/config.json')) as Record<string, unknown>;
		expect(Object.keys(config)).toEqual(['title', 'message', 'database']);
		expect(model.services.app?.volumes).toContain('./config/config.json:/etc/config.json');
		const site = read('app/default.conf');
		expect(site).toMatch(/location = \/config\.json \{\s*alias \/etc\/config\.json;/);
		expect(read('app/Dockerfile')).toMatch(
			/^COPY default\.conf \/etc\/nginx\/conf\.d\/default\.conf$/m
		);
		expect(read('app/index.html')).toContain("fetch('/config.json'");
	});

	test('every file is text with Unix line ends and a final one', () => {
		for (const file of exampleFiles) {
			expect(file.text, file.path).not.toMatch(/\r/);
			expect(file.text.endsWith('\n'), file.path).toBe(true);
		}
	});
});
