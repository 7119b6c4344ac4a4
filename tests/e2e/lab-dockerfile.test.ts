import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { PASTE_LIMITS, readPaste } from '../../src/lib/dockerfile/builder';
import { lint } from '../../src/lib/dockerfile/lint';
import { parse } from '../../src/lib/dockerfile/parse';
import { print } from '../../src/lib/dockerfile/print';
import { encodeState } from '../../src/lib/dockerfile/share';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** A Dockerfile of `count` lines, each stage of 100 with a few findings, as a long paste would be. */
function longDockerfile(count: number): string {
	const body = ['RUN apt-get install -y curl', 'WORKDIR /app', 'COPY . .', 'ENV A=1', 'CMD ["sh"]'];
	const lines = Array.from({ length: count }, (_, index) =>
		index % 100 === 0 ? `FROM alpine:3.21 AS s${index / 100}` : body[index % body.length]!
	);
	return `${lines.join('\n')}\n`;
}

/**
 * Puts text in the paste box the way a paste does, in one input event (typing 5,000 lines key by
 * key would test the keyboard, not the builder), and turns it into the form.
 */
async function pasteText(page: Page, text: string) {
	await page.locator('#df-paste').evaluate((box: HTMLTextAreaElement, value) => {
		box.value = value;
		box.dispatchEvent(new Event('input', { bubbles: true }));
	}, text);
	await page.locator('.df-paste button').click();
}

