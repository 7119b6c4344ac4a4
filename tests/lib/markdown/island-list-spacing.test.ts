import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	islandListSpacingPlugin,
	scopeListSpacing,
} from '../../../src/lib/markdown/island-list-spacing';

/** Starlight's own stylesheet, as installed: the rule is checked against the real thing. */
const markdownCss = join(process.cwd(), 'node_modules/@astrojs/starlight/dist/style/markdown.css');

describe('scopeListSpacing()', () => {
	test('keeps the list-spacing rule of the installed Starlight out of islands, before its :has()', () => {
		const css = readFileSync(markdownCss, 'utf8');
		const scoped = scopeListSpacing(css);
		expect(scoped).not.toContain(':is(ol, ul):has(');
		expect(scoped).toContain(':is(ol, ul):not(:where(astro-island *)):has(> li > :not(');
		// Nothing else changes.
		expect(scoped.replace(':not(:where(astro-island *))', '')).toBe(css);
	});

	test('says where to look when a new Starlight writes the rule differently', () => {
		expect(() => scopeListSpacing('.sl-markdown-content li { margin: 0 }')).toThrow(
			/0 list-spacing rules.*island-list-spacing\.ts/
		);
	});

	test('the Vite plugin transforms that file only', () => {
		const plugin = islandListSpacingPlugin();
		const css = readFileSync(markdownCss, 'utf8');
		expect(plugin.transform(css, markdownCss)?.code).toBe(scopeListSpacing(css));
		expect(plugin.transform(css, '/project/src/styles/custom.css')).toBeUndefined();
	});
});
