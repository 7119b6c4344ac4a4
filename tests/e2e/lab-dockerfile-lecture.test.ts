import { describe, expect, inject } from 'vitest';
import { hasChromium, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** The Dockerfile of the lecture's slide, as written there. */
const lectureFile = [
	'FROM ubuntu',
	'RUN apt install apache2',
	'COPY vh.conf /etc/apache2/conf/',
	'CMD ["apache2", "-D", "FOREGROUND "]',
	'',
].join('\n');

/** Every reason the slide's file fails, each an error, on its line. */
const errors = [
	{ rule: 'apt-update-missing', line: 2 },
	{ rule: 'apt-get-missing-yes', line: 2 },
	{ rule: 'apache-without-envvars', line: 4 },
	{ rule: 'exec-argument-spaces', line: 4 },
];

describe.runIf(hasChromium())('the lecture’s Dockerfile in the builder', () => {
	for (const { lang, path, pasteLabel, convert, error, line } of [
		{
			lang: 'it',
			path: 'lab/dockerfile/',
			pasteLabel: 'Testo del Dockerfile',
			convert: 'Trasforma in modulo',
			error: 'Errore',
			line: 'riga',
		},
		{
			lang: 'en',
			path: 'en/lab/dockerfile/',
			pasteLabel: 'Dockerfile text',
			convert: 'Turn into a form',
			error: 'Error',
			line: 'line',
		},
	]) {
		test(`says why it would not build or run, as errors, in ${lang}`, async ({ openPage }) => {
			const { page, errors: consoleErrors } = await openPage();
			await page.goto(url(path), { waitUntil: 'networkidle' });
			await page.getByLabel(pasteLabel, { exact: true }).fill(lectureFile);
			await page.getByRole('button', { name: convert }).click();
			const preview = page.locator('pre').filter({ hasText: 'FROM ubuntu' }).first();
			await expect.poll(() => preview.textContent()).toContain('FOREGROUND ');
			for (const expected of errors) {
				const finding = page
					.locator('li')
					.filter({ has: page.getByText(expected.rule, { exact: true }) })
					.first();
				await finding.waitFor();
				// The marker names the severity in words, beside its glyph.
				const marker = finding.locator('[data-severity]').first();
				expect(await marker.getAttribute('data-severity'), expected.rule).toBe('error');
				expect(await marker.textContent(), expected.rule).toContain(error);
				expect(await finding.textContent(), expected.rule).toContain(`${line} ${expected.line}`);
			}
			expect(consoleErrors).toEqual([]);
		});
	}
});
