import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { builtPages } from '../../scripts/built-site';
import {
	findTocQuery,
	starlightTocScript,
	tocTargetsWalk,
} from '../../src/integrations/toc-targets';
import {
	axeViolations,
	hasChromium,
	looks,
	openTab,
	screenshotDir,
	test,
	viewports,
	type Tab,
} from './browser';

const siteUrl = inject('siteUrl');
/** Every chapter of the course, in both languages. */
const chapters = builtPages().filter((page) =>
	/^(en\/)?(virtualizzazione|docker|forense|riferimenti)\//.test(page)
);

/**
 * Compares, on the open page, the blocks the table of contents watches (our walk) with those the
 * installed Starlight's own query finds: the same elements in the same order, or null on a page
 * with no table of contents.
 */
const starlightQuery = findTocQuery(readFileSync(starlightTocScript, 'utf8')).query;
const compareTocTargets = `(function () {
	if (!this) return null;
	${starlightQuery}
	const walked = ${tocTargetsWalk};
	return { watched: toObserve.length, same: walked.length === toObserve.length && walked.every((el, i) => el === toObserve[i]) };
}).call(document.querySelector('starlight-toc'))`;

/** The looks of which a chapter's screenshot is taken. */
const shotLooks = new Set(['desktop-light', 'phone-dark']);

/** One tab per look, kept for the whole file and closed after its last test. */
const chapterTest = test.extend('tabs', { scope: 'file' }, async ({ browser }, { onCleanup }) => {
	const tabs: (Tab & { look: (typeof looks)[number] })[] = [];
	onCleanup(async () => {
		await Promise.all(tabs.map((tab) => tab.context.close()));
	});
	for (const look of looks) tabs.push({ look, ...(await openTab(browser, look)) });
	return tabs;
});

describe.runIf(hasChromium())('every chapter in Chromium', () => {
	test('there are chapters in both languages', () => {
		expect(chapters.filter((page) => page.startsWith('en/')).length).toBeGreaterThan(0);
		expect(chapters.filter((page) => !page.startsWith('en/')).length).toBeGreaterThan(0);
	});

	chapterTest.for(chapters)(
		'%s: no console error, no axe violation in light and dark, no horizontal scroll on a phone; the table of contents watches what Starlight would',
		async (path, { tabs }) => {
			// The four looks in their own tabs at once: the machine's cores share the screenshots and axe.
			await Promise.all(
				tabs.map(async ({ look, page, errors }) => {
					errors.length = 0;
					const response = await page.goto(new URL(path, siteUrl).href);
					expect(response?.status()).toBe(200);
					const name = `${path.replace(/\/$/, '').replaceAll('/', '_')}-${look.viewport}-${look.colorScheme}`;
					// Two looks of each chapter to look at (the page types have all four in site.test.ts):
					// a whole chapter's PNG takes about two seconds to encode.
					if (shotLooks.has(`${look.viewport}-${look.colorScheme}`)) {
						await page.screenshot({
							path: join(screenshotDir(), 'chapters', `${name}.png`),
							fullPage: true,
						});
					}
					if (look.viewport === 'desktop') {
						// Everything in light mode; in dark mode only the colours change, so only contrast is checked.
						const rules = look.colorScheme === 'dark' ? ['color-contrast'] : undefined;
						expect(await axeViolations(page, rules), `${path} (${look.colorScheme})`).toEqual([]);
						const toc = await page.evaluate<{ watched: number; same: boolean } | null>(
							compareTocTargets
						);
						if (toc) {
							expect(toc.same, `${path}: ${toc.watched} blocks watched`).toBe(true);
							expect(toc.watched, path).toBeGreaterThan(0);
						}
					} else {
						const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
						expect(scrollWidth, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(
							viewports.phone.width
						);
					}
					expect(errors, `${path} (${look.viewport}, ${look.colorScheme})`).toEqual([]);
				})
			);
		}
	);

	chapterTest.for(chapters)(
		'%s: every figure has an accessible name and description',
		async (path, { tabs }) => {
			const { page } = tabs[0]!;
			await page.goto(new URL(path, siteUrl).href);
			const figures = await page.locator('figure svg[role="img"]').evaluateAll((svgs) =>
				svgs.map((svg) => {
					const [titleId = '', descId = ''] = (svg.getAttribute('aria-labelledby') ?? '').split(
						' '
					);
					return {
						title: document.getElementById(titleId)?.textContent?.trim() ?? '',
						desc: document.getElementById(descId)?.textContent?.trim() ?? '',
						caption: svg.closest('figure')?.querySelector('figcaption')?.textContent?.trim() ?? '',
					};
				})
			);
			for (const figure of figures) {
				expect(figure.title.length, JSON.stringify(figure)).toBeGreaterThan(5);
				expect(figure.desc.length, JSON.stringify(figure)).toBeGreaterThan(20);
				expect(figure.caption.length, JSON.stringify(figure)).toBeGreaterThan(10);
			}
		}
	);
});
