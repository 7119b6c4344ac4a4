import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { builtPages } from '../../scripts/built-site';
import { hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
/** The reference cards, in both languages. */
const cards = builtPages().filter((page) => /^(en\/)?riferimenti\/scheda-[^/]+\/$/.test(page));

/** A card promises two sides of A4 at most. */
const MAX_PAGES = 2;

/**
 * The pages of a PDF, counted twice: the page objects (`/Type /Page`, not the `/Pages` tree) and
 * the `/Count` of the page tree's root, which holds every page. Chromium writes both in the clear.
 */
function pdfPages(pdf: Buffer): { objects: number; count: number } {
	const text = pdf.toString('latin1');
	const objects = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
	const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((match) =>
		Number(match[1])
	);
	return { objects, count: Math.max(0, ...counts) };
}

/** `riferimenti/scheda-docker/` → `riferimenti_scheda-docker`. */
const fileName = (path: string) => path.replace(/\/$/, '').replaceAll('/', '_');

describe.runIf(hasChromium())('the reference cards', () => {
	test('there are four cards in each language', () => {
		expect(cards.filter((page) => page.startsWith('en/'))).toHaveLength(4);
		expect(cards.filter((page) => !page.startsWith('en/'))).toHaveLength(4);
	});

	test.for(cards)('%s prints on at most two sides of A4', async (path, { openPage }) => {
		const { page, errors } = await openPage();
		await page.goto(new URL(path, siteUrl).href);
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		const dir = join(process.cwd(), 'test-results', 'cards');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `${fileName(path)}.pdf`), pdf);

		const { objects, count } = pdfPages(pdf);
		expect(objects, `${path}: the page objects and the page tree disagree`).toBe(count);
		expect(objects).toBeGreaterThan(0);
		expect(objects, `${path} prints on ${objects} pages`).toBeLessThanOrEqual(MAX_PAGES);
		expect(errors).toEqual([]);
	});

	test.for(cards)(
		'%s on paper: only the card, in two columns, rows kept whole',
		async (path, { openPage }) => {
			const { page } = await openPage();
			await page.goto(new URL(path, siteUrl).href);
			await page.emulateMedia({ media: 'print' });
			await page.screenshot({
				path: join(screenshotDir(), 'cards', `${fileName(path)}-print.png`),
				fullPage: true,
			});
			const look = await page.evaluate(() => {
				const shown = (selector: string) =>
					[...document.querySelectorAll(selector)].some(
						(element) => getComputedStyle(element).display !== 'none'
					);
				const card = document.querySelector('.reference-card')!;
				return {
					header: shown('.page > header'),
					sidebar: shown('nav.sidebar'),
					toc: shown('.right-sidebar-container, mobile-starlight-toc'),
					footer: shown('footer'),
					pagination: shown('.pagination-links'),
					columns: getComputedStyle(card).columnCount,
					rows: [...card.querySelectorAll('tr')].map((row) => getComputedStyle(row).breakInside),
				};
			});
			expect(look).toMatchObject({
				header: false,
				sidebar: false,
				toc: false,
				footer: false,
				pagination: false,
				columns: '2',
			});
			expect(look.rows.length).toBeGreaterThan(5);
			expect(new Set(look.rows)).toEqual(new Set(['avoid']));
		}
	);

	test.for(cards)('%s on a phone: every table fits its column', async (path, { openPage }) => {
		const { page } = await openPage({ viewport: 'phone' });
		await page.goto(new URL(path, siteUrl).href);
		const tooWide = await page
			.locator('.reference-card table')
			.evaluateAll((tables) =>
				tables
					.filter((table) => table.scrollWidth > table.clientWidth + 1)
					.map((table) => table.textContent?.trim().slice(0, 60))
			);
		expect(tooWide).toEqual([]);
	});
});
