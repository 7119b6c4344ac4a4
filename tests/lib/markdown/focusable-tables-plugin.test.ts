import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { focusableTablesPlugin } from '../../../src/lib/markdown/focusable-tables-plugin';

describe('focusableTablesPlugin()', () => {
	test('lets every table take keyboard focus, keeping its content', async () => {
		const { code } = await mdxToJs('| Metodo | SO |\n| --- | --- |\n| **Xen** | Linux |\n', {
			hastPlugins: [focusableTablesPlugin()],
		});
		expect(code).toMatch(/_components\.table, \{\s*tabIndex: "0"/);
		expect(code).toContain('"Xen"');
	});

	test('leaves other elements alone', async () => {
		const { code } = await mdxToJs('Un paragrafo.\n', { hastPlugins: [focusableTablesPlugin()] });
		expect(code).not.toMatch(/tabIndex/);
	});
});
