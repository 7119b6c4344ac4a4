import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, inject } from 'vitest';
import { axeViolations, hasChromium, looks, screenshotDir, test, type Look } from './browser';

const siteUrl = inject('siteUrl');
const folder = join(process.cwd(), 'src/content/labs/compose-esempio');

/** The example's files as the repository holds them, by their path in the zip. */
function repositoryFiles(): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files.set(`compose-esempio/${relative(folder, path).split(sep).join('/')}`, readFileSync(path));
	}
	return files;
}

interface PageCase {
	lang: 'it' | 'en';
	path: string;
	/** The button's accessible name. */
	button: string;
	/** What the status line says once the zip is handed to the browser. */
	done: string;
	/** The key that presses the button. */
	key: 'Enter' | 'Space';
	look: Look;
}

const pages: PageCase[] = [
	{
		lang: 'it',
		path: 'docker/compose-esempio/',
		button: 'Scarica la cartella come compose-esempio.zip',
		done: 'Fatto: il browser sta scaricando compose-esempio.zip.',
		key: 'Enter',
		look: { viewport: 'desktop', colorScheme: 'light' },
	},
	{
		lang: 'en',
		path: 'en/docker/compose-esempio/',
		button: 'Download the folder as compose-esempio.zip',
		done: 'Done: your browser is saving compose-esempio.zip.',
		key: 'Space',
		look: { viewport: 'phone', colorScheme: 'dark' },
	},
];

describe.runIf(hasChromium())('the Compose example’s zip in Chromium', () => {
	test.for(pages)(
		'$lang: the button, pressed from the keyboard, downloads the folder byte for byte',
		async ({ lang, path, button, done, key, look }, { openPage }) => {
			const { page, errors } = await openPage(look);
			await page.goto(new URL(path, siteUrl).href);
			const zipButton = page.getByRole('button', { name: button });
			await zipButton.scrollIntoViewIfNeeded();
			// The island hydrates when it comes into view; until then the button does nothing.
			await page.locator('astro-island:not([ssr]) .ez-button').waitFor();
			await zipButton.focus();
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.keyboard.press(key),
			]);
			expect(download.suggestedFilename()).toBe('compose-esempio.zip');
			const unzipped = unzipSync(readFileSync(await download.path()));

			const expected = repositoryFiles();
			expect(Object.keys(unzipped).sort()).toEqual([...expected.keys()].sort());
			expect(expected.size).toBe(5);
			for (const [name, bytes] of expected)
				expect(Buffer.from(unzipped[name]!).equals(bytes), name).toBe(true);

			// Shown in a status line, which screen readers read out; the focus stays on the button.
			await page.getByRole('status').filter({ hasText: done }).waitFor();
			expect(await zipButton.evaluate((element) => element === document.activeElement)).toBe(true);
			expect(await axeViolations(page, ['color-contrast'])).toEqual([]);
			await page
				.locator('.ez-block')
				.evaluate((block) => block.scrollIntoView({ block: 'center' }));
			await page.screenshot({
				path: join(
					screenshotDir(),
					`compose-example-${lang}-${look.viewport}-${look.colorScheme}.png`
				),
			});
			expect(errors).toEqual([]);
		}
	);

	test.for(pages.flatMap((page) => looks.map((look) => ({ ...page, look }))))(
		'$lang, $look.viewport, $look.colorScheme: the zip button in its page, for people to look at',
		async ({ lang, path, look }, { openPage }) => {
			const { page, errors } = await openPage(look);
			await page.goto(new URL(path, siteUrl).href);
			await page
				.locator('.ez-block')
				.evaluate((element) => element.scrollIntoView({ block: 'center' }));
			await page.locator('astro-island:not([ssr]) .ez-button').waitFor();
			await page.screenshot({
				path: join(
					screenshotDir(),
					`compose-example-section-${lang}-${look.viewport}-${look.colorScheme}.png`
				),
			});
			expect(errors).toEqual([]);
		}
	);
});
