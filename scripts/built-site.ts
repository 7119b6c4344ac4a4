/**
 * The test build of the site, for the tests, the benchmark and `npm test`: where it is, its pages,
 * the kinds of page we watch, what each one weighs, and a preview server for it. No DOM here:
 * tooling that imports this stays light.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

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
	/** The spaced review: the quiz island's parts and the scheduler (ts-fsrs), on this page only. */
	review: { it: 'quiz/ripasso/', en: 'en/quiz/ripasso/' },
} as const;
export type PageType = keyof typeof pageTypes;

/** The lab tools' pages, weighed by the budget test and the benchmark (their own e2e tests look at them). */
export const labPages = {
	dockerfileLab: { it: 'lab/dockerfile/', en: 'en/lab/dockerfile/' },
	composeLab: { it: 'lab/compose/', en: 'en/lab/compose/' },
	/** The Docker playground: its engine loads when the learner is about to type. */
	dockerLab: { it: 'lab/docker/', en: 'en/lab/docker/' },
} as const;

/** Other kinds of page that Lighthouse audits (`bench/lighthouse.ts`); their weight has no budget. */
export const auditedPages = {
	/** The chapter with the most figures and its quiz at the end. */
	composeChapter: { it: 'docker/compose/', en: 'en/docker/compose/' },
	/** The hands-on chapter: the example's files, Compose's output, the playground and the lab. */
	composeExample: { it: 'docker/compose-esempio/', en: 'en/docker/compose-esempio/' },
	/** A topic's quiz page in practice mode (77 in English in the issue). */
	hypervisorQuiz: { it: 'quiz/hypervisor-types/', en: 'en/quiz/hypervisor-types/' },
	/** The final test: a draw from every bank, so the page carries every question. */
	finalQuiz: { it: 'quiz/final/', en: 'en/quiz/final/' },
	glossary: { it: 'riferimenti/glossario/', en: 'en/riferimenti/glossario/' },
	virtualboxUse: {
		it: 'virtualizzazione/virtualbox-uso/',
		en: 'en/virtualizzazione/virtualbox-uso/',
	},
	forensics: { it: 'forense/vm-e-container/', en: 'en/forense/vm-e-container/' },
	dockerCard: { it: 'riferimenti/scheda-docker/', en: 'en/riferimenti/scheda-docker/' },
} as const;

/** The built file of a page path: `en/` is `en/index.html`. */
export function builtFile(path: string): string {
	const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
	return join(DIST, file);
}

interface Element {
	name: string;
	attributes: Map<string, string>;
	/** The raw text of a `<script>`. */
	text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
	return value.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
		const code =
			name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
		return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

const tagPattern =
	/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Their content is text, not markup: a `<script>` in a string of a script is not an element.
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

/**
 * The elements of an HTML page with one of the given names, in document order. Enough HTML for
 * our own build, without a DOM: comments and raw text are skipped, and so is what a `<template>`
 * holds, which is not part of the document.
 */
function elementsOf(html: string, names: ReadonlySet<string>): Element[] {
	const found: Element[] = [];
	let inTemplate = 0;
	tagPattern.lastIndex = 0;
	for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
		const [, closing, rawName, attributeText = ''] = match;
		if (!rawName) continue;
		const name = rawName.toLowerCase();
		if (name === 'template') inTemplate += closing ? -1 : 1;
		if (closing) continue;
		let text = '';
		if (rawText.has(name)) {
			const end = html.slice(tagPattern.lastIndex).search(new RegExp(`</${name}[\\s/>]`, 'i'));
			const stop = end === -1 ? html.length : tagPattern.lastIndex + end;
			text = html.slice(tagPattern.lastIndex, stop);
			tagPattern.lastIndex = stop;
		}
		if (inTemplate > 0 || !names.has(name)) continue;
		const attributes = new Map<string, string>();
		for (const [, key, ...values] of attributeText.matchAll(attributePattern)) {
			// As in a browser, the first of two attributes with one name wins.
			if (key && !attributes.has(key.toLowerCase())) {
				const value = values.find((candidate) => candidate !== undefined) ?? '';
				attributes.set(key.toLowerCase(), decodeEntities(value));
			}
		}
		found.push({ name, attributes, text });
	}
	return found;
}

/** Bytes of a page: its HTML, and every script it runs at load (inline and imported modules). */
export function pageWeight(path: string) {
	const html = readFileSync(builtFile(path));
	const elements = elementsOf(html.toString(), new Set(['astro-island', 'script']));
	const scripts: Buffer[] = [];
	const seen = new Set<string>();
	const dynamic: string[] = [];
	const addModule = (url: string) => {
		if (!url.startsWith(TEST_BASE) || seen.has(url)) return;
		seen.add(url);
		const code = readFileSync(join(DIST, url.slice(TEST_BASE.length)));
		scripts.push(code);
		// Static imports and re-exports load with the page; dynamic `import()` (the search index)
		// loads on demand.
		const text = code.toString();
		for (const [, spec] of [
			...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g),
			...text.matchAll(/(?:^|[;}\s,])export\s*[\w{}\s,*$]*from\s*["']([^"']+)["']/g),
		]) {
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
	for (const island of elements.filter((element) => element.name === 'astro-island')) {
		const urls = ['component-url', 'renderer-url'].map((name) => island.attributes.get(name) ?? '');
		if (island.attributes.get('client') === 'visible') deferred.push(...urls);
		else urls.forEach(addModule);
	}
	for (const script of elements.filter((element) => element.name === 'script')) {
		const src = script.attributes.get('src');
		const type = script.attributes.get('type') ?? '';
		if (src) addModule(src);
		else if (!type || type === 'module' || type === 'text/javascript') {
			scripts.push(Buffer.from(script.text));
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

/** A running preview server of the test build. */
export interface BuiltSiteServer {
	/** The site's root, base path included, e.g. `http://127.0.0.1:43123/corso/`. */
	url: string;
	stop: () => Promise<void>;
}

/**
 * Serves the test build with `astro preview` on a port the system picks, so that two runs (or a
 * developer's own preview) never fight over one.
 */
export async function previewBuiltSite(): Promise<BuiltSiteServer> {
	if (!existsSync(join(DIST, 'index.html'))) {
		throw new Error('No build in dist/: run `npm run test:build` first (it builds under /corso/).');
	}
	const { preview } = await import('astro');
	// The preview server reads the base path from the config, like the build did; only it needs it.
	const before = process.env.BASE_PATH;
	process.env.BASE_PATH = TEST_BASE;
	try {
		const server = await preview({
			root: process.cwd(),
			logLevel: 'warn',
			server: { host: '127.0.0.1', port: 0 },
		});
		return { url: `http://127.0.0.1:${server.port}${TEST_BASE}`, stop: () => server.stop() };
	} finally {
		if (before === undefined) delete process.env.BASE_PATH;
		else process.env.BASE_PATH = before;
	}
}

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's package. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless Chromium with no background network traffic (the test machines have no network). */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
