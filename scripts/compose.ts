/**
 * The Compose diagram generator's checks from the command line (`node bin/corso.mjs compose …`,
 * or `npm run -s compose -- …`):
 *
 *   check FILE [--format text|json] [--lang it|en]
 *   diagram FILE [--direction LR|TB] [--lang it|en] [--hide-default-network] [--hide-volumes]
 *
 * `check` lists the findings (`FILE:LINE:COL severity RULE message`) and exits with 1 on any
 * error. `diagram` writes the diagram as a standalone SVG to stdout; with errors, the findings go
 * to stderr and the exit code is 1. FILE `-` reads stdin. Usage mistakes exit with 2, and so does
 * a file that cannot be read or is not UTF-8 text of at most 256 KB, the lab's limit (the reading
 * is shared with the Dockerfile CLI). Each command loads only its own code: `check` never loads
 * the layout and the SVG.
 */
import type { Locale, Localized } from '../src/lib/i18n/locale.ts';
import { readCommandLine, type OptionSpec } from './command-line.ts';
import { readTextInput } from './text-input.ts';

const options = {
	format: { type: 'string', choices: ['text', 'json'] },
	direction: { type: 'string', choices: ['LR', 'TB'] },
	'hide-default-network': { type: 'boolean' },
	'hide-volumes': { type: 'boolean' },
} satisfies Record<string, OptionSpec>;

/** The options each command takes, besides `--lang`. */
const takes = {
	check: ['format'],
	diagram: ['direction', 'hide-default-network', 'hide-volumes'],
} as const;

const usage: Localized<string> = {
	it: `Uso: node bin/corso.mjs compose check FILE [--format text|json] [--lang it|en]
     node bin/corso.mjs compose diagram FILE [--direction LR|TB] [--lang it|en]
                                             [--hide-default-network] [--hide-volumes]
Con - al posto di FILE si legge lo standard input. Dettagli: --help.`,
	en: `Usage: node bin/corso.mjs compose check FILE [--format text|json] [--lang it|en]
       node bin/corso.mjs compose diagram FILE [--direction LR|TB] [--lang it|en]
                                               [--hide-default-network] [--hide-volumes]
With - as FILE, standard input is read. Details: --help.`,
};

const help: Localized<string> = {
	it: `${usage.it}

check    una segnalazione per riga: FILE:RIGA:COLONNA gravità REGOLA messaggio; con --format
         json, un array con gli stessi campi. Non disegna nulla.
diagram  lo schema come file SVG a sé sullo standard output; le segnalazioni, se ci sono
         errori, sullo standard error. --direction TB lo dispone dall'alto in basso.

Si leggono al massimo 256 KB di testo UTF-8, il limite del laboratorio: un file binario, in
UTF-16 o più grande è rifiutato.
Uscita: 0 nessun errore (avvisi e note non contano), 1 il file ha errori, 2 uso sbagliato o
file illeggibile.`,
	en: `${usage.en}

check    one finding per line: FILE:LINE:COL severity RULE message; with --format json, an
         array with the same fields. Draws nothing.
diagram  the diagram as a standalone SVG file on standard output; the findings, when there are
         errors, on standard error. --direction TB lays it out top to bottom.

At most 256 KB of UTF-8 text is read, the lab's limit: a binary, UTF-16 or larger file is
refused.
Exit status: 0 no errors (warnings and notes do not count), 1 the file has errors, 2 wrong
usage or an unreadable file.`,
};

/** Runs `compose` with these arguments (after the tool's name); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	const line = readCommandLine(argv, options);
	if (!line.ok) return fail(line.message, line.lang);
	const { lang, values, positionals } = line;
	if (line.help) {
		console.log(help[lang]);
		return 0;
	}
	const [command, file, ...extra] = positionals;
	if (command !== 'check' && command !== 'diagram') {
		const message: Localized<string> = command
			? {
					it: `Comando sconosciuto: ${command}. I comandi sono check e diagram.`,
					en: `Unknown command: ${command}. The commands are check and diagram.`,
				}
			: { it: 'Indica un comando: check o diagram.', en: 'Give a command: check or diagram.' };
		return fail(message, lang);
	}
	if (!file || extra.length)
		return fail(
			{
				it: 'Indica un solo file (- per lo standard input).',
				en: 'Give exactly one file (- for standard input).',
			},
			lang
		);
	const misplaced = Object.keys(values).find(
		(name) => !(takes[command] as readonly string[]).includes(name)
	);
	if (misplaced)
		return fail(
			{
				it: `--${misplaced} non vale per ${command}.`,
				en: `--${misplaced} does not apply to ${command}.`,
			},
			lang
		);

	const { limits } = await import('../src/lib/compose/parse.ts');
	// The lab's own limit, counted in bytes: whatever the command line reads, the lab would take.
	const input = await readTextInput(
		file,
		{ it: 'un file Compose', en: 'a Compose file' },
		{ maxBytes: limits.maxChars }
	);
	if (!input.ok) {
		// Not a usage mistake: the usage would only hide the one line that matters.
		console.error(`compose: ${input.message[lang]}`);
		return 2;
	}
	const located = (f: { line: number; column: number; severity: string; rule: string }) =>
		`${file}:${f.line}:${f.column} ${f.severity} ${f.rule}`;

	if (command === 'check') {
		const { inspectCompose } = await import('../src/lib/compose/inspect.ts');
		const { findings } = inspectCompose(input.text);
		if (values['format'] === 'json') {
			const rows = findings.map(({ rule, severity, line, column, message }) => ({
				rule,
				severity,
				line,
				column,
				message: message[lang],
			}));
			console.log(JSON.stringify(rows, null, 2));
		} else if (findings.length)
			console.log(findings.map((f) => `${located(f)} ${f.message[lang]}`).join('\n'));
		return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
	}

	const [{ analyzeCompose }, { serializeSvg }] = await Promise.all([
		import('../src/lib/compose/analyze.ts'),
		import('../src/lib/compose/svg.ts'),
	]);
	const result = analyzeCompose(input.text, {
		lang,
		direction: values['direction'] === 'TB' ? 'TB' : 'LR',
		hideDefaultNetwork: values['hide-default-network'] === true,
		hideVolumes: values['hide-volumes'] === true,
	});
	if (result.findings.length)
		console.error(result.findings.map((f) => `${located(f)} ${f.message[lang]}`).join('\n'));
	const failed = result.findings.some((finding) => finding.severity === 'error');
	if (failed || !result.diagram) return 1;
	process.stdout.write(serializeSvg(result.diagram));
	return 0;
}

function fail(message: Localized<string>, lang: Locale): number {
	console.error(`compose: ${message[lang]}\n${usage[lang]}`);
	return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
