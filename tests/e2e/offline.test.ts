import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, onTestFinished } from 'vitest';
import { builtFile, DIST, TEST_BASE } from '../../scripts/built-site';
import { addressesFor, type OfflineManifest } from '../../src/lib/offline/manifest';
import { formatSize } from '../../src/lib/offline/size';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** Waits until the service worker answers this tab's requests. */
async function controlled(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000,
	});
}

/** What is missing from the worker's current cache of a page and the files it loads. */
function missing(page: Page, path: string, root = siteUrl): Promise<string[]> {
	return page.evaluate(
		async ({ address, manifestUrl }) => {
			const manifest = (await (await fetch(manifestUrl)).json()) as {
				version: string;
				files: string[];
				pages: { url: string; assets: number[] }[];
			};
			const cache = await caches.open(`corso-offline-${manifest.version}`);
			const entry = manifest.pages.find((candidate) => candidate.url === address);
			const wanted = [address, ...(entry?.assets ?? []).map((at) => manifest.files[at]!)];
			const absent: string[] = [];
			for (const file of wanted)
				if (!(await cache.match(file, { ignoreVary: true }))) absent.push(file);
			return absent;
		},
		{
			address: new URL(path, root).pathname,
			manifestUrl: new URL('offline-manifest.json', root).href,
		}
	);
}

/**
 * Serves `dist/` under the test base path on a port of its own; after `republish()`, the worker
 * and the offline manifest name another version, as a new build would.
 */
