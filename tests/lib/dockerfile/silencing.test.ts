import { describe, expect, test } from 'vitest';
import { reduceBuilder, initialSession, readPaste } from '../../../src/lib/dockerfile/builder';
import { updateItem } from '../../../src/lib/dockerfile/edit';
import { lint, type Finding } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';
import { parseCheckOptions, parseHadolintIgnore } from '../../../src/lib/dockerfile/silencing';
import { file } from './build-failure-cases';

/** Rule, line and silencer of every finding, silenced ones included. */
const report = (text: string) =>
	lint(parse(text), { silenced: true }).map(({ rule, line, silenced }) =>
		silenced ? [rule, line, silenced.by, silenced.line] : [rule, line]
	);
const active = (text: string) => lint(parse(text)).map((finding) => finding.rule);

/** Untagged image on line 2, relative WORKDIR on line 3, shell-form CMD on line 4. */
const body = ['FROM ubuntu', 'WORKDIR app', 'CMD echo hi'];

describe('parseCheckOptions()', () => {
	test('reads skip, experimental and error as BuildKit does', () => {
		expect(parseCheckOptions('skip=A, B ;error=true')).toEqual({
			skipAll: false,
			skip: new Set(['A', 'B']),
			experimentalAll: false,
			experimental: new Set(),
			error: true,
		});
		expect(parseCheckOptions('skip=all;experimental=all')).toMatchObject({
			skipAll: true,
			experimentalAll: true,
		});
		expect(parseCheckOptions('error=1')?.error).toBe(true);
		expect(parseCheckOptions('')?.skipAll).toBe(false);
	});

	test('only skip=all alone means every rule', () => {
		expect(parseCheckOptions('skip=all,JSONArgsRecommended')?.skipAll).toBe(false);
	});

	test('refuses what BuildKit refuses', () => {
		for (const value of ['skip', 'nope=1', 'error=maybe', 'skip=A;error=yes'])
			expect(parseCheckOptions(value), value).toBeNull();
	});
});

describe('parseHadolintIgnore()', () => {
	test.each([
		['hadolint ignore=DL3008', { global: false, rules: ['DL3008'] }],
		[
			'hadolint ignore=DL3008, DL3015 # pinned elsewhere',
			{ global: false, rules: ['DL3008', 'DL3015'] },
		],
		['hadolint global ignore=DL3059', { global: true, rules: ['DL3059'] }],
		['hadolint ignore = apt-get-unpinned', { global: false, rules: ['apt-get-unpinned'] }],
	])('reads %s', (comment, expected) => {
		expect(parseHadolintIgnore(comment)).toEqual(expected);
	});

	test.each([
		'hadolint ignore=',
		'hadolint ignore=DL3008 because',
		'hadolintignore=DL3008',
		'ignore=DL3008',
	])('does not read %s', (comment) => expect(parseHadolintIgnore(comment)).toBeNull());
});

describe('# check=skip=', () => {
	test('the directive turns rules off in the whole file, by our id, counterpart or alias', () => {
		const text = file('# check=skip=untagged-image,JSONArgsRecommended,DL3000', ...body);
		expect(active(text)).toEqual([]);
		expect(report(text)).toEqual([
			['untagged-image', 2, 'check-skip', 1],
			['relative-workdir', 3, 'check-skip', 1],
			['json-args-recommended', 4, 'check-skip', 1],
		]);
	});

	test('skip=all turns every rule off', () => {
		expect(active(file('# check=skip=all', ...body))).toEqual([]);
		expect(report(file('# check=skip=all', ...body))).toHaveLength(3);
	});

	test('one alias covers each rule that has it: MultipleInstructionsDisallowed', () => {
		const text = file(
			'# check=skip=MultipleInstructionsDisallowed',
			'FROM alpine:3.20',
			'CMD ["a"]',
			'CMD ["b"]',
			'ENTRYPOINT ["a"]',
			'ENTRYPOINT ["b"]'
		);
		expect(active(text)).toEqual([]);
	});

	test('a comment just above an instruction turns rules off for it alone (BuildKit 1.21)', () => {
		const text = file(
			'FROM alpine:3.20',
			'# check=skip=WorkdirRelativePath // the base image sets /srv',
			'WORKDIR app',
			'FROM alpine:3.20',
			'WORKDIR app'
		);
		expect(report(text)).toEqual([
			['relative-workdir', 3, 'check-skip', 2],
			['relative-workdir', 5],
		]);
	});

	test('the checks BuildKit runs over the whole file heed only the directive', () => {
		const text = file(
			'FROM alpine:3.20 AS build',
			'# check=skip=DuplicateStageName,StageNameCasing',
			'FROM alpine:3.20 AS Build'
		);
		expect(active(text)).toEqual(['duplicate-stage-name']);
		expect(active(file('# check=skip=DuplicateStageName', text))).toEqual([]);
	});

	test('a bare # between the comment and the instruction ends it; a blank line does not', () => {
		const comment = '# check=skip=all';
		expect(active(file('FROM alpine:3.20', comment, '#', 'WORKDIR app'))).toEqual([
			'relative-workdir',
		]);
		expect(active(file('FROM alpine:3.20', comment, '', 'WORKDIR app'))).toEqual([]);
	});

	test('a directive BuildKit would refuse turns nothing off', () => {
		expect(active(file('# check=skip=all;error=maybe', ...body))).toHaveLength(3);
	});
});

