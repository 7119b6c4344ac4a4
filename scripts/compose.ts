/**
 * `node scripts/compose.ts check FILE [--format text|json] [--lang it|en]`: lists the findings of
 * a Compose file (`FILE:LINE:COL severity RULE message`), exit 1 on any error.
 * `node scripts/compose.ts diagram FILE [--direction LR|TB] [--lang it|en]`: writes the diagram as
 * a standalone SVG to stdout; with errors, the findings go to stderr and the exit code is 1.
 * FILE `-` reads stdin. Usage mistakes exit with 2, and so does a file that cannot be read or is
 * not UTF-8 text of at most 256 KB, the lab's limit (the reading is shared with the Dockerfile CLI).
 */
import { parseArgs } from 'node:util';
import { analyzeCompose } from '../src/lib/compose/analyze.ts';
import { limits } from '../src/lib/compose/parse.ts';
import { serializeSvg } from '../src/lib/compose/svg.ts';
import { readTextInput } from './text-input.ts';

const usage = `Usage:
  compose check FILE [--format text|json] [--lang it|en]
  compose diagram FILE [--direction LR|TB] [--lang it|en] [--hide-default-network] [--hide-volumes]
FILE may be - for standard input.`;

/** Runs the command line; returns the exit code. */
async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				format: { type: 'string' },
				lang: { type: 'string' },
				direction: { type: 'string' },
				'hide-default-network': { type: 'boolean' },
				'hide-volumes': { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		return fail((error as Error).message);
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(usage);
		return 0;
	}
	const [command, file, ...extra] = positionals;
	if (command !== 'check' && command !== 'diagram')
		return fail(command ? `Unknown command "${command}".` : 'Missing command.');
	if (!file) return fail('Missing FILE.');
	if (extra.length) return fail(`Unexpected argument "${extra.join(' ')}".`);
	const allowed =
		command === 'check'
			? ['format', 'lang']
			: ['direction', 'lang', 'hide-default-network', 'hide-volumes'];
	const misplaced = Object.keys(values).filter((name) => !allowed.includes(name));
	if (misplaced.length) return fail(`--${misplaced[0]} does not apply to ${command}.`);
	const lang = values.lang ?? 'it';
	const format = values.format ?? 'text';
	const direction = values.direction ?? 'LR';
	if (lang !== 'it' && lang !== 'en') return fail(`--lang must be it or en, not "${lang}".`);
	if (format !== 'text' && format !== 'json')
		return fail(`--format must be text or json, not "${format}".`);
	if (direction !== 'LR' && direction !== 'TB')
		return fail(`--direction must be LR or TB, not "${direction}".`);

	// The lab's own limit, counted in bytes: whatever the command line reads, the lab would take.
	const input = await readTextInput(
		file,
		{ it: 'un file Compose', en: 'a Compose file' },
		{ maxBytes: limits.maxChars }
	);
	if (!input.ok) {
		console.error(`compose: ${input.message[lang]}`);
		return 2;
	}
	const text = input.text;

	const result = analyzeCompose(text, {
		lang,
		direction,
		hideDefaultNetwork: values['hide-default-network'] ?? false,
		hideVolumes: values['hide-volumes'] ?? false,
	});
	const failed = result.findings.some((finding) => finding.severity === 'error');
	const lines = result.findings.map(
		(f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message[lang]}`
	);
	if (command === 'check') {
		if (format === 'json') {
			const rows = result.findings.map(({ rule, severity, line, column, message }) => ({
				rule,
				severity,
				line,
				column,
				message: message[lang],
			}));
			console.log(JSON.stringify(rows, null, 2));
		} else if (lines.length) console.log(lines.join('\n'));
		return failed ? 1 : 0;
	}
	if (lines.length) console.error(lines.join('\n'));
	if (failed || !result.diagram) return 1;
	process.stdout.write(serializeSvg(result.diagram));
	return 0;
}

function fail(message: string): number {
	console.error(`compose: ${message}\n${usage}`);
	return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
