/**
 * Our errors against an independent validator, rcjsuen's dockerfile-utils (a sibling of
 * dockerfile-ast): over pairs of a file BuildKit refuses and its fixed twin, both must agree on
 * whether the file is refused. Where they disagree the case is listed with the reason, and the
 * test asserts the disagreement too, so a change on either side is noticed.
 */
import { validate } from 'dockerfile-utils';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { file, stage } from './build-failure-cases';

interface Twin {
	name: string;
	broken: string;
	valid: string;
}

const twins: Twin[] = [
	{ name: 'empty file', broken: '', valid: stage() },
	{ name: 'only comments', broken: file('# a comment'), valid: file('# a comment', 'FROM alpine') },
	{ name: 'FROM alone', broken: file('FROM'), valid: file('FROM alpine:3.20') },
	{ name: 'FROM with two words', broken: file('FROM alpine build'), valid: file('FROM alpine') },
	{
		name: 'FROM … AS without a name',
		broken: file('FROM alpine AS'),
		valid: file('FROM alpine AS a'),
	},
	{
		name: 'stage name with a digit first',
		broken: file('FROM a AS 1st'),
		valid: file('FROM a AS s1'),
	},
	{ name: 'stage name with a slash', broken: file('FROM a AS b/c'), valid: file('FROM a AS b.c') },
	{ name: 'COPY one argument', broken: stage('COPY app.py'), valid: stage('COPY app.py /app/') },
	{ name: 'ADD one argument', broken: stage('ADD a.tgz'), valid: stage('ADD a.tgz /opt/') },
	{ name: 'COPY JSON one argument', broken: stage('COPY ["a"]'), valid: stage('COPY ["a", "/b"]') },
	{ name: 'WORKDIR empty', broken: stage('WORKDIR'), valid: stage('WORKDIR /app') },
	{ name: 'USER empty', broken: stage('USER'), valid: stage('USER app') },
	{ name: 'EXPOSE empty', broken: stage('EXPOSE'), valid: stage('EXPOSE 80') },
	{ name: 'ENV empty', broken: stage('ENV'), valid: stage('ENV A=1') },
	{ name: 'LABEL empty', broken: stage('LABEL'), valid: stage('LABEL a=b') },
	{ name: 'ARG empty', broken: stage('ARG'), valid: stage('ARG A') },
	{ name: 'VOLUME empty', broken: stage('VOLUME'), valid: stage('VOLUME /data') },
	{ name: 'VOLUME []', broken: stage('VOLUME []'), valid: stage('VOLUME ["/data"]') },
	{ name: 'SHELL []', broken: stage('SHELL []'), valid: stage('SHELL ["/bin/sh", "-c"]') },
	{ name: 'ONBUILD empty', broken: stage('ONBUILD'), valid: stage('ONBUILD RUN make') },
	{ name: 'HEALTHCHECK empty', broken: stage('HEALTHCHECK'), valid: stage('HEALTHCHECK NONE') },
	{ name: 'STOPSIGNAL empty', broken: stage('STOPSIGNAL'), valid: stage('STOPSIGNAL SIGTERM') },
	{ name: 'MAINTAINER empty', broken: stage('MAINTAINER'), valid: stage('LABEL a=b') },
	{ name: 'ENTRYPOINT empty', broken: stage('ENTRYPOINT'), valid: stage('ENTRYPOINT ["/app"]') },
	{ name: 'COPY unknown flag', broken: stage('COPY --foo a /b'), valid: stage('COPY --link a /b') },
	{
		name: 'FROM unknown flag',
		broken: file('FROM --plaform=linux/amd64 alpine'),
		valid: file('FROM --platform=linux/amd64 alpine'),
	},
	{ name: 'ADD --from', broken: stage('ADD --from=a x /y'), valid: stage('ADD --chown=1 x /y') },
	{ name: 'COPY --checksum', broken: stage('COPY --checksum=a x /y'), valid: stage('COPY x /y') },
	{
		name: 'HEALTHCHECK unknown flag',
		broken: stage('HEALTHCHECK --foo=1 CMD true'),
		valid: stage('HEALTHCHECK --timeout=1s CMD true'),
	},
	{
		name: 'RUN unknown flag',
		broken: stage('RUN --mnt=x true'),
		valid: stage('RUN --network=none true'),
	},
	{ name: 'ENV with a flag', broken: stage('ENV --x=1 A=b'), valid: stage('ENV A=b') },
	{
		name: 'COPY --from twice',
		broken: stage('COPY --from=a --from=b x /y'),
		valid: file('FROM a AS b', 'FROM alpine', 'COPY --from=b x /y'),
	},
	{
		name: 'COPY --link twice',
		broken: stage('COPY --link --link x /y'),
		valid: stage('COPY --link x /y'),
	},
	{
		name: 'RUN --network twice',
		broken: stage('RUN --network=none --network=host true'),
		valid: stage('RUN --network=host true'),
	},
	{ name: 'COPY --from without =', broken: stage('COPY --from a /b'), valid: stage('COPY a /b') },
	{
		name: 'FROM --platform without =',
		broken: file('FROM --platform alpine'),
		valid: file('FROM --platform=linux/arm64 alpine'),
	},
	{
		name: 'COPY --link= empty',
		broken: stage('COPY --link= a /b'),
		valid: stage('COPY --link=true a /b'),
	},
	{
		name: 'HEALTHCHECK --interval without =',
		broken: stage('HEALTHCHECK --interval CMD true'),
		valid: stage('HEALTHCHECK --interval=30s CMD true'),
	},
	{
		name: 'COPY --link=yes',
		broken: stage('COPY --link=yes a /b'),
		valid: stage('COPY --link=false a /b'),
	},
	{
		name: 'duration without unit',
		broken: stage('HEALTHCHECK --interval=5 CMD true'),
		valid: stage('HEALTHCHECK --interval=5s CMD true'),
	},
	{
		name: 'duration with an unknown unit',
		broken: stage('HEALTHCHECK --timeout=1x CMD true'),
		valid: stage('HEALTHCHECK --timeout=1m CMD true'),
	},
	{
		name: 'duration under a millisecond',
		broken: stage('HEALTHCHECK --start-period=500us CMD true'),
		valid: stage('HEALTHCHECK --start-period=1ms CMD true'),
	},
	{
		name: 'negative duration',
		broken: stage('HEALTHCHECK --interval=-5s CMD true'),
		valid: stage('HEALTHCHECK --interval=1h30m CMD true'),
	},
	{
		name: 'duration in a variable',
		broken: stage('HEALTHCHECK --interval=$EVERY CMD true'),
		valid: stage('HEALTHCHECK --interval=.5s CMD true'),
	},
	{
		name: 'zero start period',
		broken: stage('HEALTHCHECK --start-period=5 CMD true'),
		valid: stage('HEALTHCHECK --start-period=0 CMD true'),
	},
	{
		name: 'retries not a number',
		broken: stage('HEALTHCHECK --retries=x CMD true'),
		valid: stage('HEALTHCHECK --retries=3 CMD true'),
	},
	{
		name: 'negative retries',
		broken: stage('HEALTHCHECK --retries=-1 CMD true'),
		valid: stage('HEALTHCHECK --retries=0 CMD true'),
	},
	{
		name: 'retries out of range',
		broken: stage('HEALTHCHECK --retries=3000000000 CMD true'),
		valid: stage('HEALTHCHECK --retries=2147483647 CMD true'),
	},
	{
		name: 'HEALTHCHECK without CMD',
		broken: stage('HEALTHCHECK curl -f http://localhost/'),
		valid: stage('HEALTHCHECK CMD curl -f http://localhost/'),
	},
	{
		name: 'HEALTHCHECK NONE with more',
		broken: stage('HEALTHCHECK NONE x'),
		valid: stage('HEALTHCHECK none'),
	},
	{
		name: 'HEALTHCHECK CMD alone',
		broken: stage('HEALTHCHECK CMD'),
		valid: stage('HEALTHCHECK CMD true'),
	},
	{
		name: 'unknown signal',
		broken: stage('STOPSIGNAL SIGFOO'),
		valid: stage('STOPSIGNAL SIGKILL'),
	},
	{
		name: 'two signals',
		broken: stage('STOPSIGNAL SIGTERM SIGKILL'),
		valid: stage('STOPSIGNAL term'),
	},
	{
		name: 'signal zero',
		broken: stage('STOPSIGNAL 0'),
		valid: stage('STOPSIGNAL 9'),
	},
	{
		name: 'STOPSIGNAL with a flag',
		broken: stage('STOPSIGNAL --x'),
		valid: stage('STOPSIGNAL --x 9'),
	},
	{
		name: 'quoted signal',
		broken: stage('STOPSIGNAL "SIGFOO"'),
		valid: stage('STOPSIGNAL "SIGQUIT"'),
	},
	{ name: 'ONBUILD FROM', broken: stage('ONBUILD FROM a'), valid: stage('ONBUILD COPY . /app/') },
	{
		name: 'ONBUILD ONBUILD',
		broken: stage('ONBUILD ONBUILD RUN x'),
		valid: stage('ONBUILD RUN x'),
	},
	{
		name: 'ONBUILD MAINTAINER',
		broken: stage('ONBUILD MAINTAINER me'),
		valid: stage('ONBUILD ENV A=1'),
	},
	{
		name: 'SHELL in shell form',
		broken: stage('SHELL /bin/bash -c'),
		valid: stage('SHELL ["bash", "-c"]'),
	},
	{
		name: 'SHELL in single quotes',
		broken: stage("SHELL ['bash', '-c']"),
		valid: stage('SHELL ["bash"]'),
	},
	{
		name: 'JSON with a number',
		broken: stage('CMD ["sleep", 10]'),
		valid: stage('CMD ["sleep", "10"]'),
	},
	{ name: 'ENV blank name', broken: stage('ENV =value'), valid: stage('ENV A=value') },
	{ name: 'ARG blank name', broken: stage('ARG =1'), valid: stage('ARG A=1') },
	{ name: 'LABEL blank name', broken: stage('LABEL a=b =c'), valid: stage('LABEL a=b c=d') },
	{ name: 'ENV pair without =', broken: stage('ENV A=1 B'), valid: stage('ENV A=1 B=2') },
	{ name: 'ENV key without value', broken: stage('ENV A'), valid: stage('ENV A 1') },
	{
		name: 'invalid escape',
		broken: file('# escape=x', 'FROM a'),
		valid: file('# escape=`', 'FROM a'),
	},
	{
		name: 'escape after an unknown directive',
		broken: file('# escape=x', '# foo=bar', 'FROM a'),
		valid: file('# foo=bar', '# escape=x', 'FROM a'),
	},
	{
		name: 'escape twice',
		broken: file('# escape=`', '# escape=`', 'FROM a'),
		valid: file('# escape=`', 'FROM a'),
	},
	{
		name: 'syntax twice',
		broken: file('# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1', 'FROM a'),
		valid: file('# syntax=docker/dockerfile:1', 'FROM a'),
	},
	{ name: 'unknown instruction', broken: stage('COPPY a /b'), valid: stage('COPY a /b') },
	{
		name: 'instruction before FROM',
		broken: file('RUN x', 'FROM a'),
		valid: file('ARG V=1', 'FROM a'),
	},
	{ name: 'EXPOSE bad protocol', broken: stage('EXPOSE 80/http'), valid: stage('EXPOSE 80/udp') },
	{
		name: 'mount of an unknown type',
		broken: stage('RUN --mount=type=cach true'),
		valid: stage('RUN true'),
	},
	{
		name: 'unclosed heredoc',
		broken: stage('RUN <<EOF', 'echo'),
		valid: stage('RUN <<EOF', 'echo', 'EOF'),
	},
	{
		name: 'COPY from a URL',
		broken: stage('COPY https://a.example/x /y'),
		valid: stage('ADD https://a.example/x /y'),
	},
];

