/**
 * The question banks from the command line (`node bin/corso.mjs quiz …`, or
 * `npm run -s quiz -- …`):
 *
 *   check                                          validate every bank; exit 1 on any problem
 *   export --format gift|moodle-xml --lang it|en [--topic T] [BANK…]
 *                                                  the banks as Moodle GIFT or Moodle XML on stdout
 *   import --format gift FILE --lang it|en [--topic T]  a GIFT file as a bank (YAML) on stdout
 *   schema                                         the banks' JSON Schema on stdout
 *
 * `--lang` is the language of the questions exported or imported, and of the tool's own
 * messages (Italian by default). Usage mistakes, and a GIFT file that cannot be read or is not
 * UTF-8 text of at most 1 MB, exit with 2; a GIFT file that does not parse exits with 1.
 */
import type { Locale, Localized } from '../src/lib/i18n/locale.ts';
import type { GiftQuestion } from '../src/lib/quiz/gift.ts';
import { topics, type Topic } from '../src/lib/quiz/schema.ts';
import { readCommandLine } from './command-line.ts';
import { readTextInput } from './text-input.ts';

/** A GIFT file is read up to 1 MB, several times what the course's own banks export to. */
const maxGiftBytes = 1024 * 1024;

const usage: Localized<string> = {
	it: `Uso: node bin/corso.mjs quiz check
     node bin/corso.mjs quiz export --format gift|moodle-xml --lang it|en [--topic ARGOMENTO] [BANCA…]
     node bin/corso.mjs quiz import --format gift FILE --lang it|en [--topic ARGOMENTO]
     node bin/corso.mjs quiz schema
Argomenti: ${topics.join(', ')}.`,
	en: `Usage: node bin/corso.mjs quiz check
       node bin/corso.mjs quiz export --format gift|moodle-xml --lang it|en [--topic TOPIC] [BANK…]
       node bin/corso.mjs quiz import --format gift FILE --lang it|en [--topic TOPIC]
       node bin/corso.mjs quiz schema
Topics: ${topics.join(', ')}.`,
};

const help: Localized<string> = {
	it: `${usage.it}

check   controlla tutte le banche (src/content/quizzes, dalla cartella corrente) e le regole
        contro le risposte indovinabili: quota di «vero» fra le domande vero/falso, quota di
        domande a scelta singola in cui la giusta è la più lunga, domande quasi uguali, capitoli
        con poche domande. Stampa le cifre di ogni banca e capitolo; esce con 1 se c'è un problema.
export  le banche per Moodle sullo standard output, nella lingua di --lang: --format gift
        (testo GIFT) o --format moodle-xml (Moodle XML, che tiene anche le domande di
        ordinamento, le unità, i punti e le scelte da non mescolare). BANCA è un argomento (docker) o un file
        di src/content/quizzes; senza, tutte le banche. Ogni banca è una categoria: in Moodle,
        nella banca delle domande, Importa, scegli il formato e spunta l'opzione che prende la
        categoria dal file (Get category from file).
import  un file GIFT (- per lo standard input, al massimo 1 MB) come banca YAML sullo standard
        output; i testi [html] e [markdown] diventano testo semplice; le domande saltate, con
        riga e motivo, sullo standard error.
schema  lo schema JSON delle banche.
Uscita: 0 tutto bene, 1 problemi nelle banche o nel file GIFT, 2 uso sbagliato o file illeggibile.`,
	en: `${usage.en}

check   validates every bank (src/content/quizzes, from the current folder) and the rules
        against guessable answers: the share of "true" among true/false questions, the share of
        single-choice questions whose right choice is the longest, near-duplicate questions,
        chapters with few questions. Prints the figures of each bank and chapter; exits with 1
        on any problem.
export  the banks for Moodle on standard output, in the language of --lang: --format gift
        (GIFT text) or --format moodle-xml (Moodle XML, which also keeps ordering questions,
        units, points and choices that must not be shuffled). BANK is a topic (docker) or a file of
        src/content/quizzes; without one, every bank. Each bank is a category: in Moodle,
        Question bank › Import, choose the format and tick "Get category from file".
import  a GIFT file (- for standard input, at most 1 MB) as a YAML bank on standard output;
        [html] and [markdown] texts become plain text; the questions skipped, with line and
        reason, on standard error.
schema  the banks' JSON Schema.
Exit status: 0 all fine, 1 problems in the banks or the GIFT file, 2 wrong usage or an
unreadable file.`,
};

