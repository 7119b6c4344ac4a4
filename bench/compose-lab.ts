/**
 * How the Compose generator copes with large files. In Node, `benchComposeLimits()` times the
 * layout at the diagram's limits, the figures `maxDiagramNodes` and `maxDiagramEdges` were chosen
 * by (target: well under 100 ms), and the whole analysis of a file far past them. In Chromium on
 * a served build, `benchComposeLab()` watches the lab page while a learner pastes 200 services,
 * types in them, and pastes 200 services each on 199 networks: the time until the page shows the
 * analysis, and the longest task that kept the tab busy meanwhile (target: none over 200 ms).
 * `node bench/compose-lab.ts` prints the Node table.
 */
import { chromiumArgs, chromiumPath } from '../scripts/built-site.ts';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
	analyzeCompose,
	diagramSize,
	maxDiagramEdges,
	maxDiagramNodes,
} from '../src/lib/compose/analyze.ts';
import { layoutTopology } from '../src/lib/compose/layout.ts';
import { buildModel, type TopologyModel } from '../src/lib/compose/model.ts';
import { parseCompose } from '../src/lib/compose/parse.ts';
import { validateCompose } from '../src/lib/compose/validate.ts';
import { generateComposeFile } from './compose.ts';
import { longestTask, median, paste, watchLongTasks } from './longtasks.ts';

/**
 * `services` services, each on every one of `networks` networks (services × networks lines in
 * the diagram), the networks listed in flow style so that 200 × 199 stays under the size limit.
 */
export function meshComposeFile(services: number, networks: number): string {
	const names = Array.from({ length: networks }, (_, index) => `n${index}`).join(', ');
	const lines = ['services:'];
	for (let index = 0; index < services; index++)
		lines.push(`  s${index}:`, '    image: alpine', `    networks: [${names}]`);
	lines.push('networks:');
	for (let index = 0; index < networks; index++) lines.push(`  n${index}:`);
	return `${lines.join('\n')}\n`;
}

/** One figure of the lab's benchmark: the median and the worst of a few runs. */
export interface LabRow {
	name: string;
	medianMs: number;
	worstMs: number;
	runs: number;
}

function modelOf(text: string): TopologyModel {
	const parsed = parseCompose(text);
	const file = parsed.ok ? validateCompose(parsed.data).file : undefined;
	if (!file) throw new Error('The benchmark file should be valid.');
	return buildModel(file);
}

/** Median and worst of `runs` timings of `work`, after a warm-up. */
function time(name: string, work: () => unknown, runs = 15): LabRow {
	for (let index = 0; index < 3; index++) work();
	const times = Array.from({ length: runs }, () => {
		const started = performance.now();
		work();
		return performance.now() - started;
	});
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return { name, medianMs: round(median(times)), worstMs: round(Math.max(...times)), runs };
}

/**
 * The layout at the limits: the box limit and the line limit at once, then the 100-service file
 * of `bench/compose.ts` for comparison, and a small diagram of many dependencies, the costliest
 * kind of line; then the whole analysis of 200 services each on 199 networks, which is checked
 * but not placed.
 */
export function benchComposeLimits(): LabRow[] {
	// 200 services, 50 networks, 50 volumes, 100 host paths: 400 boxes; each service on a network
	// with a named volume, every other one a host path too: 500 lines.
	const atLimits = [
		'services:',
		...Array.from({ length: 200 }, (_, index) => [
			`  s${index}:`,
			'    image: alpine',
			`    networks: [n${index % 50}]`,
			`    volumes: ["v${index % 50}:/data"${index % 2 ? '' : `, "./data/${index}:/in"`}]`,
		]).flat(),
		'networks:',
		...Array.from({ length: 50 }, (_, index) => `  n${index}:`),
		'volumes:',
		...Array.from({ length: 50 }, (_, index) => `  v${index}:`),
		'',
	].join('\n');
	// 50 services on 10 networks, each waiting for an earlier one: 60 boxes, 100 lines.
	const small = [
		'services:',
		...Array.from({ length: 50 }, (_, index) => [
			`  s${index}:`,
			'    image: alpine',
			`    networks: [n${index % 10}]`,
			...(index ? [`    depends_on: [s${(index * 7) % index}]`] : ['    expose: ["80"]']),
		]).flat(),
		'networks:',
		...Array.from({ length: 10 }, (_, index) => `  n${index}:`),
		'',
	].join('\n');
	const limits = modelOf(atLimits);
	const few = modelOf(small);
	const hundred = modelOf(generateComposeFile());
	const size = diagramSize(limits);
	if (size.nodes !== maxDiagramNodes || size.edges !== maxDiagramEdges)
		throw new Error(`The file at the limits has ${size.nodes} boxes and ${size.edges} lines.`);
	const mesh = meshComposeFile(200, 199);
	if (analyzeCompose(mesh).diagram) throw new Error('200 × 199 should be past the line limit.');
	return [
		time(`layout at the limits (${maxDiagramNodes} boxes, ${maxDiagramEdges} lines)`, () =>
			layoutTopology(limits, 'en')
		),
		time('layout at the limits, top to bottom', () =>
			layoutTopology(limits, 'en', { direction: 'TB' })
		),
		time('layout of the 100-service benchmark file (180 boxes, 434 lines)', () =>
			layoutTopology(hundred, 'en')
		),
		time('layout of 60 boxes and 100 lines with dependencies (finest passes)', () =>
			layoutTopology(few, 'en')
		),
		time(
			'whole analysis of 200 services each on 199 networks (not placed)',
			() => analyzeCompose(mesh),
			5
		),
	];
}

