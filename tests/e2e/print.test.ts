import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { hasChromium, test } from './browser';

const siteUrl = inject('siteUrl');

/**
 * Pages printed in both languages, with the dark theme set: a plain page of notes with external
 * links, chapters with a figure and their quiz, and a quiz page.
 */
const pages = [
	{ path: 'riferimenti/fonti/', quiz: false, figure: false },
	{ path: 'virtualizzazione/virtualbox/', quiz: true, figure: true },
	// Every kind of box of the figures: accent, neutral, host and warm.
	{ path: 'docker/volumi/', quiz: true, figure: true },
	{ path: 'quiz/forensics/', quiz: true, figure: false },
].flatMap((page) => [page, { ...page, path: `en/${page.path}` }]);

/** `en/quiz/forensics/` → `en_quiz_forensics`. */
const fileName = (path: string) => path.replace(/\/$/, '').replaceAll('/', '_');

/** The pages of a PDF: Chromium writes the page tree's `/Count` in the clear. */
function pdfPageCount(pdf: Buffer): number {
	const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)];
	return Math.max(0, ...counts.map((match) => Number(match[1])));
}

/** A tab in the dark theme, as a learner who chose it in the theme picker has it. */
async function darkPage(openPage: (look: { colorScheme: 'dark' }) => Promise<{ page: Page }>) {
	const { page } = await openPage({ colorScheme: 'dark' });
	await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
	return page;
}

describe.runIf(hasChromium())('printing', () => {
	test.for(pages)(
		'$path prints as notes, light on paper in the dark theme',
		async (entry, { openPage }) => {
			const page = await darkPage(openPage);
			await page.goto(new URL(entry.path, siteUrl).href);
			expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
			await page.emulateMedia({ media: 'print' });

			const look = await page.evaluate(() => {
				const shown = (selector: string) =>
					[...document.querySelectorAll(selector)].filter((element) => element.checkVisibility());
				const external = [
					...document.querySelectorAll<HTMLAnchorElement>('.sl-markdown-content a[href^="http"]'),
				].filter((a) => !a.closest('figure, pre, .expressive-code, nav'));
				return {
					hidden: {
						header: shown('.page > header').length,
						sidebar: shown('nav.sidebar, #starlight__sidebar').length,
						search: shown('site-search, button[data-open-modal]').length,
						pagination: shown('.pagination-links').length,
						toc: shown('.right-sidebar-container, mobile-starlight-toc').length,
						pickers: shown('starlight-lang-select, starlight-theme-select').length,
						footer: shown('footer').length,
					},
					external: external.map((a) => ({
						href: a.getAttribute('href') ?? '',
						after: getComputedStyle(a, '::after').content,
					})),
					body: getComputedStyle(document.body).backgroundColor,
					text: getComputedStyle(document.querySelector('.sl-markdown-content p')!).color,
					figures: shown('.course-figure svg').length,
				};
			});
			expect(look.hidden).toEqual({
				header: 0,
				sidebar: 0,
				search: 0,
				pagination: 0,
				toc: 0,
				pickers: 0,
				footer: 0,
			});
			for (const link of look.external) expect(link.after).toContain(link.href);
			if (entry.path.includes('fonti')) expect(look.external.length).toBeGreaterThan(5);
			expect(look.body).toBe('rgb(255, 255, 255)');
			expect(look.text).toBe('rgb(0, 0, 0)');
			if (entry.figure) expect(look.figures).toBeGreaterThan(0);

			const pdf = await page.pdf({ format: 'A4' });
			const dir = join(process.cwd(), 'test-results', 'print');
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, `${fileName(entry.path)}.pdf`), pdf);
			const count = pdfPageCount(pdf);
			console.log(`${entry.path}: ${count} pages of A4`);
			expect(count).toBeGreaterThan(0);
		}
	);

	test.for(pages.filter((entry) => entry.quiz))(
		'$path prints its quiz as a worksheet, with one key entry per question at the end',
		async (entry, { openPage }) => {
			const page = await darkPage(openPage);
			await page.goto(new URL(entry.path, siteUrl).href);
			// On screen the island asks the questions (a chapter's loads when scrolled to) and the
			// worksheet is hidden, so assistive technology does not meet the questions twice.
			const island = page.locator('.quiz-block .quiz-item');
			await page.locator('.quiz-block').scrollIntoViewIfNeeded();
			await island.first().waitFor();
			const questions = await island.count();
			expect(await page.locator('.quiz-print').isVisible()).toBe(false);
			expect(
				await page.evaluate(() => getComputedStyle(document.querySelector('.quiz-print')!).display)
			).toBe('none');

			await page.emulateMedia({ media: 'print' });
			const sheet = await page.evaluate(() => {
				const visible = (selector: string) =>
					[...document.querySelectorAll(selector)].filter((element) => element.checkVisibility());
				const key = document.querySelector('.quiz-print-key')!;
				const last = [...document.querySelectorAll('.sl-markdown-content *')]
					.filter((element) => element.checkVisibility() && element.textContent?.trim())
					.at(-1);
				return {
					island: visible('.quiz-block > astro-island').length,
					buttons: visible('.quiz-block button, .quiz-block progress').length,
					questions: visible('.quiz-print-question').length,
					boxes: visible('.quiz-print-box').length,
					keyVisible: key.checkVisibility(),
					keyEntries: visible('.quiz-print-key-list > li').map(
						(li) => li.textContent?.trim() ?? ''
					),
					keyIsLast: key.contains(last ?? null),
				};
			});
			expect(sheet.island).toBe(0);
			expect(sheet.buttons).toBe(0);
			expect(sheet.questions).toBe(questions);
			expect(sheet.boxes).toBeGreaterThan(questions);
			expect(sheet.keyVisible).toBe(true);
			expect(sheet.keyEntries).toHaveLength(questions);
			sheet.keyEntries.forEach((text, index) => {
				expect(text).toMatch(new RegExp(`^${index + 1}\\.\\s+\\S`));
			});
			expect(sheet.keyIsLast).toBe(true);
		}
	);
});
