import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations, hasChromium, launch, openPage, screenshotDir } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

describe.runIf(hasChromium())('the Dockerfile builder in Chromium', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser.close();
	});

	test('paste a Dockerfile with three problems, see exactly those, keep the state after a reload', async () => {
		const { context, page, errors } = await openPage(browser);
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs += 1;
			void dialog.dismiss();
		});
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		const paste = page.getByLabel('Testo del Dockerfile', { exact: true });
		await paste.fill(
			'FROM ubuntu\nWORKDIR app\nRUN echo "<img src=x onerror=alert(1)>"\nCMD ["apache2ctl", "-D", "FOREGROUND"]\nMAINTAINER me\n'
		);
		await page.getByRole('button', { name: 'Trasforma in modulo' }).click();
		const preview = page.locator('pre').filter({ hasText: 'FROM ubuntu' }).first();
		await preview.waitFor();
		expect(await preview.textContent()).toContain('<img src=x onerror=alert(1)>');
		// Exactly the three problems the file has, each named by its rule.
		const rules = ['untagged-image', 'relative-workdir', 'maintainer-deprecated'];
		for (const rule of rules) await page.getByText(rule, { exact: true }).first().waitFor();
		expect(await page.getByText('(3 segnalazioni)').count()).toBe(1);
		expect(await page.locator('main img').count()).toBe(0);
		expect(dialogs).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'lab-dockerfile-it-desktop-light.png'),
			fullPage: true,
		});

		// The build and run commands follow the form.
		expect(await page.locator('main').textContent()).toMatch(/docker build -t \S+ \./);

		// A reload keeps the learner's Dockerfile.
		await page.reload({ waitUntil: 'networkidle' });
		await page.locator('pre').filter({ hasText: 'WORKDIR app' }).first().waitFor();
		expect(errors).toEqual([]);
		await context.close();
	});

	test('the lecture’s apache2 template gives working commands, at phone width in dark mode', async () => {
		const { context, page, errors } = await openPage(browser, {
			viewport: 'phone',
			colorScheme: 'dark',
		});
		await page.goto(url('en/lab/dockerfile/'), { waitUntil: 'networkidle' });
		const preview = page.locator('pre').filter({ hasText: 'FROM' }).first();
		await preview.waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page, ['color-contrast'])).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'lab-dockerfile-en-phone-dark.png'),
			fullPage: true,
		});
		expect(errors).toEqual([]);
		await context.close();
	});
});