const refusedByUs = (text: string) =>
	lint(parse(text)).some((finding) => finding.severity === 'error');
const refusedByThem = (text: string) =>
	validate(text).some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);

/** Where the two disagree: which file of the pair, what each says (refused or not), and why. */
const exceptions: Record<
	string,
	{ file: 'broken' | 'valid'; ours: boolean; theirs: boolean; why: string }
> = {
	'VOLUME []': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'an empty JSON array leaves VOLUME without arguments, which BuildKit refuses; dockerfile-utils checks the count of plain words only',
	},
	'ENTRYPOINT empty': {
		file: 'broken',
		ours: false,
		theirs: true,
		why: 'BuildKit accepts it and records /bin/sh -c ""; we warn (empty-command) instead of calling it an error',
	},
	'RUN unknown flag': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils does not check the flags of RUN',
	},
	'ENV with a flag': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'BuildKit reads leading --words as flags on every instruction; dockerfile-utils only on FROM, COPY, ADD and HEALTHCHECK',
	},
	'RUN --network twice': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils does not check the flags of RUN',
	},
	'zero start period': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'Go reads "0" as a zero duration, which BuildKit accepts; dockerfile-utils asks for a unit',
	},
	'negative retries': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'BuildKit accepts --retries=0 (it refuses only negatives); dockerfile-utils wants at least 1',
	},
	'retries out of range': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'BuildKit reads --retries as a 32-bit integer; dockerfile-utils does not check the range',
	},
	'unknown signal': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: "dockerfile-utils accepts any name starting with SIG; BuildKit only Linux's signals",
	},
	'two signals': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'BuildKit upper-cases the name, so "term" is SIGTERM; dockerfile-utils wants the upper-case SIG form',
	},
	'signal zero': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: "signal 0 is refused by BuildKit's parser; dockerfile-utils accepts any number",
	},
	'STOPSIGNAL with a flag': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'STOPSIGNAL never reads its flags, so BuildKit sees the one argument 9; dockerfile-utils counts two',
	},
	'quoted signal': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'BuildKit removes the quotes before reading the signal; dockerfile-utils reads them as part of it',
	},
	'JSON with a number': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils reads a JSON array with a number as the shell form; BuildKit refuses it',
	},
	'escape after an unknown directive': {
		file: 'valid',
		ours: false,
		theirs: true,
		why: 'BuildKit stops reading directives at the first unknown name, so the escape line is a comment',
	},
	'syntax twice': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils checks only escape for repetition; BuildKit refuses any repeated directive',
	},
	'mount of an unknown type': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils does not read --mount',
	},
	'unclosed heredoc': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils does not check heredocs',
	},
	'COPY from a URL': {
		file: 'broken',
		ours: true,
		theirs: false,
		why: 'dockerfile-utils does not know that only ADD may download',
	},
};

describe('our errors against dockerfile-utils', () => {
	test('cover at least 40 pairs, each exception naming one of them', () => {
		expect(twins.length).toBeGreaterThanOrEqual(40);
		expect(new Set(twins.map((twin) => twin.name)).size).toBe(twins.length);
		for (const name of Object.keys(exceptions))
			expect(twins.map((twin) => twin.name)).toContain(name);
	});

	test.each(twins)(
		'$name: both refuse the broken file and accept its twin',
		({ name, broken, valid }) => {
			const exception = exceptions[name];
			for (const [side, text] of [
				['broken', broken],
				['valid', valid],
			] as const) {
				const expected =
					exception?.file === side
						? { ours: exception.ours, theirs: exception.theirs }
						: { ours: side === 'broken', theirs: side === 'broken' };
				expect(
					{ ours: refusedByUs(text), theirs: refusedByThem(text) },
					`${side}: ${text}`
				).toEqual(expected);
			}
		}
	);
});
