import { describe, expect, test } from 'vitest';
import { readCommandLine, type OptionSpec } from '../../scripts/command-line';

const options: Record<string, OptionSpec> = {
	format: { type: 'string', choices: ['text', 'json'] },
	'hide-volumes': { type: 'boolean' },
	topic: { type: 'string' },
};

const read = (...argv: string[]) => readCommandLine(argv, options);

describe('readCommandLine', () => {
	test('gives the positionals, the values and the language, Italian by default', () => {
		expect(read('check', 'compose.yaml', '--format=json', '--hide-volumes')).toEqual({
			ok: true,
			lang: 'it',
			langGiven: false,
			help: false,
			values: { format: 'json', 'hide-volumes': true },
			positionals: ['check', 'compose.yaml'],
		});
		expect(read('-', '--lang', 'en', '-h')).toMatchObject({
			ok: true,
			lang: 'en',
			langGiven: true,
			help: true,
			positionals: ['-'],
		});
		// After `--`, a name that starts with a dash is a file.
		expect(read('check', '--', '--odd.yaml')).toMatchObject({
			positionals: ['check', '--odd.yaml'],
		});
	});

	test.each([
		[['--colour'], { it: 'Opzione sconosciuta: --colour.', en: 'Unknown option: --colour.' }],
		[['-x', 'file'], { it: 'Opzione sconosciuta: -x.', en: 'Unknown option: -x.' }],
		[
			['--format', 'xml'],
			{
				it: 'Valore non valido per --format: xml (ammessi: text, json).',
				en: 'Invalid value for --format: xml (allowed: text, json).',
			},
		],
		[
			['--format'],
			{ it: '--format vuole un valore: text, json.', en: '--format needs a value: text, json.' },
		],
		[
			['--format', '--hide-volumes'],
			{ it: '--format vuole un valore: text, json.', en: '--format needs a value: text, json.' },
		],
		[['--topic'], { it: '--topic vuole un valore.', en: '--topic needs a value.' }],
		[
			['--hide-volumes=no'],
			{ it: '--hide-volumes non vuole un valore.', en: '--hide-volumes takes no value.' },
		],
		[
			['--lang', 'fr'],
			{
				it: 'Valore non valido per --lang: fr (ammessi: it, en).',
				en: 'Invalid value for --lang: fr (allowed: it, en).',
			},
		],
	])('%j is refused in both languages', (argv, message) => {
		expect(read(...argv)).toEqual({ ok: false, lang: 'it', message });
	});

	test('a problem after --lang en is told in English', () => {
		expect(read('--lang', 'en', '--colour')).toMatchObject({ ok: false, lang: 'en' });
		expect(read('--colour', '--lang=en')).toMatchObject({ ok: false, lang: 'en' });
	});
});
