import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { generateComposeFile } from '../../bench/compose';
import { lectureExample } from '../../src/lib/compose/examples';
import {
	defaultOptions,
	serializeState,
	stateToHash,
	storageKey,
} from '../../src/lib/compose/share';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** The diagram's box, the drawing's own size and the part of it the box shows (its viewBox). */
async function diagramView(page: Page) {
	const svg = page.locator('.cd-viewport svg');
	const [x = 0, y = 0, width = 0, height = 0] = ((await svg.getAttribute('viewBox')) ?? '')
		.split(' ')
		.map(Number);
	return {
		shown: { x, y, width, height },
		size: await page
			.locator('.cd-viewport')
			.evaluate((box) => ({ width: box.clientWidth, height: box.clientHeight })),
		viewport: await page.locator('.cd-viewport').boundingBox(),
		column: await page.locator('.cd-output').boundingBox(),
	};
}

/** The drawing's own size, which the box's style gives as its proportions. */
async function drawingSize(page: Page) {
	const style = (await page.locator('.cd-viewport').getAttribute('style')) ?? '';
	const [, width = 0, height = 0] =
		/aspect-ratio: ?(\d+) ?\/ ?(\d+)/.exec(style)?.map(Number) ?? [];
	return { width, height };
}

/** Whether the viewBox holds the whole drawing of `width` × `height`. */
const showsAll = (
	shown: { x: number; y: number; width: number; height: number },
	w: number,
	h: number
) =>
	shown.x <= 0.5 &&
	shown.y <= 0.5 &&
	shown.x + shown.width >= w - 0.5 &&
	shown.y + shown.height >= h - 0.5;

/** A learner's own file: three web containers behind a proxy, nothing like the lecture's. */
const learnerFile = `services:
  proxy:
    image: nginx
    ports: ['80:80']
    depends_on: [web]
  web:
    image: example/web
    deploy:
      replicas: 3
`;

/**
 * Records, at every frame from before the first paint, whether the lecture's drawing is on screen
 * (a visible diagram with the lecture's image in it), the learner's, and the box's height.
 */
function watchFrames() {
	const frames: { at: number; lecture: boolean; learner: boolean; height: number }[] = [];
	(window as unknown as { frames_: typeof frames }).frames_ = frames;
	const sample = () => {
		const drawings = [...document.querySelectorAll('.cd-viewport svg')].filter((svg) =>
			svg.checkVisibility({ visibilityProperty: true, opacityProperty: true })
		);
		const box = document.querySelector('.cd-viewport');
		frames.push({
			at: performance.now(),
			lecture: drawings.some((svg) => svg.textContent.includes('custom_image')),
			learner: drawings.some((svg) => svg.textContent.includes('example/web')),
			height: box ? Math.round(box.getBoundingClientRect().height) : -1,
		});
		requestAnimationFrame(sample);
	};
	requestAnimationFrame(sample);
}

type Frames = ReturnType<typeof readFrames> extends Promise<infer F> ? F : never;
const readFrames = (page: Page) =>
	page.evaluate(
		() =>
			(
				window as unknown as {
					frames_: { at: number; lecture: boolean; learner: boolean; height: number }[];
				}
			).frames_
	);
/** How long the lecture's drawing was on screen, in milliseconds (0: never). */
const lectureShown = (frames: Frames) => {
	const shown = frames.filter((frame) => frame.lecture);
	return shown.length ? (shown.at(-1)?.at ?? 0) - (shown[0]?.at ?? 0) + 16 : 0;
};

