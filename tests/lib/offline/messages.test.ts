import { describe, expect, test } from 'vitest';
import { isSaveRequest } from '../../../src/lib/offline/messages';

describe('isSaveRequest()', () => {
	test.each([
		[{ type: 'save-course', langs: ['it'], lang: 'it' }, true],
		[{ type: 'save-course', langs: ['it'] }, false],
		[{ type: 'save-course', langs: ['it', 'en'], lang: 'en' }, true],
		[{ type: 'save-course', langs: [], lang: 'it' }, false],
		[{ type: 'save-course', langs: ['fr'], lang: 'it' }, false],
		[{ type: 'save-course' }, false],
		[{ type: 'other', langs: ['it'] }, false],
		['save-course', false],
		[null, false],
	])('%j: %s', (data, expected) => {
		expect(isSaveRequest(data)).toBe(expected);
	});
});
