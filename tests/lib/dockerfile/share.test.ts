import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nextId } from '../../../src/lib/dockerfile/edit';
import type { Dockerfile } from '../../../src/lib/dockerfile/model';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';
import {
	addressWithState,
	decodeState,
	encodeState,
	isDockerfile,
	readState,
	STATE_LIMITS,
	stateFits,
	stateInAddress,
	withoutSources,
	type BuilderState,
	type StatePlace,
} from '../../../src/lib/dockerfile/share';
import { templates } from '../../../src/lib/dockerfile/templates';

const inputs = {
	image: 'my-apache',
	tag: '1.0',
	containerName: 'web',
	detach: true,
	ports: { '80': '8080' },
	volumes: {},
};

describe('encodeState() and decodeState()', () => {
	test.each(templates.map((template) => [template.id, template.dockerfile]))(
		'give back the %s template and its inputs',
		(_, text) => {
			const state: BuilderState = { model: parse(text), inputs };
			const encoded = encodeState(state);
			expect(encoded).toMatch(/^[\w-]+$/);
			const decoded = decodeState(encoded);
			expect(decoded).toEqual({ model: withoutSources(state.model), inputs });
			expect(print(decoded!.model)).toBe(text);
		}
	);

	test('keep text outside ASCII and half-filled instructions as they are', () => {
		const model = parse('FROM ubuntu:24.04\n# però, 日本語\nRUN echo "ciao à tutti"\n');
		const half = {
			...model,
			stages: model.stages.map((stage) => ({
				...stage,
				items: [
					...stage.items,
					{ id: 'i9', kind: 'copy' as const, flags: [], sources: [''], destination: '' },
				],
			})),
		};
		expect(decodeState(encodeState({ model: half, inputs }))?.model).toEqual(withoutSources(half));
	});

	test('refuse anything else, and never throw', () => {
		const good = encodeState({ model: parse('FROM alpine:3.21\n'), inputs });
		for (const bad of ['', 'abc', '!!!', good.slice(0, -3), good + '%', 'e30', 'eyJ2IjoxfQ']) {
			expect(decodeState(bad)).toBeNull();
		}
		fc.assert(
			fc.property(fc.string(), (text) => void expect(() => decodeState(text)).not.toThrow())
		);
		// Any JSON at all in place of the model: refused, never a crash.
		const wrap = (model: unknown) =>
			Buffer.from(JSON.stringify({ v: 1, model, inputs })).toString('base64url');
		fc.assert(fc.property(fc.jsonValue(), (model) => decodeState(wrap(model)) === null));
	});
});

describe('isDockerfile()', () => {
	const model = withoutSources(
		parse('ARG V=1\nFROM alpine:$V AS base\nONBUILD RUN echo hi\nCMD ["sh"]\n')
	);

	test('accepts what parse() gives', () => {
		expect(isDockerfile(model)).toBe(true);
		expect(isDockerfile(parse('# syntax=docker/dockerfile:1\nFROM a:1\nFOO bar\n'))).toBe(true);
	});

	test('refuses unknown kinds, wrong fields, a FROM inside a stage, and repeated ids', () => {
		const stage = model.stages[0]!;
		const withItems = (items: unknown[]) => ({ ...model, stages: [{ ...stage, items }] });
		expect(isDockerfile(withItems([{ id: 'x', kind: 'nope' }]))).toBe(false);
		expect(isDockerfile(withItems([{ id: 'x', kind: 'workdir', path: 3 }]))).toBe(false);
		expect(isDockerfile(withItems([{ id: 'x', kind: 'cmd', command: { form: 'exec' } }]))).toBe(
			false
		);
		expect(isDockerfile(withItems([{ ...stage.from, id: 'x' }]))).toBe(false);
		expect(
			isDockerfile(withItems([{ id: 'x', kind: 'onbuild', trigger: { ...stage.from } }]))
		).toBe(false);
		expect(isDockerfile(withItems([{ id: stage.from.id, kind: 'workdir', path: '/' }]))).toBe(
			false
		);
		expect(isDockerfile(withItems([{ id: 'x', kind: '__proto__' }]))).toBe(false);
		expect(isDockerfile({ ...model, stages: null })).toBe(false);
	});
});

const oneRun = withoutSources(parse('FROM alpine:3.21\nRUN x\n'));

/** A state whose only instruction runs a command of `length` characters. */
const withCommand = (length: number): BuilderState => ({
	model: {
		...oneRun,
		stages: oneRun.stages.map((stage) => ({
			...stage,
			items: [
				{ id: 'i2', kind: 'run', flags: [], command: { form: 'shell', text: 'x'.repeat(length) } },
			],
		})),
	},
	inputs,
});

/**
 * The longest command whose state still fits a place: each character of the command is one more
 * byte of JSON, and base64 writes 3 bytes as 4 characters. The tests check both sides of it.
 */
function longestFitting(place: StatePlace): number {
	const bytes = Buffer.from(encodeState(withCommand(0)), 'base64url').length;
	return Math.floor((STATE_LIMITS[place] * 3) / 4) - bytes;
}

