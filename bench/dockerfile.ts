/**
 * How long the Dockerfile builder takes to read and check a large file: parse and lint of a
 * generated 1,000-instruction Dockerfile, median of 30 runs after a warm-up. The target is 20 ms,
 * so the builder can re-check on every keystroke. `node bench/dockerfile.ts` prints the table.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { lint, parse, print } from '../src/lib/dockerfile/index.ts';

const instructionCount = 1000;
const warmUps = 10;
const runs = 30;

/** One line of the benchmark table. */
export interface BenchRow {
	name: string;
	medianMs: number;
	runs: number;
}

/**
 * Medians of parse and lint together (the figure with the 20 ms target), then of each part, and of
 * `dockerfile-ast` alone, the floor under our parse.
 */
export function benchDockerfile(): BenchRow[] {
	const text = generateDockerfile(instructionCount);
	const model = parse(text);
	const work: [name: string, run: () => unknown][] = [
		[`parse + lint (${instructionCount} instructions)`, () => lint(parse(text))],
		['parse', () => parse(text)],
		['lint', () => lint(model)],
		['print', () => print(model)],
		['dockerfile-ast alone', () => DockerfileParser.parse(text)],
	];
	// Warm every function up before timing any, so the first row does not pay for the compiler.
	for (let index = 0; index < warmUps; index += 1) for (const [, run] of work) run();
	return work.map(([name, run]) => measure(name, run));
}

/** A Dockerfile of realistic instructions, a new stage every 100, with findings to report. */
export function generateDockerfile(count: number): string {
	const body = [
		'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*',
		'WORKDIR /app',
		'ENV NODE_ENV=production PORT=3000',
		'COPY --chown=node:node package.json package-lock.json ./',
		'RUN npm ci --omit=dev',
		'# copy the sources',
		'COPY . .',
		'ARG VERSION=1.0',
		'LABEL org.opencontainers.image.version="$VERSION"',
		'RUN curl -fsSL https://example.com/install.sh | sh',
		'EXPOSE 3000/tcp 9229',
		'USER node',
		'HEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 1',
		'CMD ["node", "server.js"]',
	];
	const lines: string[] = [];
	for (let index = 0; lines.length < count; index += 1) {
		if (lines.length % 100 === 0) lines.push(`FROM node:22-alpine AS stage${lines.length / 100}`);
		else lines.push(body[index % body.length] ?? '');
	}
	return `${lines.join('\n')}\n`;
}

function measure(name: string, work: () => unknown): BenchRow {
	const times: number[] = [];
	for (let index = 0; index < runs; index += 1) {
		const started = performance.now();
		work();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const middle = Math.floor(runs / 2);
	const median =
		runs % 2 ? (times[middle] ?? 0) : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
	return { name, medianMs: Math.round(median * 100) / 100, runs };
}

if (import.meta.main) console.table(benchDockerfile());
