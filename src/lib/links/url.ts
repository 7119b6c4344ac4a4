/**
 * Links we write ourselves (in MDX, components and figures) must carry the site's base path,
 * because instructors publish under `https://<user>.github.io/<repo>/`. Starlight prefixes only
 * the links it generates, so every other link goes through these helpers.
 */

import type { Locale } from '../i18n/locale.ts';

/** The base path the site is built with, always with a leading and a trailing slash. */
export function getBase(): string {
	// `import.meta.env` exists under Vite (Astro, Vitest) but not in plain Node (the CLI scripts).
	const base = import.meta.env?.BASE_URL ?? '/';
	return ensureSlashes(base);
}

/**
 * Builds an absolute link to a page or file of this site.
 * @param path A site path such as `/quiz/docker/` or `favicon.svg`; query and hash are kept.
 * @param locale When given, the path is placed under that locale (`en` → `/en/...`).
 */
export function siteUrl(path: string, locale?: Locale): string {
	const [, pathname = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(path) ?? [];
	const segments = pathname.split('/').filter(Boolean);
	if (locale && locale !== 'it') segments.unshift(locale);
	const joined = segments.join('/');
	const isFile = /\.[a-z0-9]+$/i.test(joined);
	const tail = joined === '' || isFile ? joined : `${joined}/`;
	return `${getBase()}${tail}${suffix}`;
}

/**
 * Whether a link points inside this site and should get the base path: root-relative paths,
 * but not protocol-relative ones (`//host`) nor links that already carry the base.
 */
export function needsBase(href: string, base = getBase()): boolean {
	if (!href.startsWith('/') || href.startsWith('//')) return false;
	const normalized = ensureSlashes(base);
	if (normalized === '/') return false;
	return !(href === normalized.slice(0, -1) || href.startsWith(normalized));
}

/**
 * Prefixes a root-relative link with the base path, leaving every other link as it is.
 * @param base The base path; by default the one the site is built with.
 */
export function withBase(href: string, base = getBase()): string {
	return needsBase(href, base) ? `${ensureSlashes(base)}${href.slice(1)}` : href;
}

/** Splits a site path into its locale and the path inside that locale. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
	const base = getBase();
	const inSite = pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
	const match = /^\/en(\/.*|$)/.exec(inSite);
	return match ? { locale: 'en', path: match[1] || '/' } : { locale: 'it', path: inSite };
}

function ensureSlashes(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}
