import { describe, expect, test } from 'vitest';
import { formatSize } from '../../../src/lib/offline/size';

describe('formatSize()', () => {
	test.each([
		[840_000, 'it', '840 kB'],
		[4_213_000, 'it', '4,2 MB'],
		[4_213_000, 'en', '4.2 MB'],
		[120, 'en', '1 kB'],
	] as const)('%d bytes in %s: %s', (bytes, lang, expected) => {
		expect(formatSize(bytes, lang)).toBe(expected);
	});
});
