import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/docker.ts';

/** Runs the CLI and collects what it prints. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
	const out: string[] = [];
	const err: string[] = [];
	vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
	vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
	const code = await main(argv);
	return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());

describe('docker play', () => {
	const dir = mkdtempSync(join(tmpdir(), 'docker-play-'));
	const script = join(dir, 'script.sh');
	writeFileSync(
		script,
		'# a comment\n\ndocker run -d --name web -p 8080:80 nginx\ndocker rm web\n'
	);
	writeFileSync(join(dir, 'Dockerfile'), 'FROM nginx\n');

	it('prints each command, its output and the explanation in the language asked', async () => {
		const { code, out } = await run(['play', script, '--lang', 'en']);
		expect(code).toBe(0);
		expect(out).toMatch(
			/^\$ docker run -d --name web -p 8080:80 nginx\nUnable to find image 'nginx:latest' locally/
		);
		expect(out).toContain(
			'$ docker rm web\nError response from daemon: cannot remove container "web"'
		);
		expect(out).toContain('» Container web is running: stop it first');
	});

	it('writes JSON with the explanation rendered or null', async () => {
		const { out } = await run(['play', script, '--format', 'json']);
		const rows = JSON.parse(out) as {
			command: string;
			exitCode: number;
			explanation: string | null;
		}[];
		expect(rows.map((r) => [r.command, r.exitCode])).toEqual([
			['docker run -d --name web -p 8080:80 nginx', 0],
			['docker rm web', 1],
		]);
		expect(rows[0]!.explanation).toBeNull();
		expect(rows[1]!.explanation).toContain('Il container web è in esecuzione');
	});

	it('loads the Dockerfile next to the script and the --compose file', async () => {
		const compose = join(dir, 'progetto.yaml');
		writeFileSync(compose, 'services:\n  web:\n    image: nginx\n');
		const other = join(dir, 'build.sh');
		writeFileSync(other, 'docker build -t sito .\ndocker compose config\n');
		const { out } = await run(['play', other, '--compose', compose]);
		expect(out).toContain('naming to docker.io/library/sito:latest done');
		expect(out).toContain('image: nginx');
	});

	it('exits with 2 naming a script it cannot read', async () => {
		const { code, err } = await run(['play', join(dir, 'nessuno.sh')]);
		expect(code).toBe(2);
		expect(err).toContain('nessuno.sh');
	});

	it('exits with 2 on wrong usage', async () => {
		expect((await run([])).code).toBe(2);
		expect((await run(['suona', script])).code).toBe(2);
		expect((await run(['play', script, '--format', 'xml'])).code).toBe(2);
		expect((await run(['--help'])).code).toBe(0);
	});
});
