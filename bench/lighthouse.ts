/**
 * Lighthouse (mobile, simulated throttling: its default) on the test build, per page type and
 * language: the bytes each page ships (`pageWeight`), the four category scores and the paint and
 * shift metrics of the median of a few runs, and the range of the performance score over them.
 * Called by `npm run bench` when Chromium is present; on its own, `node bench/lighthouse.ts
 * [type…]` audits the build already in `dist/` (all types, or those named). `LIGHTHOUSE_RUNS` sets
 * the runs per page (3 by default). Timed results, so never part of `npm test`.
 */
import { existsSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import * as medianRun from 'lighthouse/core/lib/median-run.js';
import {
	auditedPages,
	chromiumArgs,
	chromiumPath,
	labPages,
	pageTypes,
	pageWeight,
	previewBuiltSite,
} from '../scripts/built-site.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One page's audit: scores out of 100, times in milliseconds, bytes gzip. */
export interface LighthouseRow {
	page: string;
	scores: Record<(typeof categories)[number], number>;
	fcpMs: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	htmlGzip: number;
	jsGzip: number;
	/** The audits below full marks, for the categories other than performance. */
	failing: string[];
	/** The lowest and highest performance score of the runs the median was taken from. */
	performanceRange: [number, number];
	/** Lighthouse's measure of the machine's speed during the median run (higher is faster). */
	benchmarkIndex: number;
}

/**
 * Runs per page. The simulated metrics scale the tasks the machine really ran, so a busy or slow
 * moment moves a score by 5–10 points; Lighthouse's documentation on variability advises the
 * median of several runs, chosen as its own tools choose it (`computeMedianRun`).
 */
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 3);

/** Every page Lighthouse looks at, by type: the weighed ones and the other kinds of page. */
export const lighthousePages: Record<string, { it: string; en: string }> = {
	...pageTypes,
	...labPages,
	...auditedPages,
};

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

// Its declaration names a global `LH` namespace that is not in scope here: the same type, spelled out.
const { computeMedianRun } = medianRun as unknown as {
	computeMedianRun: (runs: readonly Result[]) => Result;
};

const score = (lhr: Result, category: (typeof categories)[number]) =>
	Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** One Lighthouse run on the page, in a browser of its own. */
async function audit(url: string): Promise<Result> {
	const chrome = await launch({
		chromePath: chromiumPath,
		chromeFlags: [...chromiumArgs, '--headless=new'],
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: [...categories],
		});
		if (!result?.lhr) throw new Error(`Lighthouse gave no result for ${url}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}

/**
 * Audits the given page types (all by default) on a running server of the build; undefined when
 * there is no Chromium. Each audit gets a browser of its own (chrome-launcher gives each a fresh
 * profile): in a shared browser the second language found the scripts both pages load already
 * compiled by the first, and scored higher for it.
 */
export async function benchLighthouse(
	siteUrl: string,
	types: readonly string[] = Object.keys(lighthousePages)
): Promise<LighthouseRow[] | undefined> {
	if (!existsSync(chromiumPath)) return undefined;
	const rows: LighthouseRow[] = [];
	for (const type of types) {
		const paths = lighthousePages[type];
		if (!paths)
			throw new Error(`No page type ${type}: one of ${Object.keys(lighthousePages).join(', ')}`);
		for (const lang of ['it', 'en'] as const) {
			const path = paths[lang];
			const results = [];
			for (let run = 0; run < runs; run++) results.push(await audit(new URL(path, siteUrl).href));
			const lhr = computeMedianRun(results);
			const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
			const performance = results.map((result) => score(result, 'performance'));
			const weight = pageWeight(path);
			const failing = categories
				.filter((category) => category !== 'performance')
				.flatMap((category) => lhr.categories[category]?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
				.map((ref) => ref.id);
			rows.push({
				page: `${type} (${lang})`,
				scores: Object.fromEntries(
					categories.map((category) => [category, score(lhr, category)])
				) as LighthouseRow['scores'],
				fcpMs: metric('first-contentful-paint'),
				lcpMs: metric('largest-contentful-paint'),
				tbtMs: metric('total-blocking-time'),
				cls: metric('cumulative-layout-shift'),
				htmlGzip: weight.htmlGzip,
				jsGzip: weight.jsGzip,
				failing,
				performanceRange: [Math.min(...performance), Math.max(...performance)],
				benchmarkIndex: lhr.environment.benchmarkIndex,
			});
		}
	}
	return rows;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the audits as a table, with the load average they ran under (the figures are simulated, but CPU-bound). */
export function printLighthouse(rows: readonly LighthouseRow[], load: readonly number[]): void {
	console.log(
		`\nLighthouse, mobile with simulated throttling, the median of ${runs} run${runs === 1 ? '' : 's'} per page (load average ${load.map((value) => value.toFixed(2)).join(' ')}; target: 98/100/100/100):`
	);
	console.table(
		rows.map((row) => ({
			page: row.page,
			perf: row.scores.performance,
			'perf runs': row.performanceRange.join('–'),
			a11y: row.scores.accessibility,
			bp: row.scores['best-practices'],
			seo: row.scores.seo,
			'FCP s': (row.fcpMs / 1000).toFixed(2),
			'LCP s': (row.lcpMs / 1000).toFixed(2),
			'TBT ms': Math.round(row.tbtMs),
			CLS: row.cls.toFixed(3),
			'HTML gzip': kb(row.htmlGzip),
			'JS gzip': kb(row.jsGzip),
			speed: Math.round(row.benchmarkIndex),
			failing: row.failing.join(' '),
		}))
	);
}

if (import.meta.main) {
	const { loadavg } = await import('node:os');
	const server = await previewBuiltSite();
	try {
		const types = process.argv.slice(2);
		const rows = await benchLighthouse(server.url, types.length > 0 ? types : undefined);
		if (rows) printLighthouse(rows, loadavg());
		else console.log('Lighthouse: skipped, no Chromium (set CHROMIUM_PATH).');
	} finally {
		await server.stop();
	}
}
