import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** Presses Tab until the element has focus, as a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator) {
	for (let press = 0; press < 120; press++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('the element was not reached with Tab');
}

/** Records what the page's Content-Security-Policy blocks. */
async function watchCsp(page: Page) {
	const violations: string[] = [];
	await page.exposeFunction('__dockerCsp', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			void (window as unknown as { __dockerCsp: (text: string) => Promise<void> }).__dockerCsp(
				`${event.violatedDirective} ${event.blockedURI}`
			);
		});
	});
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

const lecture = [
	'docker network create --subnet 172.20.0.0/16 --gateway 172.20.0.1 retedocker',
	'docker run -d --name c1 --network retedocker alpine sleep 1d',
	'docker run -d --name c2 --network retedocker alpine sleep 1d',
	'docker exec c1 ping -c 1 c2',
];

const pages = [
	{
		lang: 'it',
		path: 'lab/docker/',
		input: 'Comando',
		region: "Schema dell'host: container, reti, porte e volumi",
		sentence:
			'Il container c2 (alpine, in esecuzione) è sulla rete retedocker con indirizzo 172.20.0.3.',
	},
	{
		lang: 'en',
		path: 'en/lab/docker/',
		input: 'Command',
		region: 'Diagram of the host: containers, networks, ports and volumes',
		sentence: 'Container c2 (alpine, running) is on network retedocker with address 172.20.0.3.',
	},
] as const;

