/**
 * The Dockerfile builder's checks from the command line:
 *
 *   node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]
 *   node scripts/dockerfile.ts fmt FILE [--lang it|en]
 *
 * FILE `-` reads standard input. `lint` prints one finding per line
 * (`FILE:LINE:COL severity RULE (COUNTERPART) message`, the counterpart being the hadolint code or
 * the `docker build --check` name) or a JSON array, and exits with 1 when a finding is an error;
 * a Dockerfile without instructions is one. `fmt` prints the canonical text. Bad usage, and a
 * file that cannot be read or is not UTF-8 text of at most 256 KB, exit with 2.
 */
import { parseArgs } from 'node:util';
import * as dockerfile from '../src/lib/dockerfile/index.ts';
import type { Finding } from '../src/lib/dockerfile/index.ts';
import type { Localized } from '../src/lib/i18n/locale.ts';
import { maxInputBytes, readTextInput } from './text-input.ts';

type Lang = 'it' | 'en';

const limit = `${maxInputBytes / 1024} KB`;

const usage: Record<Lang, string> = {
	it: 'Uso: node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]\n     node scripts/dockerfile.ts fmt FILE [--lang it|en]',
	en: 'Usage: node scripts/dockerfile.ts lint FILE [--format text|json] [--lang it|en]\n       node scripts/dockerfile.ts fmt FILE [--lang it|en]',
};

const help: Record<Lang, string> = {
	it: `${usage.it}

Con - al posto di FILE si legge lo standard input. Si leggono al massimo ${limit} di testo
UTF-8: un file binario, in UTF-16 o più grande è rifiutato (uscita 2).

lint  una segnalazione per riga: FILE:RIGA:COLONNA gravità REGOLA (CONTROPARTE) messaggio, dove
      la controparte è il codice hadolint (DL3006) o il nome del controllo di docker build --check
      (JSONArgsRecommended). Con --format json, un array con gli stessi campi. Esce con 1 se c'è
      un errore (anche un Dockerfile senza istruzioni), 0 altrimenti.
fmt   il testo canonico: parole chiave in maiuscolo, forme exec come array JSON, comandi shell e
      commenti come sono scritti.`,
	en: `${usage.en}

With - as FILE, standard input is read. At most ${limit} of UTF-8 text is read: a binary,
UTF-16 or larger file is refused (exit 2).

lint  one finding per line: FILE:LINE:COL severity RULE (COUNTERPART) message, the counterpart
      being the hadolint code (DL3006) or the docker build --check name (JSONArgsRecommended).
      With --format json, an array with the same fields. Exits with 1 on any error (a Dockerfile
      with no instructions is one), 0 otherwise.
fmt   the canonical text: upper-case keywords, exec forms as JSON arrays, shell commands and
      comments as written.`,
};

const messages = {
	file: {
		it: 'Indica un solo file (- per lo standard input).',
		en: 'Give exactly one file (- for standard input).',
	},
	command: { it: 'Indica un comando: lint o fmt.', en: 'Give a command: lint or fmt.' },
	fmtOptions: { it: 'fmt non ha opzioni oltre a --lang.', en: 'fmt takes no option but --lang.' },
	value: { it: 'Valore non valido per', en: 'Invalid value for' },
	allowed: { it: 'ammessi', en: 'allowed' },
} satisfies Record<string, Record<Lang, string>>;

/** For the messages about a file that is not what the command expects. */
const expected: Localized<string> = { it: 'un Dockerfile', en: 'a Dockerfile' };

/** A usage problem: its message is printed with the usage, and the exit status is 2. */
class UsageError extends Error {}

type Library = typeof dockerfile;

async function main(library: Library, argv: string[]): Promise<number> {
	let lang: Lang = 'it';
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { format: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
		});
		lang = choose(values.lang ?? 'it', ['it', 'en'] as const, '--lang', 'it');
		if (values.help) {
			console.log(help[lang]);
			return 0;
		}
		const [command, file, ...extra] = positionals;
		if (command !== 'lint' && command !== 'fmt') throw new UsageError(messages.command[lang]);
		if (!file || extra.length) throw new UsageError(messages.file[lang]);
		if (command === 'fmt' && values.format !== undefined)
			throw new UsageError(messages.fmtOptions[lang]);
		const format = choose(values.format ?? 'text', ['text', 'json'] as const, '--format', lang);

		const input = await readTextInput(file, expected);
		if (!input.ok) {
			// Not a usage mistake: the usage would only hide the one line that matters.
			console.error(input.message[lang]);
			return 2;
		}
		const model = library.parse(input.text);
		if (command === 'fmt') {
			process.stdout.write(library.print(model));
			return 0;
		}
		const findings = library.lint(model);
		printFindings(findings, file, format, lang);
		return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${message}\n${usage[lang]}`);
		return 2;
	}
}

function printFindings(findings: Finding[], file: string, format: 'text' | 'json', lang: Lang) {
	const rows = findings.map((finding) => ({
		rule: finding.rule,
		counterpart: finding.counterpart,
		severity: finding.severity,
		line: finding.line,
		column: finding.column,
		endLine: finding.endLine,
		endColumn: finding.endColumn,
		message: finding.message[lang],
	}));
	if (format === 'json') {
		console.log(JSON.stringify(rows, null, 2));
		return;
	}
	for (const row of rows) {
		const rule = row.counterpart ? `${row.rule} (${row.counterpart})` : row.rule;
		console.log(`${file}:${row.line}:${row.column} ${row.severity} ${rule} ${row.message}`);
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
	process.exitCode = await main(dockerfile, process.argv.slice(2));
}
