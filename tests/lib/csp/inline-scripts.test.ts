import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineScripts, sha256Source } from '../../../src/lib/csp/inline-scripts';

describe('inlineScripts()', () => {
	test('returns the exact text of each is:inline script, leading newline and tabs included', () => {
		const source = [
			'---',
			"import Icon from './Icon.astro';",
			'---',
			'<script is:inline>',
			'\twindow.a = 1;',
			'</script>',
			'<div>',
			'\t<script is:inline aria-hidden="true">b();</script>',
			'</div>',
		].join('\n');
		expect(inlineScripts(source)).toEqual([
			{ text: '\n\twindow.a = 1;\n', hashable: true },
			{ text: 'b();', hashable: true },
		]);
	});

	test('leaves out the scripts Astro bundles and those with a src', () => {
		const source = '<script>import x from "y";</script><script is:inline src="/a.js"></script>';
		expect(inlineScripts(source)).toEqual([]);
	});

	test('marks define:vars scripts as not hashable', () => {
		const source = '<script is:inline define:vars={{ here }}>go(here);</script>';
		expect(inlineScripts(source)).toEqual([{ text: 'go(here);', hashable: false }]);
	});
});

describe('sha256Source()', () => {
	test.each(['', 'StarlightThemeProvider.updatePickers();', 'è ⌘ “quoted”'])(
		'gives the base64 SHA-256 of the UTF-8 text of %j, as Node computes it',
		async (text) => {
			const expected = createHash('sha256').update(text, 'utf8').digest('base64');
			expect(await sha256Source(text)).toBe(`sha256-${expected}`);
		}
	);
});
