import { describe, expect, inject, test } from 'vitest';
import { builtPages, TEST_BASE } from '../../scripts/built-site';
import { parseHtml } from './html';

const siteUrl = inject('siteUrl');
const pages = builtPages().filter((page) => !page.startsWith('pagefind/'));

/** Every resource a page refers to: links, scripts, stylesheets, icons and images. */
function references(document: Document): string[] {
	const found: string[] = [];
	const attributes: [string, string][] = [
		['a[href]', 'href'],
		['link[href]', 'href'],
		['script[src]', 'src'],
		['img[src]', 'src'],
		['source[src]', 'src'],
		['meta[property="og:image"]', 'content'],
	];
	for (const [selector, attribute] of attributes) {
		for (const element of document.querySelectorAll(selector)) {
			const value = element.getAttribute(attribute);
			if (value) found.push(value);
		}
	}
	for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
		for (const candidate of element.getAttribute('srcset')?.split(',') ?? []) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url) found.push(url);
		}
	}
	return found;
}

describe('the built site under the base path', () => {
	test('has pages in both languages', () => {
		expect(pages).toContain('');
		expect(pages).toContain('en/');
		expect(pages.filter((page) => page.startsWith('en/')).length).toBeGreaterThan(1);
	});

	test.for([
		{ page: '', lang: 'it', name: 'Virtualizzazione e Docker' },
		{ page: 'en/', lang: 'en', name: 'Virtualization and Docker' },
		{ page: 'en/docker/volumi/', lang: 'en', name: 'Virtualization and Docker' },
	])(
		'$page links the web app manifest of its language, whose addresses resolve',
		async ({ page, lang, name }) => {
			const pageUrl = new URL(page, siteUrl);
			const document = parseHtml(await (await fetch(pageUrl)).text());
			const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
			const manifestUrl = new URL(href ?? '', pageUrl);
			const manifest = (await (await fetch(manifestUrl)).json()) as {
				name: string;
				lang: string;
				start_url: string;
				scope: string;
				icons: { src: string }[];
			};
			expect({ name: manifest.name, lang: manifest.lang }).toEqual({ name, lang });
			// The installed course opens on its language's home page and may visit either language.
			const start = new URL(manifest.start_url, manifestUrl);
			expect(start.pathname).toBe(`${TEST_BASE}${lang === 'en' ? 'en/' : ''}`);
			expect(new URL(manifest.scope, manifestUrl).pathname).toBe(TEST_BASE);
			for (const icon of manifest.icons)
				expect((await fetch(new URL(icon.src, manifestUrl))).status, icon.src).toBe(200);
		}
	);

	test('every internal link, script, stylesheet and image of every page resolves', async () => {
		const site = new URL(siteUrl);
		// Canonical and alternate links name the public site; map them onto the served copy.
		const publicOrigin = new URL(process.env.SITE_URL || 'http://localhost:4321').origin;
		const checked = new Map<string, Promise<{ status: number; ids: Set<string> }>>();
		const fetchOnce = (url: string) => {
			let result = checked.get(url);
			if (!result) {
				result = fetch(url).then(async (response) => {
					const type = response.headers.get('content-type') ?? '';
					const ids = new Set<string>();
					if (type.includes('text/html') && response.ok) {
						const document = parseHtml(await response.text());
						for (const element of document.querySelectorAll('[id]')) ids.add(element.id);
					} else {
						await response.arrayBuffer();
					}
					return { status: response.status, ids };
				});
				checked.set(url, result);
			}
			return result;
		};

		const broken: string[] = [];
		let count = 0;
		for (const page of pages) {
			const pageUrl = new URL(page, siteUrl);
			const response = await fetch(pageUrl);
			expect(response.status, `${pageUrl.pathname} should be served`).toBe(200);
			const document = parseHtml(await response.text());
			for (const reference of references(document)) {
				const target = new URL(reference, pageUrl);
				if (target.origin === publicOrigin) {
					target.protocol = site.protocol;
					target.host = site.host;
				}
				if (target.origin !== site.origin) continue;
				count += 1;
				if (!target.pathname.startsWith(TEST_BASE)) {
					broken.push(`${pageUrl.pathname} → ${reference} (outside the base path)`);
					continue;
				}
				const hash = decodeURIComponent(target.hash.slice(1));
				target.hash = '';
				const { status, ids } = await fetchOnce(target.href);
				if (status !== 200) broken.push(`${pageUrl.pathname} → ${reference} (HTTP ${status})`);
				else if (hash && hash !== '_top' && !ids.has(hash)) {
					broken.push(`${pageUrl.pathname} → ${reference} (no element with id "${hash}")`);
				}
			}
		}
		console.log(
			`Crawled ${pages.length} pages: ${count} internal references, ${broken.length} broken.`
		);
		expect(broken).toEqual([]);
		expect(count).toBeGreaterThan(pages.length);
	});
});
