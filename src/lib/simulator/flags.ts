/**
 * Reads a Docker CLI command's options the way cobra does: long options with `=` or a separate
 * value, grouped short options (`-dit`), values attached (`-p8080:80`); for `run`, `create` and
 * `exec`, options stop at the first argument (what follows is the container's command).
 */
import { fail, type Answer } from './context.ts';

/** One option: its long name, its letter, and whether it takes a value. */
export interface FlagSpec {
	short?: string;
	value?: boolean;
}

/** The options read: each long name with its values in order (`''` for a boolean). */
export interface ParsedFlags {
	flags: Record<string, string[]>;
	args: string[];
}

/** Reads `words` against `spec`; an unknown option gives cobra's message. */
export function parseFlags(
	words: string[],
	spec: Record<string, FlagSpec>,
	command: string,
	stopAtArgument = false
): ParsedFlags | Answer {
	const flags: Record<string, string[]> = {};
	const args: string[] = [];
	const byLetter = new Map(
		Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name]] : []))
	);
	const add = (name: string, value: string) => (flags[name] ??= []).push(value);
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		if (word === '--') {
			args.push(...words.slice(i + 1));
			break;
		}
		if (word.startsWith('--') && word.length > 2) {
			const [name, inline] = splitOnce(word.slice(2));
			const s = spec[name];
			if (!s) return fail('unknown-flag', { flag: `--${name}`, command }, { exitCode: 125 });
			if (s.value) {
				const value = inline ?? words[++i];
				if (value === undefined) return fail('unknown-flag', { flag: `--${name}`, command });
				add(name, value);
			} else if (inline !== 'false') add(name, '');
		} else if (word.startsWith('-') && word.length > 1) {
			for (let j = 1; j < word.length; j++) {
				const letter = word[j]!;
				const name = byLetter.get(letter);
				if (!name)
					return fail('unknown-shorthand', { letter, flag: word, command }, { exitCode: 125 });
				if (spec[name]!.value) {
					const value = j + 1 < word.length ? word.slice(j + 1).replace(/^=/, '') : words[++i];
					if (value === undefined) return fail('unknown-flag', { flag: word, command });
					add(name, value);
					break;
				}
				add(name, '');
			}
		} else {
			args.push(word);
			if (stopAtArgument) {
				args.push(...words.slice(i + 1));
				break;
			}
		}
	}
	return { flags, args };
}

function splitOnce(text: string): [string, string | undefined] {
	const index = text.indexOf('=');
	return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

/** Whether the parse failed. */
export function isAnswer(value: ParsedFlags | Answer): value is Answer {
	return 'exitCode' in value;
}
