import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type {
	Command,
	Comment,
	Directive,
	Dockerfile,
	Flag,
	FromInstruction,
	Instruction,
	Item,
	KeyValue,
	Stage,
} from '../../../src/lib/dockerfile/model';
import { withoutSource } from '../../../src/lib/dockerfile/model';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';

/** Models whose every value prints and reads back unchanged, in both escape characters. */
function modelArbitrary(escape: string): fc.Arbitrary<Dockerfile> {
	return fc.record({
		directives: directivesArbitrary(escape),
		preamble: fc.array(fc.oneof(argArbitrary(), commentArbitrary()), { maxLength: 3 }),
		stages: fc.array(stageArbitrary(escape), { maxLength: 3 }),
	});
}

const word = (pattern: RegExp) => fc.stringMatching(pattern);
const optional = (arbitrary: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), arbitrary);
const node = { id: 'x' };

function directivesArbitrary(escape: string): fc.Arbitrary<Directive[]> {
	const other = fc.record({
		id: fc.constant('d'),
		name: word(/^(syntax|check|x[a-z]{0,5})$/),
		value: word(/^[!-~]{1,12}$/),
	});
	const escapeDirective = fc.constant([{ id: 'd', name: 'escape', value: escape }]);
	return escape === '`'
		? fc.tuple(escapeDirective, fc.array(other, { maxLength: 2 })).map(([e, o]) => [...e, ...o])
		: fc.array(other, { maxLength: 2 });
}

/**
 * Comment blocks as `parse()` gives them: `# x` reads back as `x`, so no line starts with `# ` and
 * a letter, and a blank line stands for a bare `#`.
 */
function commentArbitrary(): fc.Arbitrary<Comment> {
	const line = word(/^[ -~]{0,20}$/)
		.map((t) => t.trim())
		.filter((t) => !/^#( [^#]|$)/.test(t));
	const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
	return text.map((t) => ({ ...node, kind: 'comment', text: t }));
}

function stageArbitrary(escape: string): fc.Arbitrary<Stage> {
	const items = fc.array(fc.oneof(instructionArbitrary(escape), commentArbitrary()), {
		maxLength: 6,
	});
	return fc.record({ id: fc.constant('s'), from: fromArbitrary(), items });
}

function fromArbitrary(): fc.Arbitrary<FromInstruction> {
	return fc.record({
		...node,
		id: fc.constant('x'),
		kind: fc.constant('from' as const),
		platform: optional(word(/^(linux\/(amd64|arm64)|\$BUILDPLATFORM)$/)),
		image: word(/^(localhost:5000\/)?[a-z0-9]{1,6}([._-][a-z0-9]{1,4})?(\/[a-z0-9]{1,5})?$/),
		tag: optional(word(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,8}$/)),
		digest: optional(word(/^sha256:[0-9a-f]{8}$/)),
		name: optional(word(/^[a-z][a-z0-9_-]{0,6}$/)),
	});
}

function flagsArbitrary(): fc.Arbitrary<Flag[]> {
	const flag = fc.record({
		name: word(/^[a-z][a-z-]{0,6}$/),
		value: fc.oneof(fc.constant(null), fc.constant(''), word(/^[a-z0-9=,/._:-]{1,12}$/)),
	});
	return fc.array(flag, { maxLength: 2 });
}

