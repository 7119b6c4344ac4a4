/**
 * A corpus of realistic Dockerfiles, good ones and ones with the usual mistakes, in
 * `tests/fixtures/dockerfiles/`: each `NAME.Dockerfile` has its `NAME.expected.json`, the findings
 * of the course's rules as `{ rule, line }`. The expectations say what `docker build --check` or
 * hadolint reports for the counterpart of each rule (or, for a rule of our own, what its message
 * promises), at the line of the offending word; they are not a copy of today's output. A good file
 * pins its packages, so that those rules have nothing to say about it; a file whose findings the
 * linter still gets wrong is listed in `wrong`, with the reason.
 *
 * Conventions where the tools differ: a second CMD, ENTRYPOINT or HEALTHCHECK is reported on the
 * earlier one, which is the one ignored (as BuildKit does; hadolint's DL4003 marks the later); an
 * install with unpinned packages is reported once, as hadolint does, but the course reports each
 * `sudo` or `apt` of a RUN where hadolint reports the RUN once; and `# check=skip=all` silences
 * every rule of the course, as it does `docker build --check`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lint, rules } from '../../../src/lib/dockerfile/lint';
import type { Item } from '../../../src/lib/dockerfile/model';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';

const directory = join(import.meta.dirname, '../../fixtures/dockerfiles');

interface Expected {
	rule: string;
	line: number;
}

const names = readdirSync(directory)
	.filter((file) => file.endsWith('.Dockerfile'))
	.map((file) => file.slice(0, -'.Dockerfile'.length))
	.sort();

const read = (name: string) => readFileSync(join(directory, `${name}.Dockerfile`), 'utf8');
const expected = (name: string) =>
	JSON.parse(readFileSync(join(directory, `${name}.expected.json`), 'utf8')) as Expected[];

/** Files whose findings today's linter gets wrong: their findings test is `test.fails`. */
const wrong = new Set([
	// apt-get-unpinned: hadolint's DL3008 takes `package/release` as pinned to that release.
	'debian-backports',
	// apt-lists-not-removed: DL3009 also checks a stage that a later FROM builds on.
	'debian-base-stage-apt',
	// undefined-var: TARGETARCH is empty in a stage that does not declare ARG TARGETARCH.
	'multiarch-targetarch',
	// latest-tag: DL3007 accepts `latest` when a digest pins the image.
	'node-latest-digest',
]);

/** Findings that mean Docker cannot read the file: then raw instructions are expected. */
const unreadable = new Set([
	'empty-dockerfile',
	'first-instruction',
	'missing-value',
	'unknown-instruction',
]);

const byLine = (a: Expected, b: Expected) => a.line - b.line || a.rule.localeCompare(b.rule);

describe('the corpus', () => {
	test('has at least 40 Dockerfiles, each with expectations that name real rules', () => {
		expect(names.length).toBeGreaterThanOrEqual(40);
		const files = readdirSync(directory);
		expect(files.filter((file) => file.endsWith('.expected.json'))).toHaveLength(names.length);
		const known = new Set(rules.map((rule) => rule.id));
		for (const name of names) {
			for (const finding of expected(name)) {
				expect(Object.keys(finding).sort(), name).toEqual(['line', 'rule']);
				expect(known.has(finding.rule), `${name}: ${finding.rule}`).toBe(true);
			}
		}
		for (const name of wrong) expect(names, name).toContain(name);
	});
});

describe.each(names)('%s.Dockerfile', (name) => {
	const text = read(name);
	const findings = expected(name);

	(wrong.has(name) ? test.fails : test)('lint gives the expected findings', () => {
		const found = lint(parse(text)).map(({ rule, line }) => ({ rule, line }));
		expect(found.sort(byLine)).toEqual([...findings].sort(byLine));
	});

	test('fmt is idempotent', () => {
		const once = print(parse(text));
		expect(print(parse(once))).toBe(once);
	});

	if (!findings.some((finding) => unreadable.has(finding.rule))) {
		test('parse breaks down every instruction', () => {
			const model = parse(text);
			const items: Item[] = [
				...model.preamble,
				...model.stages.flatMap((stage) => [stage.from, ...stage.items]),
			];
			// The model keeps a COPY or ADD heredoc as its text, by design.
			const raw = items.filter(
				(item) => item.kind === 'raw' && !/^(COPY|ADD)\s[^\n]*<</.test(item.text)
			);
			expect(raw.map((item) => item.source?.range.line)).toEqual([]);
		});
	}
});
