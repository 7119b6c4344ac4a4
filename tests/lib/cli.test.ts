import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { tenServices } from '../../bench/cli';
import { galleryExamples, lectureExample } from '../../src/lib/compose/examples';
import { inspectCompose } from '../../src/lib/compose/inspect';

const root = join(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'corso-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
	const path = join(folder, name);
	writeFileSync(path, text);
	return path;
}

const lecture = write('lecture.yml', lectureExample.source);
const valid = write('valid.yml', galleryExamples[0]?.source ?? '');
const dockerfile = write('Dockerfile', 'FROM ubuntu\nrun sudo apt-get install curl\n');
const gift = write('moodle.gift', '::vm:: Il guest gira sopra l’hypervisor? {T}\n');

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command from the project's root with the Node running the tests. */
function node(args: string[], env: NodeJS.ProcessEnv = {}): Run {
	const result = spawnSync(process.execPath, args, {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const corso = (args: string[], env?: NodeJS.ProcessEnv) => node(['bin/corso.mjs', ...args], env);

/** Every tool and command, with arguments that give findings, a clean result or a usage error. */
const commands: [tool: string, args: string[]][] = [
	['compose', ['check', lecture]],
	['compose', ['check', lecture, '--format', 'json', '--lang', 'en']],
	['compose', ['check', valid]],
	['compose', ['diagram', valid, '--direction', 'TB']],
	['compose', ['diagram', lecture]],
	['compose', ['render', valid]],
	['compose', ['--help', '--lang', 'en']],
	['dockerfile', ['lint', dockerfile]],
	['dockerfile', ['lint', dockerfile, '--format', 'json', '--lang', 'en']],
	['dockerfile', ['fmt', dockerfile]],
	['dockerfile', ['check', dockerfile]],
	['quiz', ['check']],
	['quiz', ['schema']],
	['quiz', ['export', '--format', 'gift', '--lang', 'en', '--topic', 'docker']],
	['quiz', ['import', '--format', 'gift', gift, '--lang', 'it', '--topic', 'hypervisor-types']],
	['quiz', ['import', gift]],
];

describe('bin/corso.mjs', () => {
	test.each(commands)(
		'%s %j answers as the tool’s own module does',
		(tool, args) => {
			const direct = node([`scripts/${tool}.ts`, ...args]);
			expect(corso([tool, ...args])).toEqual(direct);
			// The cases cover success, findings and usage errors alike.
			expect([0, 1, 2]).toContain(direct.status);
		},
		20_000
	);

	test('the npm scripts are its aliases: same output, same exit status', () => {
		for (const args of [
			['compose', 'check', lecture],
			['dockerfile', 'fmt', dockerfile],
			['compose', 'check'],
		]) {
			const npm = spawnSync('npm', ['run', '-s', args[0]!, '--', ...args.slice(1)], {
				cwd: root,
				encoding: 'utf8',
			});
			expect({ status: npm.status, stdout: npm.stdout, stderr: npm.stderr }).toEqual(corso(args));
		}
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
			bin: Record<string, string>;
		};
		expect(manifest.bin).toEqual({ corso: 'bin/corso.mjs' });
		expect(readFileSync(join(root, 'bin/corso.mjs'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
	}, 30_000);

	test('exits 2 with the usage, in Italian then in English, for an unknown or missing tool', () => {
		const unknown = corso(['kubernetes', 'apply']);
		expect(unknown).toMatchObject({ status: 2, stdout: '' });
		const [first, ...rest] = unknown.stderr.split('\n');
		expect(first).toBe(
			'corso: strumento sconosciuto: kubernetes / unknown tool: kubernetes (compose, dockerfile, quiz)'
		);
		const usage = rest.join('\n');
		expect(usage.indexOf('Uso: node bin/corso.mjs STRUMENTO')).toBeGreaterThan(-1);
		expect(usage.indexOf('Usage: node bin/corso.mjs TOOL')).toBeGreaterThan(
			usage.indexOf('Uso: node bin/corso.mjs STRUMENTO')
		);
		expect(corso([])).toEqual({ status: 2, stdout: '', stderr: `${usage.trimStart()}` });
		expect(corso(['--help'])).toEqual({ status: 0, stdout: usage.trimStart(), stderr: '' });
	});

	test('exits 2 with the tool’s usage for an unknown command, in the language asked', () => {
		expect(corso(['compose', 'render', valid])).toMatchObject({ status: 2, stdout: '' });
		expect(corso(['compose', 'render', valid]).stderr).toMatch(
			/^compose: Comando sconosciuto: render\. I comandi sono check e diagram\.\nUso: node bin\/corso\.mjs compose check FILE/
		);
		expect(corso(['dockerfile', 'check', dockerfile, '--lang', 'en']).stderr).toMatch(
			/^Give a command: lint or fmt\.\nUsage: node bin\/corso\.mjs dockerfile lint FILE/
		);
		expect(corso(['quiz', 'lint', '--lang', 'en'])).toMatchObject({ status: 2, stdout: '' });
		expect(corso(['quiz', 'lint', '--lang', 'en']).stderr).toMatch(
			/^Unknown command: lint\. The commands are check, export, import and schema\.\n\nUsage: node bin\/corso\.mjs quiz check/
		);
	});
});

/**
 * Runs the entry point with a hook that notes every module resolved, the way it resolves them
 * (our TypeScript cache answers `load`, so `resolve` is where every import still shows).
 */
function loadedBy(args: string[]): string[] {
	const list = join(folder, `modules-${args.join('-').replaceAll('/', '_')}.json`);
	const tracer = [
		"import { registerHooks } from 'node:module';",
		"import { writeFileSync } from 'node:fs';",
		'const urls = [];',
		'registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); urls.push(result.url); return result; } });',
		`process.on('exit', () => writeFileSync(${JSON.stringify(list)}, JSON.stringify(urls)));`,
	].join('\n');
	const run = node([
		'--import',
		`data:text/javascript,${encodeURIComponent(tracer)}`,
		'bin/corso.mjs',
		...args,
	]);
	expect(run.stderr).toBe('');
	const prefix = `${pathToFileURL(root).href}/`;
	return (JSON.parse(readFileSync(list, 'utf8')) as string[]).map((url) =>
		url.startsWith(prefix) ? url.slice(prefix.length) : url
	);
}

describe('what each command loads', () => {
	test('compose check: the checks, not the layout, the SVG or any other tool', () => {
		const modules = loadedBy(['compose', 'check', valid]);
		expect(modules).toContain('src/lib/compose/checks.ts');
		expect(modules).toContain('src/lib/compose/validate.ts');
		for (const unused of ['layout.ts', 'svg.ts', 'describe.ts', 'analyze.ts'])
			expect(modules).not.toContain(`src/lib/compose/${unused}`);
		const others = modules.filter((url) =>
			/zod\/v4\/classic|gift-pegjs|dockerfile-ast|src\/lib\/(quiz|dockerfile)\//.test(url)
		);
		expect(others).toEqual([]);
	});

	test('compose diagram: the layout and the SVG as well', () => {
		const modules = loadedBy(['compose', 'diagram', valid]);
		expect(modules).toEqual(
			expect.arrayContaining(['src/lib/compose/layout.ts', 'src/lib/compose/svg.ts'])
		);
	});

	test('dockerfile fmt: the parser and the printer, not the rules; lint the rules too', () => {
		const fmt = loadedBy(['dockerfile', 'fmt', dockerfile]);
		expect(fmt).toContain('src/lib/dockerfile/print.ts');
		expect(fmt.filter((url) => /rules-|lint\.ts|templates|compose|quiz/.test(url))).toEqual([]);
		expect(loadedBy(['dockerfile', 'lint', dockerfile])).toContain('src/lib/dockerfile/lint.ts');
	});

	test('an unknown tool loads no tool at all', () => {
		const run = node(['bin/corso.mjs', 'nope']);
		expect(run.status).toBe(2);
		expect(loadedBy(['--help']).filter((url) => url.endsWith('.ts'))).toEqual([]);
	});
});

describe('the cache of stripped TypeScript', () => {
	/** A temporary directory of its own, so that each test starts from an empty cache. */
	const fresh = () => mkdtempSync(join(folder, 'tmp-'));
	/** The cache's folder under that directory (one per version of Node's stripper). */
	const cacheIn = (temporary: string) => {
		const [version] = readdirSync(join(temporary, 'corso-typescript'));
		return join(temporary, 'corso-typescript', version!);
	};

	test('is filled on a first run and read on the next, with the same output', () => {
		const TMPDIR = fresh();
		const first = corso(['compose', 'check', lecture], { TMPDIR });
		const cache = cacheIn(TMPDIR);
		const entries = readdirSync(cache);
		expect(entries.length).toBeGreaterThan(5);
		expect(entries.every((name) => /^[0-9a-f]{40}\.js$/.test(name))).toBe(true);
		// What is cached is the source with its types blanked out: same length, no return types.
		const parse = readFileSync(join(root, 'src/lib/compose/parse.ts'), 'utf8');
		const cached = entries
			.map((name) => readFileSync(join(cache, name), 'utf8'))
			.find((code) => code.includes('export function parseCompose('));
		expect(cached).toHaveLength(parse.length);
		expect(parse).toMatch(/\): ParseResult \{/);
		expect(cached).not.toMatch(/\): ParseResult \{/);
		const second = corso(['compose', 'check', lecture], { TMPDIR });
		expect(second).toEqual(first);
		expect(first.status).toBe(1);
		expect(first.stderr).toBe('');
		expect(readdirSync(cache)).toEqual(entries);
		// Only the cache was written: Node's own compile cache stays off.
		expect(readdirSync(TMPDIR)).toEqual(['corso-typescript']);
	});

	test('ignores an entry of the wrong length, and a folder others can write to', () => {
		const TMPDIR = fresh();
		const expected = corso(['compose', 'check', lecture], { TMPDIR });
		const cache = cacheIn(TMPDIR);
		for (const name of readdirSync(cache)) writeFileSync(join(cache, name), 'process.exit(99);\n');
		expect(corso(['compose', 'check', lecture], { TMPDIR })).toEqual(expected);
		if (process.platform === 'win32') return;
		rmSync(cache, { recursive: true });
		// A folder anyone may write to, with an entry of the right length planted for the CLI's
		// own module: were it run, the exit status would be 99.
		mkdirSync(cache);
		chmodSync(cache, 0o777);
		const source = readFileSync(join(root, 'scripts/compose.ts'), 'utf8');
		const planted = 'process.exit(99);'.padEnd(source.length, ' ');
		const name = `${createHash('sha1').update(source).digest('hex')}.js`;
		writeFileSync(join(cache, name), planted);
		expect(corso(['compose', 'check', lecture], { TMPDIR })).toEqual(expected);
		expect(readdirSync(cache)).toEqual([name]);
		// The same entry in a private folder is run: the check above is what kept it out.
		chmodSync(cache, 0o700);
		expect(corso(['compose', 'check', lecture], { TMPDIR }).status).toBe(99);
		// And so is a private folder inside one others can write to, or behind a symbolic link.
		chmodSync(join(cache, '..'), 0o777);
		expect(corso(['compose', 'check', lecture], { TMPDIR })).toEqual(expected);
		chmodSync(join(cache, '..'), 0o700);
		const elsewhere = fresh();
		renameSync(cache, join(elsewhere, 'entries'));
		symlinkSync(join(elsewhere, 'entries'), cache);
		expect(corso(['compose', 'check', lecture], { TMPDIR })).toEqual(expected);
	});

	test('is not used with NODE_DISABLE_COMPILE_CACHE=1, and nothing else changes', () => {
		const TMPDIR = fresh();
		const run = corso(['compose', 'check', lecture], { TMPDIR, NODE_DISABLE_COMPILE_CACHE: '1' });
		expect(run).toEqual(corso(['compose', 'check', lecture]));
		expect(readdirSync(TMPDIR)).toEqual([]);
	});
});

describe('the benchmark’s ten-service file', () => {
	test('is clean for our check, with ten services on three networks', () => {
		const text = readFileSync(tenServices, 'utf8');
		const { findings, file } = inspectCompose(text);
		expect(findings).toEqual([]);
		expect(Object.keys(file?.services ?? {})).toHaveLength(10);
		expect(Object.keys(file?.networks ?? {})).toHaveLength(3);
		expect(corso(['compose', 'check', tenServices])).toEqual({ status: 0, stdout: '', stderr: '' });
	});

	test.skipIf(spawnSync('docker-compose', ['version']).status !== 0)(
		'is clean for docker-compose too',
		() => {
			const run = spawnSync('docker-compose', ['-f', tenServices, 'config', '-q'], {
				encoding: 'utf8',
			});
			expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
		}
	);
});