async function republishableSite() {
	const version = (
		JSON.parse(readFileSync(join(DIST, 'offline-manifest.json'), 'utf8')) as { version: string }
	).version;
	const next = `${version.slice(0, 6)}next00`;
	let published = false;
	const types: Record<string, string> = {
		'.html': 'text/html',
		'.js': 'text/javascript',
		'.css': 'text/css',
		'.json': 'application/json',
		'.svg': 'image/svg+xml',
		'.wasm': 'application/wasm',
	};
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		let file = join(DIST, path.slice(TEST_BASE.length - 1));
		if (!path.startsWith(TEST_BASE) || !existsSync(file)) {
			response.writeHead(404).end();
			return;
		}
		if (statSync(file).isDirectory()) file = join(file, 'index.html');
		let body = readFileSync(file);
		if (published && /(sw\.js|offline-manifest\.json)$/.test(file)) {
			body = Buffer.from(body.toString().replaceAll(version, next));
		}
		response.writeHead(200, {
			'Content-Type': types[extname(file)] ?? 'application/octet-stream',
			'Cache-Control': 'no-cache',
		});
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${TEST_BASE}`,
		version,
		next,
		republish: () => (published = true),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Opens a page offline and returns its main heading. */
async function headingOffline(page: Page, path: string): Promise<string | null> {
	await page.goto(url(path));
	return page.locator('main h1').first().textContent();
}

describe.runIf(hasChromium())('reading offline in Chromium', () => {
	test('opened pages stay readable offline, others get the offline page, a quiz still grades', async ({
		openPage,
	}) => {
		const { context, page } = await openPage();
		await page.goto(url('virtualizzazione/scopo/'));
		const first = await page.locator('main h1').first().textContent();
		await controlled(page);
		// The first page loaded before the worker: it is saved when the worker takes over.
		await expect
			.poll(() => missing(page, 'virtualizzazione/scopo/'), { timeout: 30_000 })
			.toEqual([]);
		await page.goto(url('docker/volumi/'));
		const second = await page.locator('main h1').first().textContent();
		await expect.poll(() => missing(page, 'docker/volumi/'), { timeout: 30_000 }).toEqual([]);
		await page.goto(url('quiz/docker/'));
		await page.locator('.quiz-item').first().waitFor();
		await expect.poll(() => missing(page, 'quiz/docker/'), { timeout: 30_000 }).toEqual([]);

		await context.setOffline(true);
		expect(await headingOffline(page, 'virtualizzazione/scopo/')).toBe(first);
		// Through a link, as a reader would.
		await Promise.all([
			page.waitForURL(url('docker/volumi/')),
			page
				.locator(`a[href="${new URL(url('docker/volumi/')).pathname}"]`)
				.first()
				.click(),
		]);
		expect(await page.locator('main h1').first().textContent()).toBe(second);

		// Never opened: the offline page, in the page's language, in the site's style.
		expect(await headingOffline(page, 'docker/reti/')).toBe('Sei offline');
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'offline-page-it-desktop-light.png') });
		expect(await headingOffline(page, 'en/docker/reti/')).toBe('You are offline');

		// The quiz, offline: answer a choice question and get its feedback.
		await page.goto(url('quiz/docker/'));
		const item = page.locator('.quiz-item:has(input[type="radio"])').first();
		await item.locator('input[type="radio"]').first().check();
		await item.getByRole('button', { name: 'Controlla' }).click();
		await item.locator('.quiz-feedback').waitFor();
		expect(await item.locator('.quiz-verdict strong').textContent()).toMatch(
			/Giusto!|In parte giusto\.|Non è giusto\./
		);
	});

	test('“read the course offline” saves every page of the language, never-visited ones included', async ({
		openPage,
	}) => {
		const { context, page, errors } = await openPage({ viewport: 'phone' });
		await page.goto(url(''));
		await controlled(page);
		const control = page.locator('details.save-offline');
		await control.locator('summary').click();
		expect(await control.getByRole('radio', { name: 'Solo in italiano' }).isChecked()).toBe(true);
		await control.getByRole('button', { name: 'Salva il corso' }).click();
		const status = control.getByRole('status');
		await expect
			.poll(() => status.textContent(), { timeout: 120_000 })
			.toMatch(/^Fatto: il corso è salvato su questo dispositivo \([\d,]+ (MB|kB)\)/);
		console.info(`offline, Italian course: ${await status.textContent()}`);
		// The size it announces is what it saved: every file of the Italian course, as built.
		const manifest = JSON.parse(
			readFileSync(join(DIST, 'offline-manifest.json'), 'utf8')
		) as OfflineManifest;
		const saved = addressesFor(manifest, { langs: ['it'] }).reduce(
			(sum, address) => sum + statSync(builtFile(address.slice(TEST_BASE.length))).size,
			0
		);
		expect(await status.textContent()).toContain(`(${formatSize(saved, 'it')})`);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'offline-saved-it-phone-light.png') });

		await context.setOffline(true);
		expect(await headingOffline(page, 'forense/vm-e-container/')).not.toBe('Sei offline');
		expect(await headingOffline(page, 'riferimenti/glossario/')).not.toBe('Sei offline');
		// Search works offline too: its index for Italian was saved with the pages.
		await page.locator('button[data-open-modal]:not([disabled])').click();
		await page.locator('#starlight__search input').fill('ipervisore');
		const result = page.locator('#starlight__search a.pagefind-ui__result-link').first();
		await result.waitFor();
		expect(await result.getAttribute('href')).toContain('/virtualizzazione/');
		await page.keyboard.press('Escape');
		// English was not saved.
		expect(await headingOffline(page, 'en/forense/vm-e-container/')).toBe('You are offline');
		expect(
			errors.filter((error) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(error))
		).toEqual([]);
	});

	test('a new publication installs a new worker that drops the old cache and keeps the saved pages', async ({
		openPage,
	}) => {
		// A server of our own, so this test can publish again: the same build, whose worker and
		// manifest carry another version once `republish` is set.
		const site = await republishableSite();
		onTestFinished(() => site.stop());
		const at = (path: string) => new URL(path, site.url).href;
		const { context, page } = await openPage();
		await page.goto(at('docker/compose/'));
		await controlled(page);
		const before = await page.evaluate(() => caches.keys());
		expect(before).toEqual([`corso-offline-${site.version}`]);
		await expect
			.poll(() => missing(page, 'docker/compose/', site.url), { timeout: 30_000 })
			.toEqual([]);

		site.republish();
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration!.update();
		});
		await expect
			.poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 })
			.toEqual([`corso-offline-${site.next}`]);
		// The page saved with the old build was fetched again into the new cache.
		expect(await missing(page, 'docker/compose/', site.url)).toEqual([]);

		await context.setOffline(true);
		await page.goto(at('docker/compose/'));
		expect(await page.locator('main h1').first().textContent()).not.toBe('Sei offline');
	});
});
