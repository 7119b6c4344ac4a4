import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { templates } from '../../../src/lib/dockerfile/templates';

const root = join(import.meta.dirname, '../../..');
const directory = mkdtempSync(join(tmpdir(), 'dockerfile-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes a Dockerfile in the temporary folder and gives its path. */
function write(name: string, text: string): string {
	const path = join(directory, name);
	writeFileSync(path, text);
	return path;
}

/** Runs the CLI as `npm run dockerfile` would, with the Node running the tests. */
function cli(...args: string[]) {
	const result = spawnSync(process.execPath, ['scripts/dockerfile.ts', ...args], {
		cwd: root,
		encoding: 'utf8',
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
	test('prints FILE:LINE:COL severity RULE message in Italian and exits 1 on errors', () => {
		const { status, stdout } = cli('lint', broken);
		expect(status).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toMatch(
			/^.*broken\.Dockerfile:1:6 warning untagged-image L'immagine non ha un tag/
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/broken\.Dockerfile:2:5 error sudo Durante la build/)
		);
		expect(lines).toContainEqual(
			expect.stringMatching(/:3:5 error background-service .*primo piano/)
		);
		expect(lines.every((line) => line.startsWith(`${broken}:`))).toBe(true);
	});

	test('prints a JSON array with 1-based ranges, in English on request', () => {
		const { status, stdout } = cli('lint', broken, '--format', 'json', '--lang', 'en');
		expect(status).toBe(1);
		const findings = JSON.parse(stdout) as Record<string, unknown>[];
		expect(findings[0]).toEqual({
			rule: 'untagged-image',
			severity: 'warning',
			line: 1,
			column: 6,
			endLine: 1,
			endColumn: 12,
			message: expect.stringContaining('The image has no tag') as unknown,
		});
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

describe('dockerfile fmt', () => {
	test('prints the canonical text', () => {
		const messy = write('messy.Dockerfile', 'from   ubuntu:24.04\nrun echo hi\ncmd ["a","b"]\n');
		expect(cli('fmt', messy)).toMatchObject({
			status: 0,
			stdout: 'FROM ubuntu:24.04\nRUN echo hi\nCMD ["a", "b"]\n',
		});
	});

	test('takes no options', () => {
		expect(cli('fmt', apache, '--format', 'json').status).toBe(2);
	});
});
