/**
 * How the command-line tools read their arguments: `node:util`'s `parseArgs`, without its strict
 * mode, whose errors are English sentences about positionals; the problems are told here instead,
 * in the language asked with `--lang` (Italian by default), so every usage error has both.
 */
import { parseArgs } from 'node:util';
import type { Locale, Localized } from '../src/lib/i18n/locale.ts';

/** One option a tool takes besides `--lang` and `--help`. */
export interface OptionSpec {
	type: 'string' | 'boolean';
	/** The values a string option allows, for the message about any other. */
	choices?: readonly string[];
}

/** The arguments read, or the first problem with them. */
export type CommandLine =
	| {
			ok: true;
			lang: Locale;
			/** Whether `--lang` was given, for a tool where it also chooses what to write. */
			langGiven: boolean;
			help: boolean;
			values: Record<string, string | boolean>;
			positionals: string[];
	  }
	| { ok: false; lang: Locale; message: Localized<string> };

const languages = ['it', 'en'] as const;

/**
 * Reads `argv` against `options`. `--lang it|en` and `--help` (`-h`) are always known; the
 * language is settled first, so a problem with any other option is told in it.
 */
export function readCommandLine(argv: string[], options: Record<string, OptionSpec>): CommandLine {
	const all: Record<string, OptionSpec> = {
		...options,
		lang: { type: 'string', choices: languages },
		help: { type: 'boolean' },
	};
	const { values, positionals, tokens } = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: false,
		tokens: true,
		options: {
			...Object.fromEntries(Object.entries(all).map(([name, spec]) => [name, { type: spec.type }])),
			help: { type: 'boolean', short: 'h' },
		},
	});
	const given = values['lang'];
	const lang: Locale = given === 'en' ? 'en' : 'it';
	for (const token of tokens) {
		if (token.kind !== 'option') continue;
		const spec = all[token.name];
		// `--format --lang en`: the next option is not a value, whatever `parseArgs` takes it for.
		const value = !token.inlineValue && token.value?.startsWith('--') ? undefined : token.value;
		const problem = spec ? optionProblem(token.rawName, spec, value) : unknown(token.rawName);
		if (problem) return { ok: false, lang, message: problem };
	}
	const known = Object.entries(values).filter(([name]) => name !== 'lang' && name !== 'help');
	return {
		ok: true,
		lang,
		langGiven: given !== undefined,
		help: values['help'] === true,
		values: Object.fromEntries(known) as Record<string, string | boolean>,
		positionals,
	};
}

/** What is wrong with one option as given, if anything. */
function optionProblem(
	flag: string,
	spec: OptionSpec,
	value: string | undefined
): Localized<string> | undefined {
	if (spec.type === 'boolean')
		return value === undefined
			? undefined
			: { it: `${flag} non vuole un valore.`, en: `${flag} takes no value.` };
	const allowed = spec.choices?.join(', ');
	if (value === undefined)
		return allowed
			? { it: `${flag} vuole un valore: ${allowed}.`, en: `${flag} needs a value: ${allowed}.` }
			: { it: `${flag} vuole un valore.`, en: `${flag} needs a value.` };
	if (allowed && !spec.choices?.includes(value))
		return {
			it: `Valore non valido per ${flag}: ${value} (ammessi: ${allowed}).`,
			en: `Invalid value for ${flag}: ${value} (allowed: ${allowed}).`,
		};
	return undefined;
}

function unknown(flag: string): Localized<string> {
	return {
		it: `Opzione sconosciuta: ${flag}.`,
		en: `Unknown option: ${flag}.`,
	};
}
