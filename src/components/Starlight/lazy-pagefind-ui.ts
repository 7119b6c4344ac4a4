/**
 * Starlight builds Pagefind's search interface as soon as the browser is idle after a page loads:
 * a long task on a phone, on every page, for a dialog most readers never open. The site's build
 * resolves `@pagefind/default-ui` to this module (see `astro.config.mjs`), a stand-in built the
 * same way, which builds the real interface when the search dialog first opens, then puts the
 * keyboard in its field as Starlight would have.
 */
type Options = { element?: string } & Record<string, unknown>;

export class PagefindUI {
	constructor(options: Options) {
		const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
		if (!dialog) {
			void build(options);
			return;
		}
		const open = () => {
			void build(options).then(() => {
				if (dialog.open) dialog.querySelector<HTMLInputElement>('input')?.focus();
			});
		};
		// Starlight builds the interface when the browser is idle, and enables the search button
		// before: a reader quick enough has opened the dialog already.
		if (dialog.open) {
			open();
			return;
		}
		const observer = new MutationObserver(() => {
			if (!dialog.open) return;
			observer.disconnect();
			open();
		});
		observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
	}
}

async function build(options: Options): Promise<void> {
	const { PagefindUI: Real } = (await import(
		// @ts-expect-error: the package ships no types.
		'@pagefind/default-ui/npm_dist/mjs/ui-core.mjs'
	)) as { PagefindUI: new (options: Options) => unknown };
	new Real(options);
}
