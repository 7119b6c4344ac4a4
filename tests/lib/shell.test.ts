import { describe, expect, test } from 'vitest';
import { argumentsOf, programOf, splitCommands } from '../../src/lib/shell.ts';

const shape = (text: string, escape?: string) =>
	splitCommands(text, escape).map((command) => [
		command.words.map((word) => word.text),
		command.next,
	]);

describe('splitCommands()', () => {
	test('splits on operators and keeps their order', () => {
		expect(shape('a && b || c; d | e & f')).toEqual([
			[['a'], '&&'],
			[['b'], '||'],
			[['c'], ';'],
			[['d'], '|'],
			[['e'], '&'],
			[['f'], ''],
		]);
	});

	test('reads quotes, escapes, $(…) and redirections as parts of words', () => {
		expect(shape(`echo "a | b" 'c && d' e\\ f $(cat x | wc -l) 2>&1`)).toEqual([
			[['echo', 'a | b', 'c && d', 'e f', '$(cat x | wc -l)', '2>&1'], ''],
		]);
	});

	test('joins continuation lines and skips the comment lines inside them', () => {
		expect(shape('apt-get update && \\\n  # why\n  apt-get install -y curl')).toEqual([
			[['apt-get', 'update'], '&&'],
			[['apt-get', 'install', '-y', 'curl'], ''],
		]);
		expect(shape('a `\n b', '`')).toEqual([[['a', 'b'], '']]);
	});

	test('gives word offsets in the text', () => {
		const [command] = splitCommands('  cd /app');
		expect(command?.words[1]).toEqual({ text: '/app', start: 5, end: 9 });
	});
});

describe('programOf() and argumentsOf()', () => {
	test('skip sudo, env and assignments to find the program', () => {
		const [command] = splitCommands(
			'sudo -E DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y x'
		);
		expect(command && programOf(command)).toBe('apt-get');
		expect(command && argumentsOf(command).map((word) => word.text)).toEqual([
			'install',
			'-y',
			'x',
		]);
	});
});

describe('splitCommands() on a command line', () => {
	test('splits like a shell, honouring quotes and backslashes', () => {
		expect(shape(`docker run -e "A=b c" -e 'D=e' x\\ y ""`)).toEqual([
			[['docker', 'run', '-e', 'A=b c', '-e', 'D=e', 'x y', ''], ''],
		]);
	});
});
