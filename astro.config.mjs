// @ts-check
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import preact from '@astrojs/preact';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { inlineScripts, sha256Source } from './src/lib/csp/inline-scripts.ts';
import { baseLinksPlugin } from './src/lib/links/base-links-plugin.ts';
import { focusableTablesPlugin } from './src/lib/markdown/focusable-tables-plugin.ts';
import { islandListSpacingPlugin } from './src/lib/markdown/island-list-spacing.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { preloadOnlyWhatIsNew } from './src/integrations/preload.ts';
import { tocTargetsPlugin } from './src/integrations/toc-targets.ts';

// Instructors publish to `https://<owner>.github.io/<repo>/`: the deploy workflow sets these two
// variables from the repository, and they can be set by hand for any other host.
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

/**
 * The sidebar groups, in course order. A group appears only once its folder holds a page, so a
 * fork can drop a part of the course by deleting its folder.
 * @type {{ label: string; en: string; directory: string }[]}
 */
const groups = [
	{ label: 'Virtualizzazione', en: 'Virtualization', directory: 'virtualizzazione' },
	{ label: 'Docker', en: 'Docker', directory: 'docker' },
	{ label: 'Informatica forense', en: 'Forensics', directory: 'forense' },
	{ label: 'Laboratorio', en: 'Lab', directory: 'lab' },
	{ label: 'Quiz', en: 'Quiz', directory: 'quiz' },
	{ label: 'Riferimenti', en: 'Reference', directory: 'riferimenti' },
];

/** @param {string} directory */
function hasPages(directory) {
	const path = new URL(`./src/content/docs/${directory}/`, import.meta.url);
	return existsSync(path) && readdirSync(path).some((file) => /\.mdx?$/.test(file));
}

/** Every `.astro` file under a folder, at any depth. */
function astroFiles(/** @type {string} */ folder) {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.astro'))
		.map((file) => join(folder, file));
}

/**
 * The hashes of the `<script is:inline>` in Starlight's components (theme, sidebar, search, tabs)
 * and in ours. Astro copies such scripts into pages untouched and hashes only the scripts it
 * bundles, so these are computed from the sources; a new Starlight version brings its own. A
 * `define:vars` script cannot be hashed from its source and stops the build.
 */
async function inlineScriptHashes() {
	const starlight = dirname(
		createRequire(import.meta.url).resolve('@astrojs/starlight/components/ThemeProvider.astro')
	);
	const files = [
		...astroFiles(dirname(starlight)),
		...astroFiles(fileURLToPath(new URL('./src/components/', import.meta.url))),
	];
	const scripts = files.flatMap((file) =>
		inlineScripts(readFileSync(file, 'utf8')).map((script) => ({ file, ...script }))
	);
	const unhashable = scripts.filter((script) => !script.hashable);
	if (unhashable.length > 0) {
		throw new Error(
			`An is:inline script with define:vars has no hash the Content-Security-Policy can know: ${unhashable.map((script) => script.file).join(', ')}. Pass the values in data attributes instead.`
		);
	}
	return [...new Set(await Promise.all(scripts.map((script) => sha256Source(script.text))))];
}

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Starlight turns on prefetching every link; its script scans the page's links at load and again
	// whenever an island adds elements (a quiz's questions), one of the longest tasks of a quiz page
	// on a phone. Pages are small and, once opened, served by the service worker.
	prefetch: false,
	vite: {
		// Starlight's spacing of prose lists stays out of islands, whose lists it made slow to render.
		// A dynamic import preloads only the chunks its importer has not loaded already.
		plugins: [islandListSpacingPlugin(), tocTargetsPlugin(), preloadOnlyWhatIsNew()],
		resolve: {
			// Starlight's search builds Pagefind's interface when the dialog first opens, not at load.
			alias: [
				{
					find: /^@pagefind\/default-ui$/,
					replacement: fileURLToPath(
						new URL('./src/components/Starlight/lazy-pagefind-ui.ts', import.meta.url)
					),
				},
			],
		},
	},
	// A strict Content-Security-Policy, in a <meta> tag on every page (GitHub Pages sends no
	// headers): a second wall, behind escaping, around the text learners paste into the labs.
	// `frame-ancestors` and reporting work only as headers, browsers ignore them in a meta tag; a
	// host that sends headers should add `frame-ancestors 'none'` there.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				// data: for the SVG icons in Starlight's and Expressive Code's CSS, blob: for the
				// Compose diagram drawn onto a canvas for its PNG export.
				"img-src 'self' data: blob:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				// The labs' module workers, from our own files.
				"worker-src 'self'",
			],
			scriptDirective: {
				// Astro adds the hashes of the scripts it bundles. Pagefind runs its WebAssembly in its
				// worker, which this meta tag does not govern, but falls back to the page when the
				// worker fails: 'wasm-unsafe-eval' lets it compile WebAssembly there (not eval JS).
				resources: ["'self'", "'wasm-unsafe-eval'"],
				hashes: await inlineScriptHashes(),
			},
			styleDirective: {
				// <style> elements stay strict ('self' and hashes); style="" attributes are allowed,
				// because Starlight writes them (icon sizes, sidebar depth) and so does Expressive Code.
				resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
			},
		},
	},
	build: {
		// Astro hashes the inline styles of pages, but not those of components used inside MDX
		// chapters (figures, reference cards, the zip download), which the policy would block:
		// as files, every stylesheet is covered by 'self'.
		inlineStylesheets: 'never',
	},
	markdown: {
		processor: satteri({
			mdastPlugins: [baseLinksPlugin(base)],
			hastPlugins: [focusableTablesPlugin()],
		}),
	},
	integrations: [
		starlight({
			title: { it: 'Virtualizzazione e Docker', en: 'Virtualization and Docker' },
			description:
				'Corso interattivo su virtualizzazione, hypervisor e Docker: appunti, figure, strumenti e quiz.',
			logo: { src: './src/assets/logo.svg', alt: '' },
			favicon: '/favicon.svg',
			routeMiddleware: './src/route-data.ts',
			defaultLocale: 'root',
			locales: {
				root: { label: 'Italiano', lang: 'it' },
				en: { label: 'English', lang: 'en' },
			},
			sidebar: groups
				.filter((group) => hasPages(group.directory))
				.map(({ label, en, directory }) => ({
					label,
					translations: { en },
					items: [{ autogenerate: { directory } }],
				})),
			components: { Footer: './src/components/Starlight/Footer.astro' },
			// Long commands wrap instead of scrolling: easier to read on a phone, and no scrollable
			// regions without a name for screen readers.
			expressiveCode: { defaultProps: { wrap: true } },
			customCss: ['./src/styles/custom.css', './src/styles/print.css'],
			head: [
				{ tag: 'meta', attrs: { name: 'theme-color', content: '#1f4e79' } },
				// The web app manifest (`public/`; English pages get `public/en/`'s, from src/route-data.ts):
				// its addresses are relative, so it works under any base.
				{
					tag: 'link',
					attrs: { rel: 'manifest', href: `${base.replace(/\/?$/, '/')}manifest.webmanifest` },
				},
			],
			// Relative links are allowed for the hero buttons of the home pages, which Starlight does
			// not pass through our base-path plugin; the crawl in `npm test` checks them.
			plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
		}),
		mdx(),
		preact(),
		// Last, so that it sees every built file, Pagefind's index included.
		offlineIntegration(),
	],
});
