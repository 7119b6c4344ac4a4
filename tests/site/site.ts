import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';

/** The base path the tests build and serve the site under, like a fork on GitHub Pages. */
export const TEST_BASE = '/corso/';

/** The folder `astro build` writes to. */
export const DIST = join(process.cwd(), 'dist');

/** Every HTML page of the build, as a path under the base (`''`, `en/`, `404.html`, …). */
export function builtPages(): string[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) {
				const file = relative(DIST, path).split(sep).join('/');
				pages.push(file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
			}
		}
	};
	walk(DIST);
	return pages.sort();
}

/** The kinds of page whose weight and look we watch, each with one page in each language. */
export const pageTypes = {
	home: { it: '', en: 'en/' },
	/** A page of prose only: Starlight's own scripts and nothing of ours. */
	plainChapter: { it: 'riferimenti/fonti/', en: 'en/riferimenti/fonti/' },
	/** A chapter with a figure and its quiz at the end (the quiz loads when scrolled to). */
	chapter: { it: 'virtualizzazione/scopo/', en: 'en/virtualizzazione/scopo/' },
	/** The chapter that uses the most components: code blocks, steps, file tree, quiz. */
	richChapter: { it: 'docker/volumi/', en: 'en/docker/volumi/' },
	notFound: { it: '404.html', en: 'en/404/' },
	quiz: { it: 'quiz/docker/', en: 'en/quiz/docker/' },
} as const;
export type PageType = keyof typeof pageTypes;

/** Parses an HTML string into a document, without running its scripts. */
export function parseHtml(html: string): Document {
	const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
	window.document.write(html);
	return window.document as unknown as Document;
}

function builtFile(path: string): string {
	const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
	return join(DIST, file);
}

/** Bytes of a page: its HTML, and every script it runs at load (inline and imported modules). */
export function pageWeight(path: string) {
	const html = readFileSync(builtFile(path));
	const document = parseHtml(html.toString());
	const scripts: Buffer[] = [];
	const seen = new Set<string>();
	const dynamic: string[] = [];
	const addModule = (url: string) => {
		if (!url.startsWith(TEST_BASE) || seen.has(url)) return;
		seen.add(url);
		const code = readFileSync(join(DIST, url.slice(TEST_BASE.length)));
		scripts.push(code);
		// Static imports load with the page; dynamic `import()` (the search index) loads on demand.
		for (const [, spec] of code
			.toString()
			.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g)) {
			if (spec) addModule(new URL(spec, `http://site${url}`).pathname);
		}
		// Modules an island imports later (Shiki, the Compose analyser), by a literal `import("…")`.
		for (const [, spec] of code.toString().matchAll(/\bimport\(\s*["'`]([^"'`$]+)["'`]\s*\)/g)) {
			if (spec) dynamic.push(new URL(spec, `http://site${url}`).pathname);
		}
	};
	// Islands hydrated at load fetch their component and renderer at once; `client:visible` ones
	// wait until the reader scrolls to them, so they are counted apart.
	const deferred: string[] = [];
	for (const island of document.querySelectorAll('astro-island')) {
		const urls = ['component-url', 'renderer-url'].map((name) => island.getAttribute(name) ?? '');
		if (island.getAttribute('client') === 'visible') deferred.push(...urls);
		else urls.forEach(addModule);
	}
	for (const script of document.querySelectorAll('script')) {
		const src = script.getAttribute('src');
		if (src) addModule(src);
		else if (!script.type || script.type === 'module' || script.type === 'text/javascript') {
			scripts.push(Buffer.from(script.textContent ?? ''));
		}
	}
	const js = Buffer.concat(scripts);
	const atLoad = scripts.length;
	deferred.forEach(addModule);
	const later = scripts.splice(atLoad);
	// `dynamic` grows while its modules are read, so a plain loop reaches every level.
	for (let i = 0; i < dynamic.length; i++) addModule(dynamic[i]!);
	const lazy = scripts.splice(atLoad);
	return {
		htmlBytes: html.length,
		htmlGzip: gzipSync(html, { level: 9 }).length,
		jsBytes: js.length,
		// Each script travels as its own response, so each is compressed on its own.
		jsGzip: gzipTotal(scripts),
		/** Gzip bytes of islands that load only when scrolled into view. */
		deferredJsGzip: gzipTotal(later),
		/** Gzip bytes the islands import after first paint (Shiki, the Compose analyser). */
		lazyJsGzip: gzipTotal(lazy),
	};
}

function gzipTotal(parts: Buffer[]): number {
	return parts.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
}

/** The lab tools' pages, weighed by the budget test and the benchmark (their own e2e tests look at them). */
export const labPages = {
	dockerfileLab: { it: 'lab/dockerfile/', en: 'en/lab/dockerfile/' },
	composeLab: { it: 'lab/compose/', en: 'en/lab/compose/' },
} as const;
