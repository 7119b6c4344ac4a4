import { chromiumArgs, chromiumPath } from '../../scripts/built-site.ts';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type LaunchOptions,
	type Page,
} from 'playwright-core';
import { test as base } from 'vitest';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's package. */
export { chromiumPath };

/**
 * Whether the browser tests can run. Without Chromium they are skipped with one loud line, except
 * in CI, where a missing browser is a failure.
 */
export function hasChromium(): boolean {
	if (existsSync(chromiumPath)) return true;
	const message = `Chromium not found at ${chromiumPath}: end-to-end tests need it. Install it with \`sudo apt-get install chromium\`, or set CHROMIUM_PATH.`;
	if (process.env.CI) throw new Error(message);
	console.warn(`\n⚠️  SKIPPED: ${message}\n`);
	return false;
}

export const viewports = {
	desktop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 },
} as const;

/** How a tab looks: its width and colour scheme. */
export interface Look {
	viewport?: keyof typeof viewports;
	colorScheme?: 'light' | 'dark';
}

/** Every look a page is checked in: desktop and phone width, light and dark. */
export const looks = (Object.keys(viewports) as (keyof typeof viewports)[]).flatMap((viewport) =>
	(['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme }))
);

/** A tab in a context of its own, with the console errors and uncaught exceptions of its page. */
export interface Tab {
	context: BrowserContext;
	page: Page;
	errors: string[];
}

/** A new tab, in a fresh context (its own storage), at the given width and colour scheme. */
export async function openTab(browser: Browser, look: Look = {}): Promise<Tab> {
	const context = await browser.newContext({
		viewport: viewports[look.viewport ?? 'desktop'],
		colorScheme: look.colorScheme ?? 'light',
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { context, page, errors };
}

/**
 * `test` with the e2e fixtures, as Playwright's own runner has them:
 * - `browser`: one headless Chromium for the whole run. It is a worker fixture, and the e2e project
 *   runs its files in one worker without isolation, so every file gets the same browser.
 * - `openPage(look)`: a new tab whose context is closed when the test ends, passed or failed.
 */
export const test = base
	.extend('launchOptions', { scope: 'worker' }, {
		executablePath: chromiumPath,
		args: chromiumArgs,
	} satisfies LaunchOptions)
	.extend('browser', { scope: 'worker' }, async ({ launchOptions }, { onCleanup }) => {
		const browser = await chromium.launch(launchOptions);
		onCleanup(() => browser.close());
		return browser;
	})
	.extend('openPage', ({ browser }, { onCleanup }) => {
		const contexts: BrowserContext[] = [];
		onCleanup(async () => {
			await Promise.all(contexts.map((context) => context.close()));
		});
		return async (look: Look = {}) => {
			const tab = await openTab(browser, look);
			contexts.push(tab.context);
			return tab;
		};
	});

/** Folder for screenshots that people look at; not committed. */
export function screenshotDir(): string {
	const dir = join(process.cwd(), 'test-results', 'screenshots');
	mkdirSync(dir, { recursive: true });
	return dir;
}

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Known upstream issue, excluded for exactly one element and one rule: Starlight's search button
 * is labelled "Cerca"/"Search" while its visible text also holds the shortcut keys (Ctrl K), which
 * axe reports as `label-content-name-mismatch`. The rule stays on for every other element.
 */
const upstreamExceptions = [
	{ rule: 'label-content-name-mismatch', target: 'button[data-open-modal=""]' },
];

/**
 * Runs axe-core on the page and returns its violations: every WCAG 2.x A and AA rule and the best
 * practices, or only the named rules (a second colour scheme needs only `color-contrast`).
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
	// Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
	// govern: an added <script> element would be an inline script the policy blocks.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async (only) => {
		const axe = (
			window as unknown as {
				axe: {
					run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: only
				? { type: 'rule', values: only }
				: {
						type: 'tag',
						values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
					},
		});
		return result.violations;
	}, rules);
	return violations.flatMap((violation) =>
		violation.nodes
			.filter(
				(node) =>
					!upstreamExceptions.some(
						(exception) =>
							exception.rule === violation.id && node.target.join(' ') === exception.target
					)
			)
			.map(
				(node) =>
					`${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`
			)
	);
}