describe.runIf(hasChromium())('the Compose diagram generator in Chromium', () => {
	for (const from of ['the device', 'a shared link'] as const)
		test(`a file from ${from}: the lecture’s diagram is never on screen, the learner’s comes`, async ({
			openPage,
		}) => {
			const { page, context, errors } = await openPage();
			const state = { text: learnerFile, options: defaultOptions };
			if (from === 'the device')
				await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
					storageKey(lectureExample.id),
					serializeState(state),
				] as const);
			await context.addInitScript(watchFrames);
			await page.goto(url(`lab/compose/${from === 'a shared link' ? stateToHash(state) : ''}`));
			await page.locator('.cd-viewport svg', { hasText: 'example/web' }).waitFor();
			await page.waitForTimeout(100);
			const frames = await readFrames(page);
			console.log(`lecture's diagram on screen for ${lectureShown(frames)} ms (${from})`);
			expect(frames.filter((frame) => frame.lecture)).toEqual([]);
			expect(frames.at(-1)?.learner).toBe(true);
			// Until the learner's drawing comes, its box keeps one size: that of the server's drawing.
			const waiting = frames.filter((frame) => !frame.learner && frame.height >= 0);
			expect(new Set(waiting.map((frame) => frame.height)).size).toBe(1);
			expect(await page.getByLabel('File Compose (compose.yaml)').inputValue()).toBe(learnerFile);
			expect(await page.locator('.cd-description').textContent()).toContain('web ha 3 repliche');
			expect(errors).toEqual([]);
		});

	test('a first visit: the lecture’s diagram, in a box that keeps its size from the first paint', async ({
		openPage,
	}) => {
		const { page, context, errors } = await openPage();
		await context.addInitScript(watchFrames);
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		await page.locator('astro-island:not([ssr]) .cd-viewport').waitFor();
		await page.waitForTimeout(100);
		const heights = new Set(
			(await readFrames(page)).filter((frame) => frame.height >= 0).map((frame) => frame.height)
		);
		expect([...heights]).toHaveLength(1);
		expect((await readFrames(page)).at(-1)?.lecture).toBe(true);
		expect(errors).toEqual([]);
	});

	test('in a chapter the lab hydrates a screen before the reader reaches it', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('docker/compose-esempio/'), { waitUntil: 'networkidle' });
		const island = page.locator('astro-island[component-url*="ComposeLab"]');
		expect(await island.getAttribute('ssr')).not.toBeNull();
		// Scrolled to one screen and a half above it: hydrated, so it is never seen waiting.
		await island.evaluate((element) => {
			const top = element.firstElementChild!.getBoundingClientRect().top + scrollY;
			scrollTo(0, top - innerHeight * 1.5);
		});
		await expect.poll(() => island.getAttribute('ssr')).toBeNull();
		await expect.poll(() => page.locator('.cd-block .cd-viewport svg').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('without JavaScript the page shows the lecture’s diagram and findings', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.goto(url('lab/compose/'));
			const drawing = page.locator('.cd-viewport svg', { hasText: 'custom_image' });
			expect(await drawing.isVisible()).toBe(true);
			expect(await page.getByText('riga 29').count()).toBeGreaterThan(0);
			expect(await page.getByText('Disegno dello schema…').isVisible()).toBe(false);
		} finally {
			await context.close();
		}
	});

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

	for (const lang of ['it', 'en'] as const)
		test(`what docker compose up will do (${lang}): the start order, and it follows the text typed`, async ({
			openPage,
		}) => {
			const words = {
				it: {
					page: 'lab/compose/',
					editor: 'File Compose (compose.yaml)',
					title: 'Cosa farà docker compose up',
					invalid: 'Il piano ha bisogno di un file valido',
					order: [
						'Rete progetto_ext creata',
						'Rete progetto_int creata',
						'Volume progetto_db-content creato',
						'app avviato (container progetto-app-1)',
						'db avviato (container progetto-db-1)',
					],
					noPorts: "db non pubblica porte: dall'host non si raggiunge",
					port: 'http://localhost:3306 → db, porta 3306',
				},
				en: {
					page: 'en/lab/compose/',
					editor: 'Compose file (compose.yaml)',
					title: 'What docker compose up will do',
					invalid: 'The plan needs a valid file',
					order: [
						'Network progetto_ext created',
						'Network progetto_int created',
						'Volume progetto_db-content created',
						'app started (container progetto-app-1)',
						'db started (container progetto-db-1)',
					],
					noPorts: 'db publishes no ports: the host cannot reach it',
					port: 'http://localhost:3306 → db, port 3306',
				},
			}[lang];
			const { page, errors } = await openPage();
			await page.goto(url(words.page), { waitUntil: 'networkidle' });
			const plan = page.getByRole('region', { name: words.title });
			// The lecture's file has its subnet mistake: the server's plan says it needs a valid file.
			await plan.getByText(words.invalid).waitFor();
			const editor = page.getByLabel(words.editor);
			/** Puts the cursor right after `after` in the editor, then types `text` key by key. */
			const typeAfter = async (after: string, text: string) => {
				await editor.focus();
				await editor.evaluate((area: HTMLTextAreaElement, marker) => {
					const at = area.value.indexOf(marker) + marker.length;
					area.setSelectionRange(at, at);
				}, after);
				await page.keyboard.type(text);
			};
			await typeAfter('subnet: 192.168.100', '.0');
			const steps = plan.locator('ol > li');
			await expect.poll(() => steps.allTextContents(), { timeout: 5000 }).toEqual(words.order);
			expect(await plan.getByText(words.noPorts).count()).toBe(1);

			// A published port for db, typed in the editor: the host can reach it now.
			await typeAfter('  db:\n    image: mariadb\n', '    ports:\n      - "3306:3306"\n');
			await plan.getByText(words.port).waitFor({ timeout: 5000 });
			expect(await plan.getByText(words.noPorts).count()).toBe(0);
			expect(await axeViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		});

	for (const viewport of ['desktop', 'phone'] as const)
		test(`the lecture’s diagram fits its column at ${viewport} width, all of it in view`, async ({
			openPage,
		}) => {
			const { page, errors } = await openPage({ viewport });
			await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
			const box = page.getByRole('region', { name: 'Schema del file Compose' });
			await box.waitFor();
			const { shown, viewport: placed, column } = await diagramView(page);
			const width = page.viewportSize()?.width ?? 0;
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
			expect(placed && column).toBeTruthy();
			if (!placed || !column) return;
			expect(placed.x).toBeGreaterThanOrEqual(column.x - 0.5);
			expect(placed.x + placed.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
			// The lecture's drawing is wider than either column: it is shrunk, not cut.
			const drawn = await page
				.locator('.cd-viewport svg')
				.evaluate((svg) => svg.getBoundingClientRect().width);
			const { width: w, height: h } = await drawingSize(page);
			expect(drawn).toBeLessThanOrEqual(placed.width + 0.5);
			expect(w).toBeGreaterThan(placed.width);
			expect(showsAll(shown, w, h)).toBe(true);
			expect(errors).toEqual([]);
		});

	test('zoom and Show all by keyboard: the buttons, then the keys on the diagram', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone' });
		await page.goto(url('en/lab/compose/'), { waitUntil: 'networkidle' });
		const box = page.getByRole('region', { name: 'Compose file diagram' });
		await box.waitFor();
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		const before = await diagramView(page);
		const { width: w, height: h } = await drawingSize(page);
		expect(showsAll(before.shown, w, h)).toBe(true);

		// Tab reaches the zoom buttons, then the diagram's box.
		await zoomIn.focus();
		await page.keyboard.press('Enter');
		const zoomed = await diagramView(page);
		expect(zoomed.shown.width).toBeCloseTo(before.shown.width / 1.5, 0);
		expect(page.getByText(/^Zoom: \d+%$/)).toBeTruthy();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show all');
		await page.keyboard.press('Tab');
		expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(await box.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe(
			'none'
		);

		// Arrows move what is shown, + zooms closer, 0 shows all of it again.
		await page.keyboard.press('ArrowRight');
		const moved = await diagramView(page);
		expect(moved.shown.x).toBeGreaterThan(zoomed.shown.x);
		expect(moved.shown.width).toBeCloseTo(zoomed.shown.width, 3);
		await page.keyboard.press('ArrowDown');
		expect((await diagramView(page)).shown.y).toBeGreaterThan(moved.shown.y);
		await page.keyboard.press('+');
		expect((await diagramView(page)).shown.width).toBeCloseTo(zoomed.shown.width / 1.5, 0);
		await page.keyboard.press('0');
		expect((await diagramView(page)).shown).toEqual(before.shown);
		// Zoomed in again, the Show all button brings all of it back.
		await page.keyboard.press('+');
		await page.getByRole('button', { name: 'Show all' }).focus();
		await page.keyboard.press('Enter');
		expect((await diagramView(page)).shown).toEqual(before.shown);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('the 40-service file fits, zoomed in it shows part of the drawing, and the SVG exported is whole', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		const editor = page.getByLabel('File Compose (compose.yaml)');
		await editor.waitFor();
		await editor.fill(
			readFileSync(join(process.cwd(), 'tests/fixtures/compose-layout/forty-services.yaml'), 'utf8')
		);
		const box = page.getByRole('region', { name: 'Schema del file Compose' });
		await expect
			.poll(() => box.locator('.cd-nodes > .cd-service').count(), { timeout: 5000 })
			.toBe(40);
		const { width: w, height: h } = await drawingSize(page);
		const whole = (await diagramView(page)).shown;
		expect(showsAll(whole, w, h)).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			1280
		);
		await box.focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('+');
		const { shown } = await diagramView(page);
		// Four steps of 1.5: about a fifth as wide, and within the drawing.
		expect(shown.width).toBeCloseTo(whole.width / 1.5 ** 4, 0);
		expect(shown.x).toBeGreaterThanOrEqual(0);
		expect(shown.x + shown.width).toBeLessThanOrEqual(w + 0.5);
		await page.screenshot({
			path: join(screenshotDir(), 'lab-compose-forty-zoomed.png'),
		});
		// Dragging the drawing up and left shows what lies below and to the right.
		const placed = await box.boundingBox();
		if (!placed) throw new Error('the diagram has no box');
		await page.mouse.move(placed.x + placed.width / 2, placed.y + placed.height / 2);
		await page.mouse.down();
		await page.mouse.move(placed.x + placed.width / 2 - 100, placed.y + placed.height / 2 - 100, {
			steps: 5,
		});
		await page.mouse.up();
		const dragged = (await diagramView(page)).shown;
		expect(dragged.x).toBeGreaterThan(shown.x);
		expect(dragged.y).toBeGreaterThan(shown.y);
		expect(dragged.width).toBeCloseTo(shown.width, 3);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Scarica SVG' }).click(),
		]);
		const svg = readFileSync((await download.path()) ?? '', 'utf8');
		expect(svg).toContain(`viewBox="0 0 ${w} ${h}"`);
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
