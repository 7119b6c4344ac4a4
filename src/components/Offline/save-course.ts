/**
 * Saves every page of the chosen languages, with the files they load and their search index, in
 * the cache of the current build, showing progress and then the result in the control's status.
 */

import { format } from '../../lib/i18n/format';
import type { Locale } from '../../lib/i18n/locale';
import { withBase } from '../../lib/links/url';
import { addressesFor, type OfflineManifest } from '../../lib/offline/manifest';
import { formatSize } from '../../lib/offline/size';
import { cacheName } from '../../lib/offline/strategy';

interface Strings {
	saving: string;
	done: string;
	failed: string;
	error: string;
}

/** Saves the course in `langs` and reports in `control`'s progress bar and status line. */
export async function saveCourse(control: HTMLElement, langs: string[]): Promise<void> {
	const lang = (control.dataset.lang === 'en' ? 'en' : 'it') satisfies Locale;
	const strings = JSON.parse(control.dataset.strings ?? '{}') as Strings;
	const status = control.querySelector('[role="status"]')!;
	const progress = control.querySelector('progress')!;
	const chosen = langs.filter((item): item is Locale => item === 'it' || item === 'en');
	try {
		// The worker must be in charge first, or the saved pages would not be served offline.
		await navigator.serviceWorker.ready;
		const response = await fetch(withBase('/offline-manifest.json'), { cache: 'no-cache' });
		const manifest = (await response.json()) as OfflineManifest;
		const cache = await caches.open(cacheName(manifest.version));
		const addresses = addressesFor(manifest, { langs: chosen });
		let done = 0;
		let bytes = 0;
		let failed = 0;
		progress.max = addresses.length;
		progress.value = 0;
		progress.hidden = false;
		status.textContent = format(strings.saving, { done, total: addresses.length });
		let next = 0;
		const lane = async () => {
			while (next < addresses.length) {
				const address = addresses[next++]!;
				try {
					const fetched = await fetch(address, { cache: 'no-cache' });
					if (!fetched.ok) throw new Error(`HTTP ${fetched.status}`);
					const body = await fetched.clone().arrayBuffer();
					bytes += body.byteLength;
					await cache.put(address, fetched);
				} catch {
					failed++;
				}
				progress.value = ++done;
			}
		};
		await Promise.all([lane(), lane(), lane(), lane()]);
		progress.hidden = true;
		status.textContent = failed
			? format(strings.failed, { count: failed, total: addresses.length })
			: format(strings.done, { size: formatSize(bytes, lang) });
	} catch {
		progress.hidden = true;
		status.textContent = strings.error;
	}
}
