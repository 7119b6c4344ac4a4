import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { labPages, pageTypes, pageWeight, type PageType } from '../../scripts/built-site';

interface Budgets {
	starlightBaseline: number;
	pages: Record<PageType, number>;
	deferred: Partial<Record<PageType, number>>;
	labs: Record<keyof typeof labPages, number>;
}

const budgets = JSON.parse(
	readFileSync(join(process.cwd(), 'tests/site/budgets.json'), 'utf8')
) as Budgets;

describe('byte budgets of the built pages', () => {
	test('a plain chapter page runs no more than Starlight’s own JavaScript + 2 KB', () => {
		expect(budgets.pages.plainChapter).toBeLessThanOrEqual(budgets.starlightBaseline + 2048);
	});

	// 23 KB since the quiz checks each stored answer against today's questions, merges two tabs,
	// contains a broken question and shows the whole test review (3.6 KB, 1.4 KB of it the chunks
	// it shares with the review page and the home page's count), and gives hints before answers,
	// reads numbers with units and decimal commas, and words counts and lists through Intl (0.9 KB).
	// 23.5 KB since every page registers the service worker and wires "read the course offline"
	// (0.55 KB: home, 404, quiz and review budgets rose by as much; a plain chapter's fits its own).
	test('a quiz page runs no more than a chapter’s budget + 23.5 KB', () => {
		expect(budgets.pages.quiz).toBeLessThanOrEqual(budgets.pages.plainChapter + 23.5 * 1024);
	});

	test('the scheduler of the spaced review loads on the review page only', () => {
		expect(budgets.pages.review).toBeLessThanOrEqual(budgets.pages.quiz + 8 * 1024);
	});

	test.each(
		(Object.keys(pageTypes) as PageType[]).flatMap((type) =>
			(['it', 'en'] as const).map((lang) => ({ type, lang }))
		)
	)('$type ($lang) stays within its JavaScript budget', ({ type, lang }) => {
		const { jsGzip } = pageWeight(pageTypes[type][lang]);
		expect(jsGzip, `${type} (${lang}) loads ${jsGzip} B of gzipped JavaScript`).toBeLessThanOrEqual(
			budgets.pages[type]
		);
	});

	test.each(
		(Object.keys(budgets.deferred) as PageType[]).flatMap((type) =>
			(['it', 'en'] as const).map((lang) => ({ type, lang }))
		)
	)(
		'$type ($lang) loads no more than its budget when the reader scrolls to the quiz',
		({ type, lang }) => {
			const { deferredJsGzip } = pageWeight(pageTypes[type][lang]);
			expect(deferredJsGzip).toBeGreaterThan(0);
			expect(deferredJsGzip).toBeLessThanOrEqual(budgets.deferred[type]!);
		}
	);

	test.each(
		(Object.keys(labPages) as (keyof typeof labPages)[]).flatMap((page) =>
			(['it', 'en'] as const).map((lang) => ({ page, lang }))
		)
	)('$page ($lang) loads no more than its budget before its heavy parts', ({ page, lang }) => {
		const { jsGzip } = pageWeight(labPages[page][lang]);
		expect(jsGzip, `${page} (${lang}) loads ${jsGzip} B`).toBeLessThanOrEqual(budgets.labs[page]);
	});

	// 92 KB since the island holds its worker's client, the checks of an opened state and of a cut
	// link, and the notices that offer a download (about 1.5 KB). With workers, what loads after
	// first paint is the worker (70 KB) in place of the analyser counted here (71 KB).
	test('the Compose page, with the analyser it loads after first paint, stays within 92 KB of a plain chapter', () => {
		const total = (path: string) => {
			const weight = pageWeight(path);
			return weight.jsGzip + weight.lazyJsGzip;
		};
		for (const lang of ['it', 'en'] as const) {
			const extra = total(labPages.composeLab[lang]) - total(pageTypes.plainChapter[lang]);
			expect(extra, `${lang}: ${extra} B above a plain chapter`).toBeLessThanOrEqual(92 * 1024);
		}
	});
});