describe('# hadolint ignore=', () => {
	test('turns the named rules off on the instruction of the next line only', () => {
		const text = file(
			'# hadolint ignore=DL3006',
			'FROM ubuntu',
			'# hadolint ignore=relative-workdir,DL3025 # the base image sets /srv',
			'WORKDIR app',
			'WORKDIR tmp',
			'CMD echo hi'
		);
		expect(report(text)).toEqual([
			['untagged-image', 2, 'hadolint-ignore', 1],
			['relative-workdir', 4, 'hadolint-ignore', 3],
			['json-args-recommended', 6],
		]);
	});

	test('works by counterpart for the rules of hadolint and BuildKit alike', () => {
		const text = file(
			'FROM ubuntu:24.04',
			'# hadolint ignore=DL3008,DL3015,DL3009',
			'RUN apt-get update && apt-get install -y curl'
		);
		expect(active(text)).toEqual([]);
		expect(
			report(text)
				.map(([rule]) => rule)
				.sort()
		).toEqual(['apt-get-recommends', 'apt-get-unpinned', 'apt-lists-not-removed']);
	});

	test('must be right above: not past another comment or a blank line', () => {
		const ignore = '# hadolint ignore=DL3006';
		expect(active(file(ignore, '# the base', 'FROM ubuntu'))).toEqual(['untagged-image']);
		expect(active(file(ignore, '', 'FROM ubuntu'))).toEqual(['untagged-image']);
	});

	test('global ignore turns rules off in the whole file', () => {
		const text = file(
			'FROM ubuntu',
			'# hadolint global ignore=DL3006,DL3025',
			'WORKDIR app',
			'CMD echo hi'
		);
		expect(report(text)).toEqual([
			['untagged-image', 1, 'hadolint-ignore', 2],
			['relative-workdir', 3],
			['json-args-recommended', 4, 'hadolint-ignore', 2],
		]);
	});
});

describe('lint(model, { silenced: true })', () => {
	test('without the option only active findings come back, unmarked', () => {
		const findings: Finding[] = lint(parse(file('# check=skip=DL3006', ...body)));
		expect(findings.map((finding) => finding.rule)).toEqual([
			'relative-workdir',
			'json-args-recommended',
		]);
		expect(findings.every((finding) => finding.silenced === undefined)).toBe(true);
	});

	test('names the nearest comment when several turn a rule off', () => {
		const text = file('# check=skip=DL3006', '# hadolint ignore=untagged-image', 'FROM ubuntu');
		expect(report(text)).toEqual([['untagged-image', 3, 'hadolint-ignore', 2]]);
	});
});

describe('the builder keeps the silencing comments', () => {
	const text = file(
		'# check=skip=JSONArgsRecommended',
		'# hadolint ignore=DL3006',
		'FROM ubuntu',
		'WORKDIR app',
		'CMD echo hi'
	);

	test('they are comment items of the model, printed back above their instruction', () => {
		const model = parse(text);
		expect(model.preamble).toMatchObject([{ kind: 'comment', text: 'hadolint ignore=DL3006' }]);
		expect(print(model)).toContain('# hadolint ignore=DL3006\nFROM ubuntu\n');
		// The printed file has a blank line after the directives: the same silencing, a line lower.
		const kinds = (source: string) => report(source).map(([rule, , by]) => [rule, by]);
		expect(kinds(print(model))).toEqual(kinds(text));
		expect(kinds(text)).toEqual([
			['untagged-image', 'hadolint-ignore'],
			['relative-workdir', undefined],
			['json-args-recommended', 'check-skip'],
		]);
	});

	test('they still apply once the form has changed the model', () => {
		const model = parse(text);
		const workdir = model.stages[0]?.items[0]?.id ?? '';
		const edited = updateItem(model, workdir, (item) => ({ ...item, path: 'srv' }));
		const findings = lint(edited, { silenced: true });
		expect(findings.map(({ rule, silenced }) => [rule, silenced?.by])).toEqual([
			['untagged-image', 'hadolint-ignore'],
			['relative-workdir', undefined],
			['json-args-recommended', 'check-skip'],
		]);
	});

	test('a pasted file keeps them in the builder state, where they still apply', () => {
		const typed = reduceBuilder(initialSession([]), { type: 'typePaste', text });
		const { model } = reduceBuilder(typed, { type: 'paste', read: readPaste(parse) }).current;
		expect(print(model)).toContain('# hadolint ignore=DL3006\nFROM ubuntu\n');
		expect(lint(model).map((finding) => finding.rule)).toEqual(['relative-workdir']);
		expect(lint(model, { silenced: true }).filter((finding) => finding.silenced)).toHaveLength(2);
	});
});
