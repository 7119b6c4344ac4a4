import { describe, expect, test } from 'vitest';
import { lint, rules } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import {
	definitionRules,
	expand,
	isImageName,
} from '../../../src/lib/dockerfile/rules-definitions';
import { file, stage } from './build-failure-cases';
import { findingsOf, testRuleCases, type RuleCase } from './rule-cases';

/** Turns BuildKit's experimental description check on, as `docker build --check` needs. */
const experimental = '# check=experimental=InvalidDefinitionDescription';

const cases: Record<string, RuleCase> = {
	'invalid-default-arg-in-from': {
		bad: [
			[file('ARG TAG', 'FROM alpine:${TAG}'), [2]],
			[file('ARG IMAGE', 'FROM $IMAGE'), [2]],
			[file('ARG REGISTRY', 'FROM ${REGISTRY}/team/app:1.0'), [2]],
			[file('ARG TAG=', 'FROM alpine:$TAG AS base', 'FROM base'), [2]],
		],
		good: [
			file('ARG TAG=3.20', 'FROM alpine:${TAG}'),
			file('ARG TAG="3.20"', 'FROM alpine:$TAG'),
			file('ARG VARIANT', 'FROM alpine:3.20${VARIANT}'),
			file('ARG TAG', 'FROM alpine:${TAG:-3.20}'),
			file('ARG MAJOR=3', 'ARG TAG=${MAJOR}.20', 'FROM alpine:$TAG'),
			file('FROM golang:1.23 AS build-amd64', 'FROM build-${TARGETARCH}'),
			// An undeclared variable is undefined-arg-in-from's to report, not this rule's.
			file('FROM alpine:${NOT_DECLARED}'),
		],
	},
	'constant-platform': {
		bad: [
			[file('FROM --platform=linux/amd64 alpine:3.20 AS base'), [1]],
			[file('FROM --platform=linux/arm64/v8 alpine:3.20'), [1]],
			[file('FROM --platform=arm64 alpine:3.20 AS build'), [1]],
		],
		good: [
			file('FROM alpine:3.20 AS base'),
			file('FROM --platform=$BUILDPLATFORM golang:1.23 AS build'),
			file('FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20'),
			// The stage name says the stage is for that platform only.
			file('FROM --platform=linux/amd64 alpine:3.20 AS build-amd64'),
			file('FROM --platform=linux/x86_64 alpine:3.20 AS tools_amd64'),
			file('FROM --platform=windows/amd64 nanoserver:ltsc2022 AS windows'),
		],
	},
	'invalid-description-comment': {
		bad: [
			[file(experimental, '# the base image', 'FROM alpine:3.20 AS base'), [3]],
			[file(experimental, '# Base image', 'FROM alpine:3.20 AS base'), [3]],
			[file(experimental, 'FROM alpine:3.20', '# what to install', 'ARG A=1 B=2'), [4]],
			// A blank line does not separate them in BuildKit's parser; a bare # does.
			[file(experimental, '# notes', '', 'ARG VERSION=1', 'FROM alpine:3.20'), [4]],
		],
		good: [
			file(experimental, '# base is what the other stages build on', 'FROM alpine:3.20 AS base'),
			file(experimental, 'FROM alpine:3.20', '# B sets the second value', 'ARG A=1 B=2'),
			file(experimental, '# notes', '#', 'ARG VERSION=1', 'FROM alpine:3.20'),
			file(experimental, '# a comment above an unnamed stage', 'FROM alpine:3.20'),
			file(experimental, 'FROM alpine:3.20', '# not about a definition', 'RUN echo'),
			// Off unless the file asks for BuildKit's experimental checks.
			file('# the base image', 'FROM alpine:3.20 AS base'),
		],
	},
};

