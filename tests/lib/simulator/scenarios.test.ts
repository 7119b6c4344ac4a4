/**
 * Whole sessions: each `tests/fixtures/simulator/NAME.sh` runs against a fresh host whose working
 * directory holds the files of `NAME/` (or of the folder a `# dir:` line names), and its
 * transcript must match `NAME.txt`. `UPDATE_TRANSCRIPTS=1` rewrites the transcripts; read the
 * diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTranscript, runScript } from '../../../src/lib/simulator/index.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/simulator');
const root = join(import.meta.dirname, '../../..');

function readFolder(folder: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else files[relative(folder, path)] = readFileSync(path, 'utf8');
		}
	};
	if (existsSync(folder)) walk(folder);
	return files;
}

const scripts = readdirSync(fixtures).filter((name) => name.endsWith('.sh'));

describe('scenarios', () => {
	it.each(scripts)('%s gives its transcript', (name) => {
		const script = readFileSync(join(fixtures, name), 'utf8');
		const dir = /^# dir: (.+)$/m.exec(script)?.[1];
		const files = readFolder(dir ? join(root, dir) : join(fixtures, name.replace(/\.sh$/, '')));
		const results = runScript(script, { files });
		const transcript = formatTranscript(results, { lang: 'it', exitCodes: true });
		const path = join(fixtures, name.replace(/\.sh$/, '.txt'));
		if (process.env['UPDATE_TRANSCRIPTS'] || !existsSync(path)) writeFileSync(path, transcript);
		expect(transcript).toBe(readFileSync(path, 'utf8'));
		expect(transcript).not.toContain('internal error');
	});
});
