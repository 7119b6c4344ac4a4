import type { Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { hasChromium, test, type Tab } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

declare global {
	interface Window {
		/** What the page's Content-Security-Policy blocked, recorded by the init script below. */
		__cspViolations?: string[];
	}
}

/**
 * A tab that records every Content-Security-Policy violation of every page it loads: the
 * `securitypolicyviolation` events (directive and blocked address), kept in `window` and sent to
 * the test as they happen, so that a page which navigates away (the 404 redirect) loses none, and
 * the console errors that mention the policy (Chromium logs some blocks only there).
 */
async function watched(tab: Tab): Promise<Tab & { violations: string[] }> {
	const violations: string[] = [];
	await tab.page.exposeFunction('__reportCspViolation', (violation: string) => {
		violations.push(violation);
	});
	await tab.page.addInitScript(() => {
		window.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (event) => {
			const violation = `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`;
			window.__cspViolations?.push(violation);
			void (
				window as unknown as { __reportCspViolation: (v: string) => Promise<void> }
			).__reportCspViolation(violation);
		});
	});
	tab.page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	return { ...tab, violations };
}

/** The policy of the page: the content of its CSP meta tag, which must be there. */
async function policy(page: Page): Promise<string> {
	const meta = page.locator('head meta[http-equiv="content-security-policy"]');
	expect(await meta.count()).toBe(1);
	return (await meta.getAttribute('content')) ?? '';
}

/**
 * Scrolls each island into view (most hydrate when visible) and waits until Astro has hydrated
 * all of them: it removes `ssr` from an `<astro-island>` once its component runs in the browser.
 */
async function hydrateAll(page: Page) {
	const islands = page.locator('astro-island');
	const count = await islands.count();
	for (let index = 0; index < count; index++) {
		const island = islands.nth(index);
		// An island is `display: contents`: what scrolls into view, and what Astro watches, is its content.
		await island.evaluate((element) =>
			(element.firstElementChild ?? element).scrollIntoView({ block: 'center' })
		);
		await expect
			.poll(() => island.evaluate((element) => element.hasAttribute('ssr')), {
				message: `island ${index + 1} of ${count} hydrates`,
				timeout: 10_000,
			})
			.toBe(false);
	}
	return count;
}

/** The policy's source list for one directive. */
const sources = (csp: string, directive: string) =>
	csp
		.split(';')
		.map((part) => part.trim().split(/\s+/))
		.find(([name]) => name === directive)
		?.slice(1) ?? [];

