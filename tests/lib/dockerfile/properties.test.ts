import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';
import { normalizeNewlines } from '../../../src/lib/dockerfile/text';

/** What `node scripts/dockerfile.ts fmt` prints. */
const fmt = (text: string) => print(parse(text));

const keywords = [
	'FROM',
	'RUN',
	'CMD',
	'LABEL',
	'MAINTAINER',
	'EXPOSE',
	'ENV',
	'ADD',
	'COPY',
	'ENTRYPOINT',
	'VOLUME',
	'USER',
	'WORKDIR',
	'ARG',
	'ONBUILD',
	'STOPSIGNAL',
	'HEALTHCHECK',
	'SHELL',
];

/** A keyword as people write it: upper case mostly, sometimes lower or mixed, sometimes wrong. */
const keyword = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...keywords) },
	{ weight: 2, arbitrary: fc.constantFrom(...keywords).map((word) => word.toLowerCase()) },
	{ weight: 1, arbitrary: fc.constantFrom('From', 'Run', 'COPPY', 'FOO', 'ONBUILD RUN') }
);

const flag = fc.constantFrom(
	'--platform=$BUILDPLATFORM',
	'--platform=linux/amd64',
	'--mount=type=cache,target=/root/.cache',
	'--mount=type=secret,id=token',
	'--network=none',
	'--from=build',
	'--from=0',
	'--chown=app:app',
	'--chmod=755',
	'--link',
	'--interval=30s',
	'--retries=3',
	'--=',
	'--"x y"'
);

/** The pieces an instruction's arguments are made of, quotes and variables included. */
const word = fc.oneof(
	{ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9./:_-]{1,10}$/) },
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'alpine:3.21',
			'ubuntu',
			'node:22-slim@sha256:0123abcd',
			'AS',
			'as',
			'build',
			'scratch',
			'apt-get',
			'install',
			'-y',
			'--no-install-recommends',
			'&&',
			'||',
			'|',
			';',
			'&',
			'>',
			'$HOME',
			'${VERSION:-1}',
			'$',
			'KEY=value',
			'A="two words"',
			"B='single'",
			'"unterminated',
			"'",
			'=',
			'80/tcp',
			'53/UDP',
			'8080:80',
			'["npm", "start"]',
			'["broken",',
			'[]',
			'NONE',
			'CMD',
			'<<EOF',
			'<<-EOT',
			'#',
			'# not a comment here',
			'\t'
		),
	},
	{ weight: 1, arbitrary: fc.string({ maxLength: 6 }) }
);

/** How a line ends: usually plainly, sometimes continued with either escape character. */
const lineEnd = fc.constantFrom('', '', '', '', ' \\', '\\', ' `', '  ');

const instruction = fc
	.tuple(
		fc.constantFrom('', '', '', '  ', '\t'),
		keyword,
		fc.array(flag, { maxLength: 2 }),
		fc.array(word, { maxLength: 6 }),
		lineEnd
	)
	.map(([indent, name, flags, words, end]) =>
		`${indent}${[name, ...flags, ...words].join(' ')}${end}`.trimEnd()
	);

