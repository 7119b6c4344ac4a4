// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import preact from '@astrojs/preact';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { baseLinksPlugin } from './src/lib/links/base-links-plugin.ts';
import { focusableTablesPlugin } from './src/lib/markdown/focusable-tables-plugin.ts';
import { offlineIntegration } from './src/integrations/offline.ts';

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

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
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
			customCss: ['./src/styles/custom.css'],
			head: [
				{ tag: 'meta', attrs: { name: 'theme-color', content: '#1f4e79' } },
				// The web app manifest (`public/`): its addresses are relative, so it works under any base.
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
