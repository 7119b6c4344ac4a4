/**
 * `npm run bench`: builds the site under the test base path and prints, per page type and
 * language, the bytes of HTML and of the JavaScript it runs at load (raw and gzip), and the build
 * time; then the logic's timings in Node, the Compose check's as a whole process (against
 * docker-compose where it is installed), and the Dockerfile builder's and the Compose lab's in
 * Chromium on the build; last, Lighthouse's scores and paint metrics per page type and language
 * (`bench/lighthouse.ts`).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import {
	labPages,
	pageTypes,
	pageWeight,
	previewBuiltSite,
	TEST_BASE,
} from '../scripts/built-site.ts';
import { printCliBench } from './cli.ts';
import { benchCompose } from './compose.ts';
import { benchComposeLab, benchComposeLimits } from './compose-lab.ts';
import { benchBuilder, benchDockerfile } from './dockerfile.ts';
import { benchSimulator } from './simulator.ts';
import { benchLighthouse, printLighthouse } from './lighthouse.ts';

const started = performance.now();
const build = spawnSync('astro', ['build', '--force'], {
	stdio: ['ignore', 'ignore', 'inherit'],
	env: { ...process.env, BASE_PATH: TEST_BASE, ASTRO_TELEMETRY_DISABLED: '1' },
});
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
	console.error('The build failed: run `npm run build` to see why.');
	process.exit(build.status ?? 1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pages: Record<string, { it: string; en: string }> = { ...pageTypes, ...labPages };
const rows = Object.keys(pages).flatMap((type) =>
	(['it', 'en'] as const).map((lang) => {
		const weight = pageWeight(pages[type]![lang]);
		return {
			page: `${type} (${lang})`,
			'HTML raw': kb(weight.htmlBytes),
			'HTML gzip': kb(weight.htmlGzip),
			'JS raw': kb(weight.jsBytes),
			'JS gzip': kb(weight.jsGzip),
			'JS on scroll (gzip)': kb(weight.deferredJsGzip),
			'JS after paint (gzip)': kb(weight.lazyJsGzip),
		};
	})
);
console.log(`Build under ${TEST_BASE}: ${buildSeconds.toFixed(1)} s`);
console.table(rows);

console.log('\nLogic in Node (median of repeated runs):');
console.table(
	[...benchDockerfile(), ...benchCompose(), ...benchSimulator()].map(
		({ name, medianMs, runs }) => ({
			benchmark: name,
			'median ms': medianMs,
			runs,
		})
	)
);
console.log('\nThe Compose diagram at its limits, in Node (target: layout well under 100 ms):');
console.table(
	benchComposeLimits().map(({ name, medianMs, worstMs, runs }) => ({
		benchmark: name,
		'median ms': medianMs,
		'worst ms': worstMs,
		runs,
	}))
);

printCliBench();

const server = await previewBuiltSite();
try {
	const builder = await benchBuilder(server.url);
	if (builder) {
		console.log(
			'\nThe Dockerfile builder in Chromium (median of fresh tabs; target: no task over 200 ms):'
		);
		console.table(
			builder.map(({ name, medianMs, runs }) => ({ benchmark: name, 'median ms': medianMs, runs }))
		);
	} else {
		console.log('\nThe Dockerfile builder in Chromium: skipped, no Chromium (set CHROMIUM_PATH).');
	}
	const lab = await benchComposeLab(server.url);
	if (lab) {
		console.log(
			'\nThe Compose lab in Chromium (fresh tabs; target: no task over 200 ms; 0: none over 50 ms):'
		);
		console.table(
			lab.map(({ name, medianMs, worstMs, runs }) => ({
				benchmark: name,
				'median ms': medianMs,
				'worst ms': worstMs,
				runs,
			}))
		);
	}
	const audits = await benchLighthouse(server.url);
	if (audits) printLighthouse(audits, loadavg());
	else console.log('\nLighthouse: skipped, no Chromium (set CHROMIUM_PATH).');
} finally {
	await server.stop();
}
