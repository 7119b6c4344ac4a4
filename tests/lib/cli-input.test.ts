import { spawn, spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdtempSync,
	openSync,
	readSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { limits } from '../../src/lib/compose/parse';

const folder = mkdtempSync(join(tmpdir(), 'cli-input-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Each command that reads a file argument, the limit it reads to, and how it names the limit. */
const readers = [
	{ args: ['scripts/compose.ts', 'check'], maxBytes: limits.maxChars, size: '256 KB' },
	{ args: ['scripts/compose.ts', 'diagram'], maxBytes: limits.maxChars, size: '256 KB' },
	{ args: ['scripts/dockerfile.ts', 'lint'], maxBytes: 256 * 1024, size: '256 KB' },
	{ args: ['scripts/dockerfile.ts', 'fmt'], maxBytes: 256 * 1024, size: '256 KB' },
	{
		args: ['scripts/quiz.ts', 'import', '--format', 'gift', '--lang', 'it'],
		maxBytes: 1024 * 1024,
		size: '1 MB',
	},
] as const;

/** Runs a CLI with `stdin` as its standard input (a descriptor, or nothing). */
function run(args: readonly string[], file: string, stdin: number | 'ignore' = 'ignore') {
	const result = spawnSync(process.execPath, [...args, file], {
		encoding: 'utf8',
		stdio: [stdin, 'pipe', 'pipe'],
		// An unbounded read of /dev/zero never ends: the timeout turns that into a failure.
		timeout: 30_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The refusal of an input too large, in Italian, naming the input and the limit. */
function tooLarge(name: string, size: string) {
	return new RegExp(
		`^(compose: )?${name}: è più grande di ${size}, il massimo che questo comando legge`
	);
}

describe.each(readers)('$args.0 $args.1 reads at most its limit and one byte more', (reader) => {
	test(
		'from /dev/zero, as a file or as standard input',
		{ skip: process.platform === 'win32' },
		() => {
			const named = run(reader.args, '/dev/zero');
			expect(named).toMatchObject({ status: 2, stdout: '' });
			expect(named.stderr.trim().split('\n')).toEqual([
				expect.stringMatching(tooLarge('/dev/zero', reader.size)),
			]);
			const zero = openSync('/dev/zero', 'r');
			try {
				const piped = run(reader.args, '-', zero);
				expect(piped).toMatchObject({ status: 2, stdout: '' });
				expect(piped.stderr).toMatch(tooLarge('standard input', reader.size));
			} finally {
				closeSync(zero);
			}
		}
	);

	test('from a FIFO that never ends', { skip: process.platform === 'win32' }, () => {
		const fifo = join(folder, `${reader.args[1]}.fifo`);
		expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
		// A writer that keeps writing until its reader goes away; `exec` makes its id the writer's.
		const writer = spawn('sh', ['-c', `exec cat /dev/zero > '${fifo}'`], { stdio: 'ignore' });
		try {
			const result = run(reader.args, fifo);
			expect(result).toMatchObject({ status: 2, stdout: '' });
			expect(result.stderr).toMatch(tooLarge(fifo.replaceAll('.', '\\.'), reader.size));
		} finally {
			writer.kill();
		}
	});

	test('from standard input, leaving the rest of a larger file unread', () => {
		// Text that passes every other check, so only its size can refuse it.
		const size = reader.maxBytes + 10_000;
		const path = join(folder, `${reader.args[1]}-big.txt`);
		writeFileSync(path, `${'#'.repeat(size - 1)}\n`);
		const descriptor = openSync(path, 'r');
		try {
			const result = run(reader.args, '-', descriptor);
			expect(result).toMatchObject({ status: 2, stdout: '' });
			expect(result.stderr).toMatch(tooLarge('standard input', reader.size));
			// The child shares the descriptor's offset: what is left after it is what it did not read.
			const rest = Buffer.alloc(size);
			let left = 0;
			for (let read; (read = readSync(descriptor, rest, left, size - left, null)) > 0;)
				left += read;
			expect(size - left).toBe(reader.maxBytes + 1);
		} finally {
			closeSync(descriptor);
		}
	});
});

/** A Python to start a CLI with its standard input in non-blocking mode, where there is one. */
const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find((path) => existsSync(path));

describe('standard input in non-blocking mode', () => {
	// Python sets O_NONBLOCK on the pipe, then becomes the CLI: reading the descriptor fails with
	// EAGAIN while the writer is slow, and the CLI must go on through the stream.
	const nonBlocking = [
		'import fcntl, os, sys',
		'fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK)',
		'os.execv(sys.argv[1], sys.argv[1:])',
	].join('\n');

	/** Writes `parts` to the CLI's standard input 0.4 s apart, so that the CLI, started by then, finds the pipe empty. */
	async function slowly(args: string[], parts: string[]) {
		const child = spawn(python!, ['-c', nonBlocking, process.execPath, ...args], {
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.stdin.on('error', () => {});
		const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
		for (const part of parts) {
			await new Promise((resolve) => setTimeout(resolve, 400));
			child.stdin.write(part);
		}
		child.stdin.end();
		return { status: await exit, stdout, stderr };
	}

	test.skipIf(!python || process.platform === 'win32')(
		'is still read whole, and still bounded',
		async () => {
			const whole = await slowly(
				['scripts/compose.ts', 'check', '-', '--format', 'json'],
				['services:\n', '  web:\n', '    image: nginx:1.27\n']
			);
			expect(whole).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
			const chunk = '#'.repeat(100 * 1024);
			const endless = await slowly(
				['scripts/dockerfile.ts', 'lint', '-'],
				[chunk, chunk, chunk, chunk]
			);
			expect(endless).toMatchObject({ status: 2, stdout: '' });
			expect(endless.stderr).toMatch(tooLarge('standard input', '256 KB'));
		}
	);
});