describe.runIf(hasChromium())('the Docker playground in Chromium', () => {
	for (const { lang, path, input, region, sentence } of pages)
		test(`${lang}: the lecture’s networking commands, typed, and the diagram follows`, async ({
			openPage,
		}) => {
			const { page, errors } = await openPage();
			const violations = await watchCsp(page);
			const engineLoads: string[] = [];
			page.on('request', (request) => {
				if (/\/runtime\.[\w-]+\.js$/.test(request.url())) engineLoads.push(request.url());
			});
			await page.goto(url(path), { waitUntil: 'networkidle' });
			// The engine is not part of the page's load: it comes at the learner's first move.
			expect(engineLoads).toEqual([]);
			const prompt = page.getByLabel(input, { exact: true });
			const diagram = page.getByRole('region', { name: region });
			// The server drew a fresh host: the default bridge, no container.
			expect(await diagram.locator('svg').textContent()).toContain('bridge');
			expect(await diagram.locator('svg').textContent()).not.toContain('retedocker');
			await tabTo(page, prompt);
			expect(engineLoads).toHaveLength(1);
			for (const line of lecture) {
				await page.keyboard.type(line);
				await page.keyboard.press('Enter');
				await expect.poll(() => page.getByRole('log').textContent()).toContain(line);
			}
			await expect
				.poll(() => page.getByRole('log').textContent())
				.toContain('64 bytes from 172.20.0.3');
			const svg = diagram.locator('svg');
			await expect.poll(() => svg.textContent()).toContain('retedocker');
			const drawn = (await svg.textContent()) ?? '';
			for (const word of ['c1', 'c2', '172.20.0.2', '172.20.0.3', '172.20.0.0/16'])
				expect(drawn).toContain(word);
			// The drawing's accessible description and the sentences say the same.
			expect(await svg.locator('desc').textContent()).toContain(sentence);
			expect(await page.locator('.dp-words li').allTextContents()).toContain(sentence);

			// Tab completes a command; an error explains itself.
			await page.keyboard.type('docker ne');
			await page.keyboard.press('Tab');
			expect(await prompt.inputValue()).toBe('docker network ');
			await page.keyboard.press('Control+a');
			await page.keyboard.type('docker rm c1');
			await page.keyboard.press('Enter');
			await page.locator('.dp-explain').first().waitFor();
			// ↑ recalls the last line.
			await page.keyboard.press('ArrowUp');
			expect(await prompt.inputValue()).toBe('docker rm c1');
			await page.keyboard.press('Control+a');
			await page.keyboard.press('Delete');

			expect(await axeViolations(page)).toEqual([]);
			await page.screenshot({
				path: join(screenshotDir(), `lab-docker-${lang}-desktop.png`),
				fullPage: true,
			});
			expect(violations).toEqual([]);
			expect(errors).toEqual([]);
		});

	test('phone width: nothing overflows, axe-clean, in the dark theme too', async ({ openPage }) => {
		const { page, errors } = await openPage({ viewport: 'phone', colorScheme: 'dark' });
		await page.goto(url('lab/docker/'), { waitUntil: 'networkidle' });
		const prompt = page.getByLabel('Comando', { exact: true });
		await prompt.focus();
		await page.keyboard.type(
			'docker run -d --name web -p 8080:80 -v dati:/usr/share/nginx/html nginx'
		);
		await page.keyboard.press('Enter');
		const diagram = page.getByRole('region', { name: /Schema dell'host/ });
		await expect.poll(() => diagram.textContent()).toContain('web');
		// Every label of the drawing is inside it, none cut at its edge.
		const outside = await diagram.locator('svg').evaluate((svg: SVGSVGElement) => {
			const box = svg.viewBox.baseVal;
			return [...svg.querySelectorAll('text')]
				.filter((text) => {
					const { x, y, width, height } = text.getBBox();
					return (
						x < box.x ||
						y < box.y ||
						x + width > box.x + box.width ||
						y + height > box.y + box.height
					);
				})
				.map((text) => text.textContent);
		});
		expect(outside).toEqual([]);
		// `docker ps` keeps one line per container: the table scrolls in the terminal, never wraps.
		await page.keyboard.type('docker ps');
		await page.keyboard.press('Enter');
		const table = page.locator('.dp-output').last();
		await expect.poll(() => table.textContent()).toContain('CONTAINER ID');
		const [lines, shown] = await table.evaluate((element) => [
			(element.textContent ?? '').trimEnd().split('\n').length,
			Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)),
		]);
		expect(shown).toBe(lines);
		// An explanation wraps inside the terminal's window, and stays there while a wide table is
		// scrolled sideways.
		await page.keyboard.type('docker exec web2 ls');
		await page.keyboard.press('Enter');
		const explanation = page.locator('.dp-explain').last();
		await expect.poll(() => explanation.textContent()).toContain('web2');
		const log = page.locator('.dp-log');
		for (const scrollLeft of [0, 200]) {
			const [inside, scrolled] = await log.evaluate((element, left) => {
				element.scrollLeft = left;
				const window = element.getBoundingClientRect();
				const box = [...element.querySelectorAll('.dp-explain')].at(-1)!.getBoundingClientRect();
				return [box.left >= window.left && box.right <= window.right, element.scrollLeft] as const;
			}, scrollLeft);
			expect(scrolled).toBe(scrollLeft);
			expect(inside).toBe(true);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a run button on the networks chapter sends its command to the chapter’s playground', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		const violations = await watchCsp(page);
		await page.goto(url('docker/reti/'), { waitUntil: 'networkidle' });
		const button = page
			.locator(
				'.expressive-code:has(button[data-code^="docker network create --driver"]) + .dp-run button'
			)
			.first();
		await button.waitFor();
		expect(await button.textContent()).toBe('Esegui nel terminale');
		await button.focus();
		await page.keyboard.press('Enter');
		const playground = page.locator('#docker-playground');
		await expect
			.poll(() => playground.getByRole('log').textContent(), { timeout: 10_000 })
			.toContain('docker network create --driver bridge --subnet 192.168.100.0/24');
		await expect
			.poll(() => playground.getByRole('region').locator('svg').textContent())
			.toContain('labnet');
		// The prompt has focus, to go on typing.
		expect(
			await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))
		).toBe('docker-playground-help');
		expect(await axeViolations(page)).toEqual([]);
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});
});