describe('BuildKit checks on definitions', () => {
	test('each has cases that trigger it and cases that do not', () => {
		expect(Object.keys(cases).sort()).toEqual(definitionRules.map((rule) => rule.id).sort());
	});

	testRuleCases(cases);

	test('say what the defaults give, or which platform and stage name', () => {
		const [empty] = findingsOf(file('ARG IMAGE', 'FROM $IMAGE'), 'invalid-default-arg-in-from');
		expect(empty?.message.it).toContain('resta vuoto');
		const [tag] = findingsOf(file('ARG TAG', 'FROM alpine:$TAG'), 'invalid-default-arg-in-from');
		expect(tag?.message.it).toContain('diventa «alpine:»');
		expect(tag?.message.en).toContain('comes out as "alpine:"');
		const [platform] = findingsOf(
			file('FROM --platform=linux/arm64 alpine:3.20'),
			'constant-platform'
		);
		expect(platform).toMatchObject({ line: 1, column: 6, endColumn: 28 });
		expect(platform?.message.en).toContain('AS build-arm64');
	});

	test('the description check is experimental: on by directive, comment or "all"', () => {
		const comment = '# the base image';
		const on = (text: string) => findingsOf(text, 'invalid-description-comment').length;
		expect(on(file('# check=experimental=all', comment, 'FROM alpine:3.20 AS base'))).toBe(1);
		expect(
			on(
				file(
					`# check=experimental=InvalidDefinitionDescription`,
					'',
					comment,
					'FROM alpine:3.20 AS base'
				)
			)
		).toBe(1);
		expect(
			on(
				file(
					'# check=experimental=invalid-description-comment',
					comment,
					'FROM alpine:3.20 AS base'
				)
			)
		).toBe(1);
		// skip does not reach experimental checks in BuildKit.
		expect(on(file('# check=skip=all;experimental=all', comment, 'FROM alpine:3.20 AS base'))).toBe(
			1
		);
		expect(on(file(comment, '# check=experimental=all', 'ARG VERSION=1', 'FROM alpine:3.20'))).toBe(
			1
		);
		const rule = rules.find((each) => each.id === 'invalid-description-comment');
		expect(rule?.experimental).toBe(true);
	});
});

describe('expand()', () => {
	const values = new Map<string, string | null>([
		['SET', 'x'],
		['EMPTY', ''],
		['UNKNOWN', null],
	]);
	test.each([
		['a-${SET}', 'a-x'],
		['$SET$SET', 'xx'],
		['${NONE}', ''],
		['${EMPTY:-d}', 'd'],
		['${EMPTY-d}', ''],
		['${NONE-d}', 'd'],
		['${SET:+w}', 'w'],
		['${EMPTY:+w}', ''],
		['${EMPTY+w}', 'w'],
		['${NONE:-${SET}}', 'x'],
		['"${SET}"', 'x'],
		["'${SET}'", '${SET}'],
		['a\\$SET', 'a$SET'],
	])('%s gives %s', (word, expected) => {
		expect(expand(word, values, '\\')).toBe(expected);
	});

	test.each(['${SET%x}', '${SET:?}', '${UNKNOWN}', '${SET', '"open'])(
		'%s cannot be worked out',
		(word) => {
			expect(expand(word, values, '\\')).toBeNull();
		}
	);
});

describe('isImageName()', () => {
	test.each([
		'alpine',
		'alpine:3.20',
		'ghcr.io/a/b:1',
		'localhost:5000/a',
		'a_b__c-d',
		`a@sha256:${'0'.repeat(64)}`,
	])('%s is a valid reference', (name) => expect(isImageName(name)).toBe(true));
	test.each(['', 'alpine:', 'Alpine', '/app:1', 'a___b', 'a:b:c', `a:${'t'.repeat(129)}`])(
		'%s is not',
		(name) => expect(isImageName(name)).toBe(false)
	);
});