/** Comment lines as real files have them: licence headers, banners, commented-out code. */
const comment = fc.oneof(
	fc.stringMatching(/^#[ -~\t]{0,30}$/),
	fc.constantFrom(
		'#',
		'# ',
		'#   Copyright 2024   Ada   Lovelace',
		'#\tindented with a tab',
		'##########################',
		'#RUN make install',
		'  # indented comment',
		'# escape=`',
		'# comment ending with an escape \\',
		'# comment ending with a backtick `',
		'# ünïcödé, 日本語'
	)
);

const directive = fc.constantFrom(
	'# escape=`',
	'# escape=\\',
	'#escape = `',
	'# syntax=docker/dockerfile:1',
	'# check=skip=all',
	'# check=skip=JSONArgsRecommended;error=true',
	'# ESCAPE=x'
);

/** `RUN <<EOF` and friends, with a body that may hold `#` lines of its own. */
const heredoc = fc
	.tuple(
		fc.constantFrom('RUN <<EOF', 'RUN <<-EOF', 'COPY <<EOF /etc/motd', 'RUN cat <<EOF > /a.txt'),
		fc.array(fc.oneof(fc.stringMatching(/^[ -~]{0,20}$/), comment), { maxLength: 4 }),
		fc.constantFrom('EOF', '\tEOF', 'EOT', '')
	)
	.map(([head, body, end]) => [head, ...body, end].join('\n'));

const line = fc.oneof(
	{ weight: 6, arbitrary: instruction },
	{ weight: 3, arbitrary: comment },
	{ weight: 2, arbitrary: fc.constantFrom('', '', '   ', '\t') },
	{ weight: 1, arbitrary: heredoc }
);

/** Text shaped like a Dockerfile: directives, then lines of every kind, LF or CRLF. */
const dockerfileShaped = fc
	.tuple(
		fc.array(directive, { maxLength: 2 }),
		fc.array(line, { maxLength: 16 }),
		fc.constantFrom('\n', '\n', '\r\n'),
		fc.boolean()
	)
	.map(([directives, lines, newline, finalNewline]) => {
		const text = [...directives, ...lines].join(newline);
		return finalNewline ? `${text}${newline}` : text;
	});

/** Any text at all: random code units, whole Unicode, and runs of Dockerfile-ish characters. */
const anyText = fc.oneof(
	fc.string({ unit: 'binary' }),
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: fc.constantFrom('F', 'R', 'O', 'M', ' ', '\n', '\\', '`', '#', '"', '<', '=') })
);

const texts = fc.oneof(anyText, dockerfileShaped);

/**
 * The comment lines of a text, trimmed: lines whose first character that is not a blank is `#`,
 * but for the parser directives at the top (`# syntax=…`), which are not comments.
 */
function commentLines(text: string): string[] {
	const lines = normalizeNewlines(text).split('\n');
	const directiveLines = new Set(
		parse(text).directives.map((directive) => (directive.source?.range.line ?? 0) - 1)
	);
	return lines
		.filter((each, index) => !directiveLines.has(index) && each.trimStart().startsWith('#'))
		.map((each) => each.trim());
}

/** Whether `needles` appear in `haystack` in the same order, others possibly between them. */
function inOrder(needles: readonly string[], haystack: readonly string[]): boolean {
	let from = 0;
	for (const needle of needles) {
		from = haystack.indexOf(needle, from) + 1;
		if (from === 0) return false;
	}
	return true;
}

describe('lint and fmt', () => {
	test('never throw, on any text and on Dockerfile-shaped text', () => {
		fc.assert(
			fc.property(texts, (text) => {
				const model = parse(text);
				expect(Array.isArray(lint(model))).toBe(true);
				expect(typeof print(model)).toBe('string');
			}),
			{ numRuns: 1500 }
		);
	});

	test('fmt is idempotent: fmt(fmt(x)) is fmt(x)', () => {
		fc.assert(
			fc.property(texts, (text) => {
				const once = fmt(text);
				expect(fmt(once)).toBe(once);
			}),
			{ numRuns: 1500 }
		);
	});

	test('fmt keeps every comment line of the input, as written and in order', () => {
		fc.assert(
			fc.property(texts, (text) => {
				const kept = fmt(text)
					.split('\n')
					.map((each) => each.trim());
				const comments = commentLines(text);
				expect(inOrder(comments, kept), JSON.stringify({ comments, kept })).toBe(true);
			}),
			{ numRuns: 1500 }
		);
	});

	test('the comment check can fail: a formatter that tidied comments would not pass it', () => {
		const text = '#   Copyright   2024\nFROM alpine:3.21\n';
		const tidied = text.replace(/#\s+/, '# ').replaceAll(/\s{2,}/g, ' ');
		expect(inOrder(commentLines(text), tidied.split('\n'))).toBe(false);
		expect(inOrder(commentLines(text), fmt(text).split('\n'))).toBe(true);
	});
});
