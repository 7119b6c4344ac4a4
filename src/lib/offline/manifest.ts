/**
 * The offline manifest: what the service worker and the "read the course offline" control need
 * to know about a build. Written once, at the end of `astro build`, from the built files; read in
 * the browser. Pure functions only: the build reads the files and hands their text in.
 */

import type { Locale } from '../i18n/locale.ts';

/** One page of the built site. */
export interface ManifestPage {
	/** The page's address, base path included, e.g. `/corso/docker/volumi/`. */
	url: string;
	lang: Locale;
	/** Indexes into `files`: what the page loads, now or later (styles, scripts, images, workers). */
	assets: number[];
}

/** What the service worker and the offline control read, from `<base>offline-manifest.json`. */
export interface OfflineManifest {
	/** Changes whenever any built file changes: it names the caches. */
	version: string;
	/** Every file a page may load, by address; pages point at them by index. */
	files: string[];
	/** The offline page of each language, served for a page that is not saved. */
	offline: Record<Locale, string>;
	pages: ManifestPage[];
	/** Indexes into `files`: the search index of each language (Pagefind). */
	search: Record<Locale, number[]>;
}

/** The built site, as the manifest sees it: its files by address, and a way to read the text ones. */
export interface BuiltSite {
	/** The base path, with a leading and a trailing slash. */
	base: string;
	/** Every built file, as an address under the base (`/corso/_astro/page.js`). */
	files: string[];
	/** The text of a built HTML, CSS or JavaScript file. */
	read: (url: string) => string;
}

