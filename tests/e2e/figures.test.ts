import { describe, expect, inject } from 'vitest';
import { builtPages } from '../../scripts/built-site';
import { hasChromium, openTab, test, type Tab } from './browser';

const siteUrl = inject('siteUrl');
/** Every chapter of the course, in both languages: those with figures are checked. */
const chapters = builtPages().filter((page) =>
	/^(en\/)?(virtualizzazione|docker|forense|riferimenti)\//.test(page)
);

/** The smallest text a figure may show on a phone, in CSS pixels. */
const minFontPx = 12;

/** What the page measures of each figure's text at the tab's width. */
interface FigureText {
	figure: string;
	text: string;
	/** The font size as drawn: the SVG's scale times the text's font size in user units. */
	px: number;
	box: { left: number; top: number; right: number; bottom: number };
	inside: boolean;
	/** Whether it stays inside the smallest box (`rect`) its middle is in, if any. */
	inBox: boolean;
}

/** One phone-width tab for the whole file: a page load per chapter. */
const figureTest = test.extend('tab', { scope: 'file' }, async ({ browser }, { onCleanup }) => {
	const tab: Tab = await openTab(browser, { viewport: 'phone' });
	onCleanup(() => tab.context.close());
	return tab;
});

/** Whether two text boxes overlap by more than the glyphs' own margins (half a pixel). */
function overlap(a: FigureText['box'], b: FigureText['box']): boolean {
	const slack = 0.5;
	return (
		Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
		Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack
	);
}

describe.runIf(hasChromium())('the course figures on a phone (390 px) in Chromium', () => {
	figureTest.for(chapters)(
		'%s: every figure’s text is at least 12 px, apart from the rest, inside its box and the drawing; captions start-aligned',
		async (path, { tab }) => {
			await tab.page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
			await tab.page.evaluate(() => document.fonts.ready);
			const texts = await tab.page.evaluate(() =>
				[...document.querySelectorAll<SVGSVGElement>('.course-figure svg')].flatMap((svg) => {
					const scale = svg.getScreenCTM()?.a ?? 0;
					const frame = svg.getBoundingClientRect();
					const figure = svg.querySelector('title')?.textContent ?? '';
					const rects = [...svg.querySelectorAll('rect')].map((rect) =>
						rect.getBoundingClientRect()
					);
					return [...svg.querySelectorAll<SVGTextElement>('text')].map((text) => {
						const { left, top, right, bottom } = text.getBoundingClientRect();
						// The glyph box is the font's ascent and descent: trim it to the letters' own height
						// (capitals and descenders), so that two lines set close together do not count.
						const size = parseFloat(getComputedStyle(text).fontSize) * scale;
						const trim = (bottom - top - size) / 2;
						const box = { left, top: top + trim, right, bottom: bottom - trim };
						const [x, y] = [(left + right) / 2, (box.top + box.bottom) / 2];
						const around = rects
							.filter((r) => r.left <= x && x <= r.right && r.top <= y && y <= r.bottom)
							.sort((a, b) => a.width * a.height - b.width * b.height)[0];
						return {
							figure,
							text: text.textContent?.trim() ?? '',
							px: size,
							box,
							inside:
								left >= frame.left - 0.5 &&
								right <= frame.right + 0.5 &&
								box.top >= frame.top - 0.5 &&
								box.bottom <= frame.bottom + 0.5,
							inBox:
								!around ||
								(left >= around.left - 0.5 &&
									right <= around.right + 0.5 &&
									box.top >= around.top - 0.5 &&
									box.bottom <= around.bottom + 0.5),
						} satisfies FigureText;
					});
				})
			);
			const small = texts
				.filter((text) => text.px < minFontPx)
				.map((text) => `${text.figure}: “${text.text}” at ${text.px.toFixed(1)} px`);
			expect(small).toEqual([]);
			const outside = texts
				.filter((text) => !text.inside)
				.map((text) => `${text.figure}: “${text.text}”`);
			expect(outside).toEqual([]);
			const overflowing = texts
				.filter((text) => !text.inBox)
				.map((text) => `${text.figure}: “${text.text}”`);
			expect(overflowing).toEqual([]);
			const overlapping = texts.flatMap((a, i) =>
				texts
					.slice(i + 1)
					.filter((b) => a.figure === b.figure && overlap(a.box, b.box))
					.map((b) => `${a.figure}: “${a.text}” and “${b.text}”`)
			);
			expect(overlapping).toEqual([]);

			// A caption's lines start at the same edge; a caption of one line is centred.
			const captions = await tab.page.evaluate(() =>
				[...document.querySelectorAll('.course-figure figcaption')].map((caption) => {
					const range = document.createRange();
					range.selectNodeContents(caption);
					const lines = new Map<number, { left: number; right: number }>();
					for (const rect of range.getClientRects()) {
						const top = Math.round(rect.top);
						const line = lines.get(top);
						lines.set(top, {
							left: Math.min(line?.left ?? Infinity, rect.left),
							right: Math.max(line?.right ?? -Infinity, rect.right),
						});
					}
					const frame = caption.getBoundingClientRect();
					return { frame: { left: frame.left, right: frame.right }, lines: [...lines.values()] };
				})
			);
			for (const { frame, lines } of captions) {
				const [first, ...rest] = lines;
				if (!first) continue;
				if (rest.length)
					for (const line of rest) expect(Math.abs(line.left - first.left)).toBeLessThan(1);
				else
					expect(
						Math.abs(first.left - frame.left - (frame.right - first.right)),
						'a one-line caption is centred'
					).toBeLessThan(2);
			}
		}
	);
});