function commandArbitrary(escape: string): fc.Arbitrary<Command> {
	const line = word(/^[a-z][ -~]{0,24}$/)
		.map((t) => t.trim())
		.filter((t) => !/[\\`]$/.test(t));
	const shell = fc
		.array(line, { minLength: 1, maxLength: 3 })
		.map((lines) => lines.join(` ${escape}\n    `))
		.map((text) => ({ form: 'shell' as const, text }));
	const exec = fc
		.array(fc.string({ unit: 'binary' }), { maxLength: 3 })
		.map((args) => ({ form: 'exec' as const, args }));
	return fc.oneof(shell, exec);
}

const pathArbitrary = fc.oneof(word(/^[a-z./*][a-z0-9./*_-]{0,10}$/), fc.string({ minLength: 1 }));

/** ENV and LABEL read `KEY other=words` as the legacy `KEY value` form: a first key needs `=`. */
function pairsArbitrary(kind: 'env' | 'arg' | 'label'): fc.Arbitrary<KeyValue[]> {
	const value = fc.oneof(
		fc.constant(null),
		fc.constant(''),
		word(/^[A-Za-z0-9_./:$-]{1,10}$/),
		word(/^"[a-z $]{0,10}"$/)
	);
	const pair = fc.record({ key: word(/^[A-Za-z_][A-Za-z0-9_.]{0,8}$/), value });
	const pairs = fc.array(pair, { minLength: 1, maxLength: 6 });
	return kind === 'arg' ? pairs : pairs.filter((all) => all.length === 1 || all[0]?.value !== null);
}

function argArbitrary(): fc.Arbitrary<Instruction> {
	return pairsArbitrary('arg').map((pairs) => ({ ...node, kind: 'arg', pairs }));
}

function instructionArbitrary(escape: string, depth = 0): fc.Arbitrary<Instruction> {
	const command = commandArbitrary(escape);
	const simple: fc.Arbitrary<Instruction>[] = [
		fc.record({ kind: fc.constant('run' as const), flags: flagsArbitrary(), command }),
		fc.record({
			kind: fc.constantFrom('copy' as const, 'add' as const),
			flags: flagsArbitrary(),
			sources: fc.array(pathArbitrary, { minLength: 1, maxLength: 3 }),
			destination: pathArbitrary,
		}),
		fc.record({ kind: fc.constantFrom('cmd' as const, 'entrypoint' as const), command }),
		fc.record({
			kind: fc.constant('expose' as const),
			ports: fc.array(
				fc.record({
					port: word(/^([0-9]{1,5}(-[0-9]{1,5})?|\$PORT)$/),
					protocol: fc.constantFrom('', 'tcp', 'udp'),
				}),
				{ minLength: 1, maxLength: 3 }
			),
		}),
		...(['env', 'arg', 'label'] as const).map((kind) =>
			fc.record({ kind: fc.constant(kind), pairs: pairsArbitrary(kind) })
		),
		fc.record({
			kind: fc.constant('workdir' as const),
			path: word(/^[a-z/$][a-z0-9/ _.-]{0,10}[a-z0-9_.-]$/),
		}),
		fc.record({
			kind: fc.constant('user' as const),
			user: word(/^([a-z_][a-z0-9_-]{0,6}|[0-9]{1,4})$/),
			group: optional(word(/^[a-z0-9_]{1,6}$/)),
		}),
		fc.record({
			kind: fc.constant('volume' as const),
			paths: fc.array(pathArbitrary, { minLength: 1, maxLength: 3 }),
		}),
		fc.record({
			kind: fc.constant('shell' as const),
			args: fc.array(fc.string(), { maxLength: 3 }),
		}),
		fc.record({
			kind: fc.constant('healthcheck' as const),
			flags: flagsArbitrary(),
			command: fc.oneof(fc.constant(null), command),
		}),
		fc.record({
			kind: fc.constant('stopsignal' as const),
			signal: word(/^(SIG[A-Z]{2,6}|[0-9]{1,2})$/),
		}),
		fc.record({
			kind: fc.constant('maintainer' as const),
			name: word(/^[A-Za-z][A-Za-z <>@.]{0,15}[A-Za-z>]$/),
		}),
		word(/^X[A-Z]{1,5}$/).chain((keyword) =>
			word(/^[a-z0-9 =]{0,10}[a-z0-9]$/).map((rest) => ({
				kind: 'raw' as const,
				keyword,
				text: `${keyword} ${rest}`,
			}))
		),
	].map((arbitrary) => arbitrary.map((instruction) => ({ ...node, ...instruction })));
	if (depth > 0) return fc.oneof(...simple);
	const onbuild = instructionArbitrary(escape, 1)
		.filter((trigger) => !['raw', 'maintainer'].includes(trigger.kind))
		.map((trigger): Instruction => ({ ...node, kind: 'onbuild', trigger }));
	return fc.oneof(...simple, onbuild);
}

// Building `stringMatching` arbitraries is slow: build each model arbitrary once.
const models = fc.oneof(modelArbitrary('\\'), modelArbitrary('`'));

/** Realistic pieces of Dockerfiles, to mix into random text. */
const fragments = [
	'FROM ubuntu:22.04 AS build\n',
	'from node:20 as web\n',
	'RUN apt-get update && \\\n    apt-get install -y curl\n',
	'RUN ["echo", "hi"]\n',
	'CMD ["nginx", "-g", "daemon off;"]\n',
	'ENV A=1 B="two words"\n',
	'ENV LEGACY some value\n',
	'ARG VERSION\n',
	'COPY --from=build /app /app\n',
	'COPY ["a b", "/x/"]\n',
	'EXPOSE 80/tcp 443\n',
	'HEALTHCHECK --interval=5s CMD curl -f http://x || exit 1\n',
	'ONBUILD run echo hi\n',
	'# escape=`\n',
	'# syntax=docker/dockerfile:1\n',
	'# a comment\n',
	'RUN <<EOF\necho a\nEOF\n',
	'\\\n',
	'`\n',
	'\n',
	' ',
	'"',
	"'",
	'[',
	']',
	'=',
	'--x=',
	'\r\n',
	'@',
	':',
	'/',
	'$',
	'#',
	'<<',
	' AS ',
	...['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE'].map(
		(keyword) => `\n${keyword} `
	),
	...[
		'USER',
		'WORKDIR',
		'VOLUME',
		'SHELL',
		'HEALTHCHECK',
		'STOPSIGNAL',
		'ONBUILD',
		'MAINTAINER',
	].map((keyword) => `\n${keyword} `),
];

const dockerfileText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc
		.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 12 })
		.map((parts) => parts.join(''))
);

