import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../../src/lib/compose/suggest';

describe('editDistance()', () => {
	test.each([
		['ports', 'ports', 0],
		['port', 'ports', 1],
		['depend_on', 'depends_on', 1],
		['netwroks', 'networks', 1],
		['imgae', 'image', 1],
		['', 'abc', 3],
		['volumes', 'vol', 4],
	])('%s → %s is %i', (a, b, distance) => {
		expect(editDistance(a, b)).toBe(distance);
		expect(editDistance(b, a)).toBe(distance);
	});
});

describe('closest()', () => {
	const keys = ['image', 'ports', 'depends_on', 'networks', 'volumes', 'environment'];

	test('suggests the known word within two edits', () => {
		expect(closest('depend_on', keys)).toBe('depends_on');
		expect(closest('port', keys)).toBe('ports');
		expect(closest('netwroks', keys)).toBe('networks');
		expect(closest('Ports', keys)).toBe('ports');
	});

	test('suggests nothing when every word is far', () => {
		expect(closest('entrypoints_here', keys)).toBeUndefined();
		expect(closest('xy', keys)).toBeUndefined();
	});

	test('never suggests the word itself', () => {
		expect(closest('ports', ['ports'])).toBeUndefined();
	});
});
