/**
 * `npm test`: every check of the project, in order, stopping at the first that fails.
 * `node scripts/test.ts <step> …` runs only the named steps (`npm run test:build`, …).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_BASE } from './built-site.ts';

interface Step {
	name: string;
	title: string;
	command: string[];
	env?: Record<string, string>;
}

const siteTests = (...files: string[]) => [
	'vitest',
	'run',
	'--config',
	'vitest.site.config.ts',
	...files,
];

const steps: Step[] = [
	{ name: 'format', title: 'Formatting (prettier)', command: ['prettier', '--check', '.'] },
	// Typed lint needs the types Astro generates for content collections and `import.meta.env`.
	{ name: 'sync', title: 'Astro types (astro sync)', command: ['astro', 'sync'] },
	{
		name: 'lint',
		title: 'Lint (typescript-eslint)',
		command: ['eslint', '--max-warnings', '0', '.'],
	},
	{ name: 'types', title: 'Type check (astro check)', command: ['astro', 'check'] },
	{ name: 'unit', title: 'Unit and component tests', command: ['vitest', 'run'] },
	{
		name: 'build',
		title: `Production build under ${TEST_BASE}`,
		command: ['astro', 'build', '--force'],
		env: { BASE_PATH: TEST_BASE },
	},
	{
		name: 'crawl',
		title: 'Crawl of the built site',
		command: siteTests('tests/site/crawl.test.ts'),
	},
	{
		name: 'parity',
		title: 'Translation parity',
		command: siteTests('tests/site/parity.test.ts', 'tests/site/glossary.test.ts'),
	},
	{ name: 'e2e', title: 'End to end in Chromium', command: siteTests('tests/e2e') },
	{ name: 'budget', title: 'Byte budgets', command: siteTests('tests/site/budget.test.ts') },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length) {
	console.error(
		`Unknown step: ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}.`
	);
	process.exit(2);
}

const reports = join('test-results', 'vitest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
for (const step of steps.filter((s) => !wanted.length || wanted.includes(s.name))) {
	console.log(`\n━━ ${step.title} ━━`);
	const [bin, ...args] = step.command as [string, ...string[]];
	const report = join(reports, `${step.name}.json`);
	if (bin === 'vitest')
		args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);
	const started = Date.now();
	const result = spawnSync(bin, args, {
		stdio: 'inherit',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...step.env },
	});
	if (bin === 'vitest') {
		try {
			const json = JSON.parse(readFileSync(report, 'utf8')) as {
				numPassedTests: number;
				numFailedTests: number;
			};
			passed += json.numPassedTests;
			failed += json.numFailedTests;
		} catch {
			// No report: the run crashed before writing one; its exit status says so below.
		}
	} else if (result.status === 0) {
		passed += 1;
	}
	console.log(
		`── ${step.title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`
	);
	if (result.status !== 0) {
		if (bin !== 'vitest') failed += 1;
		console.log(`\nTests: ${passed} passed, ${Math.max(failed, 1)} failed`);
		process.exit(result.status ?? 1);
	}
}
console.log(`\nTests: ${passed} passed, ${failed} failed`);
