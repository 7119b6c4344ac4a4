/**
 * Starlight spaces the items of a prose list that holds blocks with a rule whose list is matched by
 * `:is(ol, ul):has(> li > …)`. Chromium must then check that `:has()` again on every list of the
 * page whenever an element is added under one, so a quiz page that renders its hundred questions
 * one per task spent most of each task recalculating styles (about 80% of its blocking time on a
 * throttled phone). Islands lay out their own lists; this keeps the rule to prose, by not matching
 * lists inside an `<astro-island>` before the `:has()` is ever tried.
 */
const listWithBlocks = ':is(ol, ul):has(> li > :not(';

/** What an island's list is, in the rule: not inside an island, checked before the `:has()`. */
const outsideIslands = ':is(ol, ul):not(:where(astro-island *)):has(> li > :not(';

/**
 * Starlight's `markdown.css` with the list-spacing rule kept out of islands. Throws when the rule
 * is not there once as expected (a new Starlight version), so that the change is noticed.
 */
export function scopeListSpacing(css: string): string {
	const parts = css.split(listWithBlocks);
	if (parts.length !== 2) {
		throw new Error(
			`Starlight's markdown.css has ${parts.length - 1} list-spacing rules written as "${listWithBlocks}…", not 1: check src/lib/markdown/island-list-spacing.ts against the new version.`
		);
	}
	return parts.join(outsideIslands);
}

/** The Vite plugin that applies {@link scopeListSpacing} to Starlight's `markdown.css`. */
export function islandListSpacingPlugin() {
	return {
		name: 'island-list-spacing',
		enforce: 'pre' as const,
		transform(code: string, id: string) {
			if (!/[\\/]@astrojs[\\/]starlight[\\/].*[\\/]markdown\.css(\?|$)/.test(id)) return undefined;
			return { code: scopeListSpacing(code), map: null };
		},
	};
}
