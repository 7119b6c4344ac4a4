/**
 * Starlight's table of contents (`starlight-toc.js`, used by the desktop and the mobile one, and
 * both run on every page) finds the blocks it watches with one `querySelectorAll` whose parts are
 * `… ~ *:not(:has(heading))`: Chromium tries the `:has()` on every element after every heading.
 * On the Compose chapter (3,700 elements) each of the two calls was a long task of ~140 ms on a
 * throttled phone. This plugin puts in its place a walk that finds the same elements, in the same
 * (document) order, in one pass:
 *
 * - every heading of the table of contents in `<main>`;
 * - every element after a heading or a heading wrapper, among its siblings, with no heading inside;
 * - every child of `<main>` and of `.sl-markdown-content` with no heading inside.
 *
 * Only the parents of headings can hold an element of the second kind, so the walk goes down into
 * those alone, and into the prose blocks for the third. An e2e test compares the two on the built chapters.
 */

/** Starlight's statement, as its build writes it: from its start to its end. */
const queryStart = 'const toObserve = document.querySelectorAll([';
const queryEnd = '].join());';

/**
 * The walk, an expression written against the names `starlight-toc.js` has in scope
 * (`this.tocHeadingSelector`), in plain script: it goes into Starlight's module as it is.
 */
export const tocTargetsWalk = `(() => {
			const selector = this.tocHeadingSelector;
			const main = document.querySelector("main");
			const found = [];
			if (!main) return found;
			// Elements with a heading inside, and the way down to every block of prose.
			const holders = new Set();
			const paths = new Set();
			const up = (el, set) => {
				for (let p = el.parentElement; p && p !== main; p = p.parentElement) set.add(p);
			};
			for (const heading of main.querySelectorAll(selector)) up(heading, holders);
			for (const prose of main.querySelectorAll(".sl-markdown-content")) {
				up(prose, paths);
				paths.add(prose);
			}
			const visit = (parent, keepAll) => {
				let afterHeading = false;
				for (const el of parent.children) {
					const isHeading = el.matches(selector);
					const holds = holders.has(el);
					if (isHeading || (!holds && (keepAll || afterHeading))) found.push(el);
					if (isHeading || el.matches(".sl-heading-wrapper")) afterHeading = true;
					if (holds || paths.has(el)) visit(el, el.matches(".sl-markdown-content"));
				}
			};
			visit(main, true);
			return found;
		})()`;

/**
 * Starlight's statement that finds the blocks to watch, in the code of `starlight-toc.js`, and
 * where it is. Throws when it is not there once, as expected (a new Starlight version), so that
 * the change is noticed.
 */
export function findTocQuery(code: string): { start: number; end: number; query: string } {
	const start = code.indexOf(queryStart);
	const end = code.indexOf(queryEnd, start) + queryEnd.length;
	if (start < 0 || end < queryEnd.length || code.indexOf(queryStart, start + 1) >= 0) {
		throw new Error(
			`Starlight's starlight-toc.js does not have one "${queryStart}…${queryEnd}" statement: check src/integrations/toc-targets.ts against the new version.`
		);
	}
	return { start, end, query: code.slice(start, end) };
}

/** `starlight-toc.js` with the walk in place of its query. */
export function replaceTocQuery(code: string): string {
	const { start, end } = findTocQuery(code);
	return `${code.slice(0, start)}const toObserve = ${tocTargetsWalk};${code.slice(end)}`;
}

/** Where the installed Starlight keeps that script, from the project's root (the tests read it). */
export const starlightTocScript =
	'node_modules/@astrojs/starlight/dist/components-internals/TableOfContents/starlight-toc.js';

/** Starlight's table-of-contents script, as Vite names the module. */
const tocScript = /[\\/]@astrojs[\\/]starlight[\\/].*[\\/]starlight-toc\.[jt]s(\?|$)/;

/** The Vite plugin that applies {@link replaceTocQuery} to Starlight's table-of-contents script. */
export function tocTargetsPlugin() {
	return {
		name: 'toc-targets',
		transform(code: string, id: string) {
			if (!tocScript.test(id)) return undefined;
			return { code: replaceTocQuery(code), map: null };
		},
	};
}
