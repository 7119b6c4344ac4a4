/**
 * The service worker, bundled to `<base>sw.js` at the end of the build (`offlineIntegration`).
 *
 * Our own rather than Workbox: what it does fits in this file (one cache per build, network first
 * for pages, cache first for files, the offline page), Workbox's precaching would download the
 * whole course at the first visit where we want it only on request, and its generated worker and
 * runtime would be several times this size and harder to read. The rules live in
 * `src/lib/offline/`, tested in Node.
 */

import type { Locale } from '../lib/i18n/locale';
import { addressesFor, assetsOfPage, type OfflineManifest } from '../lib/offline/manifest';
import { formatSize } from '../lib/offline/size';
import { isSaveRequest, type SaveReport } from '../lib/offline/messages';
import {
	cacheName,
	localeOfAddress,
	NETWORK_TIMEOUT,
	pageKey,
	staleCaches,
	strategyFor,
} from '../lib/offline/strategy';

/** Set at build time: the build's version, which names its cache. */
declare const __OFFLINE_VERSION__: string;

// The DOM library has no worker events; these are the few members used here.
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface MessageFromPage extends ExtendableEvent {
	data: unknown;
	source: { postMessage(message: SaveReport): void } | null;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
	registration: { scope: string };
	clients: {
		claim(): Promise<void>;
		matchAll(options: { type: 'window' }): Promise<{ url: string }[]>;
	};
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: MessageFromPage) => void): void;
}

const worker = self as unknown as WorkerScope;
const version = __OFFLINE_VERSION__;
const scope = worker.registration.scope;
const base = new URL(scope).pathname;
const manifestUrl = new URL('offline-manifest.json', scope).href;
const absolute = (path: string) => new URL(path, scope).href;

/**
 * Entries are saved under their plain address and found whatever the request's headers: a server
 * that answers `Vary: Origin` (as `astro preview` does) would otherwise hide a file saved by the
 * worker from the module script that asks for it with an `Origin` header.
 */
const match: CacheQueryOptions = { ignoreVary: true };

let manifest: Promise<OfflineManifest | undefined> | undefined;

/** This build's manifest, as saved at install. */
function savedManifest(): Promise<OfflineManifest | undefined> {
	manifest ??= caches
		.open(cacheName(version))
		.then((cache) => cache.match(manifestUrl, match))
		.then((response) => response?.json() as Promise<OfflineManifest> | undefined);
	return manifest;
}

worker.addEventListener('install', (event) => {
	event.waitUntil(install().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(staleCaches(names, version).map((name) => caches.delete(name))))
			.then(() => worker.clients.claim())
			// The pages open now loaded before the worker was there: save them as if visited.
			.then(() => {
				void saveOpenPages();
			})
	);
});

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const strategy = strategyFor(
		{
			method: request.method,
			url: request.url,
			mode: request.mode,
			accept: request.headers.get('accept'),
		},
		scope
	);
	if (strategy === 'page') event.respondWith(page(event));
	else if (strategy === 'file') event.respondWith(file(request));
});

worker.addEventListener('message', (event) => {
	if (!isSaveRequest(event.data)) return;
	const { langs, lang } = event.data;
	event.waitUntil(saveCourse(langs, lang, (report) => event.source?.postMessage(report)));
});

/**
 * Saves every page of `langs` with what they load and their search index, reporting progress:
 * "read the course offline". What is already saved is counted, not downloaded again.
 */
async function saveCourse(
	langs: Locale[],
	lang: Locale,
	report: (message: SaveReport) => void
): Promise<void> {
	const current = await savedManifest();
	if (!current) return report({ type: 'error' });
	const cache = await caches.open(cacheName(version));
	const addresses = addressesFor(current, { langs });
	const total = addresses.length;
	let done = 0;
	let failed = 0;
	let bytes = 0;
	report({ type: 'saving', done, total });
	await eachLimited(addresses, async (path) => {
		try {
			let response = await cache.match(absolute(path), match);
			if (!response) {
				response = await fetch(absolute(path), { cache: 'no-cache' });
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				await cache.put(absolute(path), response.clone());
			}
			// Read before adding: `bytes += await …` would add to the total as it was before the wait,
			// and the saves that ran meanwhile would be lost from it.
			const size = (await response.blob()).size;
			bytes += size;
		} catch {
			failed++;
		}
		report({ type: 'saving', done: ++done, total });
	});
	report(
		failed
			? { type: 'failed', count: failed, total }
			: { type: 'done', total, bytes, size: formatSize(bytes, lang) }
	);
}

