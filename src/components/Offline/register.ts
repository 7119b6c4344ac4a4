/**
 * Registers the service worker and wires the "read the course offline" control. Kept small, as
 * it runs on every page: the saving itself loads only when asked for (`save-course.ts`).
 */

import { withBase } from '../../lib/links/url';

const supported = () => 'serviceWorker' in navigator && 'caches' in window;

/** Registers `<base>sw.js` for the whole site; only in a build, where the worker exists. */
export function registerWorker(): void {
	if (!import.meta.env.PROD || !supported()) return;
	navigator.serviceWorker.register(withBase('/sw.js'), { scope: withBase('/') }).catch(() => {
		// Private windows and some settings refuse workers: the site works as before, online.
	});
}

/** Shows a control and saves the chosen languages when its button is pressed. */
export function wireSaveControl(control: HTMLElement): void {
	if (!import.meta.env.PROD || !supported()) return;
	control.hidden = false;
	const button = control.querySelector('button')!;
	button.addEventListener('click', () => {
		const chosen = control.querySelector<HTMLInputElement>('input:checked')?.value ?? 'it';
		button.disabled = true;
		void import('./save-course')
			.then(({ saveCourse }) => saveCourse(control, chosen.split(',')))
			.finally(() => (button.disabled = false));
	});
}
