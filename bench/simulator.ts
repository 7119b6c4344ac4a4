/**
 * How fast the simulated Docker host answers: the median of one command on a host that already
 * has a few containers, networks and volumes (target: under 5 ms, so the terminal answers at
 * once), and of a 1,000-command script from a fresh host (target: under 1 s).
 * `node bench/simulator.ts` prints the table.
 */
import { createHost, runCommand, runScript } from '../src/lib/simulator/index.ts';

/** One line of the benchmark table. */
export interface SimulatorBenchRow {
	name: string;
	medianMs: number;
	runs: number;
}

function medianOf(work: () => unknown, runs: number): number {
	for (let i = 0; i < 3; i++) work();
	const times = Array.from({ length: runs }, () => {
		const start = performance.now();
		work();
		return performance.now() - start;
	}).sort((a, b) => a - b);
	return Math.round(((times[(runs - 1) >> 1] ?? 0) + (times[runs >> 1] ?? 0)) * 50) / 100;
}

/**
 * A realistic session of `count` commands: containers come and go on a network, about twenty
 * alive at a time, each writing to a shared volume and pinging the one before it.
 */
export function generateScript(count: number): string {
	const lines = ['docker network create rete', 'docker volume create dati'];
	for (let i = 0; lines.length < count; i++)
		lines.push(
			`docker run -d --name c${i} --network rete -v dati:/dati alpine sleep 1d`,
			`docker exec c${i} sh -c 'echo ${i} > /dati/f${i % 5}'`,
			`docker exec c${i} ping -c 1 c${Math.max(0, i - 1)}`,
			'docker ps',
			...(i >= 19 ? [`docker rm -f c${i - 19}`] : [])
		);
	return lines.slice(0, count).join('\n');
}

/** The medians, in milliseconds. */
export function benchSimulator(): SimulatorBenchRow[] {
	let state = createHost();
	for (const line of [
		'docker network create rete',
		...Array.from({ length: 10 }, (_, i) => `docker run -d --name w${i} --network rete nginx`),
		'docker volume create dati',
	])
		state = runCommand(state, line).state;
	const script = generateScript(1000);
	return [
		{
			name: 'simulator: one command (docker ps, 10 containers)',
			medianMs: medianOf(() => runCommand(state, 'docker ps'), 200),
			runs: 200,
		},
		{
			name: 'simulator: one command (docker run -d)',
			medianMs: medianOf(
				() => runCommand(state, 'docker run -d --network rete alpine sleep 1d'),
				200
			),
			runs: 200,
		},
		{
			name: 'simulator: a 1,000-command script',
			medianMs: medianOf(() => runScript(script), 10),
			runs: 10,
		},
	];
}

if (import.meta.main) console.table(benchSimulator());