describe.runIf(hasChromium())('the Content-Security-Policy in Chromium', () => {
	test('is strict: no inline scripts but hashed ones, no plugins, no foreign base or forms', async ({
		openPage,
	}) => {
		const { page, violations } = await watched(await openPage());
		await page.goto(url('virtualizzazione/scopo/'));
		const csp = await policy(page);
		const scripts = sources(csp, 'script-src');
		expect(scripts).toContain("'self'");
		expect(scripts).not.toContain("'unsafe-inline'");
		expect(scripts).not.toContain("'unsafe-eval'");
		expect(scripts.some((source) => source.startsWith("'sha256-"))).toBe(true);
		expect(sources(csp, 'style-src')).not.toContain("'unsafe-inline'");
		expect(sources(csp, 'object-src')).toEqual(["'none'"]);
		expect(sources(csp, 'base-uri')).toEqual(["'self'"]);
		expect(sources(csp, 'form-action')).toEqual(["'self'"]);
		expect(sources(csp, 'worker-src')).toEqual(["'self'"]);
		// The policy is enforced: an injected inline script is blocked and reported.
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.injected = true;';
			document.body.append(script);
		});
		expect(await page.evaluate(() => 'injected' in window)).toBe(false);
		await expect.poll(() => violations.join('\n')).toMatch(/^script-src(-elem)? blocked inline/m);
	});

	test.for([
		{ name: 'home (it)', path: '', text: 'Virtualizzazione' },
		{ name: 'home (en)', path: 'en/', text: 'Virtualization' },
		{ name: 'glossary', path: 'riferimenti/glossario/', text: 'Glossario' },
		{ name: 'review', path: 'quiz/ripasso/', text: 'Ripasso' },
		{ name: 'Docker lab', path: 'lab/docker/', text: 'Docker' },
	])('$name: loads and hydrates with no violation', async ({ path, text }, { openPage }) => {
		const tab = await watched(await openPage());
		await tab.page.goto(url(path));
		await policy(tab.page);
		await hydrateAll(tab.page);
		expect(await tab.page.locator('h1').first().textContent()).toContain(text);
		// The theme picker works: Starlight's inline scripts ran.
		expect(await tab.page.evaluate(() => 'StarlightThemeProvider' in window)).toBe(true);
		expect(tab.violations).toEqual([]);
		expect(tab.errors).toEqual([]);
	});

	test('a chapter with a figure: its quiz hydrates and checks an answer', async ({ openPage }) => {
		const { page, errors, violations } = await watched(await openPage());
		await page.goto(url('virtualizzazione/scopo/'));
		await policy(page);
		expect(await page.locator('figure.course-figure svg').count()).toBeGreaterThan(0);
		expect(await hydrateAll(page)).toBeGreaterThan(0);
		const item = page.locator('.quiz-item:has(input[type="radio"])').first();
		await item.locator('input[type="radio"]').first().check();
		await item.getByRole('button', { name: 'Controlla' }).click();
		await item.locator('.quiz-feedback').waitFor();
		// The figure's stylesheet applied (a file, so covered by 'self').
		expect(
			await page
				.locator('figure.course-figure')
				.first()
				.evaluate((f) => getComputedStyle(f).marginTop)
		).not.toBe('0px');
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('Compose in practice: the zip button downloads the example', async ({ openPage }) => {
		const { page, errors, violations } = await watched(await openPage());
		await page.goto(url('docker/compose-esempio/'));
		await policy(page);
		await hydrateAll(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Scarica la cartella come compose-esempio.zip' }).click(),
		]);
		expect(download.suggestedFilename()).toBe('compose-esempio.zip');
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a quiz page and the final test: answer, check, submit', async ({ openPage }) => {
		const { page, errors, violations } = await watched(await openPage());
		await page.goto(url('quiz/docker/'));
		await policy(page);
		await hydrateAll(page);
		const item = page.locator('.quiz-item:has(input[type="radio"])').first();
		await item.locator('input[type="radio"]').first().check();
		await item.getByRole('button', { name: 'Controlla' }).click();
		await item.locator('.quiz-feedback').waitFor();

		await page.goto(url('en/quiz/final/'));
		await policy(page);
		await page.locator('.quiz-item').first().waitFor();
		await page.locator('.quiz-item input[type="radio"]').first().check();
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		await page.locator('.quiz-feedback').first().waitFor();
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('the Dockerfile builder: a pasted Dockerfile becomes the form, highlighted and linted', async ({
		openPage,
	}) => {
		const { page, errors, violations } = await watched(await openPage());
		page.on('dialog', (dialog) => void dialog.dismiss());
		await page.goto(url('lab/dockerfile/'), { waitUntil: 'networkidle' });
		await policy(page);
		await hydrateAll(page);
		await page
			.getByLabel('Testo del Dockerfile', { exact: true })
			.fill('FROM ubuntu\nWORKDIR app\nRUN echo "<img src=x onerror=alert(1)>"\nMAINTAINER me\n');
		await page.getByRole('button', { name: 'Trasforma in modulo' }).click();
		const preview = page.locator('pre').filter({ hasText: 'FROM ubuntu' }).first();
		await expect.poll(() => preview.textContent()).toContain('<img src=x onerror=alert(1)>');
		// Shiki colours the text in its module worker, and the tokens arrive as text nodes.
		await expect.poll(() => preview.locator('.df-token').count()).toBeGreaterThan(0);
		expect(await preview.textContent()).toContain('<img src=x onerror=alert(1)>');
		expect(page.workers().map((worker) => worker.url())).toContainEqual(
			expect.stringContaining('highlight.worker')
		);
		// The linter runs in its module worker, and its findings arrive.
		await expect.poll(() => page.getByText('maintainer-deprecated').count()).toBeGreaterThan(0);
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('the Compose lab: editing re-draws the diagram, and the PNG export works', async ({
		openPage,
	}) => {
		const { page, errors, violations } = await watched(await openPage());
		page.on('dialog', (dialog) => void dialog.dismiss());
		await page.goto(url('lab/compose/'), { waitUntil: 'networkidle' });
		await policy(page);
		await hydrateAll(page);
		const editor = page.getByLabel('File Compose (compose.yaml)');
		await page.getByText('riga 29').first().waitFor();
		await editor.fill(
			'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  db:\n    image: postgres:17\n'
		);
		await expect.poll(() => page.locator('.cd-viewport svg').textContent()).toContain('db');
		const [png] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Scarica PNG' }).click(),
		]);
		expect(png.suggestedFilename()).toMatch(/\.png$/);
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('search: Pagefind loads its scripts and WebAssembly and finds a word', async ({
		openPage,
	}) => {
		const { page, errors, violations } = await watched(await openPage());
		await page.goto(url(''));
		await policy(page);
		await page.locator('button[data-open-modal]:not([disabled])').click();
		await page.locator('#starlight__search input').fill('ipervisore');
		await page.locator('#starlight__search a.pagefind-ui__result-link').first().waitFor();
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a missing English address is sent to the English 404 page by its script', async ({
		openPage,
	}) => {
		const { page, errors, violations } = await watched(await openPage());
		await page.goto(url('en/missing/'));
		await page.waitForURL(url('en/404/'));
		await policy(page);
		expect(await page.locator('h1').first().textContent()).toBe('Page not found');
		expect(violations).toEqual([]);
		expect(errors.filter((error) => !/404/.test(error))).toEqual([]);
	});
});
