/**
 * How long `node bin/corso.mjs compose check FILE` takes as a whole process, start-up included,
 * on a realistic ten-service Compose file, next to `docker-compose -f FILE config -q` (version 1,
 * Debian's package) on the same file: what an instructor compares when choosing a check for a
 * course repository's CI. Runs alternate between the two, so that a busy machine slows both
 * alike; the figures are the medians of each and of the ratio within each pair. Target: at most
 * 0.5 × docker-compose. Without docker-compose on the PATH, only our times are printed.
 *
 * "Warm" is every run after the first on a machine, which finds the stripped TypeScript in place
 * (as docker-compose finds the bytecode Debian compiles at install); "cold" is a first run, each
 * with a new empty temporary directory, as on a fresh CI runner.
 * `node bench/cli.ts` prints the table alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The realistic file: a web shop of ten services on three networks, clean for both tools. */
export const tenServices = join(import.meta.dirname, '../tests/fixtures/compose/ten-services.yml');

const entryPoint = join(import.meta.dirname, '../bin/corso.mjs');
const pairs = 20;

/** One line of the table. */
export interface CliBenchRow {
	benchmark: string;
	'median ms': number;
	'median ratio'?: number;
	runs: number;
}

/** Milliseconds one run of the command takes, exit status checked. */
function time(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
	const start = performance.now();
	const result = spawnSync(command, args, {
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8',
		env,
	});
	const elapsed = performance.now() - start;
	if (result.error) throw result.error;
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
	return elapsed;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = ((sorted[(sorted.length - 1) >> 1] ?? 0) + (sorted[sorted.length >> 1] ?? 0)) / 2;
	return Math.round(middle * 100) / 100;
}

/** Whether `docker-compose` runs here. */
function hasDockerCompose(): boolean {
	return spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
}

/** The medians of ours (warm and cold) and, where it is installed, of docker-compose. */
export function benchCli(file = tenServices): CliBenchRow[] {
	const ours = () => time(process.execPath, [entryPoint, 'compose', 'check', file]);
	const cold = () => {
		const cache = mkdtempSync(join(tmpdir(), 'corso-cold-'));
		try {
			return time(process.execPath, [entryPoint, 'compose', 'check', file], {
				...process.env,
				// The cache of stripped TypeScript lives in the temporary directory.
				TMPDIR: cache,
			});
		} finally {
			rmSync(cache, { recursive: true, force: true });
		}
	};
	const theirs = hasDockerCompose()
		? () => time('docker-compose', ['-f', file, 'config', '-q'])
		: undefined;

	// A first run of each fills the caches (ours) and the page cache (both); it is not counted.
	ours();
	theirs?.();
	const warm: number[] = [];
	const first: number[] = [];
	const reference: number[] = [];
	const warmRatio: number[] = [];
	const coldRatio: number[] = [];
	for (let index = 0; index < pairs; index += 1) {
		const oursMs = ours();
		const theirsMs = theirs?.();
		const coldMs = cold();
		// Each of ours against the docker-compose run next to it.
		const nextTheirsMs = theirs?.();
		warm.push(oursMs);
		first.push(coldMs);
		if (theirsMs !== undefined && nextTheirsMs !== undefined) {
			reference.push(theirsMs, nextTheirsMs);
			warmRatio.push(oursMs / theirsMs);
			coldRatio.push(coldMs / nextTheirsMs);
		}
	}
	const name = 'node bin/corso.mjs compose check (10 services)';
	const ratio = (values: number[]) => (values.length ? { 'median ratio': median(values) } : {});
	return [
		{ benchmark: `${name}, warm`, 'median ms': median(warm), ...ratio(warmRatio), runs: pairs },
		{ benchmark: `${name}, cold`, 'median ms': median(first), ...ratio(coldRatio), runs: pairs },
		...(reference.length
			? [
					{
						benchmark: 'docker-compose -f FILE config -q',
						'median ms': median(reference),
						runs: reference.length,
					},
				]
			: []),
	];
}

/** Prints the table, with the target or with why there is no ratio. */
export function printCliBench(): void {
	const rows = benchCli();
	const compared = rows.some((row) => row['median ratio'] !== undefined);
	console.log(
		compared
			? '\nThe Compose check as a whole process, against docker-compose on the same file (median of paired runs; target: warm ratio at most 0.5):'
			: '\nThe Compose check as a whole process (median of runs; docker-compose is not on the PATH, so no ratio):'
	);
	console.table(rows);
}

if (import.meta.main) printCliBench();
