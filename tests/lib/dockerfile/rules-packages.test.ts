import { describe, expect, test } from 'vitest';
import { packageRules } from '../../../src/lib/dockerfile/rules-packages';
import { file, stage } from './build-failure-cases';
import { findingsOf, testRuleCases, type RuleCase } from './rule-cases';

const cases: Record<string, RuleCase> = {
	'apk-unpinned': {
		bad: [
			[stage('RUN apk add --no-cache curl'), [2]],
			[stage('RUN apk --no-cache add -t .build-deps gcc make=4.4.1-r2 \\', '    musl-dev'), [2]],
			[stage('RUN apk add --no-cache git', 'RUN apk add --no-cache curl'), [2, 3]],
		],
		good: [
			stage('RUN apk add --no-cache curl=8.9.1-r2 git~2.45 bash>5'),
			stage('RUN apk add --no-cache --allow-untrusted /tmp/pkg.apk'),
			stage('RUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org x=1'),
			stage('RUN apk del curl', 'RUN apk update'),
		],
	},
	'pip-unpinned': {
		bad: [
			[stage('RUN pip install --no-cache-dir flask'), [2]],
			[stage('RUN python3 -m pip install --no-cache-dir -U pip setuptools==70.0.0'), [2]],
			[stage('RUN pip3 install --no-cache-dir --index-url https://x/simple requests'), [2]],
		],
		good: [
			stage('RUN pip install --no-cache-dir flask==3.0.3 "requests>=2" urllib3~=2.2'),
			stage('RUN pip install --no-cache-dir -r requirements.txt'),
			stage('RUN pip install --no-cache-dir --requirement requirements.txt flask'),
			stage('RUN pip install --no-cache-dir -c constraints.txt flask'),
			stage('RUN pip install --no-cache-dir .'),
			stage('RUN pip install --no-cache-dir ./vendor/pkg dist/app-1.0-py3-none-any.whl'),
			stage('RUN pip install --no-cache-dir git+https://github.com/a/b@v1.2'),
			stage('RUN pip install --no-cache-dir -e ./src'),
			stage('RUN pipx install black', 'RUN pip freeze'),
		],
	},
	'wget-progress': {
		bad: [
			[stage('RUN wget https://example.com/app.tgz'), [2]],
			[stage('RUN wget -O /tmp/app.tgz https://example.com/app.tgz'), [2]],
		],
		good: [
			stage('RUN wget --progress=dot:giga https://example.com/app.tgz'),
			stage('RUN wget -qO- https://example.com/app.tgz | tar xz'),
			stage('RUN wget -nv https://example.com/app.tgz'),
			stage('RUN wget --no-verbose -o /dev/null https://example.com/app.tgz'),
			stage('RUN curl -fsSLO https://example.com/app.tgz'),
		],
	},
	'curl-and-wget': {
		bad: [
			[stage('RUN curl -fsSLO https://a/x', 'WORKDIR /app', 'RUN wget -q https://a/y'), [4]],
			[stage('RUN wget -q https://a/x && curl -fsSLO https://a/y'), [2]],
			// Once per stage, where the second tool first appears.
			[
				file(
					'FROM alpine:3.20 AS one',
					'RUN curl -fsSLO https://a/x',
					'RUN wget -q https://a/y',
					'RUN curl -fsSLO https://a/z',
					'FROM alpine:3.20',
					'RUN wget -q https://a/x && curl -fsSLO https://a/y'
				),
				[3, 6],
			],
		],
		good: [
			stage('RUN curl -fsSLO https://a/x', 'RUN curl -fsSLO https://a/y'),
			file(
				'FROM alpine:3.20 AS get',
				'RUN curl -fsSLO https://a/x',
				'FROM alpine:3.20',
				'RUN wget -q https://a/y'
			),
		],
	},
	'consecutive-run': {
		bad: [
			[stage('RUN apk add --no-cache curl', 'RUN echo done'), [3]],
			[stage('RUN a', '# a comment does not separate them', 'RUN b && c', 'RUN d'), [4, 5]],
		],
		good: [
			stage('RUN a', 'WORKDIR /app', 'RUN b'),
			// A chain of more than two commands is split on purpose, as hadolint sees it.
			stage('RUN a && b && c', 'RUN d'),
			stage('RUN a', 'RUN b && c && d'),
			stage('RUN a', 'RUN --mount=type=cache,target=/root/.cache b'),
			file('FROM alpine:3.20 AS one', 'RUN a', 'FROM alpine:3.20', 'RUN b'),
		],
	},
};

