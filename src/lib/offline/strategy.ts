/**
 * What the service worker does with a request, and what it names its caches: pure rules, so they
 * are tested in Node and the worker itself only moves bytes.
 */

import type { Locale } from '../i18n/locale.ts';

/** Every cache of ours starts with this, so the worker never deletes another app's caches. */
export const CACHE_PREFIX = 'corso-offline-';

/** The cache of one build: pages and files together, so one version is always consistent. */
export function cacheName(version: string): string {
	return `${CACHE_PREFIX}${version}`;
}

/** The caches to delete when `version` takes over: ours, of any other build. */
export function staleCaches(names: readonly string[], version: string): string[] {
	return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName(version));
}

/**
 * How to answer a request:
 * - `page`: network first (fresh after a new publication), the saved copy when the network is
 *   slow or missing, the offline page when there is neither;
 * - `file`: cache first. Every file belongs to one build's cache, and a new build makes a new
 *   cache, so a saved file is never older than the pages saved with it;
 * - `network`: left to the browser (other sites, the worker itself, the manifest).
 */
export type Strategy = 'page' | 'file' | 'network';

/** What the worker needs to know about a request. */
export interface RequestInfo {
	method: string;
	/** The request's absolute address. */
	url: string;
	/** `navigate` for a page the browser opens. */
	mode: string;
	/** The `Accept` header, if any. */
	accept?: string | null;
}

/**
 * The strategy for a request, given the worker's scope (its origin and base path, e.g.
 * `https://mrossi.github.io/corso/`).
 */
export function strategyFor(request: RequestInfo, scope: string): Strategy {
	if (request.method !== 'GET') return 'network';
	const url = new URL(request.url);
	const root = new URL(scope);
	if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return 'network';
	const inSite = url.pathname.slice(root.pathname.length);
	if (inSite === 'sw.js' || inSite === 'offline-manifest.json') return 'network';
	if (request.mode === 'navigate' || request.accept?.includes('text/html')) return 'page';
	if (inSite === '' || inSite.endsWith('/') || inSite.endsWith('.html')) return 'page';
	return 'file';
}

/** The language of an address in the site, for choosing the offline page to show. */
export function localeOfAddress(pathname: string, base: string): Locale {
	return pathname === `${base}en` || pathname.startsWith(`${base}en/`) ? 'en' : 'it';
}

/**
 * The key a page is saved under: its address without query or hash, with the trailing slash the
 * site always uses, so `/corso/docker` and `/corso/docker/?x` find `/corso/docker/`.
 */
export function pageKey(url: string): string {
	const parsed = new URL(url);
	let path = parsed.pathname;
	if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
	return `${parsed.origin}${path}`;
}

/** How long a page waits for the network before the saved copy is shown, in milliseconds. */
export const NETWORK_TIMEOUT = 3000;
