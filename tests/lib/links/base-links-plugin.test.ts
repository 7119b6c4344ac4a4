import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { baseLinksPlugin } from '../../../src/lib/links/base-links-plugin';

function compile(source: string, base = '/corso/') {
	return mdxToJs(source, { mdastPlugins: [baseLinksPlugin(base)] }).code;
}

describe('baseLinksPlugin()', () => {
	test('adds the base to Markdown links and images', () => {
		const code = compile('[Volumi](/docker/volumi/) ![schema](/figure.svg)\n');
		expect(code).toContain('"/corso/docker/volumi/"');
		expect(code).toContain('"/corso/figure.svg"');
	});

	test('adds the base to reference definitions', () => {
		const code = compile('[Quiz][q]\n\n[q]: /quiz/docker/\n');
		expect(code).toContain('"/corso/quiz/docker/"');
	});

	test('adds the base to link attributes of components, keeping their content', () => {
		const code = compile('<LinkButton href="/en/" icon="right-arrow">Go **now**</LinkButton>\n');
		expect(code).toContain('href: "/corso/en/"');
		expect(code).toContain('icon: "right-arrow"');
		expect(code).toContain('children: "now"');
	});

	test('rebases inline components too', () => {
		const code = compile('See <a href="/lab/compose/">the lab</a>.\n');
		expect(code).toContain('href: "/corso/lab/compose/"');
	});

	test('leaves external and relative links alone', () => {
		const code = compile('[Docker](https://docs.docker.com/) [su](../scopo/)\n');
		expect(code).toContain('"https://docs.docker.com/"');
		expect(code).toContain('"../scopo/"');
		expect(code).not.toContain('/corso/');
	});

	test('changes nothing when the site is at the root', () => {
		const code = compile('[Volumi](/docker/volumi/)\n', '/');
		expect(code).toContain('"/docker/volumi/"');
	});
});
