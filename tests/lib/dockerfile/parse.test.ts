import { describe, expect, test } from 'vitest';
import {
	instructionsOf,
	withoutSource,
	type InstructionKind,
} from '../../../src/lib/dockerfile/model';
import { parse } from '../../../src/lib/dockerfile/parse';
import { templates } from '../../../src/lib/dockerfile/templates';

/** The single instruction after `FROM alpine:3`, without id and source. */
function only(line: string): unknown {
	const model = parse(`FROM alpine:3\n${line}\n`);
	const [instruction] = model.stages[0]?.items ?? [];
	return withoutSource({ directives: [], preamble: instruction ? [instruction] : [], stages: [] });
}

/** What `only()` gives for an instruction, written without ids. */
const as = (instruction: { kind: InstructionKind } & Record<string, unknown>) => ({
	directives: [],
	preamble: [instruction],
	stages: [],
});

describe('parse()', () => {
	test('reads FROM into image, tag, digest, platform and stage name', () => {
		const model = parse('FROM --platform=linux/amd64 ghcr.io/acme/app:1.2@sha256:abc AS build\n');
		expect(withoutSource(model)).toEqual({
			directives: [],
			preamble: [],
			stages: [
				{
					from: {
						kind: 'from',
						platform: 'linux/amd64',
						image: 'ghcr.io/acme/app',
						tag: '1.2',
						digest: 'sha256:abc',
						name: 'build',
					},
					items: [],
				},
			],
		});
	});

	test('tells a registry port from a tag', () => {
		const [stage] = parse('FROM localhost:5000/app\n').stages;
		expect(stage?.from).toMatchObject({ image: 'localhost:5000/app', tag: '' });
	});

	test('keeps RUN in shell form as written, continuation lines and flags included', () => {
		const text = 'apt-get update && \\\n    # why\n    apt-get install -y curl';
		expect(only(`RUN --mount=type=cache,target=/var/cache/apt --network=none ${text}`)).toEqual(
			as({
				kind: 'run',
				flags: [
					{ name: 'mount', value: 'type=cache,target=/var/cache/apt' },
					{ name: 'network', value: 'none' },
				],
				command: { form: 'shell', text },
			})
		);
	});

	test('reads the exec form of RUN, CMD and ENTRYPOINT as a list, and says which form it was', () => {
		expect(only('RUN ["echo", "a b"]')).toEqual(
			as({ kind: 'run', flags: [], command: { form: 'exec', args: ['echo', 'a b'] } })
		);
		expect(only('CMD ["nginx", "-g", "daemon off;"]')).toEqual(
			as({ kind: 'cmd', command: { form: 'exec', args: ['nginx', '-g', 'daemon off;'] } })
		);
		expect(only('ENTRYPOINT node server.js')).toEqual(
			as({ kind: 'entrypoint', command: { form: 'shell', text: 'node server.js' } })
		);
		expect(only('CMD [not json')).toEqual(
			as({ kind: 'cmd', command: { form: 'shell', text: '[not json' } })
		);
	});

	test('reads COPY and ADD sources, destination and flags, in plain and JSON form', () => {
		expect(only('COPY --from=build --chown=app:app --chmod=755 --link a b /dst/')).toEqual(
			as({
				kind: 'copy',
				flags: [
					{ name: 'from', value: 'build' },
					{ name: 'chown', value: 'app:app' },
					{ name: 'chmod', value: '755' },
					{ name: 'link', value: null },
				],
				sources: ['a', 'b'],
				destination: '/dst/',
			})
		);
		expect(only('ADD ["my file.txt", "/app/"]')).toEqual(
			as({ kind: 'add', flags: [], sources: ['my file.txt'], destination: '/app/' })
		);
	});

	test('reads EXPOSE ports with their protocol', () => {
		expect(only('EXPOSE 80 53/udp 8000-8010/tcp')).toEqual(
			as({
				kind: 'expose',
				ports: [
					{ port: '80', protocol: '' },
					{ port: '53', protocol: 'udp' },
					{ port: '8000-8010', protocol: 'tcp' },
				],
			})
		);
	});

	test('reads ENV, ARG and LABEL pairs as written; ARG may lack a value', () => {
		expect(only('ENV A=1 B="two words" \\\n    C=$A')).toEqual(
			as({
				kind: 'env',
				pairs: [
					{ key: 'A', value: '1' },
					{ key: 'B', value: '"two words"' },
					{ key: 'C', value: '$A' },
				],
			})
		);
		expect(only('ARG VERSION BUILD=1')).toEqual(
			as({
				kind: 'arg',
				pairs: [
					{ key: 'VERSION', value: null },
					{ key: 'BUILD', value: '1' },
				],
			})
		);
		expect(only('LABEL org.opencontainers.image.title="Sito"')).toEqual(
			as({ kind: 'label', pairs: [{ key: 'org.opencontainers.image.title', value: '"Sito"' }] })
		);
	});

	test('turns the legacy `ENV KEY value` into a pair, quoting a value with spaces', () => {
		expect(only('ENV NODE_ENV production')).toEqual(
			as({ kind: 'env', pairs: [{ key: 'NODE_ENV', value: 'production' }] })
		);
		expect(only('ENV GREETING hello  world')).toEqual(
			as({ kind: 'env', pairs: [{ key: 'GREETING', value: '"hello  world"' }] })
		);
	});

	test('reads the single-value instructions', () => {
		expect(only('WORKDIR /my app')).toEqual(as({ kind: 'workdir', path: '/my app' }));
		expect(only('USER app:staff')).toEqual(as({ kind: 'user', user: 'app', group: 'staff' }));
		expect(only('USER 1000')).toEqual(as({ kind: 'user', user: '1000', group: '' }));
		expect(only('VOLUME /data /logs')).toEqual(as({ kind: 'volume', paths: ['/data', '/logs'] }));
		expect(only('VOLUME ["/data"]')).toEqual(as({ kind: 'volume', paths: ['/data'] }));
		expect(only('SHELL ["/bin/bash", "-o", "pipefail", "-c"]')).toEqual(
			as({ kind: 'shell', args: ['/bin/bash', '-o', 'pipefail', '-c'] })
		);
		expect(only('STOPSIGNAL SIGQUIT')).toEqual(as({ kind: 'stopsignal', signal: 'SIGQUIT' }));
		expect(only('MAINTAINER Ada <ada@example.com>')).toEqual(
			as({ kind: 'maintainer', name: 'Ada <ada@example.com>' })
		);
	});

	test('reads HEALTHCHECK with its flags, and HEALTHCHECK NONE', () => {
		expect(
			only('HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1')
		).toEqual(
			as({
				kind: 'healthcheck',
				flags: [
					{ name: 'interval', value: '30s' },
					{ name: 'retries', value: '3' },
				],
				command: { form: 'shell', text: 'curl -f http://localhost/ || exit 1' },
			})
		);
		expect(only('HEALTHCHECK NONE')).toEqual(as({ kind: 'healthcheck', flags: [], command: null }));
	});

	test('reads the instruction ONBUILD triggers', () => {
		expect(only('ONBUILD copy . /app/')).toEqual(
			as({
				kind: 'onbuild',
				trigger: { kind: 'copy', flags: [], sources: ['.'], destination: '/app/' },
			})
		);
	});

	test('keeps what it does not model verbatim as raw instructions', () => {
		for (const line of [
			'FOO bar',
			'COPY <<EOF /app/a.txt\nhello\nEOF',
			'RUN',
			'ONBUILD FROM x',
			'FROM a b c',
		]) {
			expect(only(line), line).toEqual(
				as({ kind: 'raw', keyword: line.split(/\s/)[0] ?? '', text: line })
			);
		}
	});

	test('reads comments, parser directives and the ARGs before FROM', () => {
		const model = parse(
			'# syntax=docker/dockerfile:1\n# Escape=`\n\n# Base\nARG V=1\nFROM alpine:${V}\n'
		);
		expect(withoutSource(model)).toEqual({
			directives: [
				{ name: 'syntax', value: 'docker/dockerfile:1' },
				{ name: 'escape', value: '`' },
			],
			preamble: [
				{ kind: 'comment', text: 'Base' },
				{ kind: 'arg', pairs: [{ key: 'V', value: '1' }] },
			],
			stages: [
				{
					from: { kind: 'from', platform: '', image: 'alpine', tag: '${V}', digest: '', name: '' },
					items: [],
				},
			],
		});
	});

	test('groups instructions into stages, each starting at its FROM', () => {
		const model = parse(
			'FROM golang:1 AS build\nRUN go build\n# final\nFROM scratch\nCOPY --from=build /a /a\n'
		);
		expect(model.stages.map((stage) => stage.items.map((item) => item.kind))).toEqual([
			['run', 'comment'],
			['copy'],
		]);
		expect(model.stages[1]?.source?.range).toEqual({
			line: 4,
			column: 1,
			endLine: 5,
			endColumn: 24,
		});
	});

	test('gives stable ids in file order and 1-based ranges', () => {
		const model = parse('# c\nFROM alpine:3\n  RUN echo \\\n    hi\n');
		expect(model.preamble[0]?.id).toBe('i1');
		expect(model.stages[0]?.from.id).toBe('i2');
		expect(model.stages[0]?.id).toBe('s1');
		expect(model.stages[0]?.items[0]).toMatchObject({
			id: 'i3',
			source: {
				range: { line: 3, column: 3, endLine: 4, endColumn: 7 },
				text: 'RUN echo \\\n    hi',
			},
		});
	});

	test('reads CRLF line ends like LF', () => {
		expect(withoutSource(parse('FROM a:1\r\nRUN b\r\n'))).toEqual(
			withoutSource(parse('FROM a:1\nRUN b\n'))
		);
	});

	test('uses the escape directive for continuations', () => {
		const model = parse('# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN dir `\n  C:\\\n');
		expect(instructionsOf(model).map((each) => each.kind)).toEqual(['from', 'run']);
	});

	test('gives an empty model for empty text', () => {
		expect(parse('')).toEqual({ directives: [], preamble: [], stages: [] });
	});

	test('reads every template into modelled instructions', () => {
		for (const template of templates) {
			const kinds = instructionsOf(parse(template.dockerfile)).map((each) => each.kind);
			expect(kinds, template.id).not.toContain('raw');
			expect(kinds[0], template.id).toBe('from');
		}
	});
});
