/**
 * `npm test`: every check of the project, in order, stopping at the first that fails.
 * `node scripts/test.ts <step> …` runs only the named steps (`npm run test:build`, …).
 *
 * The last line, `Tests: N passed, N failed`, counts each test vitest ran and one test per other
 * step (a check: formatting, lint, types, build); CI reads it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { previewBuiltSite, TEST_BASE, type BuiltSiteServer } from './built-site.ts';

interface Step {
	name: string;
	title: string;
	command: string[];
	env?: Record<string, string>;
	/** Tests of the built site: they share one preview server, started before the first of them. */
	site?: boolean;
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
		site: true,
	},
	{
		name: 'parity',
		title: 'Translation parity',
		command: siteTests('tests/site/parity.test.ts', 'tests/site/glossary.test.ts'),
		site: true,
	},
	{ name: 'e2e', title: 'End to end in Chromium', command: siteTests('tests/e2e'), site: true },
	{
		name: 'budget',
		title: 'Byte budgets',
		command: siteTests('tests/site/budget.test.ts', 'tests/site/preload.test.ts'),
		site: true,
	},
];

interface Outcome {
	status: number | null;
	signal: NodeJS.Signals | null;
	/** Set when the command could not be started at all (not installed, not on PATH). */
	error?: NodeJS.ErrnoException;
}

/** Runs a command with the terminal as its own, without blocking the preview server's requests. */
function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
	return new Promise((resolve) => {
		const child = spawn(bin, args, { stdio: 'inherit', env });
		child.once('error', (error) => resolve({ status: null, signal: null, error }));
		child.once('close', (status, signal) => resolve({ status, signal }));
	});
}

/** Why a step failed, in a few words, or `''` when it passed. */
function failure(outcome: Outcome, command: string[]): string {
	const shown = `\`${command.join(' ')}\``;
	if (outcome.error) {
		const hint =
			outcome.error.code === 'ENOENT' ? ' (not on PATH: run `npm ci`, then `npm test`)' : '';
		return `could not start ${shown}: ${outcome.error.message}${hint}`;
	}
	if (outcome.signal) return `${shown} was stopped by ${outcome.signal}`;
	if (outcome.status !== 0) return `${shown} exited with ${outcome.status}`;
	return '';
}

interface VitestReport {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
}

function readReport(file: string): VitestReport | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
	} catch {
		return undefined;
	}
}

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
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const selected = steps.filter((s) => !wanted.length || wanted.includes(s.name));
let passed = 0;
let failed = 0;
/** What each vitest step counted, e.g. `e2e 96 (3 failed)`. */
const counted: string[] = [];
/** The other steps, one test each, e.g. `lint` or `lint (failed)`. */
const checks: string[] = [];
let exitCode = 0;
let server: BuiltSiteServer | undefined;

try {
	for (const [index, step] of selected.entries()) {
		console.log(`\n━━ ${step.title} ━━`);
		const started = Date.now();
		const [bin, ...args] = step.command as [string, ...string[]];
		const isVitest = bin === 'vitest';
		const report = join(reports, `${step.name}.json`);
		if (isVitest) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${report}`);

		let reason = '';
		let outcome: Outcome | undefined;
		if (step.site && !server) {
			try {
				server = await previewBuiltSite();
				console.log(`Serving the build at ${server.url} for the site steps.`);
			} catch (error) {
				reason = `could not serve the build: ${error instanceof Error ? error.message : String(error)}`;
			}
		}
		if (!reason) {
			outcome = await run(bin, args, {
				...process.env,
				...step.env,
				...(step.site && server && { TEST_SITE_URL: server.url }),
			});
			reason = failure(outcome, step.command);
		}

		if (isVitest) {
			const ran = outcome !== undefined && !outcome.error;
			const json = ran ? readReport(report) : undefined;
			if (ran && !json) reason = `${reason || 'it passed'}, but wrote no report to ${report}`;
			const notes: string[] = [];
			if (json) {
				passed += json.numPassedTests;
				failed += json.numFailedTests;
				if (json.numFailedTests) notes.push(`${json.numFailedTests} failed`);
				const skipped = json.numPendingTests + json.numTodoTests;
				if (skipped) notes.push(`${skipped} skipped`);
			}
			// A run that stopped before its report, or failed outside any test (a file that does not
			// load, an error between tests), counts as one failed test rather than as nothing.
			if (reason && !json?.numFailedTests) {
				failed += 1;
				notes.push('1 failed outside any test');
			}
			const total = json ? json.numPassedTests + json.numFailedTests : 0;
			counted.push(`${step.name} ${total}${notes.length ? ` (${notes.join(', ')})` : ''}`);
		} else if (reason) {
			failed += 1;
			checks.push(`${step.name} (failed)`);
		} else {
			passed += 1;
			checks.push(step.name);
		}

		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		console.log(
			`── ${step.title}: ${reason ? `FAILED (${seconds} s): ${reason}` : `ok (${seconds} s)`}`
		);
		if (reason) {
			exitCode = outcome?.status || 1;
			const skipped = selected.slice(index + 1).map((s) => s.name);
			if (skipped.length) console.log(`\nNot run after that failure: ${skipped.join(', ')}.`);
			break;
		}
	}
} finally {
	await server?.stop();
}

console.log('');
if (counted.length) console.log(`vitest tests: ${counted.join(', ')}`);
if (checks.length) console.log(`checks (one test each): ${checks.join(', ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exitCode = exitCode;
