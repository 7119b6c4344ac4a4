import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

describe.runIf(hasChromium())('the Dockerfile builder in Chromium', () => {
	test('paste a Dockerfile with three problems, see exactly those, keep the state after a reload', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
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
		// The starting template's preview also begins with FROM ubuntu: wait for the pasted file.
		await expect.poll(() => preview.textContent()).toContain('<img src=x onerror=alert(1)>');
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
	});

	test('phone width, dark mode, English: no sideways scroll, readable colours', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({
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
	});

	test('the apache2 template gives the lecture’s file and the commands to build and run it', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		await page
			.getByLabel('Modello di partenza')
			.selectOption({ label: 'Apache su Ubuntu (esempio della lezione)' });
		await page.getByRole('button', { name: 'Carica il modello' }).click();
		const preview = page.locator('pre').filter({ hasText: 'FROM ubuntu' }).first();
		await expect.poll(() => preview.textContent()).toContain('apache2ctl');
		expect(await preview.textContent()).toContain('EXPOSE 80');
		await page
			.getByLabel('Porta dell’host per 80')
			.or(page.getByLabel("Porta dell'host per 80"))
			.first()
			.fill('8080');
		const main = page.locator('main');
		await expect.poll(() => main.textContent()).toMatch(/docker build -t my-apache \./);
		expect(await main.textContent()).toMatch(/docker run -d -p 8080:80 my-apache/);
		expect(errors).toEqual([]);
	});

	test('markup typed into every field of the form stays text, and a finding leads to its field', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs += 1;
			void dialog.dismiss();
		});
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		// Open every folded “more options” box, so that its fields are reachable too.
		await page.evaluate(() => {
			for (const details of document.querySelectorAll('main details')) {
				(details as HTMLDetailsElement).open = true;
			}
		});
		const fields = page.locator('main input[type="text"], main textarea, main input:not([type])');
		const count = await fields.count();
		expect(count).toBeGreaterThan(5);
		for (let index = 0; index < count; index++) {
			const field = fields.nth(index);
			if ((await field.isVisible()) && (await field.isEditable())) {
				await field.fill('<img src=x onerror=alert(1)>');
			}
		}
		await page.waitForTimeout(500);
		expect(await page.locator('main img').count()).toBe(0);
		expect(dialogs).toBe(0);
		expect(await page.locator('main').textContent()).toContain('<img src=x onerror=alert(1)>');

		const goTo = page
			.getByRole('button', { name: /Vai all’istruzione|Vai all'istruzione/ })
			.first();
		await goTo.click();
		expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(
			/INPUT|TEXTAREA|SELECT/
		);
		expect(errors).toEqual([]);
	});
});
