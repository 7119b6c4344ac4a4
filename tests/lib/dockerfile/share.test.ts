import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';
import {
	decodeState,
	encodeState,
	isDockerfile,
	withoutSources,
	type BuilderState,
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
