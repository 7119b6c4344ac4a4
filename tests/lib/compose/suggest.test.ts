import { describe, expect, test } from 'vitest';
import { allowedDistance, closest, editDistance } from '../../../src/lib/compose/suggest';

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

	test.each([
		['gpus', ['pid', 'ipc', 'dns'], undefined],
		['sbom', ['ssh', 'tags'], undefined],
		['models', ['labels', 'volumes'], undefined],
		['imag', ['image', 'ipc'], 'image'],
		['enviromnent', ['environment', 'entrypoint'], 'environment'],
		['helthchek', ['healthcheck'], 'healthcheck'],
		['prots', ['ports', 'profiles'], 'ports'],
	])('allows edits in proportion to the length: %s', (word, candidates, expected) => {
		expect(closest(word, candidates)).toBe(expected);
	});

	test.each([
		[3, 1],
		[4, 1],
		[6, 2],
		[9, 3],
		[20, 3],
	])('allows %i letters %i edits', (length, edits) => {
		expect(allowedDistance(length)).toBe(edits);
	});

	test('never suggests the word itself', () => {
		expect(closest('ports', ['ports'])).toBeUndefined();
	});
});
