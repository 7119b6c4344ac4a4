import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { generateComposeFile } from '../../bench/compose';
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

	test('a paste of 200 services is analysed off the page, its limit said, and typing in it carries on', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		// The analyser's modules as the page would load them itself (`analyze.<hash>.js`), not the
		// worker's file (`analyze.worker-<hash>.js`).
		const onPage: string[] = [];
		page.on('request', (request) => {
			if (/\/_astro\/(analyze|svg)\.(?!worker-)[\w-]+\.js$/.test(request.url()))
				onPage.push(request.url());
		});
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		const editor = page.getByLabel('File Compose (compose.yaml)');
		await editor.waitFor();
		const text = generateComposeFile(200);
		// In one input event, as a paste gives it.
		await editor.evaluate((box: HTMLTextAreaElement, value) => {
			box.value = value;
			box.dispatchEvent(new Event('input', { bubbles: true }));
		}, text);
		const findings = page.locator('.cd-findings');
		await findings.getByText(/Il file ha \d+ collegamenti/).waitFor({ timeout: 30_000 });
		expect(await findings.getByText('I controlli sono stati fatti comunque').count()).toBe(1);
		expect(await page.locator('.cd-output svg[role="img"]').count()).toBe(0);
		expect(await page.getByText('Nessuno schema').count()).toBe(1);

		// Typing at the top of the long file: each key lands, and the analysis follows.
		await editor.focus();
		await page.keyboard.press('Control+Home');
		await page.keyboard.type('version: "3"\n');
		await findings.getByText('obsolete-version').waitFor({ timeout: 30_000 });
		expect(await editor.inputValue()).toBe(`version: "3"\n${text}`);
		expect(await findings.getByText(/Il file ha \d+ collegamenti/).count()).toBe(1);

		// A file within the limits, pasted next, is drawn.
		const hundred = generateComposeFile(100);
		await editor.evaluate((box: HTMLTextAreaElement, value) => {
			box.value = value;
			box.dispatchEvent(new Event('input', { bubbles: true }));
		}, hundred);
		await page
			.locator('.cd-output svg[role="img"]')
			.filter({ hasText: 'service-99' })
			.waitFor({ timeout: 30_000 });

		// All of it in the worker: the page never loaded the analyser itself.
		expect(page.workers().map((worker) => worker.url())).toEqual([
			expect.stringMatching(/\/_astro\/analyze\.worker-[\w-]+\.js$/),
		]);
		expect(onPage).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a full storage says so, and offers the file to download', async ({ openPage }) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		const editor = page.getByLabel('File Compose (compose.yaml)');
		await editor.waitFor();
		// Fill the site's storage to the last character, as other work kept on the device might.
		await page.evaluate(() => {
			let chunk = 'x'.repeat(1 << 20);
			for (let index = 0; chunk.length > 0; index++) {
				try {
					localStorage.setItem(`filler-${index}`, chunk);
				} catch {
					chunk = chunk.slice(0, Math.floor(chunk.length / 2));
				}
			}
		});
		await editor.focus();
		await page.keyboard.press('Control+Home');
		await page.keyboard.type('# una nota\n');
		const notice = page
			.getByRole('status')
			.filter({ hasText: 'La memoria che il browser riserva a questo sito è piena' });
		await notice.waitFor({ timeout: 10_000 });
		expect(await page.getByText('Il browser non salva il file').count()).toBe(0);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			notice.getByRole('button', { name: 'Scarica il file (compose.yaml)' }).click(),
		]);
		expect(download.suggestedFilename()).toBe('compose.yaml');
		expect(readFileSync(await download.path(), 'utf8')).toBe(await editor.inputValue());
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a link cut short opens none of its text, and says so', async ({ openPage }) => {
		const { page, errors } = await openPage();
		// The link of a longer text, cut: it declares 400 characters and holds 12.
		await page.goto(url('lab/compose/#dir=LR&compose=400.c2VydmljZXM6'), {
			waitUntil: 'networkidle',
		});
		await page.getByRole('status').filter({ hasText: 'Il link è incompleto' }).waitFor();
		const editor = page.getByLabel('File Compose (compose.yaml)');
		expect(await editor.inputValue()).toMatch(/^services:\n {2}app:/);
		expect(new URL(page.url()).hash).toBe('');
		expect(errors).toEqual([]);
	});
});