const referencePattern =
	/\s(?:href|src|component-url|renderer-url|before-hydration-url|poster|data-src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const srcsetPattern = /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The addresses an HTML page refers to with attributes that load something (`href`, `src`,
 * islands' `component-url`…), resolved against the page. Links to other pages are included: the
 * caller keeps only the files it knows.
 */
export function referencesOfHtml(html: string, pageUrl: string): string[] {
	const found: string[] = [];
	for (const [, double, single] of html.matchAll(referencePattern)) {
		found.push(decode(double ?? single ?? ''));
	}
	for (const [, double, single] of html.matchAll(srcsetPattern)) {
		for (const candidate of decode(double ?? single ?? '').split(',')) {
			const address = candidate.trim().split(/\s+/)[0];
			if (address) found.push(address);
		}
	}
	return resolveAll(found, pageUrl);
}

/**
 * The addresses a JavaScript module or a stylesheet loads: static and dynamic imports, workers
 * and files named with `new URL('…', import.meta.url)`, and CSS `url()` and `@import`.
 */
export function referencesOfCode(code: string, fileUrl: string): string[] {
	const found: string[] = [];
	const patterns = [
		/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["'`]([^"'`]+)["'`]/g,
		/(?:^|[;}\s,])export\s*[\w{}\s,*$]*from\s*["'`]([^"'`]+)["'`]/g,
		/\bimport\(\s*["'`]([^"'`$]+)["'`]\s*\)/g,
		/\bnew URL\(\s*["'`]([^"'`$]+)["'`]\s*,\s*import\.meta\.url\s*\)/g,
		/url\(\s*["']?([^"')]+)["']?\s*\)/g,
		/@import\s+["']([^"']+)["']/g,
		// Vite's preload list names chunks as strings relative to the base (`"_astro/x.js"`).
		/["'`]((?:\.{1,2}\/|_astro\/)[^"'`\s]+\.(?:js|css|wasm|svg|png|webp|woff2?))["'`]/g,
	];
	for (const pattern of patterns) {
		for (const [, address] of code.matchAll(pattern)) if (address) found.push(address);
	}
	return resolveAll(found, fileUrl);
}

/** The language of a page address: `<base>en/…` is English, everything else Italian. */
export function localeOfPage(url: string, base: string): Locale {
	return url.startsWith(`${base}en/`) ? 'en' : 'it';
}

/** The address of a built HTML file: `<base>docker/index.html` is `<base>docker/`. */
export function pageAddress(file: string): string {
	return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Whether a built file is a page learners read, rather than a 404 page or a redirect. */
export function isCoursePage(url: string, base: string): boolean {
	const inSite = url.slice(base.length);
	return (
		url.startsWith(base) && !/^(en\/)?404(\.html|\/)?$/.test(inSite) && !/\.html$/.test(inSite)
	);
}

/**
 * Pagefind's files for one language: its metadata, wasm, index and fragments, and the shared
 * loader, without the stock UIs (Starlight bundles its own) nor the other language's files.
 */
export function searchFiles(files: string[], base: string, lang: Locale): string[] {
	const root = `${base}pagefind/`;
	return files.filter((file) => {
		if (!file.startsWith(root)) return false;
		const name = file.slice(root.length);
		if (/-ui\.(js|css)$/.test(name)) return false;
		const tagged = /(?:^|[/._])(it|en|unknown)[._]/.exec(name);
		return !tagged || tagged[1] === lang;
	});
}

/**
 * Builds the manifest of a site: each page with what it loads (following JavaScript imports and
 * stylesheet URLs to the end), the offline pages, and the search files of each language.
 * @param version The build's version, from its files' hashes.
 */
export function buildManifest(site: BuiltSite, version: string): OfflineManifest {
	const known = new Set(site.files);
	const files: string[] = [];
	const indexOf = new Map<string, number>();
	const index = (url: string) => {
		let at = indexOf.get(url);
		if (at === undefined) {
			at = files.push(url) - 1;
			indexOf.set(url, at);
		}
		return at;
	};
	const followed = new Map<string, string[]>();
	const follow = (url: string): string[] => {
		const done = followed.get(url);
		if (done) return done;
		const refs: string[] = [];
		followed.set(url, refs);
		if (/\.(js|mjs|css)$/.test(url)) {
			for (const ref of referencesOfCode(site.read(url), url)) {
				if (known.has(ref) && ref !== url) refs.push(ref);
			}
		}
		return refs;
	};
	const assetsOf = (pageUrl: string, html: string): number[] => {
		const seen = new Set<string>();
		const queue = referencesOfHtml(html, pageUrl).filter(
			(ref) => known.has(ref) && !ref.endsWith('.html') && !ref.endsWith('.xml')
		);
		while (queue.length > 0) {
			const url = queue.shift()!;
			if (seen.has(url)) continue;
			seen.add(url);
			queue.push(...follow(url));
		}
		return [...seen].sort().map(index);
	};

	const pages: ManifestPage[] = [];
	for (const file of site.files.filter((name) => name.endsWith('.html')).sort()) {
		const url = pageAddress(file);
		if (!isCoursePage(url, site.base) || url.endsWith('offline/')) continue;
		pages.push({ url, lang: localeOfPage(url, site.base), assets: assetsOf(url, site.read(file)) });
	}
	const offline = { it: `${site.base}offline/`, en: `${site.base}en/offline/` };
	// The offline pages are saved with the worker, so they are listed apart, with their assets.
	for (const [lang, url] of Object.entries(offline) as [Locale, string][]) {
		const file = `${url}index.html`;
		if (known.has(file)) pages.push({ url, lang, assets: assetsOf(url, site.read(file)) });
	}
	const search = {
		it: searchFiles(site.files, site.base, 'it').map(index),
		en: searchFiles(site.files, site.base, 'en').map(index),
	};
	return { version, files, offline, pages, search };
}

/**
 * The addresses to save for some languages, or for the offline pages only: files first, then the
 * pages, so that a page is saved after what it loads.
 */
export function addressesFor(
	manifest: OfflineManifest,
	choice: { langs: readonly Locale[] } | { offlineOnly: true }
): string[] {
	const offlinePages = new Set(Object.values(manifest.offline));
	const pages =
		'offlineOnly' in choice
			? manifest.pages.filter((page) => offlinePages.has(page.url))
			: manifest.pages.filter((page) => choice.langs.includes(page.lang));
	const assets = new Set<number>();
	for (const page of pages) page.assets.forEach((at) => assets.add(at));
	if (!('offlineOnly' in choice)) {
		for (const lang of choice.langs) manifest.search[lang].forEach((at) => assets.add(at));
	}
	return [
		...[...assets].sort((a, b) => a - b).map((at) => manifest.files[at]!),
		...pages.map((page) => page.url),
	];
}

/** The files one page needs, by address, for saving it with what it loads. */
export function assetsOfPage(manifest: OfflineManifest, url: string): string[] {
	const page = manifest.pages.find((candidate) => candidate.url === url);
	return page ? page.assets.map((at) => manifest.files[at]!) : [];
}

function resolveAll(addresses: string[], from: string): string[] {
	const resolved: string[] = [];
	for (const address of addresses) {
		if (!address || /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(address)) continue;
		try {
			const url = new URL(address, `http://site${from}`);
			resolved.push(decodeURI(url.pathname));
		} catch {
			// Not an address (a template string, a regular expression): nothing to load.
		}
	}
	return resolved;
}

function decode(value: string): string {
	return value
		.replace(/&amp;/g, '&')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"');
}
