/**
 * The simulated Docker host from the command line (`node bin/corso.mjs docker …`, or
 * `npm run -s docker -- …`):
 *
 *   play SCRIPT [--compose FILE] [--format text|json] [--lang it|en]
 *
 * Runs each line of SCRIPT (blank lines and `#` comments skipped, `\` continues a line) against
 * a fresh simulated host. The host's working directory holds FILE as `compose.yaml` when
 * `--compose` is given, and the `Dockerfile` next to SCRIPT when there is one. `text` prints
 * `$ command`, its output and, after an error, the explanation in the language asked; `json` an
 * array of `{ command, exitCode, output, explanation }` (the explanation rendered, or null).
 * Exit status: 0 once the script has run, whatever its commands answered; 2 for wrong usage or
 * a SCRIPT or FILE that cannot be read.
 */
import { dirname, join } from 'node:path';
import type { Locale, Localized } from '../src/lib/i18n/locale.ts';
import { readCommandLine, type OptionSpec } from './command-line.ts';
import { readTextInput } from './text-input.ts';

const options = {
	compose: { type: 'string' },
	format: { type: 'string', choices: ['text', 'json'] },
} satisfies Record<string, OptionSpec>;

const usage: Localized<string> = {
	it: `Uso: node bin/corso.mjs docker play SCRIPT [--compose FILE] [--format text|json] [--lang it|en]
Dettagli: --help.`,
	en: `Usage: node bin/corso.mjs docker play SCRIPT [--compose FILE] [--format text|json] [--lang it|en]
Details: --help.`,
};

const help: Localized<string> = {
	it: `${usage.it.split('\n')[0]}

Esegue ogni riga di SCRIPT su un host Docker simulato, nuovo a ogni esecuzione: le righe vuote e
i commenti (#) si saltano, una riga che finisce con \\ continua nella successiva. Con --compose,
FILE è il compose.yaml del progetto; un Dockerfile nella cartella di SCRIPT entra anch'esso nella
cartella di lavoro simulata.

text  $ comando, poi l'output come lo darebbe Docker e, dopo un errore, una riga con la
      spiegazione nella lingua scelta (--lang).
json  un array di { command, exitCode, output, explanation }; explanation è null se non c'è.

Uscita: 0 dopo aver eseguito lo script, qualunque cosa abbiano risposto i comandi; 2 uso
sbagliato o file illeggibile.`,
	en: `${usage.en.split('\n')[0]}

Runs each line of SCRIPT on a simulated Docker host, fresh at every run: blank lines and
comments (#) are skipped, a line ending with \\ goes on in the next one. With --compose, FILE is
the project's compose.yaml; a Dockerfile in SCRIPT's folder joins the simulated working
directory too.

text  $ command, then the output as Docker would give it and, after an error, a line with the
      explanation in the language chosen (--lang).
json  an array of { command, exitCode, output, explanation }; explanation is null when none.

Exit status: 0 once the script has run, whatever its commands answered; 2 wrong usage or an
unreadable file.`,
};

/** Runs `docker` with these arguments (after the tool's name); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	const line = readCommandLine(argv, options);
	if (!line.ok) return fail(line.message, line.lang);
	const { lang, values, positionals } = line;
	if (line.help) {
		console.log(help[lang]);
		return 0;
	}
	const [command, script, ...extra] = positionals;
	if (command !== 'play')
		return fail(
			command
				? {
						it: `Comando sconosciuto: ${command}. Il comando è play.`,
						en: `Unknown command: ${command}. The command is play.`,
					}
				: { it: 'Indica un comando: play.', en: 'Give a command: play.' },
			lang
		);
	if (!script || extra.length)
		return fail({ it: 'Indica un solo SCRIPT.', en: 'Give exactly one SCRIPT.' }, lang);

	const input = await readTextInput(script, {
		it: 'uno script di comandi',
		en: 'a command script',
	});
	if (!input.ok) {
		console.error(`docker: ${input.message[lang]}`);
		return 2;
	}
	const files: Record<string, string> = {};
	const composeFile = values['compose'];
	if (typeof composeFile === 'string') {
		const compose = await readTextInput(composeFile, {
			it: 'un file Compose',
			en: 'a Compose file',
		});
		if (!compose.ok) {
			console.error(`docker: ${compose.message[lang]}`);
			return 2;
		}
		files['compose.yaml'] = compose.text;
	}
	if (script !== '-') {
		// The Dockerfile next to the script, when there is one: `docker build .` then finds it.
		const dockerfile = await readTextInput(join(dirname(script), 'Dockerfile'), {
			it: 'un Dockerfile',
			en: 'a Dockerfile',
		});
		if (dockerfile.ok) files['Dockerfile'] = dockerfile.text;
	}

	const { explain, runScript } = await import('../src/lib/simulator/index.ts');
	const results = runScript(input.text, { files });
	if (values['format'] === 'json') {
		const rows = results.map((r) => ({
			command: r.command,
			exitCode: r.exitCode,
			output: r.output,
			explanation: r.explanation ? explain(r.explanation, lang) : null,
		}));
		console.log(JSON.stringify(rows, null, 2));
	} else {
		const lines: string[] = [];
		for (const r of results) {
			lines.push(`$ ${r.command}`);
			if (r.output) lines.push(r.output);
			if (r.explanation) lines.push(`» ${explain(r.explanation, lang)}`);
		}
		if (lines.length) console.log(lines.join('\n'));
	}
	return 0;
}

function fail(message: Localized<string>, lang: Locale): number {
	console.error(`docker: ${message[lang]}\n${usage[lang]}`);
	return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
