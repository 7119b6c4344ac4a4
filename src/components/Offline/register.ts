/**
 * Registers the service worker and wires the "read the course offline" control. It runs on every
 * page, so it stays tiny: the worker does the saving (`save-course` message) and reports back.
 */

import type { SaveReport } from '../../lib/offline/messages';

// The base path itself, not a link: `withBase` would cost every page a shared chunk for nothing.
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const supported = () => import.meta.env.PROD && 'serviceWorker' in navigator && 'caches' in window;

/** Registers `<base>sw.js` for the whole site; only in a build, where the worker exists. */
export function registerWorker(): void {
	if (!supported()) return;
	navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
		// Private windows and some settings refuse workers: the site works as before, online.
	});
}

/** Shows a control; its button asks the worker to save the chosen languages, and shows how it goes. */
export function wireSaveControl(control: HTMLElement): void {
	if (!supported()) return;
	delete control.dataset.pending;
	const lang = control.dataset.lang === 'en' ? 'en' : 'it';
	const strings = JSON.parse(control.dataset.strings ?? '{}') as Record<SaveReport['type'], string>;
	const button = control.querySelector('button')!;
	const progress = control.querySelector('progress')!;
	const status = control.querySelector('[role="status"]')!;
	// The reports carry only numbers and strings.
	const fill = (text: string, values: object) =>
		text.replace(/\{(\w+)\}/g, (whole, name: string) =>
			String((values as Record<string, string | number>)[name] ?? whole)
		);

	navigator.serviceWorker.addEventListener('message', (event: MessageEvent<SaveReport>) => {
		const report = event.data;
		progress.hidden = report.type !== 'saving';
		button.disabled = report.type === 'saving';
		if (report.type === 'saving') {
			progress.max = report.total;
			progress.value = report.done;
			// The live region speaks once at the start and once at the end, not at every file.
			if (report.done === 0) status.textContent = fill(strings.saving, report);
		} else status.textContent = fill(strings[report.type], report);
	});
	button.addEventListener('click', () => {
		const langs = control.querySelector<HTMLInputElement>('input:checked')?.value ?? lang;
		button.disabled = true;
		void navigator.serviceWorker.ready.then((registration) =>
			registration.active?.postMessage({ type: 'save-course', langs: langs.split(','), lang })
		);
	});
}
