import { describe, expect, test } from 'vitest';
import { commentLines } from '../../../src/lib/dockerfile/model';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print, printInstruction, withPrintedSources } from '../../../src/lib/dockerfile/print';
import { templates } from '../../../src/lib/dockerfile/templates';

const format = (text: string) => print(parse(text));

describe('print()', () => {
	test('writes keywords in upper case with one space between words', () => {
		expect(format('from   alpine:3  as   base\nrun    echo hi\ncopy  a   /b/\n')).toBe(
			'FROM alpine:3 AS base\nRUN echo hi\nCOPY a /b/\n'
		);
	});

	test('writes exec forms as JSON arrays with double quotes', () => {
		expect(format('FROM a:1\nCMD [ \'x\' ]\nCMD ["node","server.js"]\n')).toBe(
			'FROM a:1\nCMD [ \'x\' ]\nCMD ["node", "server.js"]\n'
		);
	});

	test('keeps long RUN commands as the learner wrote them', () => {
		const run =
			'RUN apt-get update \\\n\t&& apt-get install -y curl \\\n\t&& rm -rf /var/lib/apt/lists/*';
		expect(format(`FROM a:1\n${run}\n`)).toBe(`FROM a:1\n${run}\n`);
	});

	test('puts a blank line before each stage, above the comments that introduce it', () => {
		expect(format('FROM a:1 AS one\nRUN x\n\n\n# the final image\nFROM b:2\n')).toBe(
			'FROM a:1 AS one\nRUN x\n\n# the final image\nFROM b:2\n'
		);
	});

	test('keeps comments as written, and the blank line between two comment blocks', () => {
		const header = '#   Licenza   MIT  \n#\tCopyright 2024\n#\n##########';
		const text = `${header}\n\n\n#RUN make\n# # not a directive\n  # indented\nfrom a:1\n# last`;
		expect(format(text)).toBe(
			'#   Licenza   MIT\n#\tCopyright 2024\n#\n##########\n\n#RUN make\n# # not a directive\n# indented\nFROM a:1\n# last\n'
		);
		expect(parse(text).preamble.map((item) => item.kind === 'comment' && item.text)).toEqual([
			'  Licenza   MIT\n#\tCopyright 2024\n\n##########',
			'#RUN make\n# # not a directive\nindented',
		]);
	});

	test('writes a comment made in the form with `# ` before each line that lacks a `#`', () => {
		const comment = (id: string, text: string) => ({ id, kind: 'comment' as const, text });
		const model = {
			directives: [],
			preamble: [comment('a', 'note\n\n  indented'), comment('b', '#RUN make')],
			stages: [],
		};
		expect(print(model)).toBe('# note\n#\n#   indented\n\n#RUN make\n');
	});

	test('keeps an instruction as written when its fields cannot hold the comments inside it', () => {
		const from = 'from alpine:3.21 \\\n# the base of every stage\n  as base';
		const env = 'ENV A=1 \\\n    # B=2 \\\n    C=3';
		expect(format(`${from}\n${env}\nENV  D=4\n`)).toBe(`${from}\n${env}\nENV D=4\n`);
		expect(parse(format(`${from}\n`)).stages[0]?.from).toMatchObject({
			kind: 'from',
			name: 'base',
		});
		// A shell command keeps its text, comments and all, and its flags are still written anew.
		const run = 'RUN  --network=none apt-get update \\\n  # then the packages\n  && make';
		expect(format(`FROM a:1\n${run}\n`)).toBe(`FROM a:1\n${run.replace('  --', ' --')}\n`);
	});

	test('never wraps ENV or LABEL pairs so that one starts a line with #', () => {
		const label = `LABEL ${'a'.repeat(40)}=1 #=2 ${'b'.repeat(40)}=3`;
		expect(format(`FROM a:1\n${label}\n`)).toBe(`FROM a:1\n${label}\n`);
	});

	test('reads -- after the first argument as an argument, not a flag', () => {
		expect(format('FROM a:1\nRUN !--x --from=build /app\n')).toBe(
			'FROM a:1\nRUN !--x --from=build /app\n'
		);
	});

	test('commentLines() gives what follows # on each printed line', () => {
		const text = '# hadolint ignore=DL3008\n#check=skip=all\n#\n#   spaced   out\n# # nested\n';
		const [block] = parse(`FROM a:1\n${text}RUN make\n`).stages[0]?.items ?? [];
		expect(block?.kind === 'comment' && commentLines(block)).toEqual([
			'hadolint ignore=DL3008',
			'check=skip=all',
			'',
			'spaced   out',
			'# nested',
		]);
		const typed = { id: 'x', kind: 'comment' as const, text: 'note\n#tight' };
		expect(commentLines(typed)).toEqual(['note', 'tight']);
		expect(print({ directives: [], preamble: [typed], stages: [] })).toBe('# note\n#tight\n');
	});

	test('writes parser directives first, then a blank line', () => {
		expect(format('# escape=`\nFROM a:1\n')).toBe('# escape=`\n\nFROM a:1\n');
	});

	test('keeps a first comment that looks like a directive from becoming one', () => {
		const text = format('\n# escape=`\nFROM a:1\n');
		expect(text).toBe('\n# escape=`\nFROM a:1\n');
		expect(parse(text).directives).toEqual([]);
	});

	test('switches COPY and VOLUME to the JSON form when a path needs it', () => {
		expect(format('FROM a:1\nCOPY ["my file.txt", "/app/"]\nCOPY ["a", "/b/"]\n')).toBe(
			'FROM a:1\nCOPY ["my file.txt", "/app/"]\nCOPY a /b/\n'
		);
	});

	test('writes ENV pairs with =, one per line when the line would be long', () => {
		expect(format('FROM a:1\nENV NODE_ENV production\n')).toBe(
			'FROM a:1\nENV NODE_ENV=production\n'
		);
		// A legacy value that is one quoted string keeps its quotes, which Docker removes in both forms.
		expect(format('FROM a:1\nENV JAVA_OPTS "-Xms256m -Xmx512m"\nENV B \'x y\'\n')).toBe(
			'FROM a:1\nENV JAVA_OPTS="-Xms256m -Xmx512m"\nENV B=\'x y\'\n'
		);
		const long =
			'LABEL org.opencontainers.image.title="Sito" org.opencontainers.image.authors="ada@example.com"';
		expect(format(`FROM a:1\n${long}\n`)).toBe(
			'FROM a:1\nLABEL org.opencontainers.image.title="Sito" \\\n    org.opencontainers.image.authors="ada@example.com"\n'
		);
	});

	test('keeps raw instructions as they were', () => {
		expect(format('FROM a:1\nCOPY <<EOF /a.txt\nhello\nEOF\nFOO  bar\n')).toBe(
			'FROM a:1\nCOPY <<EOF /a.txt\nhello\nEOF\nFOO  bar\n'
		);
	});

	test('gives back each template unchanged, since they are written canonically', () => {
		for (const template of templates)
			expect(format(template.dockerfile), template.id).toBe(template.dockerfile);
	});

	test('prints nothing for an empty model', () => {
		expect(print({ directives: [], preamble: [], stages: [] })).toBe('');
	});
});

describe('printInstruction()', () => {
	test('writes one instruction, with the file escape character for wrapped pairs', () => {
		const pairs = Array.from({ length: 6 }, (_, index) => ({
			key: `KEY_NUMBER_${index}`,
			value: 'value',
		}));
		expect(printInstruction({ id: 'x', kind: 'env', pairs }, '`')).toContain(
			' `\n    KEY_NUMBER_1=value'
		);
		expect(printInstruction({ id: 'x', kind: 'healthcheck', flags: [], command: null })).toBe(
			'HEALTHCHECK NONE'
		);
	});
});

describe('withPrintedSources()', () => {
	test('places every node on the canonical text', () => {
		const model = withPrintedSources(parse('from a:1\n\n\nrun   echo hi\n'));
		expect(model.stages[0]?.items[0]?.source).toEqual({
			range: { line: 2, column: 1, endLine: 2, endColumn: 12 },
			text: 'RUN echo hi',
		});
		expect(model.stages[0]?.source?.range).toEqual({
			line: 1,
			column: 1,
			endLine: 2,
			endColumn: 12,
		});
	});
});
