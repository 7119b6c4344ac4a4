import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, TEST_BASE } from '../../scripts/built-site';
import { parseHtml } from './html';

/** The glossary's links, from the built page, with the ids of the page each one points to. */
function glossaryLinks(path: string) {
	const document = parseHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
	return [...document.querySelectorAll('.sl-markdown-content table a')].map((link) => {
		const href = link.getAttribute('href') ?? '';
		const [page = '', anchor = ''] = href.split('#');
		const target = parseHtml(
			readFileSync(join(DIST, page.slice(TEST_BASE.length), 'index.html'), 'utf8')
		);
		const heading = anchor ? target.getElementById(decodeURIComponent(anchor)) : null;
		return { href, anchor, heading: heading?.tagName ?? null };
	});
}

describe.each([
	{ lang: 'it', path: 'riferimenti/glossario/', prefix: TEST_BASE },
	{ lang: 'en', path: 'en/riferimenti/glossario/', prefix: `${TEST_BASE}en/` },
])('the $lang glossary', ({ lang, path, prefix }) => {
	const links = glossaryLinks(path);

	test('has an entry per term, each linking to a page of its own language', () => {
		expect(links.length).toBeGreaterThan(40);
		for (const { href } of links) {
			expect(href.startsWith(prefix), href).toBe(true);
			if (lang === 'it') expect(href.startsWith(`${TEST_BASE}en/`), href).toBe(false);
		}
	});

	test('links each term to the heading that explains it', () => {
		const withAnchor = links.filter((link) => link.anchor);
		// One term (deployment) is explained in its chapter's opening, before any heading.
		expect(withAnchor.length).toBeGreaterThanOrEqual(links.length - 1);
		for (const link of withAnchor) expect(link.heading, link.href).toMatch(/^H[23]$/);
	});
});
