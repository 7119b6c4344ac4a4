import { describe, expect, test } from 'vitest';
import {
	addressesFor,
	assetsOfPage,
	buildManifest,
	isCoursePage,
	referencesOfCode,
	referencesOfHtml,
	searchFiles,
	type BuiltSite,
} from '../../../src/lib/offline/manifest';

const base = '/corso/';

/** A small build: two pages per language, their scripts, a lazy chunk, a worker and Pagefind. */
const texts: Record<string, string> = {
	'/corso/index.html':
		'<link rel="stylesheet" href="/corso/_astro/common.css"><script type="module" src="/corso/_astro/page.js"></script><a href="/corso/docker/">Docker</a>',
	'/corso/docker/index.html':
		'<link rel="stylesheet" href="/corso/_astro/common.css"><astro-island component-url="/corso/_astro/Quiz.js" renderer-url="/corso/_astro/client.js"></astro-island><img src="/corso/_astro/logo.svg" alt="">',
	'/corso/en/index.html': '<script type="module" src="/corso/_astro/page.js"></script>',
	'/corso/en/docker/index.html': '<script type="module" src="/corso/_astro/page.js"></script>',
	'/corso/offline/index.html': '<link rel="stylesheet" href="/corso/_astro/common.css">',
	'/corso/en/offline/index.html': '<link rel="stylesheet" href="/corso/_astro/common.css">',
	'/corso/404.html': '<script type="module" src="/corso/_astro/page.js"></script>',
	'/corso/en/404/index.html': '<script type="module" src="/corso/_astro/page.js"></script>',
	'/corso/_astro/common.css': '@font-face{src:url(./font.woff2)}',
	'/corso/_astro/page.js': 'import{a}from"./shared.js";',
	'/corso/_astro/shared.js': 'export const a=1;',
	'/corso/_astro/Quiz.js':
		'import"./shared.js";const m=()=>import("./docker-command.js");new Worker(new URL("./read.worker.js",import.meta.url));',
	'/corso/_astro/client.js': '',
	'/corso/_astro/docker-command.js': '',
	'/corso/_astro/read.worker.js': '',
};
const site: BuiltSite = {
	base,
	files: [
		...Object.keys(texts),
		'/corso/_astro/font.woff2',
		'/corso/_astro/logo.svg',
		'/corso/_astro/unused.js',
		'/corso/favicon.svg',
		'/corso/pagefind/pagefind.js',
		'/corso/pagefind/pagefind-entry.json',
		'/corso/pagefind/pagefind-ui.js',
		'/corso/pagefind/pagefind.it_abc.pf_meta',
		'/corso/pagefind/pagefind.en_def.pf_meta',
		'/corso/pagefind/wasm.it.pagefind',
		'/corso/pagefind/wasm.en.pagefind',
		'/corso/pagefind/wasm.unknown.pagefind',
		'/corso/pagefind/index/it_1.pf_index',
		'/corso/pagefind/fragment/en_2.pf_fragment',
	],
	read: (url) => texts[url] ?? '',
};

describe('referencesOfHtml()', () => {
	test('finds what a page loads, resolved against it, and skips other sites and anchors', () => {
		const html =
			'<img src="fig.svg" srcset="a.webp 1x, /corso/b.webp 2x"><a href="#top"></a><link href="https://fonts.example/x.css"><script src="../_astro/x.js"></script>';
		expect(referencesOfHtml(html, '/corso/docker/')).toEqual([
			'/corso/docker/fig.svg',
			'/corso/_astro/x.js',
			'/corso/docker/a.webp',
			'/corso/b.webp',
		]);
	});
});

describe('referencesOfCode()', () => {
	test('follows static and dynamic imports, workers and CSS urls', () => {
		expect(referencesOfCode(texts['/corso/_astro/Quiz.js']!, '/corso/_astro/Quiz.js')).toEqual(
			expect.arrayContaining([
				'/corso/_astro/shared.js',
				'/corso/_astro/docker-command.js',
				'/corso/_astro/read.worker.js',
			])
		);
		expect(referencesOfCode('a{background:url("img/x.png")}', '/corso/_astro/a.css')).toEqual([
			'/corso/_astro/img/x.png',
		]);
	});
});

describe('isCoursePage()', () => {
	test('leaves out the 404 pages of both languages', () => {
		expect(isCoursePage('/corso/docker/', base)).toBe(true);
		expect(isCoursePage('/corso/', base)).toBe(true);
		expect(isCoursePage('/corso/404.html', base)).toBe(false);
		expect(isCoursePage('/corso/en/404/', base)).toBe(false);
	});
});

describe('searchFiles()', () => {
	test('keeps the shared loader and one language, not the stock UIs nor the other language', () => {
		expect(searchFiles(site.files, base, 'it')).toEqual([
			'/corso/pagefind/pagefind.js',
			'/corso/pagefind/pagefind-entry.json',
			'/corso/pagefind/pagefind.it_abc.pf_meta',
			'/corso/pagefind/wasm.it.pagefind',
			'/corso/pagefind/index/it_1.pf_index',
		]);
	});
});

describe('buildManifest()', () => {
	const manifest = buildManifest(site, 'v1');

	test('lists every course page in its language, and the offline pages apart', () => {
		expect(manifest.version).toBe('v1');
		expect(manifest.pages.map((page) => [page.url, page.lang])).toEqual([
			['/corso/docker/', 'it'],
			['/corso/en/docker/', 'en'],
			['/corso/en/', 'en'],
			['/corso/', 'it'],
			['/corso/offline/', 'it'],
			['/corso/en/offline/', 'en'],
		]);
		expect(manifest.offline).toEqual({ it: '/corso/offline/', en: '/corso/en/offline/' });
	});

	test('gives each page what it loads, to the end of its imports, and nothing it does not', () => {
		expect(assetsOfPage(manifest, '/corso/docker/')).toEqual([
			'/corso/_astro/Quiz.js',
			'/corso/_astro/client.js',
			'/corso/_astro/common.css',
			'/corso/_astro/docker-command.js',
			'/corso/_astro/font.woff2',
			'/corso/_astro/logo.svg',
			'/corso/_astro/read.worker.js',
			'/corso/_astro/shared.js',
		]);
		expect(manifest.files).not.toContain('/corso/_astro/unused.js');
	});

	test('every index points at a file', () => {
		const indexes = [...manifest.pages.flatMap((page) => page.assets), ...manifest.search.it];
		for (const at of indexes) expect(manifest.files[at]).toBeDefined();
	});
});

describe('addressesFor()', () => {
	const manifest = buildManifest(site, 'v1');

	test('one language: its pages last, after their files and its search index', () => {
		const english = addressesFor(manifest, { langs: ['en'] });
		expect(english.slice(-3)).toEqual(['/corso/en/docker/', '/corso/en/', '/corso/en/offline/']);
		expect(english).toContain('/corso/pagefind/wasm.en.pagefind');
		expect(english).not.toContain('/corso/pagefind/wasm.it.pagefind');
		expect(english).not.toContain('/corso/docker/');
		expect(new Set(english).size).toBe(english.length);
	});

	test('both languages hold every page', () => {
		const both = addressesFor(manifest, { langs: ['it', 'en'] });
		for (const page of manifest.pages) expect(both).toContain(page.url);
	});

	test('the offline pages alone, for the worker’s install', () => {
		expect(addressesFor(manifest, { offlineOnly: true })).toEqual([
			'/corso/_astro/common.css',
			'/corso/_astro/font.woff2',
			'/corso/offline/',
			'/corso/en/offline/',
		]);
	});
});