/** What the builder last said to screen-reader users. */
const said = (page: Page) => page.locator('[aria-live]').first().textContent();

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
		// Focus moves once the part of the form that holds the instruction is on screen.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.tagName))
			.toMatch(/INPUT|TEXTAREA|SELECT/);
		expect(errors).toEqual([]);
	});

	test('a paste over the limits shows why and what to do, and keeps the text in the box', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		const text = longDockerfile(50_000);
		await pasteText(page, text);
		const error = page.locator('#df-paste-error');
		await expect.poll(() => error.textContent()).toMatch(/^Il testo è troppo lungo per il modulo/);
		expect(await error.textContent()).toContain(
			`il massimo è ${PASTE_LIMITS.maxLines} righe e 256 KB`
		);
		expect(await error.locator('code').textContent()).toBe(
			'npm run -s dockerfile -- lint Dockerfile'
		);
		expect(await page.locator('#df-paste').inputValue()).toBe(text);
		expect(await page.locator('#df-paste').getAttribute('aria-describedby')).toBe('df-paste-error');
		expect(await page.locator('.df-item').count()).toBe(4);
		expect(errors).toEqual([]);
	});

	test('a long file: the form in parts reached by keyboard, the work kept across a reload', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		const text = longDockerfile(5000);
		// The preview shows the file as the builder prints it (a blank line between stages).
		const printed = print(parse(text));
		const workers: string[] = [];
		page.on('worker', (worker) => workers.push(worker.url()));
		await pasteText(page, text);
		// About a second on a quiet machine; much more on a busy one.
		await expect
			.poll(() => said(page), { timeout: 15_000 })
			.toMatch(/^Dockerfile letto: 5000 istruzioni/);
		// Read and linted in a worker, not on the page.
		expect(workers).toEqual([expect.stringMatching(/\/read\.worker[^/]*\.js$/)]);
		expect(await page.locator('.df-code').textContent()).toBe(printed);
		expect(await page.locator('.df-item').count()).toBe(99);
		// Every finding is listed in the end, drawn a part at a time.
		const findings = lint(readPaste(parse)(text), { silenced: true }).filter(
			(finding) => !finding.silenced
		);
		expect(findings.length).toBeGreaterThan(1000);
		await expect
			.poll(() => page.locator('.df-findings > .df-finding-list > li').count(), { timeout: 15_000 })
			.toBe(findings.length);
		expect(await page.locator('.df-findings h3').textContent()).toBe(
			`Controlli (${findings.length.toLocaleString('it')} segnalazioni)`
		);

		// Tab from the part's last control reaches the button to the next part; Enter presses it,
		// and focus goes to the first instruction it brings.
		const next = page.locator('.df-part button', { hasText: 'Mostra le istruzioni successive' });
		expect(await next.textContent()).toBe('Mostra le istruzioni successive (101–200)');
		// The last control of the part: the button that removes its last stage.
		await page.locator('.df-form .df-danger').last().focus();
		await page.keyboard.press('Tab');
		expect(await next.evaluate((button) => button === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		// Drawing the next hundred boxes of a 5,000-line file takes a few seconds on a busy machine.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
			.toBe('df-i101-image');
		expect(await said(page)).toBe('Il modulo ora mostra le istruzioni 101–200 di 5000.');

		// Too long for a link, so the address has none; the device has it, and a reload shows it.
		await page.waitForTimeout(600);
		expect(await page.evaluate(() => location.hash + location.search)).toBe('');
		await page.reload({ waitUntil: 'networkidle' });
		// Reading 5,000 saved instructions back takes over a second on a busy machine.
		await expect
			.poll(() => page.locator('.df-code').textContent(), { timeout: 15_000 })
			.toBe(printed);
		expect(await page.locator('.df-notice').count()).toBe(0);
		expect(await page.locator('.df-part').first().textContent()).toContain('1–100 di 5000');

		// A long file is saved when typing pauses or when the page goes: typed just before leaving,
		// the change is kept.
		await page.locator('#df-i2-path').fill('/srv');
		await page.reload({ waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('#df-i2-path').inputValue()).toBe('/srv');
		expect(errors).toEqual([]);
	});

	test('an older ?s= link opens, and its state moves to the hash', async ({ openPage }) => {
		const { page, errors } = await openPage();
		const inputs = {
			image: 'vecchio',
			tag: '',
			containerName: '',
			detach: true,
			ports: {},
			volumes: {},
		};
		const state = encodeState({ model: parse('FROM debian:12\nRUN echo vecchio\n'), inputs });
		await page.goto(url(`lab/dockerfile/?s=${state}`), { waitUntil: 'networkidle' });
		await expect
			.poll(() => page.locator('.df-code').textContent())
			.toBe('FROM debian:12\nRUN echo vecchio\n');
		expect(await page.evaluate(() => [location.search, location.hash])).toEqual([
			'',
			`#s=${state}`,
		]);
		// The hash opens the same file in a new tab.
		const other = await openPage();
		await other.page.goto(page.url(), { waitUntil: 'networkidle' });
		await expect
			.poll(() => other.page.locator('.df-code').textContent())
			.toBe('FROM debian:12\nRUN echo vecchio\n');
		expect([...errors, ...other.errors]).toEqual([]);
	});

	test('the download is a file named Dockerfile, with the text of the preview', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Scarica il file Dockerfile' }).click(),
		]);
		expect(download.suggestedFilename()).toBe('Dockerfile');
		expect(await readFile(await download.path(), 'utf8')).toBe(
			await page.locator('.df-code').textContent()
		);
		expect(errors).toEqual([]);
	});
	test('issue 16: go-to focuses the field at fault, one numbering, names that follow the file', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		// Comments, blank lines and two stages: the boxes' positions are not the file's lines.
		await pasteText(
			page,
			await readFile(
				join(import.meta.dirname, '../fixtures/dockerfiles/multi-stage-stage-typo.Dockerfile'),
				'utf8'
			)
		);
		const preview = page.locator('.df-code');
		await expect.poll(() => preview.textContent()).toContain('COPY --from=buidl');
		const lines = (await preview.textContent())!.split('\n');
		expect(lines[10]).toBe('COPY --from=buidl /out/app /app');
		const finding = (rule: string) => page.locator('.df-finding').filter({ hasText: rule });
		const goTo = finding('copy-from-unknown-stage').getByRole('button');
		expect(await goTo.textContent()).toBe("Vai all'istruzione (riga 11)");
		// The box says the same line, and so does every box: its number is its line in the preview.
		const keywords = await page.locator('.df-form .df-keyword').allTextContents();
		expect(keywords).toContain('11. COPY');
		for (const keyword of keywords) {
			const [, line, word] = /^(\d+)\. (.+)$/.exec(keyword)!;
			const text = lines[Number(line) - 1]!;
			expect(word === 'Commento' ? text.startsWith('#') : text.startsWith(word!)).toBe(true);
		}
		const focused = () => page.evaluate(() => document.activeElement?.id);
		await goTo.click();
		await expect.poll(focused).toMatch(/^df-i\d+-from$/);
		expect(await page.locator('fieldset.df-node:has(:focus) > legend').textContent()).toMatch(
			/^11\. COPY/
		);
		await finding('untagged-image').getByRole('button').click();
		await expect.poll(focused).toMatch(/^df-i\d+-tag$/);
		await finding('expose-host-mapping').getByRole('button').click();
		await expect.poll(focused).toMatch(/^df-i\d+-ports-0$/);

		// The picker no longer names a template, and the image is named after the file.
		const picker = page.getByLabel('Modello di partenza');
		expect(await picker.locator('option:checked').textContent()).toBe('Il tuo file');
		const commands = page.locator('.df-commands');
		expect(await commands.textContent()).toContain('docker build -t my-go-app .');
		await picker.selectOption('node');
		await page.getByRole('button', { name: 'Carica il modello' }).click();
		await expect.poll(() => commands.textContent()).toContain('docker build -t my-node-app .');
		expect(await picker.locator('option:checked').textContent()).toBe('App Node.js');
		expect(await commands.locator('.df-no-ports').count()).toBe(0);
		await picker.selectOption('empty');
		await page.getByRole('button', { name: 'Carica il modello' }).click();
		await expect.poll(() => commands.textContent()).toContain('docker build -t my-app .');
		// No EXPOSE, no -p: the run command says why, next to it.
		expect(await commands.locator('.df-no-ports').textContent()).toBe(
			"Nessuna porta pubblicata: il Dockerfile non ha EXPOSE (nell'ultimo stage). Aggiungi EXPOSE per indicare la porta del servizio, poi scegli qui la porta dell'host."
		);
		expect(await commands.textContent()).toContain('docker run -d my-app');
		await page.getByLabel("Nome dell'immagine").fill('sito');
		await expect.poll(() => commands.textContent()).toContain('docker build -t sito .');
		// On a wide screen the preview is beside the form: no button to pin it.
		expect(await page.locator('.df-dock-toggle').isVisible()).toBe(false);
		expect(errors).toEqual([]);
	});

	test('issue 16: on a phone the preview is pinned under the form in one press, and stays in view', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone', colorScheme: 'dark' });
		await page.goto(url('en/lab/dockerfile/'), { waitUntil: 'networkidle' });
		const code = page.locator('.df-code');
		await code.waitFor();
		const inView = () =>
			code.evaluate((element) => {
				const box = element.getBoundingClientRect();
				return box.top >= 0 && box.top < innerHeight && box.bottom > 0;
			});
		const pin = page.getByRole('button', { name: 'Keep the Dockerfile in view while you edit' });
		await pin.scrollIntoViewIfNeeded();
		// Without it, the preview is far below the form.
		expect(await code.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThan(
			2000
		);
		expect(await inView()).toBe(false);
		// Coloured before it moves, and still coloured the moment it is pinned.
		await expect.poll(() => code.locator('.df-token').count()).toBeGreaterThan(0);
		await pin.press('Enter');
		expect(await pin.getAttribute('aria-pressed')).toBe('true');
		expect(await page.locator('.df-dock .df-token').count()).toBeGreaterThan(0);
		await expect.poll(inView).toBe(true);
		// Editing a field far down the form: the preview stays in view and follows the change,
		// and the field is not hidden under it.
		const argument = page.locator('.df-kind-cmd').getByLabel('Argument 3', { exact: true });
		await argument.focus();
		await argument.fill('BACKGROUND');
		await expect.poll(() => code.textContent()).toContain('"BACKGROUND"]');
		expect(await inView()).toBe(true);
		const [field, dock] = await Promise.all([
			argument.evaluate((element) => element.getBoundingClientRect().bottom),
			page.locator('.df-dock').evaluate((element) => element.getBoundingClientRect().top),
		]);
		expect(field).toBeLessThanOrEqual(dock);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'lab-dockerfile-en-phone-pinned.png') });
		// Unpinned, by keyboard: the preview goes back under the findings, focus back to the switch.
		await page.getByRole('button', { name: 'Close the pinned Dockerfile' }).press('Enter');
		await expect.poll(() => pin.evaluate((button) => button === document.activeElement)).toBe(true);
		expect(await pin.getAttribute('aria-pressed')).toBe('false');
		expect(await page.locator('.df-output .df-code').count()).toBe(1);
		expect(errors).toEqual([]);
	});
});
