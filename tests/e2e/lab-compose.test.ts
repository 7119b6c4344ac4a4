import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

describe.runIf(hasChromium())('the Compose diagram generator in Chromium', () => {
	test('the lecture’s example: its finding at line 29, fixed by editing, and the diagram follows', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs += 1;
			void dialog.dismiss();
		});
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		const editor = page.getByLabel('File Compose (compose.yaml)');
		await editor.waitFor();
		// The island's root: the checks for injected markup below look inside all of it.
		const lab = page.locator('.cd-lab');
		expect(await lab.count()).toBe(1);
		const findings = lab.getByText(/192\.168\.100\/24/).first();
		await findings.waitFor();
		expect(await page.getByText('riga 29').count()).toBeGreaterThan(0);
		const marker = (line: number) =>
			page.locator(`.cd-gutter-row[data-line="${line}"] .cd-marker-error`).count();
		expect(await marker(29)).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'lab-compose-it-desktop-light.png'),
			fullPage: true,
		});

		// Fix the subnet and add a service whose name is markup: the finding goes, the box appears.
		const text = await editor.inputValue();
		await editor.fill(
			`${text.replace('192.168.100/24', '192.168.100.0/24')}\n`.replace(
				'services:\n',
				'services:\n  "<img src=x onerror=alert(1)>":\n    image: nginx\n'
			)
		);
		await expect.poll(() => page.getByText('riga 29').count(), { timeout: 5000 }).toBe(0);
		const diagram = page
			.locator('svg[role="img"]')
			.filter({ hasText: '<img src=x onerror=alert(1)>' });
		await expect.poll(() => diagram.count(), { timeout: 5000 }).toBe(1);
		expect(await page.locator('svg img, .cd-lab img').count()).toBe(0);
		expect(dialogs).toBe(0);
		await expect.poll(() => marker(29)).toBe(0);

		// A new mistake on the first line: its marker appears there.
		await editor.fill((await editor.inputValue()).replace('services:', 'services: 3\nservices:'));
		await expect
			.poll(
				() =>
					page
						.locator(
							'.cd-gutter-row[data-line="1"] .cd-marker-error, .cd-gutter-row[data-line="2"] .cd-marker-error'
						)
						.count(),
				{ timeout: 5000 }
			)
			.toBeGreaterThan(0);
		await editor.fill((await editor.inputValue()).replace('services: 3\n', ''));

		// Export the standalone SVG.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Scarica SVG' }).click(),
		]);
		expect(download.suggestedFilename()).toMatch(/\.svg$/);
		expect(errors).toEqual([]);
	});

	test('phone width, dark mode, English: readable with no sideways scroll', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({
			viewport: 'phone',
			colorScheme: 'dark',
		});
		await page.goto(url('en/lab/compose/'), { waitUntil: 'networkidle' });
		await page.locator('svg[role="img"]').first().waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page, ['color-contrast'])).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'lab-compose-en-phone-dark.png'),
			fullPage: true,
		});
		expect(errors).toEqual([]);
	});
});
