import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lectureExample } from '../../../src/lib/compose/examples';
import { limits } from '../../../src/lib/compose/parse';
import {
	decodeText,
	defaultOptions,
	encodeText,
	maxSharedChars,
	parseStoredState,
	serializeState,
	stateFromHash,
	stateToHash,
	type ComposeState,
} from '../../../src/lib/compose/share';

const options = fc.record({
	hideDefaultNetwork: fc.boolean(),
	hideVolumes: fc.boolean(),
	direction: fc.constantFrom<'LR' | 'TB'>('LR', 'TB'),
});

describe('encodeText() and decodeText()', () => {
	test('round-trip any text, in URL-safe characters only', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				const encoded = encodeText(text);
				expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
				expect(decodeText(encoded)).toBe(text);
			})
		);
	});

	test('encode UTF-8, as base64url without padding', () => {
		expect(encodeText('è')).toBe('w6g');
		expect(encodeText('??>')).toBe('Pz8-');
	});

	test('accept as much text as the parser does, and no absurd amount more', () => {
		expect(maxSharedChars).toBe(limits.maxChars);
		expect(decodeText(encodeText('é'.repeat(maxSharedChars)))).toHaveLength(maxSharedChars);
		expect(decodeText('A'.repeat(maxSharedChars * 6))).toBeUndefined();
	});

	test('refuse what is not base64url of UTF-8', () => {
		expect(decodeText('a+b/')).toBeUndefined();
		expect(decodeText('abcde')).toBeUndefined();
		expect(decodeText('_w')).toBeUndefined(); // the byte 0xFF is never UTF-8
	});
});

/** A link as the generator wrote it before the text's length was added: text first. */
function legacyHash(state: ComposeState): string {
	const hidden = [
		...(state.options.hideDefaultNetwork ? ['default'] : []),
		...(state.options.hideVolumes ? ['volumes'] : []),
	];
	return `#compose=${encodeText(state.text)}&dir=${state.options.direction}${
		hidden.length ? `&hide=${hidden.join(',')}` : ''
	}`;
}

describe('stateToHash() and stateFromHash()', () => {
	test('round-trip the text and the options', () => {
		fc.assert(
			fc.property(fc.string(), options, (text, opts) => {
				const state: ComposeState = { text, options: opts };
				expect(stateFromHash(stateToHash(state))).toEqual({ kind: 'state', state });
			})
		);
	});

	test('write the options readably, then the text after its length', () => {
		const hash = stateToHash({
			text: 'abc',
			options: { hideDefaultNetwork: true, hideVolumes: true, direction: 'TB' },
		});
		expect(hash).toBe('#dir=TB&hide=default,volumes&compose=4.YWJj');
		expect(stateToHash({ text: '', options: defaultOptions })).toBe('#dir=LR&compose=0.');
	});

	test('tell a link cut anywhere from a whole one: never half a file', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1 }), options, fc.nat(), (text, opts, at) => {
				const hash = stateToHash({ text, options: opts });
				const cut = hash.slice(0, at % hash.length);
				// Before `#dir=` nothing of ours is left to recognise.
				const expected = cut.length < '#dir='.length ? 'none' : 'cut';
				expect(stateFromHash(cut), cut).toEqual({ kind: expected });
			})
		);
	});

	test('tell a cut from a text whose length does not match', () => {
		expect(stateFromHash('#dir=LR&compose=4.YWJ')).toEqual({ kind: 'cut' });
		expect(stateFromHash('#dir=LR&compose=4')).toEqual({ kind: 'cut' });
		expect(stateFromHash('#dir=LR&comp')).toEqual({ kind: 'cut' });
		expect(stateFromHash('#dir=LR&hide=defa')).toEqual({ kind: 'cut' });
		// Longer than it says, or with no length at all: not a cut, something else.
		expect(stateFromHash('#dir=LR&compose=3.YWJj')).toEqual({ kind: 'bad' });
		expect(stateFromHash('#dir=LR&compose=YWJj')).toEqual({ kind: 'bad' });
		// The text comes last.
		expect(stateFromHash('#dir=LR&compose=4.YWJj&hide=default')).toEqual({ kind: 'bad' });
	});

	test('still open links written before the length was added', () => {
		fc.assert(
			fc.property(fc.string(), options, (text, opts) => {
				const state: ComposeState = { text, options: opts };
				expect(stateFromHash(legacyHash(state))).toEqual({ kind: 'state', state });
			})
		);
		expect(stateFromHash('#compose=YQ&dir=TB&hide=default,volumes')).toEqual({
			kind: 'state',
			state: {
				text: 'a',
				options: { hideDefaultNetwork: true, hideVolumes: true, direction: 'TB' },
			},
		});
	});

	test('leave a heading anchor alone', () => {
		expect(stateFromHash('#riepilogo')).toEqual({ kind: 'none' });
		expect(stateFromHash('#direzione')).toEqual({ kind: 'none' });
		expect(stateFromHash('')).toEqual({ kind: 'none' });
	});

	test('report a hash of ours that cannot be read', () => {
		for (const hash of [
			'#compose=%%%',
			'#compose=YQ&dir=XY',
			'#compose=YQ&hide=networks',
			'#compose=YQ&extra=1',
			'#compose=YQ&compose=YQ',
			'#compose=_w',
			'#dir=XY&compose=2.YQ',
			'#dir=LR&hide=networks&compose=2.YQ',
			'#dir=LR&extra=1&compose=2.YQ',
			'#dir=LR&dir=TB&compose=2.YQ',
			'#dir=LR&compose=2._w',
		])
			expect(stateFromHash(hash), hash).toEqual({ kind: 'bad' });
	});

	test('default the options a short link leaves out', () => {
		expect(stateFromHash('#compose=YQ')).toEqual({
			kind: 'state',
			state: { text: 'a', options: defaultOptions },
		});
		expect(stateFromHash('#hide=volumes&compose=2.YQ')).toEqual({
			kind: 'state',
			state: { text: 'a', options: { ...defaultOptions, hideVolumes: true } },
		});
	});
});

describe('serializeState() and parseStoredState()', () => {
	test('round-trip a state', () => {
		const state = { text: lectureExample.source, options: defaultOptions };
		expect(parseStoredState(serializeState(state))).toEqual({ kind: 'state', state });
	});

	test('tell nothing stored from something unreadable', () => {
		expect(parseStoredState(null)).toEqual({ kind: 'none' });
		for (const raw of [
			'{',
			'null',
			'"text"',
			'{"version":2,"text":"a","options":{}}',
			'{"version":1,"text":3,"options":{}}',
			'{"version":1,"text":"a","options":{"hideDefaultNetwork":1,"hideVolumes":false,"direction":"LR"}}',
			'{"version":1,"text":"a","options":{"hideDefaultNetwork":true,"hideVolumes":false,"direction":"RL"}}',
		])
			expect(parseStoredState(raw), raw).toEqual({ kind: 'bad' });
	});
});