describe('size limits: what is written can be read back, and nothing larger is written', () => {
	test.each<StatePlace>(['link', 'device'])(
		'%s: a state at the limit is read, one a character longer is refused and recovered',
		(place) => {
			const longest = longestFitting(place);
			const atLimit = encodeState(withCommand(longest));
			const over = encodeState(withCommand(longest + 1));
			expect(atLimit.length).toBeLessThanOrEqual(STATE_LIMITS[place]);
			expect(over.length).toBeGreaterThan(STATE_LIMITS[place]);
			expect(stateFits(atLimit, place)).toBe(true);
			expect(readState(atLimit, place)).toEqual({ state: withCommand(longest), problem: null });
			expect(decodeState(atLimit, place)).toEqual(withCommand(longest));
			expect(stateFits(over, place)).toBe(false);
			expect(decodeState(over, place)).toBeNull();
			// Too large is not lost: its Dockerfile can still be read, for the learner to download.
			const reading = readState(over, place);
			expect(reading.problem).toBe('tooLarge');
			expect(reading.problem === 'tooLarge' && reading.recovered).toEqual(withCommand(longest + 1));
		}
	);

	test('a link is read within its own limit unless told otherwise; the device takes more', () => {
		const between = encodeState(withCommand(longestFitting('link') + 1000));
		expect(decodeState(between)).toBeNull();
		expect(decodeState(between, 'link')).toBeNull();
		expect(decodeState(between, 'device')).not.toBeNull();
	});

	test('the address gets the state in its hash only if the hash can be read back', () => {
		const page = new URL('https://example.org/corso/lab/dockerfile/');
		for (const length of [10, longestFitting('link'), longestFitting('link') + 1]) {
			const encoded = encodeState(withCommand(length));
			const address = addressWithState(page, encoded);
			const { text, inQuery } = stateInAddress(address);
			expect(inQuery).toBe(false);
			expect(address.search).toBe('');
			// Written exactly when it fits, and whatever is written reads back as the same state.
			expect(text !== null).toBe(stateFits(encoded, 'link'));
			if (text !== null) expect(decodeState(text)).toEqual(decodeState(encoded));
		}
	});
});

describe('stateInAddress() and addressWithState()', () => {
	const encoded = encodeState({ model: parse('FROM alpine:3.21\n'), inputs });

	test('the state goes in the hash, never in the query, and comes back from it', () => {
		const address = addressWithState(new URL('https://example.org/lab/dockerfile/'), encoded);
		expect(address.href).toBe(`https://example.org/lab/dockerfile/#s=${encoded}`);
		expect(stateInAddress(address)).toEqual({ text: encoded, inQuery: false });
	});

	test('an older link with the state in the query still opens, and is moved to the hash', () => {
		const old = new URL(`https://example.org/lab/dockerfile/?s=${encoded}&lang=it`);
		expect(stateInAddress(old)).toEqual({ text: encoded, inQuery: true });
		const moved = addressWithState(old, encoded);
		expect(moved.search).toBe('?lang=it');
		expect(moved.hash).toBe(`#s=${encoded}`);
		expect(stateInAddress(moved)).toEqual({ text: encoded, inQuery: false });
	});

	test('the hash wins over an old query; no state, or none to write, leaves neither', () => {
		const both = new URL(`https://example.org/lab/?s=old#s=${encoded}`);
		expect(stateInAddress(both)).toEqual({ text: encoded, inQuery: false });
		expect(stateInAddress(new URL('https://example.org/lab/#comandi'))).toEqual({
			text: null,
			inQuery: false,
		});
		expect(addressWithState(both, null).href).toBe('https://example.org/lab/');
	});
});

describe('ids from a link or a save', () => {
	const wrap = (model: unknown) =>
		Buffer.from(JSON.stringify({ v: 1, model, inputs })).toString('base64url');
	const ids = (model: Dockerfile) =>
		JSON.stringify(model)
			.match(/"id":"[^"]*"/g)
			?.map((match) => match.slice(6, -1)) ?? [];
	const base = withoutSources(
		parse('# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine\nRUN a\nONBUILD RUN b\n')
	);
	const stage = base.stages[0]!;

	test('well-formed, different ids are kept as they are', () => {
		const edited = { ...base, stages: [{ ...stage, items: [...stage.items].reverse() }] };
		expect(decodeState(wrap(edited))?.model).toEqual(edited);
	});

	test.each([
		['a huge number', 'i99999999999999999999'],
		['a repeated id', 'i4'],
		['an id that would clash with a button', 'i4-up'],
		['markup', '"><img src=x>'],
		['an empty id', ''],
	])('%s is renumbered, in file order, never refused', (_, id) => {
		const crafted = {
			...base,
			stages: [{ ...stage, items: [{ ...stage.items[0]!, id }, ...stage.items.slice(1)] }],
		};
		const model = decodeState(wrap(crafted))!.model;
		expect(isDockerfile(model)).toBe(true);
		expect(new Set(ids(model)).size).toBe(ids(model).length);
		expect(ids(model)).toEqual(['d1', 'i1', 's1', 'i2', 'i3', 'i4', 'i4-trigger']);
		expect(print(model)).toBe(print(base));
		// The next id the form makes is new, however large the crafted one was.
		expect(ids(model)).not.toContain(nextId(model));
	});

	test('a trigger whose id is not its ONBUILD’s is renumbered too', () => {
		const onbuild = stage.items[1]!;
		const crafted = {
			...base,
			stages: [
				{
					...stage,
					items: [
						stage.items[0]!,
						{ ...onbuild, trigger: { ...(onbuild as { trigger: object }).trigger, id: 'i2' } },
					],
				},
			],
		};
		expect(isDockerfile(crafted)).toBe(false);
		expect(isDockerfile(decodeState(wrap(crafted))!.model)).toBe(true);
	});

	test('a volume named `source` keeps its name; only the nodes lose their sources', () => {
		const named = { ...inputs, volumes: { source: 'data' } };
		expect(
			decodeState(encodeState({ model: parse('FROM a:1\nVOLUME source\n'), inputs: named }))?.inputs
		).toEqual(named);
	});
});