describe('print()', () => {
	test('parse(print(model)) gives the model back', () => {
		fc.assert(
			fc.property(models, (model) => {
				expect(withoutSource(parse(print(model)))).toEqual(withoutSource(model));
			}),
			{ numRuns: 400 }
		);
	});

	test('printing is stable: print(parse(print(model))) equals print(model)', () => {
		fc.assert(
			fc.property(models, (model) => {
				const text = print(model);
				expect(print(parse(text))).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});

	test('any text, once printed, reads back to the same model', () => {
		fc.assert(
			fc.property(dockerfileText, (text) => {
				const model = parse(text);
				expect(withoutSource(parse(print(model)))).toEqual(withoutSource(model));
			}),
			{ numRuns: 1500 }
		);
	});
});

describe('parse()', () => {
	test('never throws, and every node has a 1-based range', () => {
		fc.assert(
			fc.property(dockerfileText, (text) => {
				const model = parse(text);
				const nodes: (Item | Directive | Stage)[] = [
					...model.directives,
					...model.preamble,
					...model.stages.flatMap((stage) => [stage, stage.from, ...stage.items]),
				];
				for (const each of nodes) {
					expect(each.source?.range.line).toBeGreaterThanOrEqual(1);
					expect(each.source?.range.column).toBeGreaterThanOrEqual(1);
				}
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('lint()', () => {
	test('never throws, and places every finding inside the text', () => {
		fc.assert(
			fc.property(dockerfileText, (text) => {
				const lines = text.replace(/\r\n?/g, '\n').split('\n').length;
				for (const finding of lint(parse(text))) {
					expect(finding.line).toBeGreaterThanOrEqual(1);
					expect(finding.column).toBeGreaterThanOrEqual(1);
					expect(finding.endLine).toBeLessThanOrEqual(lines);
					expect(finding.endLine * 1e6 + finding.endColumn).toBeGreaterThanOrEqual(
						finding.line * 1e6 + finding.column
					);
				}
			}),
			{ numRuns: 1000 }
		);
	});
});