/** A usage mistake: its message and the usage are printed, and the exit status is 2. */
class UsageError extends Error {
	readonly text: Localized<string>;
	constructor(text: Localized<string>) {
		super(text.en);
		this.text = text;
	}
}

/** Runs `quiz` with these arguments (after the tool's name); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	const line = readCommandLine(argv, {
		format: { type: 'string', choices: ['gift', 'moodle-xml'] },
		topic: { type: 'string', choices: topics },
	});
	if (!line.ok) return fail(line.message, line.lang);
	const { lang, values, positionals } = line;
	if (line.help) {
		console.log(help[lang]);
		return 0;
	}
	try {
		return await run(positionals, values, lang, line.langGiven);
	} catch (error) {
		if (error instanceof UsageError) return fail(error.text, lang);
		throw error;
	}
}

async function run(
	[command, file, ...extra]: string[],
	values: Record<string, string | boolean>,
	lang: Locale,
	languageGiven: boolean
): Promise<number> {
	const topic = values['topic'] as Topic | undefined;
	const requireLanguage = () => {
		if (!languageGiven)
			throw new UsageError({
				it: 'Indica la lingua delle domande con --lang it o --lang en.',
				en: 'Say which language with --lang it or --lang en.',
			});
	};
	const requireGift = () => {
		if (values['format'] !== 'gift')
			throw new UsageError(
				values['format'] === undefined
					? {
							it: "L'unico formato da importare è GIFT: aggiungi --format gift.",
							en: 'The only format to import is GIFT: add --format gift.',
						}
					: {
							it: `Si importa solo da GIFT, non da ${String(values['format'])}: esporta le domande da Moodle in GIFT e usa --format gift.`,
							en: `Only GIFT can be imported, not ${String(values['format'])}: export the questions from Moodle as GIFT and use --format gift.`,
						}
			);
	};
	const expectArguments = (count: number) => {
		if ((count === 0 ? file : extra[0]) !== undefined)
			throw new UsageError({ it: 'Troppi argomenti.', en: 'Too many arguments.' });
	};
	switch (command) {
		case 'check': {
			expectArguments(0);
			const [
				{ checkAllBanks, lintAllBanks },
				{ formatProblem },
				{ formatLintFigures, formatFinding },
			] = await Promise.all([
				import('../src/lib/quiz/files.ts'),
				import('../src/lib/quiz/bank.ts'),
				import('../src/lib/quiz/bank-lint.ts'),
			]);
			const root = process.cwd();
			const { banks, problems } = checkAllBanks(root);
			const report = lintAllBanks(root, banks);
			console.log(formatLintFigures(report, lang));
			for (const problem of problems) console.error(formatProblem(problem));
			for (const finding of report.findings) console.error(formatFinding(finding, lang));
			if (problems.length > 0 || report.findings.length > 0) {
				const count = problems.length;
				const rules = report.findings.length;
				const said = [
					count > 0 &&
						(lang === 'it'
							? `${count} ${count === 1 ? 'problema' : 'problemi'} nelle banche di domande`
							: `${count} problem${count === 1 ? '' : 's'} in the question banks`),
					rules > 0 &&
						(lang === 'it'
							? `${rules} ${rules === 1 ? 'regola non rispettata' : 'regole non rispettate'} contro le risposte indovinabili`
							: `${rules} finding${rules === 1 ? '' : 's'} against guessable answers`),
				].filter(Boolean);
				console.error(`\n${said.join(lang === 'it' ? ' e ' : ' and ')}.`);
				return 1;
			}
			const questions = banks.reduce((sum, bank) => sum + (bank.bank?.questions.length ?? 0), 0);
			console.log(
				lang === 'it'
					? `\n${banks.length} banche, ${questions} domande: tutte valide.`
					: `\n${banks.length} banks, ${questions} questions: all valid.`
			);
			return 0;
		}
		case 'export': {
			const format = values['format'];
			if (format !== 'gift' && format !== 'moodle-xml')
				throw new UsageError({
					it: 'Indica il formato: --format gift o --format moodle-xml.',
					en: 'Say which format: --format gift or --format moodle-xml.',
				});
			requireLanguage();
			const [{ checkAllBanks }, { formatProblem }, { moodleNotes }, writer] = await Promise.all([
				import('../src/lib/quiz/files.ts'),
				import('../src/lib/quiz/bank.ts'),
				import('../src/lib/quiz/moodle.ts'),
				format === 'gift'
					? import('../src/lib/quiz/gift.ts').then((m) => m.exportGift)
					: import('../src/lib/quiz/moodle-xml.ts').then((m) => m.exportMoodleXml),
			]);
			const { banks, problems } = checkAllBanks(process.cwd());
			if (problems.length > 0) {
				for (const problem of problems) console.error(formatProblem(problem));
				return 1;
			}
			const named = [file, ...extra].filter((name) => name !== undefined);
			const chosen = chooseBanks(banks, named).filter(
				(loaded) => !topic || loaded.bank?.topic === topic
			);
			const valid = chosen.flatMap((loaded) => (loaded.bank ? [loaded.bank] : []));
			for (const loaded of chosen) {
				const notes = loaded.bank && moodleNotes([loaded.bank]);
				for (const note of notes ?? [])
					console.error(`${loaded.file}: ${note.question}: ${note.message[lang]}`);
			}
			process.stdout.write(writer(valid, lang, topic));
			return 0;
		}
		case 'import': {
			requireGift();
			requireLanguage();
			if (!file)
				throw new UsageError({
					it: 'Indica il file GIFT da importare (- per lo standard input).',
					en: 'Name the GIFT file to import (- for standard input).',
				});
			expectArguments(1);
			const loading = Promise.all([import('gift-pegjs'), import('../src/lib/quiz/gift.ts')]);
			const input = await readTextInput(
				file,
				{ it: 'un file GIFT', en: 'a GIFT file' },
				{
					maxBytes: maxGiftBytes,
					usualSize: {
						it: 'di cento domande occupa circa 100 KB',
						en: 'of a hundred questions takes about 100 KB',
					},
				}
			);
			const [giftParser, { giftToBank }] = await loading;
			if (!input.ok) {
				console.error(input.message[lang]);
				return 2;
			}
			let parsed: GiftQuestion[];
			try {
				parsed = (giftParser.default as { parse: (text: string) => GiftQuestion[] }).parse(
					input.text
				);
			} catch (error) {
				const { location, message } = error as {
					location?: { start: { line: number; column: number } };
					message: string;
				};
				console.error(
					location
						? `${file}:${location.start.line}:${location.start.column}: ${message}`
						: `${file}: ${message}`
				);
				return 1;
			}
			const result = giftToBank(parsed, lang, topic ?? 'docker', input.text);
			const skipped = lang === 'it' ? 'domanda saltata' : 'question skipped';
			for (const entry of result.skipped) {
				const where = entry.line ? `${file}:${entry.line}` : file;
				console.error(`${where}: ${entry.question}: ${skipped}: ${entry.message[lang]}`);
			}
			const count = result.imported;
			console.error(
				lang === 'it'
					? `${count} ${count === 1 ? 'domanda importata' : 'domande importate'}.`
					: `${count} question${count === 1 ? '' : 's'} imported.`
			);
			process.stdout.write(result.yaml);
			return 0;
		}
		case 'schema': {
			expectArguments(0);
			const { bankJsonSchema } = await import('../src/lib/quiz/files.ts');
			process.stdout.write(bankJsonSchema());
			return 0;
		}
		default:
			throw new UsageError(
				command
					? {
							it: `Comando sconosciuto: ${command}. I comandi sono check, export, import e schema.`,
							en: `Unknown command: ${command}. The commands are check, export, import and schema.`,
						}
					: {
							it: 'Indica un comando: check, export, import o schema.',
							en: 'Name a command: check, export, import or schema.',
						}
			);
	}
}

/**
 * The banks named on the command line, by topic (`docker`) or by file
 * (`src/content/quizzes/docker.yaml`, or just `docker.yaml`); every bank when none is named.
 */
function chooseBanks<T extends { file: string; bank?: { topic: string } }>(
	banks: T[],
	names: string[]
): T[] {
	if (names.length === 0) return banks;
	const base = (path: string) => path.split(/[\\/]/).pop() ?? path;
	return names.map((name) => {
		const found = banks.find(
			(loaded) =>
				loaded.bank?.topic === name ||
				loaded.file === name.replaceAll('\\', '/').replace(/^\.\//, '') ||
				base(loaded.file) === base(name)
		);
		if (!found)
			throw new UsageError({
				it: `Non c'è una banca ${name}. Le banche sono: ${banks.map((b) => b.bank?.topic ?? b.file).join(', ')}.`,
				en: `There is no bank ${name}. The banks are: ${banks.map((b) => b.bank?.topic ?? b.file).join(', ')}.`,
			});
		return found;
	});
}

function fail(message: Localized<string>, lang: Locale): number {
	console.error(`${message[lang]}\n\n${usage[lang]}`);
	return 2;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
