import { describe, expect, test } from 'vitest';
import { insertItem, createInstruction, updateItem } from '../../../src/lib/dockerfile/edit';
import { lint, rules } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { definitionRules } from '../../../src/lib/dockerfile/rules-definitions';
import { packageRules } from '../../../src/lib/dockerfile/rules-packages';
import { templates } from '../../../src/lib/dockerfile/templates';
import { failureCases, file, stage } from './build-failure-cases';

interface Case {
	/** A Dockerfile the rule flags, and the line of the (first) finding. */
	bad: [text: string, line: number][];
	/** Dockerfiles the rule leaves alone. */
	good: string[];
}

const cases: Record<string, Case> = {
	'first-instruction': {
		bad: [
			[file('RUN echo hi', 'FROM alpine:3.20'), 1],
			[file('ARG A=1', 'ENV B=2'), 2],
		],
		good: [file('# comment', 'ARG VERSION=3.20', 'FROM alpine:${VERSION}')],
	},
	'untagged-image': {
		bad: [[file('FROM ubuntu'), 1]],
		good: [
			file('FROM ubuntu:24.04'),
			file('FROM ubuntu@sha256:0123abcd'),
			file('FROM scratch'),
			file('FROM golang:1.23 AS build', 'FROM build'),
			file('ARG BASE=alpine:3', 'FROM ${BASE}'),
		],
	},
	'latest-tag': {
		bad: [[file('FROM node:latest'), 1]],
		good: [file('FROM node:22-alpine')],
	},
	'duplicate-stage-name': {
		bad: [[file('FROM golang:1 AS build', 'FROM node:22 AS build'), 2]],
		good: [file('FROM golang:1 AS build', 'FROM node:22 AS web')],
	},
	'reserved-stage-name': {
		bad: [[file('FROM alpine:3 AS scratch'), 1]],
		good: [file('FROM alpine:3 AS base')],
	},
	'stage-name-casing': {
		bad: [[file('FROM alpine:3 AS Build'), 1]],
		good: [file('FROM alpine:3 AS build')],
	},
	'from-as-casing': {
		bad: [
			[file('FROM alpine:3 as build'), 1],
			[file('from alpine:3 AS build'), 1],
		],
		good: [file('FROM alpine:3 AS build'), file('from alpine:3 as build')],
	},
	'undefined-arg-in-from': {
		bad: [[file('FROM alpine:${VERSION}'), 1]],
		good: [
			file('ARG VERSION=3.20', 'FROM alpine:${VERSION}'),
			file('FROM --platform=$BUILDPLATFORM alpine:3'),
			file('FROM alpine:${VERSION:-3.20}'),
		],
	},
	'redundant-target-platform': {
		bad: [[file('FROM --platform=$TARGETPLATFORM alpine:3'), 1]],
		good: [file('FROM --platform=$BUILDPLATFORM alpine:3')],
	},
	'copy-from-unknown-stage': {
		bad: [
			[stage('COPY --from=builder /out/app /app'), 2],
			[file('FROM alpine:3', 'COPY --from=later /a /a', 'FROM alpine:3 AS later'), 2],
		],
		good: [
			file('FROM golang:1 AS builder', 'FROM alpine:3', 'COPY --from=builder /out/app /app'),
			file('FROM golang:1', 'FROM alpine:3', 'COPY --from=0 /out/app /app'),
			stage('COPY --from=nginx:1.27 /etc/nginx /etc/nginx'),
		],
	},
	'copy-from-own-stage': {
		bad: [[file('FROM alpine:3 AS app', 'COPY --from=app /a /b'), 2]],
		good: [file('FROM alpine:3 AS base', 'FROM alpine:3 AS app', 'COPY --from=base /a /b')],
	},
	'multiple-cmd': {
		bad: [[stage('CMD ["a"]', 'CMD ["b"]'), 2]],
		good: [file('FROM alpine:3 AS a', 'CMD ["a"]', 'FROM alpine:3', 'CMD ["b"]')],
	},
	'multiple-entrypoint': {
		bad: [[stage('ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]'), 2]],
		good: [stage('ENTRYPOINT ["a"]', 'CMD ["b"]')],
	},
	'multiple-healthcheck': {
		bad: [[stage('HEALTHCHECK CMD ["a"]', 'HEALTHCHECK NONE'), 2]],
		good: [stage('HEALTHCHECK --interval=30s CMD ["a"]')],
	},
	'last-user-root': {
		bad: [
			[stage('USER root'), 2],
			[stage('USER app', 'USER 0'), 3],
		],
		good: [stage('USER root', 'RUN apk add --no-cache curl', 'USER app'), stage('RUN echo')],
	},
	'maintainer-deprecated': {
		bad: [[stage('MAINTAINER Ada <ada@example.com>'), 2]],
		good: [stage('LABEL org.opencontainers.image.authors="ada@example.com"')],
	},
	'relative-workdir': {
		bad: [[stage('WORKDIR app'), 2]],
		good: [stage('WORKDIR /app', 'WORKDIR src'), stage('WORKDIR $HOME'), stage('WORKDIR C:\\app')],
	},
	'copy-relative-without-workdir': {
		bad: [[stage('COPY app.js app/'), 2]],
		good: [
			stage('WORKDIR /app', 'COPY app.js .'),
			stage('COPY app.js /app/'),
			file('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'COPY app.js .'),
		],
	},
	'add-instead-of-copy': {
		bad: [[stage('ADD app.js /app/'), 2]],
		good: [
			stage('ADD https://example.com/app.tar.gz /tmp/'),
			stage('ADD rootfs.tar.xz /'),
			stage('COPY app.js /app/'),
		],
	},
	'copy-destination-slash': {
		bad: [[stage('COPY a.txt b.txt /app'), 2]],
		good: [stage('COPY a.txt b.txt /app/'), stage('COPY a.txt /app/a.txt')],
	},
	'json-args-recommended': {
		bad: [
			[stage('CMD node server.js'), 2],
			[stage('ENTRYPOINT /app'), 2],
		],
		good: [stage('CMD ["node", "server.js"]')],
	},
	'expose-invalid-port': {
		bad: [
			[stage('EXPOSE 70000'), 2],
			[stage('EXPOSE 80/http'), 2],
			[stage('EXPOSE http'), 2],
		],
		good: [stage('EXPOSE 80 443/tcp 8000-8010/udp $PORT')],
	},
	'expose-host-mapping': {
		bad: [[stage('EXPOSE 8080:80'), 2]],
		good: [stage('EXPOSE 80')],
	},
	'expose-protocol-casing': {
		bad: [[stage('EXPOSE 80/TCP'), 2]],
		good: [stage('EXPOSE 80/tcp')],
	},
	'missing-value': {
		bad: [
			[stage('ENV GREETING=hello world'), 2],
			[stage('ENV ONLY_KEY'), 2],
		],
		good: [stage('ENV GREETING="hello world"'), stage('ARG VERSION')],
	},
	'legacy-key-value': {
		bad: [
			[stage('ENV NODE_ENV production'), 2],
			[stage('LABEL maintainer "Ada Lovelace"'), 2],
		],
		good: [stage('ENV NODE_ENV=production'), stage('LABEL a=b c=d')],
	},
	'secrets-in-arg-env': {
		bad: [
			[stage('ARG GITHUB_TOKEN'), 2],
			[stage('ENV DB_PASSWORD=secret'), 2],
			[stage('ENV apiKey=x'), 2],
			[stage('ENV AWS_SECRET_ACCESS_KEY=x'), 2],
			// BuildKit's word list has KEY alone: a GPG key id is flagged too.
			[stage('ENV GPG_KEY=0123'), 2],
		],
		good: [stage('ARG PUBLIC_TOKEN', 'ENV PWD_HINT=x'), stage('LABEL password=x')],
	},
	'undefined-var': {
		bad: [
			[stage('COPY . $APP_HOME/'), 2],
			[file('ARG VERSION=1', 'FROM alpine:3', 'LABEL version=$VERSION'), 3],
			[stage('ENV A=1 B=$A'), 2],
		],
		good: [
			stage('ENV APP_HOME=/app', 'COPY . $APP_HOME/'),
			stage('WORKDIR ${APP_HOME:-/app}'),
			stage('ENV PATH=/opt/bin:$PATH'),
			stage('RUN echo $UNDEFINED_IN_SHELL'),
			file('ARG VERSION=1', 'FROM alpine:3', 'ARG VERSION', 'LABEL version=$VERSION'),
			file('FROM alpine:3 AS base', 'ENV DIR=/app', 'FROM base', 'WORKDIR $DIR'),
			stage("ENV A='$NOT_EXPANDED'", 'ENV B=\\$ESCAPED'),
		],
	},
	'empty-continuation': {
		bad: [[stage('RUN apk add --no-cache curl \\', '', '    && echo done'), 3]],
		good: [stage('RUN apk add --no-cache curl \\', '    && echo done')],
	},
	'instruction-casing': {
		bad: [[stage('run echo hi', 'RUN echo ok'), 2]],
		good: [stage('RUN echo hi'), file('from alpine:3', 'run echo hi')],
	},
	'unknown-instruction': {
		bad: [[stage('COPPY a.txt /app/'), 2]],
		good: [stage('COPY a.txt /app/')],
	},
	'cd-in-run': {
		bad: [[stage('RUN cd /app && make'), 2]],
		good: [stage('WORKDIR /app', 'RUN make'), stage('RUN echo cd')],
	},
	sudo: {
		bad: [[stage('RUN sudo apk add --no-cache curl'), 2]],
		good: [stage('RUN echo sudo')],
	},
	'apt-instead-of-apt-get': {
		bad: [[stage('RUN apt install -y curl'), 2]],
		good: [stage('RUN apt-get install -y curl')],
	},
	'apt-get-missing-yes': {
		bad: [[stage('RUN apt-get install curl'), 2]],
		good: [
			stage('RUN apt-get install -y curl'),
			stage('RUN apt-get -qqy install curl'),
			stage('RUN DEBIAN_FRONTEND=noninteractive apt-get install --yes curl'),
		],
	},
	'apt-get-recommends': {
		bad: [[stage('RUN apt-get install -y curl'), 2]],
		good: [stage('RUN apt-get install -y --no-install-recommends curl')],
	},
	'apt-lists-not-removed': {
		bad: [[stage('RUN apt-get update && apt-get install -y curl'), 2]],
		good: [
			stage('RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
			file(
				'FROM debian:12 AS build',
				'RUN apt-get update && apt-get install -y gcc',
				'FROM alpine:3'
			),
			stage('RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x'),
		],
	},
	'apt-get-update-alone': {
		bad: [[stage('RUN apt-get update', 'RUN apt-get install -y curl'), 2]],
		good: [stage('RUN apt-get update && apt-get install -y curl')],
	},
	'apt-get-unpinned': {
		bad: [[stage('RUN apt-get install -y curl'), 2]],
		good: [stage('RUN apt-get install -y curl=8.5.0-2ubuntu10 ./local.deb')],
	},
	pipefail: {
		bad: [[stage('RUN wget -qO- https://example.com/a.tgz | tar xz'), 2]],
		good: [
			stage('RUN set -o pipefail && wget -qO- https://example.com/a.tgz | tar xz'),
			stage('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN wget -qO- x | tar xz'),
			stage('RUN make || exit 1'),
			stage('RUN echo "a | b"'),
		],
	},
	'curl-pipe-shell': {
		bad: [[stage('RUN curl -fsSL https://example.com/install.sh | sh'), 2]],
		good: [stage('RUN curl -fsSLo install.sh https://example.com/install.sh && sh install.sh')],
	},
	'pip-no-cache-dir': {
		bad: [
			[stage('RUN pip install flask'), 2],
			[stage('RUN python3 -m pip install flask'), 2],
		],
		good: [
			stage('RUN pip install --no-cache-dir flask'),
			stage('ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask'),
			stage('RUN pip freeze'),
		],
	},
	'npm-install-ci': {
		bad: [[stage('RUN npm install'), 2]],
		good: [stage('RUN npm ci'), stage('RUN npm install -g nodemon')],
	},
	'apk-no-cache': {
		bad: [[stage('RUN apk add curl'), 2]],
		good: [stage('RUN apk add --no-cache curl')],
	},
	'background-service': {
		bad: [
			[stage('CMD service apache2 start'), 2],
			[stage('CMD ["systemctl", "start", "nginx"]'), 2],
			[stage('CMD /etc/init.d/mysql start'), 2],
			[stage('ENTRYPOINT ["sh", "-c", "apachectl start"]'), 2],
			[stage('CMD nginx &'), 2],
		],
		good: [
			stage('CMD ["apache2ctl", "-D", "FOREGROUND"]'),
			stage('CMD ["nginx", "-g", "daemon off;"]'),
			stage('CMD service mysql start && apache2ctl -D FOREGROUND'),
		],
	},
};

const ruleIds = (text: string) => lint(parse(text)).map((finding) => finding.rule);

describe('rules', () => {
	test('there are at least 25, with unique kebab-case ids', () => {
		const ids = rules.map((rule) => rule.id);
		expect(ids.length).toBeGreaterThanOrEqual(25);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
	});

	test('name their counterpart as a hadolint code or a build check name', () => {
		for (const rule of rules) {
			if (rule.counterpart !== null) expect(rule.counterpart).toMatch(/^(DL\d{4}|[A-Z][A-Za-z]+)$/);
		}
	});

	test('explain themselves in both languages and link a course page', () => {
		for (const rule of rules) {
			expect(rule.message.it.length).toBeGreaterThan(40);
			expect(rule.message.en.length).toBeGreaterThan(40);
			expect(rule.message.it).not.toBe(rule.message.en);
			expect(['/docker/dockerfile/', '/docker/immagini-container/']).toContain(rule.docs);
		}
	});

	test('each has a case that triggers it and one that does not', () => {
		// The rules of rules-packages.ts and rules-definitions.ts have their tables in their own files,
		// and the build-breaking ones in build-failure-cases.ts.
		const elsewhere = new Set([...packageRules, ...definitionRules].map((rule) => rule.id));
		const here = rules.map((rule) => rule.id).filter((id) => !elsewhere.has(id));
		const covered = [...Object.keys(cases), ...Object.keys(failureCases)];
		expect([...new Set(covered)].sort()).toEqual(here.sort());
	});
});

describe('lint()', () => {
	for (const [id, { bad, good }] of Object.entries(cases)) {
		test(`${id}: flags what it is about, on the right line`, () => {
			for (const [text, line] of bad) {
				const finding = lint(parse(text)).find((each) => each.rule === id);
				expect(finding, text).toBeDefined();
				expect(finding?.line, text).toBe(line);
			}
		});

		test(`${id}: leaves correct Dockerfiles alone`, () => {
			for (const text of good) expect(ruleIds(text), text).not.toContain(id);
		});
	}

	test('points at the offending word, 1-based with an exclusive end', () => {
		const [finding] = lint(parse('FROM node:latest\n')).filter(
			(each) => each.rule === 'latest-tag'
		);
		expect(finding).toMatchObject({ line: 1, column: 10, endLine: 1, endColumn: 17 });
		const [package_] = lint(parse(stage('RUN apt-get install -y \\', '    curl'))).filter(
			(each) => each.rule === 'apt-get-unpinned'
		);
		expect(package_).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 9 });
	});

	test('gives each finding its severity, messages, docs link and node id', () => {
		const model = parse(stage('CMD service apache2 start'));
		const finding = lint(model).find((each) => each.rule === 'background-service');
		expect(finding).toMatchObject({
			severity: 'error',
			counterpart: null,
			docs: '/docker/immagini-container/',
			nodeId: model.stages[0]?.items[0]?.id,
		});
		expect(finding?.message.it).toContain('primo piano');
	});

	test('sorts findings by position', () => {
		const findings = lint(parse(file('FROM ubuntu', 'RUN sudo apt install curl', 'WORKDIR app')));
		const positions = findings.map((finding) => finding.line * 1000 + finding.column);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});

	test('skips the rules a `# check=skip=` directive names, by id or counterpart', () => {
		const text = file(
			'# check=skip=JSONArgsRecommended,untagged-image',
			'FROM ubuntu',
			'CMD echo hi'
		);
		expect(ruleIds(text)).not.toContain('json-args-recommended');
		expect(ruleIds(text)).not.toContain('untagged-image');
		expect(ruleIds(file('# check=skip=all', 'FROM ubuntu', 'CMD echo hi'))).toEqual([]);
	});

	test('places findings on the printed text once the form has changed the model', () => {
		const model = parse(stage('RUN echo hi'));
		const stageId = model.stages[0]?.id ?? '';
		const added = insertItem(
			model,
			{ ...createInstruction('workdir', 'new'), path: 'app' },
			{ stageId, index: 0 }
		);
		const finding = lint(added).find((each) => each.rule === 'relative-workdir');
		expect(finding).toMatchObject({ line: 2, column: 9, nodeId: 'new' });
		const renamed = updateItem(model, model.stages[0]?.from.id ?? '', (from) => ({
			...from,
			tag: 'latest',
		}));
		expect(lint(renamed).map((each) => each.rule)).toContain('latest-tag');
	});

	test('finds nothing worse than info in the templates', () => {
		for (const template of templates) {
			const findings = lint(parse(template.dockerfile));
			expect(
				findings.filter((finding) => finding.severity !== 'info'),
				template.id
			).toEqual([]);
		}
	});
});
