import { describe, expect, test } from 'vitest';
import {
	canStartZip,
	zipMessage,
	zipStatus,
	type ZipAction,
	type ZipStatus,
} from '../../../src/lib/labs/zip-status';

const run = (...actions: ZipAction[]) => actions.reduce<ZipStatus>(zipStatus, 'idle');

describe('zipStatus()', () => {
	test('goes from a click to ready, or to failed', () => {
		expect(run('start')).toBe('preparing');
		expect(run('start', 'ready')).toBe('ready');
		expect(run('start', 'fail')).toBe('failed');
	});

	test('starts again after a download or a failure', () => {
		expect(run('start', 'ready', 'start')).toBe('preparing');
		expect(run('start', 'fail', 'start', 'ready')).toBe('ready');
	});

	test('ignores an outcome that comes without a click before it', () => {
		expect(run('ready')).toBe('idle');
		expect(run('start', 'ready', 'fail')).toBe('ready');
	});
});

describe('canStartZip()', () => {
	test('says no while an archive is being prepared', () => {
		expect(canStartZip('idle')).toBe(true);
		expect(canStartZip('preparing')).toBe(false);
		expect(canStartZip('ready')).toBe(true);
		expect(canStartZip('failed')).toBe(true);
	});
});

describe('zipMessage()', () => {
	test('says nothing before the first click, then what is happening', () => {
		expect(zipMessage('idle')).toBeUndefined();
		expect(zipMessage('preparing')).toBe('folderZip.preparing');
		expect(zipMessage('ready')).toBe('folderZip.ready');
		expect(zipMessage('failed')).toBe('folderZip.failed');
	});
});
