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

describe('stateToHash() and stateFromHash()', () => {
	test('round-trip the text and the options', () => {
		fc.assert(
			fc.property(fc.string(), options, (text, opts) => {
				const state: ComposeState = { text, options: opts };
				expect(stateFromHash(stateToHash(state))).toEqual({ kind: 'state', state });
			})
		);
	});

	test('write the options readably', () => {
		const hash = stateToHash({
			text: 'a',
			options: { hideDefaultNetwork: true, hideVolumes: true, direction: 'TB' },
		});
		expect(hash).toBe('#compose=YQ&dir=TB&hide=default,volumes');
	});

	test('leave a heading anchor alone', () => {
		expect(stateFromHash('#riepilogo')).toEqual({ kind: 'none' });
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
		])
			expect(stateFromHash(hash), hash).toEqual({ kind: 'bad' });
	});

	test('default the options a short link leaves out', () => {
		expect(stateFromHash('#compose=YQ')).toEqual({
			kind: 'state',
			state: { text: 'a', options: defaultOptions },
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
