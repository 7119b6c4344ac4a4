import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from '../../scripts/built-site';

const assets = join(DIST, '_astro');
const code = (file: string) => readFileSync(join(assets, file), 'utf8');

/** The chunks a built chunk imports statically (`from"./x.js"`, `import"./x.js"`), itself included. */
function staticClosure(file: string, seen = new Set<string>()) {
	if (seen.has(file)) return seen;
	seen.add(file);
	for (const [, imported] of code(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
		staticClosure(imported!, seen);
	}
	return seen;
}

describe('preloads of the dynamic imports (src/integrations/preload.ts)', () => {
	const chunks = readdirSync(assets).filter((file) => file.endsWith('.js'));
	const withLists = chunks.filter((file) => code(file).includes('__vite__mapDeps'));

	test('the build has dynamic imports with preload lists to check', () => {
		expect(withLists.length).toBeGreaterThan(3);
	});

	test.each(withLists)('%s lists no chunk it has loaded already', (file) => {
		const listed = [...code(file).matchAll(/m\.f=\[([^\]]*)\]/g)].flatMap(([, list]) =>
			[...list!.matchAll(/"_astro\/([^"]+)"/g)].map(([, name]) => name!)
		);
		const loaded = staticClosure(file);
		expect(listed.filter((name) => loaded.has(name))).toEqual([]);
	});
});
