/**
 * The lecture's Apache Dockerfile, as the slide writes it, does not build and then does not run:
 * the linter must give an error for every reason, on its line. The slide's lines are taken from
 * the quiz question that discusses them, and checked against the chapter's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { file } from './build-failure-cases';

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');
const chapter = read('src/content/docs/docker/dockerfile.mdx');

interface Question {
	id: string;
	choices: { id: string; text: { it: string } }[];
}

const bank = parseYaml(read('src/content/quizzes/docker.yaml')) as { questions: Question[] };
const question = bank.questions.find((each) => each.id === 'docker-apache-slide-errors');
/** A line of the slide, by the id of the quiz choice that quotes it. */
const slide = (id: string) =>
	(question?.choices.find((choice) => choice.id === id)?.text.it ?? '').replace(/^`|`$/g, '');

/** The slide's Dockerfile with the COPY the chapter uses, so only what fails the build differs. */
const lecture = file(
	slide('from'),
	slide('apt'),
	'COPY vh.conf /etc/apache2/sites-available/000-default.conf',
	slide('cmd')
);

/** The complete, working Dockerfile of the chapter, in its section on the lecture's example. */
const example = chapter.slice(chapter.indexOf("## L'esempio della lezione"));
const working = /```dockerfile title="Dockerfile"\n([\s\S]*?)```/.exec(example)?.[1] ?? '';

/** The errors of a Dockerfile, as `rule@line:column`. */
const errors = (text: string) =>
	lint(parse(text))
		.filter((finding) => finding.severity === 'error')
		.map((finding) => `${finding.rule}@${finding.line}:${finding.column}`);

const lines = (text: string) => text.trimEnd().split('\n');

describe("the lecture's Dockerfile", () => {
	test('is the one the slide shows and the chapter discusses', () => {
		expect(lines(lecture)).toEqual([
			'FROM ubuntu',
			'RUN apt install apache2',
			'COPY vh.conf /etc/apache2/sites-available/000-default.conf',
			'CMD ["apache2", "-D", "FOREGROUND "]',
		]);
		expect(chapter).toContain('`RUN apt install apache2`');
		expect(chapter).toContain('`CMD ["apache2", "-D", "FOREGROUND "]`');
		expect(slide('copy')).toBe('COPY vh.conf /etc/apache2/conf/');
	});

	test('gets an error for each reason it fails, and no other', () => {
		expect(errors(lecture)).toEqual([
			// No apt-get update: "E: Unable to locate package apache2".
			'apt-get-missing-yes@2:5',
			'apt-update-missing@2:5',
			// apache2 without /etc/apache2/envvars, and the stray space in "FOREGROUND ".
			'apache-without-envvars@4:6',
			'exec-argument-spaces@4:23',
		]);
	});

	test('keeps its warnings: no tag, and apt rather than apt-get', () => {
		const warnings = lint(parse(lecture))
			.filter((finding) => finding.severity === 'warning')
			.map((finding) => `${finding.rule}@${finding.line}`);
		expect(warnings).toEqual(['untagged-image@1', 'apt-instead-of-apt-get@2']);
	});

	test("with the slide's own COPY fails for the same reasons", () => {
		const slideFile = file(slide('from'), slide('apt'), slide('copy'), slide('cmd'));
		expect(errors(slideFile)).toEqual(errors(lecture));
	});

	test("the chapter's working version has no error and no warning", () => {
		expect(working).toContain('FROM ubuntu:24.04');
		expect(
			lint(parse(working)).filter((finding) => finding.severity !== 'info'),
			working
		).toEqual([]);
	});
});

/** The lecture's file with its lines replaced (1-based) or added at the end. */
const variant = (changes: Record<number, string>) => {
	const result = lines(working);
	for (const [line, text] of Object.entries(changes)) result[Number(line) - 1] = text;
	return file(...result);
};

describe('variants of the working file, each broken in one way', () => {
	// Lines of the working file: 2 FROM, 5 ARG, 8-10 RUN, 13 COPY, 16 EXPOSE, 19 CMD.
	test('has the lines these variants replace', () => {
		const text = lines(working);
		expect([text[1], text[4], text[7], text[12], text[15], text[18]]).toEqual([
			'FROM ubuntu:24.04',
			'ARG DEBIAN_FRONTEND=noninteractive',
			'RUN apt-get update \\',
			'COPY vh.conf /etc/apache2/sites-available/000-default.conf',
			'EXPOSE 80',
			'CMD ["apache2ctl", "-D", "FOREGROUND"]',
		]);
	});

	test.each<[string, Record<number, string>, string[]]>([
		[
			'install without update',
			{ 8: 'RUN apt-get install -y apache2 \\', 9: '    && true \\' },
			['apt-update-missing@8:5'],
		],
		[
			'install without -y',
			{ 9: '    && apt-get install --no-install-recommends apache2 \\' },
			['apt-get-missing-yes@9:8'],
		],
		['apt on Alpine', { 2: 'FROM alpine:3.20' }, ['apt-on-alpine@8:5']],
		[
			'apache2 directly',
			{ 19: 'CMD ["apache2", "-D", "FOREGROUND"]' },
			['apache-without-envvars@19:6'],
		],
		[
			'a stray space',
			{ 19: 'CMD ["apache2ctl", "-D", "FOREGROUND "]' },
			['exec-argument-spaces@19:26'],
		],
		['COPY with one argument', { 13: 'COPY vh.conf' }, ['copy-missing-destination@13:1']],
		['an empty USER', { 16: 'USER' }, ['missing-arguments@16:1']],
		['an empty WORKDIR', { 16: 'WORKDIR' }, ['missing-arguments@16:1']],
		['an empty FROM', { 2: 'FROM' }, ['from-arguments@2:1']],
		['FROM … AS without a name', { 2: 'FROM ubuntu:24.04 AS' }, ['empty-stage-name@2:19']],
		['an unknown flag', { 13: 'COPY --foo vh.conf /etc/apache2/' }, ['unknown-flag@13:6']],
		[
			'a repeated flag',
			{ 13: 'COPY --chmod=644 --chmod=600 vh.conf /etc/apache2/' },
			['duplicate-flag@13:18'],
		],
		[
			'a duration without unit',
			{ 16: 'HEALTHCHECK --interval=5 CMD true' },
			['healthcheck-duration@16:13'],
		],
		['a bad STOPSIGNAL', { 16: 'STOPSIGNAL SIGWINCHX' }, ['invalid-stop-signal@16:12']],
		['ONBUILD FROM', { 16: 'ONBUILD FROM ubuntu:24.04' }, ['onbuild-trigger@16:9']],
		['ONBUILD ONBUILD', { 16: 'ONBUILD ONBUILD RUN true' }, ['onbuild-trigger@16:9']],
		['ONBUILD MAINTAINER', { 16: 'ONBUILD MAINTAINER me' }, ['onbuild-trigger@16:9']],
		['SHELL not in JSON', { 5: 'SHELL /bin/bash -c' }, ['shell-not-json@5:7']],
	])('%s', (_, changes, expected) => {
		expect(errors(variant(changes))).toEqual(expected);
	});

	test('an empty ENTRYPOINT is only a warning: BuildKit accepts it', () => {
		const text = variant({ 16: 'ENTRYPOINT' });
		expect(errors(text)).toEqual([]);
		expect(lint(parse(text)).map((finding) => finding.rule)).toContain('empty-command');
	});

	test('an empty file is refused', () => {
		expect(errors('')).toEqual(['empty-dockerfile@1:1']);
	});
});
