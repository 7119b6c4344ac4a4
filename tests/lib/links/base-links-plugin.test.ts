import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { baseLinksPlugin } from '../../../src/lib/links/base-links-plugin';

async function compile(source: string, base = '/corso/') {
	const { code } = await mdxToJs(source, { mdastPlugins: [baseLinksPlugin(base)] });
	return code;
}

describe('baseLinksPlugin()', () => {
	test('adds the base to Markdown links and images', async () => {
		const code = await compile('[Volumi](/docker/volumi/) ![schema](/figure.svg)\n');
		expect(code).toContain('"/corso/docker/volumi/"');
		expect(code).toContain('"/corso/figure.svg"');
	});

	test('adds the base to reference definitions', async () => {
		const code = await compile('[Quiz][q]\n\n[q]: /quiz/docker/\n');
		expect(code).toContain('"/corso/quiz/docker/"');
	});

	test('adds the base to link attributes of components, keeping their content', async () => {
		const code = await compile(
			'<LinkButton href="/en/" icon="right-arrow">Go **now**</LinkButton>\n'
		);
		expect(code).toContain('href: "/corso/en/"');
		expect(code).toContain('icon: "right-arrow"');
		expect(code).toContain('children: "now"');
	});

	test('rebases inline components too', async () => {
		const code = await compile('See <a href="/lab/compose/">the lab</a>.\n');
		expect(code).toContain('href: "/corso/lab/compose/"');
	});

	test('leaves external and relative links alone', async () => {
		const code = await compile('[Docker](https://docs.docker.com/) [su](../scopo/)\n');
		expect(code).toContain('"https://docs.docker.com/"');
		expect(code).toContain('"../scopo/"');
		expect(code).not.toContain('/corso/');
	});

	test('changes nothing when the site is at the root', async () => {
		const code = await compile('[Volumi](/docker/volumi/)\n', '/');
		expect(code).toContain('"/docker/volumi/"');
	});
});
