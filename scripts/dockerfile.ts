/**
 * The Dockerfile builder's checks from the command line (`node bin/corso.mjs dockerfile …`, or
 * `npm run -s dockerfile -- …`):
 *
 *   lint FILE [--format text|json] [--lang it|en]
 *   fmt FILE [--lang it|en]
 *
 * FILE `-` reads standard input. `lint` prints one finding per line
 * (`FILE:LINE:COL severity RULE (COUNTERPART) message`, the counterpart being the hadolint code or
 * the `docker build --check` name) or a JSON array, and exits with 1 when a finding is an error;
 * a Dockerfile without instructions is one. `fmt` prints the canonical text. Bad usage, and a
 * file that cannot be read or is not UTF-8 text of at most 256 KB, exit with 2.
 */
import type { Finding } from '../src/lib/dockerfile/lint.ts';
import type { Locale, Localized } from '../src/lib/i18n/locale.ts';
import { readCommandLine } from './command-line.ts';
import { maxInputBytes, readTextInput } from './text-input.ts';

const limit = `${maxInputBytes / 1024} KB`;

const usage: Localized<string> = {
	it: 'Uso: node bin/corso.mjs dockerfile lint FILE [--format text|json] [--lang it|en]\n     node bin/corso.mjs dockerfile fmt FILE [--lang it|en]',
	en: 'Usage: node bin/corso.mjs dockerfile lint FILE [--format text|json] [--lang it|en]\n       node bin/corso.mjs dockerfile fmt FILE [--lang it|en]',
};

const help: Localized<string> = {
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
} satisfies Record<string, Localized<string>>;

/** For the messages about a file that is not what the command expects. */
const expected: Localized<string> = { it: 'un Dockerfile', en: 'a Dockerfile' };

/**
 * Runs `dockerfile` with these arguments (after the tool's name); returns the exit code. `fmt`
 * loads the parser and the printer, `lint` the rules too; neither loads the builder's other code.
 */
export async function main(argv: string[]): Promise<number> {
	const line = readCommandLine(argv, {
		format: { type: 'string', choices: ['text', 'json'] },
	});
	if (!line.ok) return fail(line.message, line.lang);
	const { lang, values, positionals } = line;
	if (line.help) {
		console.log(help[lang]);
		return 0;
	}
	const [command, file, ...extra] = positionals;
	if (command !== 'lint' && command !== 'fmt') return fail(messages.command, lang);
	if (!file || extra.length) return fail(messages.file, lang);
	if (command === 'fmt' && values['format'] !== undefined) return fail(messages.fmtOptions, lang);

	const loading = Promise.all([
		import('../src/lib/dockerfile/parse.ts'),
		command === 'lint' ? import('../src/lib/dockerfile/lint.ts') : undefined,
		command === 'fmt' ? import('../src/lib/dockerfile/print.ts') : undefined,
	]);
	const input = await readTextInput(file, expected);
	const [{ parse }, linter, printer] = await loading;
	if (!input.ok) {
		// Not a usage mistake: the usage would only hide the one line that matters.
		console.error(input.message[lang]);
		return 2;
	}
	const model = parse(input.text);
	if (printer) {
		process.stdout.write(printer.print(model));
		return 0;
	}
	const findings = linter?.lint(model) ?? [];
	printFindings(findings, file, values['format'] === 'json' ? 'json' : 'text', lang);
	return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** A usage problem: its message, then the usage; the exit status is 2. */
function fail(message: Localized<string>, lang: Locale): number {
	console.error(`${message[lang]}\n${usage[lang]}`);
	return 2;
}

function printFindings(findings: Finding[], file: string, format: 'text' | 'json', lang: Locale) {
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

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
