import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject } from 'vitest';
import { topics, type Question } from '../../src/lib/quiz/schema';
import { drawQuestions } from '../../src/lib/quiz/session';
import { axeViolations, hasChromium, screenshotDir, test } from './browser';

const siteUrl = inject('siteUrl');
const url = (path: string) => new URL(path, siteUrl).href;

/** Waits until the quiz has read the device: until then it shows the server's inert preview. */
const quizLive = (scope: Page | Locator) =>
	scope.locator('.quiz:not([aria-busy]) .quiz-item').first().waitFor();

/** The prompts of the quiz, in the order shown. */
const prompts = (page: Page) => page.locator('.quiz-prompt').allTextContents();

/**
 * Every question of the quiz: the server renders the first few, the others come once the learner
 * nears them or presses a key (Shift here, which does nothing else).
 */
async function allPrompts(page: Page) {
	await page.keyboard.press('Shift');
	await expect.poll(() => page.locator('.quiz-row:empty').count(), { timeout: 20_000 }).toBe(0);
	return prompts(page);
}

/** The final test draws five questions from each topic (`perTopic` on the quiz/final page). */
const finalSize = 5 * topics.length;

describe.runIf(hasChromium())('a quiz in Chromium', () => {
	test('practice with the keyboard, keep answers across a language change and a reload', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('quiz/docker/'));
		await quizLive(page);
		const order = await allPrompts(page);
		expect(order.length).toBeGreaterThan(20);

		// Answer a choice question with the keyboard alone: Tab to it, Space to choose, Enter to check.
		const first = page.locator('.quiz-item:has(input[type="radio"])').first();
		await first.locator('input[type="radio"]').first().focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Controlla');
		await page.keyboard.press('Enter');
		await expect.poll(() => first.locator('.quiz-feedback').count()).toBe(1);
		expect(await first.locator('.quiz-verdict strong').textContent()).toMatch(
			/Giusto!|In parte giusto\.|Non è giusto\./
		);
		expect(await page.locator('[aria-live="polite"]').first().textContent()).toMatch(
			/\d+(,\d+)? punt[oi] su \d+/
		);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'quiz-practice-it-desktop-light.png'),
			fullPage: false,
		});

		// Same quiz in English: same order, the answer and its check kept.
		await Promise.all([
			page.waitForURL(url('en/quiz/docker/')),
			page.locator('starlight-lang-select select').first().selectOption({ label: 'English' }),
		]);
		await page.locator('.quiz:not([aria-busy]) .quiz-feedback').first().waitFor();
		expect(await page.locator('.quiz-verdict strong').first().textContent()).toMatch(
			/Correct!|Partly right\.|Not quite\./
		);
		expect((await allPrompts(page)).length).toBe(order.length);

		// A reload keeps the order.
		await page.goto(url('quiz/docker/'));
		await page.locator('.quiz:not([aria-busy]) .quiz-feedback').first().waitFor();
		expect(await allPrompts(page)).toEqual(order);
		expect(errors).toEqual([]);
	});

	test('a phone renders the questions after the server’s only when the reader comes near them', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone' });
		await page.goto(url('quiz/docker/'));
		await quizLive(page);
		const items = page.locator('.quiz-item');
		const total = await items.count();
		const empty = page.locator('.quiz-row:empty');
		// Nothing more renders by itself: the page stays idle.
		await page.waitForTimeout(500);
		expect(await empty.count()).toBe(total - 5);
		await page.evaluate(() => document.querySelectorAll('.quiz-item')[3]!.scrollIntoView());
		await expect.poll(() => empty.count(), { timeout: 20_000 }).toBe(0);

		// A link to a question further down shows that question, rendered, on the screen.
		const id = await items.nth(60).getAttribute('id');
		await page.goto(url(`en/quiz/docker/#${id}`));
		const target = page.locator(`[id="${id}"] fieldset`);
		await target.waitFor();
		await expect.poll(() => empty.count(), { timeout: 20_000 }).toBe(0);
		await expect
			.poll(() => target.evaluate((element) => element.getBoundingClientRect().top))
			.toBeLessThan(844);
		expect(
			await target.evaluate((element) => element.getBoundingClientRect().bottom)
		).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	test('practice by keyboard: a wrong answer gets a hint, a second wrong one the answer', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ colorScheme: 'dark' });
		await page.goto(url('quiz/docker/'));
		await quizLive(page);
		await allPrompts(page);
		const item = page.locator('.quiz-item:has-text("pubblicando la porta 8080")');
		const field = item.getByRole('textbox', { name: 'La tua risposta' });
		const active = () =>
			page.evaluate(() => {
				const element = document.activeElement;
				return { text: element?.textContent?.trim(), id: element?.id, tag: element?.tagName };
			});
		const tabTo = async (text: string) => {
			for (let step = 0; step < 6 && (await active()).text !== text; step++) {
				await page.keyboard.press('Tab');
			}
			expect((await active()).text).toBe(text);
		};

		// Without -d: the right command, an option missing. `sudo` itself is fine.
		await field.focus();
		await page.keyboard.type('sudo docker run -p 8080:80 nginx');
		await page.keyboard.press('Tab');
		expect((await active()).text).toBe('Controlla');
		await page.keyboard.press('Enter');
		const feedback = item.locator('.quiz-feedback');
		await feedback.waitFor();
		expect((await active()).id).toBe(await feedback.getAttribute('id'));
		expect(await feedback.textContent()).toContain("Suggerimento: Manca un'opzione.");
		expect(await feedback.textContent()).not.toContain('Risposte accettate');
		expect(await feedback.textContent()).not.toContain('Perché');
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'quiz-hint-it-desktop-dark.png') });

		// Try again: the keyboard is back in the field, which is editable again.
		await tabTo('Riprova');
		await page.keyboard.press('Enter');
		expect((await active()).tag).toBe('INPUT');
		await expect.poll(() => feedback.count()).toBe(0);

		// The same mistake again: now the answer, with why.
		await page.keyboard.press('Tab');
		expect((await active()).text).toBe('Controlla');
		await page.keyboard.press('Enter');
		await feedback.waitFor();
		const shown = (await feedback.textContent()) ?? '';
		expect(shown).toContain('Risposte accettate: docker run -d -p 8080:80 nginx');
		expect(shown).toContain('Perché');
		expect(await feedback.getByRole('button', { name: 'Mostra la risposta' }).count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a lab solved by keyboard: type the commands, try them, check them', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		await page.goto(url('quiz/docker/'));
		await quizLive(page);
		await allPrompts(page);
		const item = page.locator('.quiz-item:has-text("Avvia in background un container chiamato")');
		const commands = item.getByRole('textbox', { name: 'Comandi, uno per riga' });
		// The lab's inputs come with the simulator, loaded for this quiz only.
		await commands.waitFor();
		const active = () => page.evaluate(() => document.activeElement?.textContent?.trim());
		const tabTo = async (text: string) => {
			for (let step = 0; step < 6 && (await active()) !== text; step++) {
				await page.keyboard.press('Tab');
			}
			expect(await active()).toBe(text);
		};

		// A first try with the ports the wrong way round: Docker's answer and the goal still unmet.
		await commands.focus();
		await page.keyboard.type('docker run -d --name web -p 80:8080 nginx');
		await tabTo('Prova');
		await page.keyboard.press('Enter');
		const transcript = item.getByLabel('Cosa risponde Docker');
		await expect.poll(() => transcript.textContent()).toContain('$ docker run -d --name web');
		expect(await item.locator('.quiz-lab-unmet').textContent()).toContain(
			"pubblica la porta 8080 dell'host"
		);
		expect(await item.locator('.quiz-feedback').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		// Back to the commands (Shift+Tab), fixed, then Check: counted right.
		await page.keyboard.down('Shift');
		await page.keyboard.press('Tab');
		await page.keyboard.up('Shift');
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('docker run -d --name web -p 8080:80 nginx');
		await tabTo('Controlla');
		await page.keyboard.press('Enter');
		const feedback = item.locator('.quiz-feedback');
		await feedback.waitFor();
		expect(await feedback.locator('.quiz-verdict strong').textContent()).toBe('Giusto!');
		expect(await page.locator('[aria-live="polite"]').first().textContent()).toMatch(
			/Giusto! 1 punto su 1/
		);
		expect(await page.locator('.quiz-progress label').textContent()).toMatch(/Risposte date: 1 su/);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'quiz-lab-it-desktop-light.png') });
		expect(errors).toEqual([]);
	});

	test('a number that cannot be read says why, and Check takes the keyboard back to it', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone' });
		await page.goto(url('en/quiz/docker/'));
		await quizLive(page);
		await allPrompts(page);
		const item = page.locator('.quiz-item:has-text("Which port number")');
		const field = item.getByRole('textbox', { name: 'Your answer' });
		await field.fill('8,080');
		await page.keyboard.press('Tab');
		const problem = item.locator('.quiz-problem');
		expect(await problem.textContent()).toBe(
			'It is not clear whether “8,080” means 8080 or 8.08: write it without a thousands separator (8080) or with a decimal point (8.08).'
		);
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		const check = item.getByRole('button', { name: 'Check' });
		expect(await check.isDisabled()).toBe(false);
		await check.focus();
		await page.keyboard.press('Enter');
		expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(await item.locator('.quiz-feedback').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		await item.screenshot({
			path: join(screenshotDir(), 'quiz-number-problem-en-phone-light.png'),
		});
		await field.fill('8080');
		await check.click();
		await item.locator('.quiz-feedback-correct').waitFor();
		expect(errors).toEqual([]);
	});

	test('the progress track shows as empty at 0 answered, in both themes', async ({ openPage }) => {
		for (const colorScheme of ['dark', 'light'] as const) {
			const { page } = await openPage({ colorScheme, viewport: 'phone' });
			await page.goto(url(colorScheme === 'dark' ? 'quiz/docker/' : 'en/quiz/docker/'));
			const progress = page.locator('.quiz-progress');
			await progress.waitFor();
			expect(await progress.textContent()).toMatch(/(Risposte date|Answered): 0 (su|of) \d+/);
			// The empty track has the page's faint grey, close to the page itself, not a light bar
			// that reads as full on a dark page; its border stands out from the page.
			const look = await page.locator('.quiz-progress progress').evaluate((bar) => {
				const luminance = (colour: string) => {
					const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
					const channel = (c: number) =>
						c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
					return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
				};
				const page = luminance(getComputedStyle(document.body).backgroundColor);
				const style = getComputedStyle(bar);
				const contrast = (a: number, b: number) =>
					(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
				return {
					track: contrast(luminance(style.backgroundColor), page),
					border: contrast(luminance(style.borderTopColor), page),
				};
			});
			expect(look.track).toBeLessThan(1.5);
			expect(look.border).toBeGreaterThanOrEqual(3);
			await progress.screenshot({
				path: join(screenshotDir(), `quiz-progress-empty-phone-${colorScheme}.png`),
			});
		}
	});

	test('an ordering question on a phone: its buttons side by side, an item moved by keyboard', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone' });
		await page.goto(url('quiz/hypervisor-types/'));
		await quizLive(page);
		await allPrompts(page);
		const list = page.locator('.quiz-order').first();
		await list.scrollIntoViewIfNeeded();
		// Each row's ↑ and ↓ at the same height (Starlight's spacing of prose siblings once pushed ↓ down).
		const tops = await list
			.locator('.quiz-order-buttons')
			.evaluateAll((rows) =>
				rows.map((row) => [...row.children].map((button) => button.getBoundingClientRect().top))
			);
		expect(tops.length).toBeGreaterThan(2);
		for (const [up, down] of tops) expect(down).toBe(up);
		const texts = () => list.locator('.quiz-order-text').allTextContents();
		const before = await texts();
		await list.locator('li').first().locator('button').nth(1).focus();
		await page.keyboard.press('Enter');
		await expect.poll(texts).toEqual([before[1], before[0], ...before.slice(2)]);
		// The keyboard stays on the item that moved, on its ↓, so it can go on moving.
		expect(
			await page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')
		).toContain(before[0]);
		await list.screenshot({ path: join(screenshotDir(), 'quiz-ordering-phone.png') });
		expect(errors).toEqual([]);
	});

	test('test mode: answer, submit, see the score per topic and follow a review link', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({
			viewport: 'phone',
			colorScheme: 'dark',
		});
		await page.goto(url('en/quiz/final/'));
		await quizLive(page);
		expect(
			await page
				.getByRole('group', { name: 'Mode' })
				.getByRole('radio', { name: 'Test', exact: true })
				.isChecked()
		).toBe(true);
		const count = await page.locator('.quiz-item').count();
		expect(count).toBe(finalSize);
		await page.locator('.quiz-item input[type="radio"]').first().check();
		await page.getByRole('button', { name: 'Submit', exact: true }).click();
		const results = page.getByRole('region', { name: 'Your results' });
		await results.waitFor();
		expect(await results.textContent()).toMatch(
			/You scored (1 point|[\d.]+ points) out of \d+ \(\d+%\)/
		);
		expect(await results.locator('meter').count()).toBe(topics.length);
		// Each topic says its points and its band in words, not by colour alone.
		const bars = await results.locator('.quiz-bars li').allTextContents();
		for (const bar of bars) {
			expect(bar).toMatch(/\d+% · [\d.]+ points? out of \d+ · (to review|nearly|good)/);
		}
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('quiz-results-title');
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'quiz-results-en-phone-dark.png'),
			fullPage: true,
		});
		const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scroll).toBeLessThanOrEqual(390);

		const review = results.locator('ul:not(.quiz-bars) a').first();
		const href = (await review.getAttribute('href')) ?? '';
		expect(href).toMatch(/^\/corso\/en\/.+#.+/);
		await review.click();
		await page.waitForURL(`**${href}`);
		const anchor = decodeURIComponent(href.split('#')[1] ?? '');
		expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
		expect(errors).toEqual([]);
	});

	test('a chapter ends with a short quiz of its own questions', async ({ openPage }) => {
		const { page } = await openPage();
		await page.goto(url('docker/volumi/'));
		const block = page.getByRole('region', { name: 'Mettiti alla prova' });
		// The chapter's quiz loads only when the reader scrolls to it.
		await block.scrollIntoViewIfNeeded();
		await quizLive(block);
		const reviews = await block.evaluate(() => document.querySelectorAll('.quiz-item').length);
		expect(reviews).toBeGreaterThan(0);
		expect(await axeViolations(page)).toEqual([]);
	});

	test('stored progress that is not ours is set aside with a notice', async ({ openPage }) => {
		const { page } = await openPage();
		await page.goto(url('quiz/docker/'));
		// Once the quiz has saved its own progress, replace it with somebody else's data.
		await quizLive(page);
		await page.evaluate(() =>
			localStorage.setItem('virtualizzazione-docker:quiz-progress', '{"hello":1}')
		);
		await page.reload();
		await page.getByText('non sono progressi di questo corso').waitFor();
		expect(await page.locator('.quiz-item').count()).toBeGreaterThan(0);
	});

	test('a test taken and reviewed with the keyboard alone', async ({ openPage }) => {
		const { page, errors } = await openPage();
		await page.goto(url('quiz/final/'));
		await quizLive(page);
		const focused = () =>
			page.evaluate(() => ({
				text: document.activeElement?.textContent?.trim() ?? '',
				tag: document.activeElement?.tagName ?? '',
			}));
		/** Presses Tab until the focused element's text matches, as a keyboard user would. */
		const tabTo = async (text: RegExp) => {
			for (let presses = 0; presses < 600; presses++) {
				await page.keyboard.press('Tab');
				if (text.test((await focused()).text)) return;
			}
			throw new Error(`Tab never reached ${text}`);
		};
		// The first choice of the first question, chosen with Space; then on to "Consegna".
		await page.locator('.quiz-item input[type="radio"]').first().focus();
		await page.keyboard.press('Space');
		await tabTo(/^Consegna$/);
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await focused()).text).toBe('Il tuo risultato');

		// The review: every question, the learner's answer locked, a verdict and a way to the misses.
		const review = page.getByRole('region', { name: 'Revisione della prova' });
		expect(await review.locator('.quiz-question').count()).toBe(finalSize);
		expect(await review.locator('.quiz-feedback').count()).toBe(finalSize);
		expect(await review.locator('.quiz-question input:not([disabled])').count()).toBe(0);
		await tabTo(/^Vai alla prima risposta da rivedere/);
		await page.keyboard.press('Enter');
		const firstMiss = await page.evaluate(() => {
			const active = document.activeElement!;
			return {
				tag: active.tagName,
				legend: active.querySelector('legend')?.textContent ?? '',
				verdict: active.querySelector('.quiz-verdict')?.textContent ?? '',
			};
		});
		expect(firstMiss.tag).toBe('FIELDSET');
		expect(firstMiss.verdict).toMatch(/Non è giusto\.|In parte giusto\./);
		await tabTo(/Successiva da rivedere/);
		await page.keyboard.press('Enter');
		const secondMiss = await page.evaluate(() => ({
			tag: document.activeElement?.tagName,
			legend: document.activeElement?.querySelector('legend')?.textContent ?? '',
		}));
		expect(secondMiss.tag).toBe('FIELDSET');
		expect(secondMiss.legend).not.toBe(firstMiss.legend);
		expect(
			await page.locator('.quiz-review-list fieldset:focus .quiz-verdict').textContent()
		).not.toMatch(/Giusto!/);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'quiz-review-it-desktop-light.png') });

		// On paper: the questions and their feedback, not the controls.
		await page.emulateMedia({ media: 'print' });
		expect(await review.locator('.quiz-review-nav').first().isVisible()).toBe(false);
		expect(await page.locator('.quiz-tools').isVisible()).toBe(false);
		expect(await review.locator('.quiz-feedback').first().isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
		expect(errors).toEqual([]);
	});

	test('the review page lists what is due, records the review, and the home page counts it', async ({
		openPage,
	}) => {
		const { context, page, errors } = await openPage({ viewport: 'phone', colorScheme: 'dark' });
		// Nothing answered yet: the review page says how it works.
		await page.goto(url('en/quiz/ripasso/'));
		await page.getByText('You have not answered any question yet.').waitFor();

		// A question checked in practice today…
		await page.goto(url('quiz/docker/'));
		const item = page.locator('.quiz-item:has(input[type="radio"])').first();
		await item.locator('input[type="radio"]').first().check();
		await item.getByRole('button', { name: 'Controlla' }).click();
		await item.locator('.quiz-feedback').waitFor();
		const prompt = await item.locator('.quiz-prompt').textContent();
		await page.goto(url(''));
		await page.getByText('Per oggi non hai niente da ripassare.').waitFor();

		// …is due some days later, on the home page and on the review page.
		await context.clock.install({ time: Date.now() + 9 * 24 * 60 * 60 * 1000 });
		await page.goto(url(''));
		await page.getByText('Oggi hai 1 domanda da ripassare.').waitFor();
		await page.getByRole('link', { name: 'Vai al ripasso' }).click();
		await page.waitForURL(url('quiz/ripasso/'));
		await page.getByText(/Oggi hai 1 domanda da ripassare\./).waitFor();
		const due = page.locator('.quiz-spaced .quiz-item');
		expect(await due.count()).toBe(1);
		expect(await due.locator('.quiz-prompt').textContent()).toBe(prompt);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({
			path: join(screenshotDir(), 'review-due-it-phone-dark.png'),
			fullPage: true,
		});
		const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scroll).toBeLessThanOrEqual(390);

		// Reviewing it: feedback, when it comes back, and the count of today's review.
		await due.locator('input').first().check();
		await due.getByRole('button', { name: 'Controlla' }).click();
		await due.locator('.quiz-feedback').waitFor();
		expect(await due.locator('.quiz-comes-back').textContent()).toMatch(
			/^Questa domanda tornerà (domani|tra \d+ giorni) \(/
		);
		expect(await page.locator('.quiz-progress label').textContent()).toBe('Ripassate: 1 su 1');
		expect(await axeViolations(page)).toEqual([]);

		// Recorded in the progress: the next visit has nothing due, and says when the next review is.
		const stored = await page.evaluate(
			() =>
				JSON.parse(localStorage.getItem('virtualizzazione-docker:quiz-progress') ?? '{}') as {
					reviews: Record<string, unknown[]>;
				}
		);
		expect(Object.values(stored.reviews).map((logs) => logs.length)).toEqual([2]);
		await page.goto(url('en/quiz/ripasso/'));
		await page
			.getByText(/Nothing to review today\. Your next review is (tomorrow|in \d+ days)/)
			.waitFor();
		expect(await page.locator('.quiz-spaced .quiz-item').count()).toBe(0);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('two tabs of the same quiz keep each other’s answers', async ({ openPage }) => {
		const { context, page: first, errors } = await openPage();
		const second = await context.newPage();
		await first.goto(url('quiz/docker/'));
		await second.goto(url('quiz/docker/'));
		await quizLive(first);
		await quizLive(second);
		const choice = (page: Page, index: number) =>
			page
				.locator('.quiz-item:has(input[type="radio"])')
				.nth(index)
				.locator('input[type="radio"]')
				.first();

		await choice(first, 0).check();
		await expect.poll(() => choice(second, 0).isChecked()).toBe(true);
		// An answer in the second tab joins the first one's, and neither loses the other's.
		await choice(second, 1).check();
		await expect.poll(() => choice(first, 1).isChecked()).toBe(true);
		expect(await choice(first, 0).isChecked()).toBe(true);
		await second.reload();
		await quizLive(second);
		expect(await choice(second, 0).isChecked()).toBe(true);
		expect(await choice(second, 1).isChecked()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('a poisoned stored answer does not break the quiz, and is set aside with a notice', async ({
		openPage,
	}) => {
		const { context, page, errors } = await openPage();
		await context.addInitScript(() => {
			if (sessionStorage.getItem('poisoned')) return;
			sessionStorage.setItem('poisoned', '1');
			localStorage.setItem(
				'virtualizzazione-docker:quiz-progress',
				JSON.stringify({
					version: 2,
					questions: {
						// An ordering whose items were renamed in the bank, and an answer of another type.
						'docker-container-lifecycle': {
							answer: { type: 'ordering', order: ['no-such-step', 'another'] },
							points: 1,
							max: 1,
							updated: 1,
						},
						'docker-traditional-no-limits': {
							answer: { type: 'ordering', order: ['x'] },
							updated: 1,
						},
					},
					attempts: {},
					reviews: { 'docker-traditional-no-limits': [{ at: 1, grade: 9 }] },
				})
			);
		});
		await page.goto(url('en/quiz/docker/'));
		await page.getByText('Some saved answers no longer fitted today').waitFor();
		expect(await page.locator('.quiz-item').count()).toBeGreaterThan(20);
		expect(await page.locator('.quiz-broken').count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Download the data set aside' }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: join(screenshotDir(), 'quiz-set-aside-en-desktop-light.png') });
		// Once set aside, it stays aside: the next visit has nothing to say.
		await page.reload();
		await quizLive(page);
		expect(await page.getByText('Some saved answers no longer fitted today').count()).toBe(0);
		expect(errors).toEqual([]);
	});
	test('the final test by keyboard: the skip link, the navigator, and starting over', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage();
		// Every shift of the quiz's layout while the page loads and the quiz hydrates.
		await page.addInitScript(() => {
			const shifts: number[] = [];
			(window as unknown as { shifts: number[] }).shifts = shifts;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					sources: { node: Node | null }[];
				})[]) {
					if (entry.sources.some(({ node }) => node?.parentElement?.closest('.quiz'))) {
						shifts.push(entry.value);
					}
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		// A first visit shows the attempt the server rendered.
		await page.goto(url('quiz/final/'));
		const quiz = page.locator('.quiz:not([aria-busy])');
		await quiz.locator('.quiz-item').first().waitFor();
		await page.waitForTimeout(300);
		expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual(
			[]
		);
		const items = quiz.locator('.quiz-list > li');
		const focused = () =>
			page.evaluate(() => {
				const element = document.activeElement;
				const item = element?.closest('.quiz-list > li');
				return {
					tag: element?.tagName,
					item: item ? [...item.parentElement!.children].indexOf(item) : -1,
					first: element === item?.querySelector('input, select, textarea, button'),
				};
			});

		// Starlight's skip link, then the quiz's: three keys to the first question's first option.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Vai alla prossima domanda senza risposta' });
		expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(await skip.isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(focused).toEqual({ tag: 'INPUT', item: 0, first: true });
		await page.keyboard.press('Space');
		const nav = page.getByRole('navigation', { name: 'Domande' });
		const links = nav.getByRole('link');
		expect(await links.count()).toBe(finalSize);
		await expect.poll(() => links.first().textContent()).toMatch(/^1, risposta data/);
		expect(await links.nth(1).textContent()).toMatch(/^2, senza risposta/);

		// The skip link goes on from there, to the next question without an answer.
		await skip.focus();
		await page.keyboard.press('Enter');
		// The focus moves once the question is drawn (next frame).
		await expect.poll(focused).toMatchObject({ item: 1, first: true });
		expect(await axeViolations(page)).toEqual([]);

		// Any question in one step: the twentieth, even from the top of the page.
		await page.evaluate(() => scrollTo(0, 0));
		await links.nth(19).click();
		await expect.poll(focused).toEqual({ tag: 'FIELDSET', item: 19, first: false });
		expect(await items.nth(19).locator('fieldset').isVisible()).toBe(true);
		expect(await items.nth(19).locator('.quiz-number').textContent()).toBe(
			`Domanda 20 di ${finalSize}`
		);
		const box = await items.nth(19).locator('legend').boundingBox();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y).toBeLessThan(900);

		// Handed in, then started over: the keyboard is on the first field of the first question,
		// even when that is a lab, whose fields load with its runner after the draw. The new draw's
		// seed comes from Math.random: the page gets, once, one that puts a lab first.
		const pool = (await (await fetch(url('quiz/final/it.json'))).json()) as Question[];
		let labFirst = 0;
		while (drawQuestions(pool, labFirst, 5)[0]!.type !== 'lab') labFirst++;
		await page.getByRole('button', { name: 'Consegna', exact: true }).click();
		await page.getByRole('region', { name: 'Il tuo risultato' }).waitFor();
		await page.evaluate(
			(random) => {
				const real = Math.random;
				Math.random = () => ((Math.random = real), random);
			},
			(labFirst + 0.5) / 2 ** 32
		);
		await page.getByRole('button', { name: 'Ricomincia', exact: true }).click();
		await expect.poll(focused).toMatchObject({ item: 0, first: true });
		expect((await focused()).tag).toBe('TEXTAREA');
		expect(await items.first().getAttribute('id')).toBe(
			`q-${drawQuestions(pool, labFirst, 5)[0]!.id}`
		);
		expect(await links.first().textContent()).toMatch(/^1, senza risposta/);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('one question per screen, chosen once and kept, with the navigator', async ({
		openPage,
	}) => {
		const { page, errors } = await openPage({ viewport: 'phone', colorScheme: 'dark' });
		await page.goto(url('en/quiz/final/?seed=20'));
		const quiz = page.locator('.quiz:not([aria-busy])');
		await quiz.locator('.quiz-item').first().waitFor();
		const toggle = page.getByRole('checkbox', { name: 'One question per screen' });
		await toggle.check();
		const shown = quiz.locator('.quiz-list > li:not([hidden])');
		expect(await shown.count()).toBe(1);
		expect(await shown.locator('.quiz-number').textContent()).toBe(`Question 1 of ${finalSize}`);
		await page.getByRole('button', { name: 'Next question' }).click();
		await expect
			.poll(() => shown.locator('.quiz-number').textContent())
			.toBe(`Question 2 of ${finalSize}`);
		expect(
			await shown.locator('fieldset').evaluate((element) => element === document.activeElement)
		).toBe(true);
		// The navigator jumps there too, and says which question is shown.
		const nav = page.getByRole('navigation', { name: 'Questions' });
		await nav.getByRole('link').nth(9).click();
		await expect
			.poll(() => shown.locator('.quiz-number').textContent())
			.toBe(`Question 10 of ${finalSize}`);
		expect(await nav.getByRole('link').nth(9).getAttribute('aria-current')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		await page.screenshot({ path: join(screenshotDir(), 'quiz-one-per-screen-en-phone-dark.png') });

		// Kept on the device: the next visit opens the same way.
		await page.reload();
		await quiz.locator('.quiz-item').first().waitFor();
		await expect.poll(() => shown.count()).toBe(1);
		expect(await toggle.isChecked()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('a chapter’s quiz has the navigator and the skip link too', async ({ openPage }) => {
		const { page, errors } = await openPage();
		await page.goto(url('virtualizzazione/hypervisor/'));
		const block = page.getByRole('region', { name: 'Mettiti alla prova' });
		await block.scrollIntoViewIfNeeded();
		await quizLive(block);
		const count = await block.locator('.quiz-list > li').count();
		expect(await block.getByRole('navigation', { name: 'Domande' }).getByRole('link').count()).toBe(
			count
		);
		await block.getByRole('link', { name: 'Vai alla prossima domanda senza risposta' }).focus();
		await page.keyboard.press('Enter');
		expect(
			await block
				.locator('.quiz-list > li')
				.first()
				.evaluate((item) => item.contains(document.activeElement))
		).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
