import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** The prompts of the quiz, in the order shown. */
const prompts = (page: Page) => page.locator('.quiz-prompt').allTextContents();

describe.runIf(hasChromium())('a quiz in Chromium', () => {
	test('practice with the keyboard, keep answers across a language change and a reload', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('quiz/docker/'));
		await page.locator('.quiz-item').first().waitFor();
		const order = await prompts(page);
		expect(order.length).toBeGreaterThan(20);

		// Answer a choice question with the keyboard alone: Tab to it, Space to choose, Enter to check.
		const first = page.locator('.quiz-item:has(input[type="radio"])').first();
		await first.locator('input[type="radio"]').first().focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Controlla');
		await page.keyboard.press('Enter');
		await expect.poll(() => first.locator('.quiz-feedback').count()).toBe(1);
		expect(await first.locator('.quiz-verdict strong').textContent()).toMatch(
			/Giusto!|In parte giusto\.|Non è giusto\./
		);
		expect(await page.locator('[aria-live="polite"]').first().textContent()).toMatch(
			/su \d+ punti/
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'quiz-practice-it-desktop-light.png'),
			fullPage: false,
		});

		// Same quiz in English: same order, the answer and its check kept.
		await Promise.all([
			page.waitForURL(url('en/quiz/docker/')),
			page.locator('starlight-lang-select select').first().selectOption({ label: 'English' }),
		]);
		await page.locator('.quiz-feedback').first().waitFor();
		expect(await page.locator('.quiz-verdict strong').first().textContent()).toMatch(
			/Correct!|Partly right\.|Not quite\./
		);
		expect((await prompts(page)).length).toBe(order.length);

		// A reload keeps the order.
		await page.goto(url('quiz/docker/'));
		await page.locator('.quiz-feedback').first().waitFor();
		expect(await prompts(page)).toEqual(order);
		expect(errors).toEqual([]);
	});

	test('test mode: answer, submit, see the score per topic and follow a review link', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({
			viewport: 'phone',
			colorScheme: 'dark',
		});
		await page.goto(url('en/quiz/final/'));
		await page.locator('.quiz-item').first().waitFor();
		expect(
			await page
				.getByRole('group', { name: 'Mode' })
				.getByRole('radio', { name: 'Test', exact: true })
				.isChecked()
		).toBe(true);
		const count = await page.locator('.quiz-item').count();
		expect(count).toBe(20);
		await page.locator('.quiz-item input[type="radio"]').first().check();
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		const results = page.getByRole('region', { name: 'Your results' });
		await results.waitFor();
		expect(await results.textContent()).toMatch(/You scored [\d.]+ out of \d+ points \(\d+%\)/);
		expect(await results.locator('meter').count()).toBe(4);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('quiz-results-title');
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'quiz-results-en-phone-dark.png'),
			fullPage: true,
		});
		const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scroll).toBeLessThanOrEqual(390);

		const review = results.locator('ul:not(.quiz-bars) a').first();
		const href = (await review.getAttribute('href')) ?? '';
		expect(href).toMatch(/^\/corso\/en\/.+#.+/);
		await review.click();
		await page.waitForURL(`**${href}`);
		const anchor = decodeURIComponent(href.split('#')[1] ?? '');
		expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('a chapter ends with a short quiz of its own questions', async ({ openPage }) => {
		const { page } = await openPage();
		await page.goto(url('docker/volumi/'));
		const block = page.getByRole('region', { name: 'Mettiti alla prova' });
		// The chapter's quiz loads only when the reader scrolls to it.
		await block.scrollIntoViewIfNeeded();
		await block.locator('.quiz-item').first().waitFor();
		const reviews = await block.evaluate(() => document.querySelectorAll('.quiz-item').length);
		expect(reviews).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('stored progress that is not ours is set aside with a notice', async ({ openPage }) => {
		const { page } = await openPage();
		await page.goto(url('quiz/docker/'));
		// Once the quiz has saved its own progress, replace it with somebody else's data.
		await page.locator('.quiz-item').first().waitFor();
		await page.evaluate(() =>
			localStorage.setItem('virtualizzazione-docker:quiz-progress', '{"hello":1}')
		);
		await page.reload();
		await page.getByText('non sono progressi di questo corso').waitFor();
		expect(await page.locator('.quiz-item').count()).toBeGreaterThan(0);
	});
});