/**
 * Saves this build's manifest and offline pages, then brings over what the learner had saved with
 * the previous build: its pages fetched again (they may have changed), its unchanged files copied.
 * If the network fails before the offline pages are saved, the install fails and the previous
 * worker keeps serving; the browser tries again at the next visit.
 */
async function install(): Promise<void> {
	const cache = await caches.open(cacheName(version));
	const response = await fetch(manifestUrl, { cache: 'no-cache' });
	if (!response.ok) throw new Error(`offline manifest: HTTP ${response.status}`);
	const current = (await response.clone().json()) as OfflineManifest;
	// The site was published again while this worker downloaded: the next worker will install.
	if (current.version !== version) throw new Error('offline manifest of another build');
	await cache.put(manifestUrl, response);
	await cache.addAll(addressesFor(current, { offlineOnly: true }).map(absolute));

	const pages = new Set(current.pages.map((entry) => entry.url));
	const files = new Set(current.files);
	const wanted = new Set<string>();
	const previous = new Map<string, Cache>();
	for (const name of staleCaches(await caches.keys(), version)) {
		const old = await caches.open(name);
		for (const request of await old.keys()) {
			const path = new URL(request.url).pathname;
			if (pages.has(path)) {
				wanted.add(path);
				assetsOfPage(current, path).forEach((asset) => wanted.add(asset));
			} else if (files.has(path)) wanted.add(path);
			if (!previous.has(path)) previous.set(path, old);
		}
	}
	await eachLimited([...wanted], async (path) => {
		if (await cache.match(absolute(path), match)) return;
		// Files under `_astro/` are named after their content: the old copy is the new one.
		const old = path.startsWith(`${base}_astro/`) ? previous.get(path) : undefined;
		const copy = await old?.match(absolute(path), match);
		if (copy) await cache.put(absolute(path), copy);
		else await cache.add(absolute(path)).catch(() => undefined);
	});
}

/**
 * A page: the network's answer if it comes within `NETWORK_TIMEOUT`, saved with the files it
 * loads; else the saved copy; else the network's late answer; else the offline page.
 */
async function page(event: FetchEvent): Promise<Response> {
	const key = pageKey(event.request.url);
	const cache = await caches.open(cacheName(version));
	const network = fetch(event.request).then((response) => {
		if (response.ok && response.type === 'basic' && !response.redirected) {
			event.waitUntil(
				cache.put(key, response.clone()).then(() => saveAssets(cache, new URL(key).pathname))
			);
		}
		return response;
	});
	network.catch(() => undefined);
	const timeout = new Promise<undefined>((resolve) =>
		setTimeout(() => resolve(undefined), NETWORK_TIMEOUT)
	);
	const first = await Promise.race([network, timeout]).catch(() => undefined);
	if (first) return first;
	const saved = await cache.match(key, match);
	if (saved) return saved;
	const late = await network.catch(() => undefined);
	if (late) return late;
	const lang = localeOfAddress(new URL(key).pathname, base);
	const offline = await cache.match(absolute(`${lang === 'en' ? 'en/' : ''}offline/`), match);
	return offline ?? Response.error();
}

/** Saves the pages open in the learner's tabs, with what they load (not waited for: best effort). */
async function saveOpenPages(): Promise<void> {
	const cache = await caches.open(cacheName(version));
	const open = await worker.clients.matchAll({ type: 'window' });
	for (const client of open) {
		if (strategyFor({ method: 'GET', url: client.url, mode: 'navigate' }, scope) !== 'page')
			continue;
		const key = pageKey(client.url);
		if (await cache.match(key, match)) continue;
		const response = await fetch(key).catch(() => undefined);
		if (!response?.ok || response.redirected) continue;
		await cache.put(key, response);
		await saveAssets(cache, new URL(key).pathname);
	}
}

/** A file: the saved copy, or the network's answer, saved for next time. */
async function file(request: Request): Promise<Response> {
	const cache = await caches.open(cacheName(version));
	const key = request.url.replace(/[?#].*$/, '');
	const saved = await cache.match(key, match);
	if (saved) return saved;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic' && response.status === 200) {
		await cache.put(key, response.clone());
	}
	return response;
}

/** Saves what a page loads later (its quiz, a worker), so it works offline as it did online. */
async function saveAssets(cache: Cache, path: string): Promise<void> {
	const current = await savedManifest();
	if (!current) return;
	await eachLimited(assetsOfPage(current, path), async (asset) => {
		if (!(await cache.match(absolute(asset), match)))
			await cache.add(absolute(asset)).catch(() => undefined);
	});
}

/** Runs `task` on every item, four at a time: fast, without flooding a slow connection. */
async function eachLimited<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) await task(items[next++]!);
	};
	await Promise.all([lane(), lane(), lane(), lane()]);
}