describe('package and download rules', () => {
	test('each has cases that trigger it and cases that do not', () => {
		expect(Object.keys(cases).sort()).toEqual(packageRules.map((rule) => rule.id).sort());
	});

	test('name their hadolint counterpart', () => {
		expect(Object.fromEntries(packageRules.map((rule) => [rule.id, rule.counterpart]))).toEqual({
			'apk-unpinned': 'DL3018',
			'pip-unpinned': 'DL3013',
			'wget-progress': 'DL3047',
			'curl-and-wget': 'DL4001',
			'consecutive-run': 'DL3059',
		});
	});

	testRuleCases(cases);
});

describe('unpinned packages', () => {
	test('one finding per install command, naming every unpinned package in both languages', () => {
		const text = stage(
			'RUN apt-get update && apt-get install -y --no-install-recommends \\',
			'    curl git=1:2.43.0-1 vim \\',
			'    && rm -rf /var/lib/apt/lists/*'
		);
		const [finding, ...rest] = findingsOf(text, 'apt-get-unpinned');
		expect(rest).toEqual([]);
		expect(finding).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 28 });
		expect(finding?.message.it).toMatch(/^I pacchetti curl e vim non hanno una versione fissata/);
		expect(finding?.message.en).toMatch(/^The packages curl and vim have no pinned version/);
	});

	test('a single package reads in the singular, a long list ends with how many more', () => {
		const [one] = findingsOf(stage('RUN apk add --no-cache curl'), 'apk-unpinned');
		expect(one?.message.it).toMatch(/^Il pacchetto curl non ha una versione fissata/);
		expect(one?.message.en).toMatch(/^The package curl has no pinned version/);
		const [many] = findingsOf(
			stage('RUN pip install --no-cache-dir a b c d e f g h'),
			'pip-unpinned'
		);
		expect(many?.message.it).toMatch(/^I pacchetti a, b, c, d, e, f e altri 2 non hanno/);
		expect(many?.message.en).toMatch(/^The packages a, b, c, d, e, f and 2 more have/);
	});

	test('two install commands in one RUN give two findings', () => {
		const text = stage('RUN apt-get install -y curl && apt-get install -y vim');
		expect(findingsOf(text, 'apt-get-unpinned').map((finding) => finding.column)).toEqual([24, 51]);
	});

	test('the rules list says it in general, without package names', () => {
		const rule = packageRules.find((each) => each.id === 'apk-unpinned');
		expect(rule?.message.it).toMatch(/^Alcuni pacchetti non hanno una versione fissata/);
		expect(rule?.message.en).toMatch(/^Some packages have no pinned version/);
	});
});

describe('apt lists, apk and pip caches as hadolint sees them', () => {
	const lists = (text: string) => findingsOf(text, 'apt-lists-not-removed');

	test('apt-get dist-clean (apt 2.7.8 and later) removes the lists', () => {
		for (const clean of ['apt-get dist-clean', 'apt-get distclean', 'apt dist-clean'])
			expect(lists(stage(`RUN apt-get update && apt-get install -y x && ${clean}`))).toEqual([]);
		expect(
			lists(stage('RUN apt-get update && apt-get install -y x && apt-get clean'))
		).toHaveLength(1);
	});

	test('a cache or tmpfs mount keeps the apk index and the pip cache out of the image', () => {
		const apk = (text: string) => findingsOf(text, 'apk-no-cache');
		expect(apk(stage('RUN --mount=type=tmpfs,target=/var/cache/apk apk add curl=8'))).toEqual([]);
		expect(apk(stage('RUN --mount=type=cache,dst=/var/cache/apk apk add curl=8'))).toEqual([]);
		expect(apk(stage('RUN --mount=type=bind,target=/var/cache/apk apk add curl=8'))).toHaveLength(
			1
		);
		const pip = (text: string) => findingsOf(text, 'pip-no-cache-dir');
		expect(
			pip(stage('RUN --mount=type=cache,target=/home/app/.cache/pip pip install -r r.txt'))
		).toEqual([]);
		expect(pip(stage('RUN PIP_NO_CACHE_DIR=1 pip install -r r.txt'))).toEqual([]);
		expect(pip(stage('RUN pip install -r r.txt'))).toHaveLength(1);
	});
});
