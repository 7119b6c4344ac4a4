import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { templates } from '../../../src/lib/dockerfile/templates';
import { maxInputBytes } from '../../../scripts/text-input';

const root = join(import.meta.dirname, '../../..');
const directory = mkdtempSync(join(tmpdir(), 'dockerfile-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes a Dockerfile (text or bytes) in the temporary folder and gives its path. */
function write(name: string, content: string | Uint8Array): string {
	const path = join(directory, name);
	writeFileSync(path, content);
	return path;
}

/** Runs the CLI as `npm run dockerfile` would, with the Node running the tests. */
function cli(...args: string[]) {
	return withInput(undefined, ...args);
}

/** The same, with this on standard input. */
function withInput(input: string | Uint8Array | undefined, ...args: string[]) {
	const result = spawnSync(process.execPath, ['scripts/dockerfile.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
		...(input !== undefined && { input }),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const broken = write(
	'broken.Dockerfile',
	'FROM ubuntu\nRUN sudo apt-get install curl\nCMD service apache2 start\n'
);
const apache = write(
	'apache.Dockerfile',
	templates.find((template) => template.id === 'apache2')?.dockerfile ?? ''
);

describe('dockerfile lint', () => {
	test('prints FILE:LINE:COL severity RULE (COUNTERPART) message in Italian, exit 1 on errors', () => {
		const { status, stdout } = cli('lint', broken);
		expect(status).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toMatch(
			/^.*broken\.Dockerfile:1:6 warning untagged-image \(DL3006\) L'immagine non ha un tag/
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/broken\.Dockerfile:2:5 error sudo \(DL3004\) Durante la build/)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/:3:5 warning json-args-recommended \(JSONArgsRecommended\) /)
		);
		// A rule of our own has no counterpart to show.
		expect(lines).toContainEqual(
			expect.stringMatching(/:3:5 error background-service Questo comando .*primo piano/)
		);
		expect(lines.every((line) => line.startsWith(`${broken}:`))).toBe(true);
	});

	test('prints a JSON array with 1-based ranges, in English on request', () => {
		const { status, stdout } = cli('lint', broken, '--format', 'json', '--lang', 'en');
		expect(status).toBe(1);
		const findings = JSON.parse(stdout) as Record<string, unknown>[];
		expect(findings[0]).toEqual({
			rule: 'untagged-image',
			counterpart: 'DL3006',
			severity: 'warning',
			line: 1,
			column: 6,
			endLine: 1,
			endColumn: 12,
			message: expect.stringContaining('The image has no tag') as unknown,
		});
		expect(findings.find((finding) => finding['rule'] === 'background-service')).toMatchObject({
			counterpart: null,
		});
	});

	test('reads standard input for -, and names it - in the findings', () => {
		const text = 'FROM ubuntu\nRUN sudo apt-get install curl\nCMD service apache2 start\n';
		const piped = withInput(text, 'lint', '-');
		expect(piped.status).toBe(1);
		expect(piped.stdout).toBe(cli('lint', broken).stdout.replaceAll(`${broken}:`, '-:'));
		expect(withInput('FROM alpine:3.21\n', 'lint', '-', '--format', 'json')).toMatchObject({
			status: 0,
			stdout: '[]\n',
		});
	});

	test('an empty Dockerfile, or one with only comments, is an error', () => {
		for (const text of ['', '\n\n', '# syntax=docker/dockerfile:1\n# nothing else\n']) {
			const { status, stdout } = cli('lint', write('nothing.Dockerfile', text));
			expect(status, JSON.stringify(text)).toBe(1);
			expect(stdout).toMatch(
				/^.*nothing\.Dockerfile:1:1 error empty-dockerfile Il Dockerfile non contiene nessuna istruzione/
			);
			expect(stdout.trim().split('\n')).toHaveLength(1);
		}
		const { stdout } = withInput('', 'lint', '-', '--format', 'json', '--lang', 'en');
		expect(JSON.parse(stdout)).toMatchObject([
			{
				rule: 'empty-dockerfile',
				severity: 'error',
				message: expect.stringContaining('cannot be empty') as unknown,
			},
		]);
	});

	test('exits 0 when there are only warnings or info findings', () => {
		const { status, stdout } = cli('lint', apache);
		expect(status).toBe(0);
		expect(stdout).toMatch(/:3:\d+ info apt-get-unpinned /);
		expect(cli('lint', write('empty.Dockerfile', 'FROM alpine:3.20\n'))).toMatchObject({
			status: 0,
			stdout: '',
		});
	});

	test('exits 2 with a clear message for a missing file or a bad flag', () => {
		const missing = cli('lint', join(directory, 'nope'));
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('il file non esiste');
		for (const args of [
			['lint', apache, '--format', 'xml'],
			['lint', apache, '--bogus'],
			['lint'],
			[],
			['check', apache],
		]) {
			const result = cli(...args);
			expect(result.status, args.join(' ')).toBe(2);
			expect(result.stderr, args.join(' ')).toContain('Uso:');
		}
		expect(cli('lint', apache, '--lang', 'fr').stderr).toContain('--lang: fr');
	});
});

describe('reading the input', () => {
	const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
	const utf16 = (text: string, bigEndian: boolean, mark: boolean) => {
		const units = [...(mark ? [0xfeff] : []), ...[...text].map((char) => char.charCodeAt(0))];
		return Uint8Array.from(
			units.flatMap((unit) => (bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]))
		);
	};
	const refused = [
		['UTF-16 LE', utf16('FROM alpine:3.21\n', false, true), /UTF-16/],
		['UTF-16 BE', utf16('FROM alpine:3.21\n', true, true), /UTF-16/],
		['UTF-16 without a mark', utf16('FROM alpine:3.21\nRUN make\n', false, false), /UTF-16/],
		['a PNG', png, /byte nulli/],
		[
			'Latin-1 text',
			Uint8Array.from([...Buffer.from('FROM a:1\n# caff'), 0xe8, 0x0a]),
			/UTF-8 valido/,
		],
	] as const;

	test.each(refused)(
		'refuses %s with one message and exit 2, for lint and fmt',
		(name, bytes, reason) => {
			const path = write(`${name}.Dockerfile`, bytes);
			for (const command of ['lint', 'fmt']) {
				const result = cli(command, path);
				expect(result, `${command} ${name}`).toMatchObject({ status: 2, stdout: '' });
				expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(reason)]);
				expect(result.stderr.startsWith(`${path}: `)).toBe(true);
			}
			const english = withInput(bytes, 'lint', '-', '--lang', 'en');
			expect(english).toMatchObject({ status: 2, stdout: '' });
			expect(english.stderr).toMatch(/^standard input: .*(UTF-16|NUL bytes|not valid UTF-8)/);
		}
	);

	test(`refuses more than ${maxInputBytes / 1024} KB, from a file or from standard input`, () => {
		const line = '# a comment that takes up room, as a generated file might\n';
		const filler = line.repeat(Math.ceil(maxInputBytes / line.length));
		const big = `FROM alpine:3.21\n${filler}`;
		const result = cli('lint', write('big.Dockerfile', big));
		expect(result).toMatchObject({ status: 2, stdout: '' });
		expect(result.stderr).toMatch(/big\.Dockerfile: è più grande di 256 KB, il massimo/);
		const piped = withInput(big, 'fmt', '-', '--lang', 'en');
		expect(piped).toMatchObject({ status: 2, stdout: '' });
		expect(piped.stderr).toMatch(/^standard input: it is larger than 256 KB/);
		// Right at the limit the file is still read.
		const fits = `FROM alpine:3.21\n${filler}`.slice(0, maxInputBytes - 1) + '\n';
		expect(Buffer.byteLength(fits)).toBe(maxInputBytes);
		expect(cli('lint', write('fits.Dockerfile', fits))).toMatchObject({ status: 0, stderr: '' });
	});

	test('drops a UTF-8 byte-order mark, and keeps text in any script', () => {
		const path = write('bom.Dockerfile', '\uFEFFfrom alpine:3.21\n# però, 日本語\n');
		expect(cli('fmt', path)).toMatchObject({
			status: 0,
			stdout: 'FROM alpine:3.21\n# però, 日本語\n',
		});
	});

	test('says why a file cannot be read, without the usage', () => {
		expect(cli('lint', directory, '--lang', 'en')).toMatchObject({
			status: 2,
			stderr: `Cannot read ${directory}: it is a folder, not a file.\n`,
		});
		expect(cli('fmt', join(directory, 'nope')).stderr).toBe(
			`Impossibile leggere ${join(directory, 'nope')}: il file non esiste.\n`
		);
	});
});

