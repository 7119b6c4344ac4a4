import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	findTocQuery,
	replaceTocQuery,
	starlightTocScript,
	tocTargetsPlugin,
	tocTargetsWalk,
} from '../../src/integrations/toc-targets';

/** Starlight's own script, as installed: the statement is looked for in the real thing. */
const starlightToc = join(process.cwd(), starlightTocScript);

describe('replaceTocQuery()', () => {
	test('puts the walk in place of the installed Starlight query, and changes nothing else', () => {
		const code = readFileSync(starlightToc, 'utf8');
		const { query } = findTocQuery(code);
		expect(query).toMatch(/:has\(/);
		const replaced = replaceTocQuery(code);
		expect(replaced).not.toContain('document.querySelectorAll([');
		expect(replaced.replace(`const toObserve = ${tocTargetsWalk};`, query)).toBe(code);
	});

	test('says where to look when a new Starlight writes the query differently', () => {
		expect(() => replaceTocQuery('const toObserve = document.querySelectorAll("h2");')).toThrow(
			/one "const toObserve.*toc-targets\.ts/
		);
		const query = findTocQuery(readFileSync(starlightToc, 'utf8')).query;
		expect(() => replaceTocQuery(`${query}\n${query}`)).toThrow(/toc-targets\.ts/);
	});

	test('the Vite plugin transforms that file only', () => {
		const plugin = tocTargetsPlugin();
		const code = readFileSync(starlightToc, 'utf8');
		expect(plugin.transform(code, starlightToc)?.code).toBe(replaceTocQuery(code));
		expect(plugin.transform(code, '/project/src/components/Toc.ts')).toBeUndefined();
	});
});
