import { join } from 'node:path';
import { describe, expect, inject } from 'vitest';
import { auditedPages, labPages, pageTypes, type PageType } from '../../scripts/built-site';
import { axeViolations, hasChromium, looks, screenshotDir, test, viewports } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;
// Chapters get the same checks, page by page, in chapters.test.ts.
const types = (Object.keys(pageTypes) as PageType[]).filter((type) => !/chapter/i.test(type));
const langs = ['it', 'en'] as const;

describe.runIf(hasChromium())('the site in Chromium', () => {
	test.for(langs)(
		'the home page in %s renders with no console error',
		async (lang, { openPage }) => {
			const { page, errors } = await openPage();
			const response = await page.goto(url(pageTypes.home[lang]));
			expect(response?.status()).toBe(200);
			await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
			const heading = await page.locator('h1').first().textContent();
			expect(heading).toBe(
				lang === 'it' ? 'Virtualizzazione e Docker' : 'Virtualization and Docker'
			);
			const description = await page.locator('meta[name="description"]').getAttribute('content');
			expect(description?.length).toBeGreaterThan(50);
			await page.waitForLoadState('networkidle');
			expect(errors).toEqual([]);
		}
	);

	// Every kind of page Lighthouse audits, on a phone, where a short page's footer is on screen:
	// what the server sends is what stays, as islands hydrate and scripts show their controls.
	// In Italian (the layouts are the same in English), and the English 404, a page of its own.
	test.for([
		...Object.entries({ ...pageTypes, ...labPages, ...auditedPages }).map(([type, paths]) => ({
			type,
			lang: 'it',
			path: paths.it,
		})),
		{ type: 'notFound', lang: 'en', path: pageTypes.notFound.en },
	])('$type ($lang) does not shift its layout as it loads', async ({ path }, { openPage }) => {
		const { page } = await openPage({ viewport: 'phone' });
		await page.addInitScript(() => {
			const shifts: string[] = [];
			Object.assign(window, { shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
					sources: { node?: Node }[];
				})[]) {
					if (entry.hadRecentInput) continue;
					const moved = entry.sources.map((source) =>
						source.node instanceof Element
							? `${source.node.localName}.${source.node.className}`
							: String(source.node?.nodeName)
					);
					shifts.push(`${entry.value.toFixed(4)} ${moved.join(', ')}`);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(url(path), { waitUntil: 'networkidle' });
		// Deferred parts render one per task after load, the labs' workers answer meanwhile.
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual(
			[]
		);
	});

	test('the language picker switches a page between /x/ and /en/x/', async ({ openPage }) => {
		const { page, errors } = await openPage();
		await page.goto(url(pageTypes.chapter.it));
		const picker = page.locator('starlight-lang-select select').first();
		await Promise.all([
			page.waitForURL(url(pageTypes.chapter.en)),
			picker.selectOption({ label: 'English' }),
		]);
		expect(await page.locator('h1').first().textContent()).toBe('The purpose of virtualization');
		const back = page.locator('starlight-lang-select select').first();
		await Promise.all([
			page.waitForURL(url(pageTypes.chapter.it)),
			back.selectOption({ label: 'Italiano' }),
		]);
		expect(await page.locator('h1').first().textContent()).toBe('Lo scopo della virtualizzazione');
		expect(errors).toEqual([]);
	});

	test.for([
		{ lang: 'it', word: 'ospitato', expected: pageTypes.chapter.it },
		{ lang: 'en', word: 'landlord', expected: pageTypes.chapter.en },
	] as const)(
		'search finds "$word" on the $lang site',
		async ({ lang, word, expected }, { openPage }) => {
			const { page, errors } = await openPage();
			await page.goto(url(pageTypes.home[lang]));
			await page.locator('button[data-open-modal]:not([disabled])').click();
			const input = page.locator('#starlight__search input');
			await input.fill(word);
			const result = page.locator('#starlight__search a.pagefind-ui__result-link').first();
			await result.waitFor();
			expect(new URL((await result.getAttribute('href')) ?? '', siteUrl).pathname).toBe(
				new URL(url(expected)).pathname
			);
			expect(errors).toEqual([]);
		}
	);

	test('search opened before the browser is idle still builds its interface', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		// Starlight builds the search interface when the browser is idle, after it has enabled the
		// button: here the idle moment comes late, and the reader opens the dialog first.
		await page.addInitScript(() => {
			window.requestIdleCallback = (callback) =>
				window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 1500);
		});
		await page.goto(url(pageTypes.home.it));
		await page.locator('button[data-open-modal]:not([disabled])').click();
		await page.locator('#starlight__search input').fill('ospitato');
		await page.locator('#starlight__search a.pagefind-ui__result-link').first().waitFor();
		expect(errors).toEqual([]);
	});

	test('search finds the hypervisor chapter by its Italian name, "ipervisore"', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url(pageTypes.home.it));
		await page.locator('button[data-open-modal]:not([disabled])').click();
		await page.locator('#starlight__search input').fill('ipervisore');
		const results = page.locator('#starlight__search a.pagefind-ui__result-link');
		await results.first().waitFor();
		const hrefs = await results.evaluateAll((links) =>
			links.map((link) => link.getAttribute('href') ?? '')
		);
		expect(hrefs.map((href) => new URL(href, siteUrl).pathname)).toContain(
			new URL(url('virtualizzazione/hypervisor/')).pathname
		);
		expect(errors).toEqual([]);
	});
	test('search builds its interface when first opened: Ctrl+K puts the keyboard in its field', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		await page.goto(url(pageTypes.chapter.it));
		await page.waitForLoadState('networkidle');
		// Pagefind's interface (its Svelte bundle) is not fetched while the reader only reads.
		expect(scripts.filter((path) => path.includes('ui-core'))).toEqual([]);
		await page.locator('button[data-open-modal]:not([disabled])').waitFor();
		await page.keyboard.press('Control+k');
		const input = page.locator('#starlight__search input');
		await expect.poll(() => input.evaluate((field) => field === document.activeElement)).toBe(true);
		await page.keyboard.type('ipervisore');
		await page.locator('#starlight__search a.pagefind-ui__result-link').first().waitFor();
		expect(errors).toEqual([]);
	});
	test.for(['home', 'notFound'] as const)(
		'%s: on a phone the menu holds the language and theme pickers, in both languages',
		async (type, { openPage }) => {
			for (const lang of langs) {
				const { page, errors } = await openPage({ viewport: 'phone' });
				await page.goto(url(pageTypes[type][lang]));
				const title = page.locator('header .site-title span');
				const clipped = await title.evaluate((span) => span.scrollWidth > span.clientWidth);
				expect(clipped, `${type} ${lang}: the site title is cut off`).toBe(false);
				const menu = page.getByRole('button', { name: 'Menu', exact: true });
				await menu.focus();
				await page.keyboard.press('Enter');
				const sidebar = page.locator('#starlight__sidebar');
				await expect.poll(() => sidebar.isVisible()).toBe(true);
				const language = sidebar.locator('starlight-lang-select select');
				const theme = sidebar.locator('starlight-theme-select select');
				expect(await language.isVisible(), `${type} ${lang}: language picker`).toBe(true);
				expect(await theme.isVisible(), `${type} ${lang}: theme picker`).toBe(true);
				await theme.selectOption('dark');
				expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
				expect(errors).toEqual([]);
			}
		}
	);

	test.for(langs)(
		'%s: every card of the home page is a link to its part of the course',
		async (lang, { openPage }) => {
			const { page } = await openPage();
			await page.goto(url(pageTypes.home[lang]));
			const cards = page.locator('main .card-grid a');
			const links = await cards.evaluateAll((anchors) =>
				anchors.map((anchor) => ({
					text: anchor.textContent?.trim() ?? '',
					href: (anchor as HTMLAnchorElement).href,
				}))
			);
			expect(links.length).toBeGreaterThanOrEqual(4);
			for (const link of links) {
				const path = new URL(link.href).pathname;
				expect(path, link.text).toMatch(
					lang === 'en' ? /^\/corso\/en\/.+\// : /^\/corso\/(?!en\/).+\//
				);
				const response = await page.request.get(link.href);
				expect(response.status(), link.href).toBe(200);
			}
		}
	);

	test.for([
		{ path: 'non-esiste/', lang: 'it', heading: 'Pagina non trovata' },
		{ path: 'en/does-not-exist/', lang: 'en', heading: 'Page not found' },
		{ path: 'en/docker/nope/', lang: 'en', heading: 'Page not found' },
	] as const)(
		'a missing page under $path gets the 404 page in its language',
		async ({ path, lang, heading }, { openPage }) => {
			const { page, errors } = await openPage();
			await page.goto(url(path));
			await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
			expect(await page.locator('h1').first().textContent()).toBe(heading);
			expect(errors.filter((error) => !/404/.test(error))).toEqual([]);
		}
	);

	describe.each(types)('page type %s', (type) => {
		test.for(
			langs.flatMap((lang) => (['light', 'dark'] as const).map((scheme) => ({ lang, scheme })))
		)('$lang, $scheme: axe-core reports no violation', async ({ lang, scheme }, { openPage }) => {
			const { page } = await openPage({ colorScheme: scheme });
			await page.goto(url(pageTypes[type][lang]), { waitUntil: 'networkidle' });
			// Starlight follows the system colour scheme until the reader picks a theme.
			expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(scheme);
			expect(await axeViolations(page)).toEqual([]);
		});

		test.for(langs)('%s at phone width has no horizontal scroll', async (lang, { openPage }) => {
			const { page } = await openPage({ viewport: 'phone' });
			await page.goto(url(pageTypes[type][lang]));
			const widths = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth,
			}));
			expect(widths.scroll).toBeLessThanOrEqual(viewports.phone.width);
			expect(widths.scroll).toBe(widths.client);
		});

		test.for(langs)(
			'%s: screenshots at desktop and phone width, light and dark',
			async (lang, { openPage }) => {
				// The four looks in their own tabs at once; the fixture closes them too if a shot fails.
				await Promise.all(
					looks.map(async ({ viewport, colorScheme }) => {
						const { context, page } = await openPage({ viewport, colorScheme });
						await page.goto(url(pageTypes[type][lang]), { waitUntil: 'networkidle' });
						const file = join(screenshotDir(), `${type}-${lang}-${viewport}-${colorScheme}.png`);
						await page.screenshot({ path: file, fullPage: true });
						await context.close();
					})
				);
			}
		);
	});
});