describe('dockerfile --help', () => {
	test('explains FILE -, the limit and the counterparts, in both languages', () => {
		const it = cli('--help');
		expect(it.status).toBe(0);
		expect(it.stdout).toContain('Con - al posto di FILE si legge lo standard input.');
		expect(it.stdout).toContain('256 KB');
		expect(it.stdout).toContain('(DL3006)');
		const en = cli('--help', '--lang', 'en');
		expect(en.stdout).toContain('With - as FILE, standard input is read.');
		expect(en.stdout).toContain('Usage: node bin/corso.mjs dockerfile lint FILE');
	});
});

describe('dockerfile fmt', () => {
	test('prints the canonical text', () => {
		const messy = write('messy.Dockerfile', 'from   ubuntu:24.04\nrun echo hi\ncmd ["a","b"]\n');
		expect(cli('fmt', messy)).toMatchObject({
			status: 0,
			stdout: 'FROM ubuntu:24.04\nRUN echo hi\nCMD ["a", "b"]\n',
		});
	});

	test('keeps comments as written, with the blank line between two comment blocks', () => {
		const header = '#  Copyright 2024   Ada Lovelace\n#\n#   Licensed under the MIT licence.\n';
		const text = `${header}\n# Build stage\nfrom   alpine:3.21\n#RUN make\nrun  echo hi\n`;
		expect(withInput(text, 'fmt', '-')).toMatchObject({
			status: 0,
			stdout: `${header}\n# Build stage\nFROM alpine:3.21\n#RUN make\nRUN echo hi\n`,
		});
	});

	test('takes no option but --lang', () => {
		const result = cli('fmt', apache, '--format', 'json');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('fmt non ha opzioni oltre a --lang.');
		expect(cli('fmt', apache, '--lang', 'en').status).toBe(0);
	});
});