/** What the page shows once it has analysed each file, tested inside the page. */
const shown = {
	/** A diagram that has the file's last service, or the note of a limit. */
	drawnOrLimited: (last: string) =>
		`[...document.querySelectorAll('.cd-output svg[role="img"] .cd-title')].some((box) => box.textContent === ${JSON.stringify(last)}) || /\\d+ (collegamenti|tra servizi, reti e volumi)/.test(document.querySelector('.cd-findings')?.textContent ?? '')`,
	finding: (rule: string) =>
		`(document.querySelector('.cd-findings')?.textContent ?? '').includes(${JSON.stringify(rule)})`,
};

/** What one fresh tab measured: the time until the page showed the analysis, and the longest task. */
interface TabRun {
	ms: number;
	longest: number;
}

/** Waits, from now, until the page shows what `done` looks for; the time it took. */
async function until(page: Page, done: string): Promise<number> {
	const started = Date.now();
	await page.waitForFunction(done, null, { polling: 50, timeout: 180_000 });
	return Date.now() - started;
}

/** Whatever follows the analysis (drawing, saving) belongs to the learner's action too. */
const settleMs = 1500;

async function labPage(browser: Browser, pageUrl: string) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(pageUrl, { waitUntil: 'networkidle' });
	const editor = page.getByLabel('File Compose (compose.yaml)');
	await editor.waitFor();
	// The worker loads after first paint; the learner reads a moment before pasting.
	await page.waitForTimeout(1000);
	return { context, page, editor };
}

/** A paste in a fresh tab, watched from the paste until the analysis is on screen and settled. */
async function pasteOnce(browser: Browser, pageUrl: string, text: string, last: string) {
	const { context, page, editor } = await labPage(browser, pageUrl);
	try {
		await watchLongTasks(page);
		await paste(editor, text);
		const ms = await until(page, shown.drawnOrLimited(last));
		await page.waitForTimeout(settleMs);
		return { ms, longest: await longestTask(page) };
	} finally {
		await context.close();
	}
}

/**
 * Typing at the top of a pasted file, a key every 80 ms (a quick typist), watched from the first
 * key until the analysis of the new text is on screen and settled; the time from the last key.
 */
async function typeOnce(browser: Browser, pageUrl: string, text: string, last: string) {
	const { context, page, editor } = await labPage(browser, pageUrl);
	try {
		await paste(editor, text);
		await until(page, shown.drawnOrLimited(last));
		await page.waitForTimeout(settleMs);
		await editor.focus();
		await page.keyboard.press('Control+Home');
		await watchLongTasks(page);
		await page.keyboard.type('version: "3"\n', { delay: 80 });
		const ms = await until(page, shown.finding('obsolete-version'));
		await page.waitForTimeout(settleMs);
		return { ms, longest: await longestTask(page) };
	} finally {
		await context.close();
	}
}

function rows(name: string, runs: TabRun[]): LabRow[] {
	return [
		{
			name: `${name} (until on screen)`,
			medianMs: median(runs.map(({ ms }) => ms)),
			worstMs: Math.max(...runs.map(({ ms }) => ms)),
			runs: runs.length,
		},
		{
			name: `${name} (longest task)`,
			medianMs: median(runs.map(({ longest }) => longest)),
			worstMs: Math.max(...runs.map(({ longest }) => longest)),
			runs: runs.length,
		},
	];
}

/** How many fresh tabs each figure is taken over. */
const labRuns = 3;

/**
 * The generator on the lab page of a served build (`siteUrl`, with its base path), in headless
 * Chromium, each figure over fresh tabs: a paste of 200 services (10 networks, 50 volumes), typing
 * in it, a paste of 200 services each on 199 networks, and a paste of 100 services, drawn. A
 * longest task of 0 means no task passed 50 ms. `null` without Chromium.
 */
export async function benchComposeLab(siteUrl: string): Promise<LabRow[] | null> {
	if (!existsSync(chromiumPath)) return null;
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const pageUrl = new URL('lab/compose/', siteUrl).href;
	const repeat = async (run: () => Promise<TabRun>) => {
		const runs: TabRun[] = [];
		for (let index = 0; index < labRuns; index++) runs.push(await run());
		return runs;
	};
	try {
		const two = generateComposeFile(200);
		const mesh = meshComposeFile(200, 199);
		const hundred = generateComposeFile(100);
		return [
			...rows(
				'lab: paste 200 services',
				await repeat(() => pasteOnce(browser, pageUrl, two, 'service-199'))
			),
			...rows(
				'lab: type 13 keys into those 200 services',
				await repeat(() => typeOnce(browser, pageUrl, two, 'service-199'))
			),
			...rows(
				'lab: paste 200 services each on 199 networks',
				await repeat(() => pasteOnce(browser, pageUrl, mesh, 's199'))
			),
			...rows(
				'lab: paste 100 services, drawn',
				await repeat(() => pasteOnce(browser, pageUrl, hundred, 'service-99'))
			),
		];
	} finally {
		await browser.close();
	}
}

if (import.meta.main) console.table(benchComposeLimits());