describe('the build checks of docker build --check', () => {
	/** Every check BuildKit documents (frontend/dockerfile/docs/rules). */
	const documented = [
		'StageNameCasing',
		'FromAsCasing',
		'NoEmptyContinuation',
		'ConsistentInstructionCasing',
		'DuplicateStageName',
		'ReservedStageName',
		'JSONArgsRecommended',
		'MaintainerDeprecated',
		'UndefinedArgInFrom',
		'WorkdirRelativePath',
		'UndefinedVar',
		'MultipleInstructionsDisallowed',
		'LegacyKeyValueFormat',
		'RedundantTargetPlatform',
		'SecretsUsedInArgOrEnv',
		'InvalidDefaultArgInFrom',
		'FromPlatformFlagConstDisallowed',
		'CopyIgnoredFile',
		'InvalidDefinitionDescription',
		'ExposeProtoCasing',
		'ExposeInvalidFormat',
	];
	/** Those that need more than the Dockerfile: the .dockerignore of the build context. */
	const needContext = new Set(['CopyIgnoredFile']);
	const names = (rule: (typeof rules)[number]) => [rule.counterpart, ...(rule.aliases ?? [])];

	test('every one that reads only the Dockerfile has a rule', () => {
		const implemented = new Set(rules.flatMap(names));
		expect(documented.filter((check) => !implemented.has(check))).toEqual([...needContext]);
	});

	test('are warnings, as BuildKit reports them', () => {
		const buildChecks = rules.filter((rule) => documented.includes(rule.counterpart ?? ''));
		expect(buildChecks.length).toBeGreaterThanOrEqual(20);
		for (const rule of buildChecks) expect(rule.severity, rule.id).toBe('warning');
	});

	test('become errors under check=error=true, as the build then fails; hadolint rules do not', () => {
		const text = file('# check=error=true', 'FROM ubuntu', 'WORKDIR app', 'CMD echo hi');
		const severities = Object.fromEntries(
			lint(parse(text)).map((finding) => [finding.rule, finding.severity])
		);
		expect(severities).toEqual({
			'untagged-image': 'warning',
			'relative-workdir': 'error',
			'json-args-recommended': 'error',
		});
	});
});

describe('existing BuildKit checks, as BuildKit runs them', () => {
	test('JSONArgsRecommended is quiet once a SHELL has chosen the shell on purpose', () => {
		const shell = 'SHELL ["/bin/bash", "-c"]';
		expect(findingsOf(stage(shell, 'CMD echo hi'), 'json-args-recommended')).toEqual([]);
		expect(
			findingsOf(
				file('FROM alpine:3.20 AS base', shell, 'FROM base', 'CMD echo hi'),
				'json-args-recommended'
			)
		).toEqual([]);
		expect(findingsOf(stage('CMD echo hi', shell), 'json-args-recommended')).toHaveLength(1);
	});

	test('WorkdirRelativePath looks only at the first WORKDIR of a stage and its parents', () => {
		const lines = (text: string) => findingsOf(text, 'relative-workdir').map((f) => f.line);
		expect(lines(stage('WORKDIR app', 'WORKDIR src'))).toEqual([2]);
		expect(
			lines(file('FROM alpine:3.20 AS base', 'WORKDIR app', 'FROM base', 'WORKDIR src'))
		).toEqual([2]);
	});

	test('SecretsUsedInArgOrEnv uses BuildKit’s words, and skips the global ARGs', () => {
		const keys = (text: string) => findingsOf(text, 'secrets-in-arg-env').length;
		for (const name of [
			'AUTH',
			'my_auth',
			'APIKEY',
			'Db_Password',
			'x_secret_y',
			'GIT_KEY',
			'npm_token',
		])
			expect(keys(stage(`ENV ${name}=x`)), name).toBe(1);
		for (const name of [
			'PUBLIC_KEY',
			'token_file',
			'AUTH_PLUGIN_VERSION',
			'dbPassword',
			'KEYS',
			'monkey',
		])
			expect(keys(stage(`ENV ${name}=x`)), name).toBe(0);
		expect(keys(file('ARG GITHUB_TOKEN', 'FROM alpine:3.20'))).toBe(0);
		expect(keys(file('ARG GITHUB_TOKEN', 'FROM alpine:3.20', 'ARG GITHUB_TOKEN'))).toBe(1);
	});

	test('ConsistentInstructionCasing counts the stages, not the global ARGs', () => {
		expect(
			findingsOf(file('arg VERSION=1', 'FROM alpine:3.20', 'RUN echo'), 'instruction-casing')
		).toEqual([]);
		expect(
			findingsOf(
				stage('copy <<EOF /etc/motd', 'hello', 'EOF', 'RUN echo'),
				'instruction-casing'
			).map((f) => f.line)
		).toEqual([2]);
	});
});
