import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { withoutSources } from '../../../src/lib/dockerfile/share';

/** Each finding as `line rule field`, on the text as written and on the form's printed text. */
function fields(text: string, printed = false) {
	const model = printed ? withoutSources(parse(text)) : parse(text);
	return lint(model).map((finding) => {
		const { name, index, part } = finding.field ?? {};
		return [finding.rule, name, index, part].filter((value) => value !== undefined).join(' ');
	});
}

describe('the field a finding is about', () => {
	const text = [
		'FROM golang AS build',
		'FROM node:latest',
		'FROM --platform=$TARGETPLATFORM alpine:3.21 AS Final',
		'WORKDIR app',
		'COPY --chown=1:1 --from=buidl /out/app /app',
		'COPY --from=final a b c',
		'ENV A=1 SECRET_KEY=x',
		'EXPOSE 80 8080:80 53/UDP 99999',
		'HEALTHCHECK --interval=5 CMD curl x',
		'',
	].join('\n');
	const expected = [
		'untagged-image tag',
		'latest-tag tag',
		'redundant-target-platform platform',
		'stage-name-casing name',
		'relative-workdir path',
		'copy-from-unknown-stage from',
		'copy-from-own-stage from',
		'copy-destination-slash destination',
		'secrets-in-arg-env pairs 1',
		'expose-host-mapping ports 1',
		'expose-protocol-casing ports 2 protocol',
		'expose-invalid-port ports 3',
		'healthcheck-duration flags 0',
	];

	test('from the rule and where its range starts, on the text as written and as printed', () => {
		for (const printed of [false, true]) {
			const found = fields(text, printed);
			for (const line of expected) expect(found).toContain(line);
		}
	});

	test('past line continuations and the comment lines between them', () => {
		const continued = 'FROM alpine:3.21\nEXPOSE 80 \\\n# the admin port\n    8080:80\n';
		expect(fields(continued)).toContain('expose-host-mapping ports 1');
	});

	test('a finding about a whole instruction names no field', () => {
		expect(fields('FROM alpine:3.21\nMAINTAINER me\n')).toContain('maintainer-deprecated');
	});
});
