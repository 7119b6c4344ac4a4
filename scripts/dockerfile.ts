/**
 * The Dockerfile builder's checks from the command line:
 *
 *   node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]
 *   node scripts/dockerfile.ts fmt FILE
 *
 * `lint` prints one finding per line (`FILE:LINE:COL severity RULE message`) or a JSON array, and
 * exits with 1 when a finding is an error; `fmt` prints the canonical text. Bad usage exits with 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as dockerfile from '../src/lib/dockerfile/index.ts';
import type { Finding } from '../src/lib/dockerfile/index.ts';

type Lang = 'it' | 'en';

const usage: Record<Lang, string> = {
	it: 'Uso: node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]\n     node scripts/dockerfile.ts fmt FILE',
	en: 'Usage: node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]\n       node scripts/dockerfile.ts fmt FILE',
};

const messages = {
	file: { it: 'Indica un solo file.', en: 'Give exactly one file.' },
	command: { it: 'Indica un comando: lint o fmt.', en: 'Give a command: lint or fmt.' },
	fmtOptions: { it: 'fmt non ha opzioni.', en: 'fmt takes no options.' },
	unreadable: { it: 'Impossibile leggere', en: 'Cannot read' },
	missing: { it: 'il file non esiste', en: 'no such file' },
	value: { it: 'Valore non valido per', en: 'Invalid value for' },
	allowed: { it: 'ammessi', en: 'allowed' },
} satisfies Record<string, Record<Lang, string>>;

/** A usage problem: its message is printed with the usage, and the exit status is 2. */
class UsageError extends Error {}

type Library = typeof dockerfile;

function main({ lint, parse, print }: Library, argv: string[]): number {
	let lang: Lang = 'it';
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
		});
		lang = choose(values.lang ?? 'it', ['it', 'en'] as const, '--lang', 'it');
		if (values.help) {
			console.log(usage[lang]);
			return 0;
		}
		const [command, file, ...extra] = positionals;
		if (command !== 'lint' && command !== 'fmt') throw new UsageError(messages.command[lang]);
		if (!file || extra.length) throw new UsageError(messages.file[lang]);
		if (command === 'fmt' && values.format === undefined && values.lang === undefined) {
			process.stdout.write(print(parse(read(file, lang))));
			return 0;
		}
		if (command === 'lint') {
			const format = choose(values.format ?? 'text', ['text', 'json'] as const, '--format', lang);
			return lintFile(lint(parse(read(file, lang))), file, format, lang);
		}
		throw new UsageError(messages.fmtOptions[lang]);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${message}\n${usage[lang]}`);
		return 2;
	}
}

function lintFile(findings: Finding[], file: string, format: 'text' | 'json', lang: Lang): number {
	const rows = findings.map(({ rule, severity, line, column, endLine, endColumn, message }) => ({
		rule,
		severity,
		line,
		column,
		endLine,
		endColumn,
		message: message[lang],
	}));
	if (format === 'json') {
		console.log(JSON.stringify(rows, null, 2));
	} else {
		for (const row of rows) {
			console.log(`${file}:${row.line}:${row.column} ${row.severity} ${row.rule} ${row.message}`);
		}
	}
	return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function read(file: string, lang: Lang): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		const reason = code === 'ENOENT' ? messages.missing[lang] : code;
		throw new UsageError(`${messages.unreadable[lang]} ${file}: ${reason}.`);
	}
}

function choose<T extends string>(
	value: string,
	allowed: readonly T[],
	flag: string,
	lang: Lang
): T {
	const found = allowed.find((option) => option === value);
	if (found) return found;
	const options = allowed.join(', ');
	throw new UsageError(
		`${messages.value[lang]} ${flag}: ${value} (${messages.allowed[lang]}: ${options})`
	);
}

if (import.meta.main) {
	process.exitCode = main(dockerfile, process.argv.slice(2));
}
