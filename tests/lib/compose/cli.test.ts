import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { galleryExamples, lectureExample } from '../../../src/lib/compose/examples';

const folder = mkdtempSync(join(tmpdir(), 'compose-cli-'));
const lecture = join(folder, 'lecture.yml');
const valid = join(folder, 'valid.yml');
writeFileSync(lecture, lectureExample.source);
writeFileSync(valid, galleryExamples[0]?.source ?? '');

afterAll(() => {
	rmSync(folder, { recursive: true, force: true });
});

/** Runs the CLI's module itself; tests/lib/cli.test.ts shows `bin/corso.mjs` answers the same. */
function run(args: string[], input?: string) {
	const result = spawnSync(process.execPath, ['scripts/compose.ts', ...args], {
		encoding: 'utf8',
		...(input !== undefined && { input }),
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/compose.ts', () => {
	test('check lists the findings as FILE:LINE:COL severity RULE message and exits 1 on errors', () => {
		const { code, stdout } = run(['check', lecture]);
		expect(code).toBe(1);
		expect(stdout.trim()).toBe(
			`${lecture}:29:19 error invalid-cidr "192.168.100/24" non è un CIDR valido: un indirizzo IPv4 ha sempre quattro numeri separati da punti, anche quando finisce con degli zeri. Scrivi 192.168.100.0/24.`
		);
	});

	test('check writes JSON in the language asked, and exits 0 on a clean file', () => {
		const { code, stdout } = run(['check', lecture, '--format', 'json', '--lang', 'en']);
		expect(code).toBe(1);
		expect(JSON.parse(stdout)).toEqual([
			{
				rule: 'invalid-cidr',
				severity: 'error',
				line: 29,
				column: 19,
				message: expect.stringContaining('Write 192.168.100.0/24.') as string,
			},
		]);
		expect(run(['check', valid])).toEqual({ code: 0, stdout: '', stderr: '' });
	});

	test('diagram writes a standalone SVG, from a file or stdin', () => {
		const { code, stdout } = run(['diagram', valid, '--direction', 'TB', '--lang', 'en']);
		expect(code).toBe(0);
		expect(stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
		expect(stdout).toContain('<title id="cd-title">Compose file diagram</title>');
		expect(run(['diagram', '-'], galleryExamples[1]?.source).stdout).toContain('wordpress');
	});

	test('diagram puts the findings on stderr and exits 1 when the file has errors', () => {
		const { code, stdout, stderr } = run(['diagram', lecture]);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain(`${lecture}:29:19 error invalid-cidr`);
	});

	test('refuses a binary file and a UTF-16 one with one message, and reads at most 256 KB', () => {
		const image = join(folder, 'logo.png');
		writeFileSync(image, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
		expect(run(['check', image, '--lang', 'en'])).toEqual({
			code: 2,
			stdout: '',
			stderr: `compose: ${image}: it contains NUL bytes, so it is not a text file (an image or an archive, perhaps). Give a Compose file, which is UTF-8 text.\n`,
		});
		const wide = join(folder, 'wide.yml');
		writeFileSync(wide, Buffer.from('\uFEFFservices: {}\n', 'utf16le'));
		expect(run(['diagram', wide])).toMatchObject({ code: 2, stdout: '' });
		expect(run(['diagram', wide]).stderr).toMatch(/^compose: .*wide\.yml: il testo è in UTF-16/);
		const huge = `services:\n${'  # padding\n'.repeat(30_000)}`;
		expect(run(['check', '-'], huge)).toMatchObject({ code: 2, stdout: '' });
		expect(run(['check', '-'], huge).stderr).toMatch(
			/^compose: standard input: è più grande di 256 KB/
		);
	});

	test('--help explains both commands, the limit and the exit codes, in the language asked', () => {
		const italian = run(['--help']);
		expect(italian).toMatchObject({ code: 0, stderr: '' });
		expect(italian.stdout).toMatch(/^Uso: node bin\/corso\.mjs compose check FILE/);
		expect(italian.stdout).toContain('256 KB di testo UTF-8, il limite del laboratorio');
		expect(italian.stdout).toContain('Uscita: 0 nessun errore');
		const english = run(['diagram', '-h', '--lang', 'en']);
		expect(english.stdout).toMatch(/^Usage: node bin\/corso\.mjs compose check FILE/);
		expect(english.stdout).toContain('Exit status: 0 no errors');
	});

	test.each([
		[
			['check', join(folder, 'missing.yml')],
			/Impossibile leggere .*missing\.yml: il file non esiste/,
		],
		[
			['check', join(folder, 'missing.yml'), '--lang', 'en'],
			/Cannot read .*missing\.yml: no such file/,
		],
		[['check'], /^compose: Indica un solo file \(- per lo standard input\)\.\nUso: /],
		[
			['check', '--lang', 'en'],
			/^compose: Give exactly one file \(- for standard input\)\.\nUsage: /,
		],
		[['check', valid, valid], /^compose: Indica un solo file/],
		[[], /^compose: Indica un comando: check o diagram\./],
		[['draw', valid], /^compose: Comando sconosciuto: draw\. I comandi sono check e diagram\./],
		[['draw', valid, '--lang', 'en'], /^compose: Unknown command: draw\. The commands are/],
		[
			['check', valid, '--format', 'xml'],
			/^compose: Valore non valido per --format: xml \(ammessi: text, json\)\./,
		],
		[['check', valid, '--format'], /^compose: --format vuole un valore: text, json\./],
		[['check', valid, '--direction', 'TB'], /^compose: --direction non vale per check\./],
		[
			['check', valid, '--lang', 'en', '--hide-volumes'],
			/^compose: --hide-volumes does not apply to check\./,
		],
		[
			['diagram', valid, '--lang', 'fr'],
			/^compose: Valore non valido per --lang: fr \(ammessi: it, en\)/,
		],
		[['diagram', valid, '--colour'], /^compose: Opzione sconosciuta: --colour\.\nUso: /],
		[
			['diagram', valid, '--hide-volumes=yes', '--lang', 'en'],
			/^compose: --hide-volumes takes no value\./,
		],
	])('exits 2 with a clear message on %j', (args, message) => {
		const { code, stderr } = run(args);
		expect(code).toBe(2);
		expect(stderr).toMatch(message);
	});
});
