import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
	pathProblem,
	zipFileName,
	zipFolder,
	type FolderFile,
} from '../../../src/lib/labs/folder-zip';

const files: FolderFile[] = [
	{ path: 'compose.yaml', text: 'services:\n  app:\n    build: ./app\n' },
	{ path: 'app/Dockerfile', text: 'FROM nginx:1.30-alpine\n' },
	{ path: 'app/index.html', text: '<p>Reading /config.json…</p>\n' },
	{ path: 'config/config.json', text: '{ "title": "Ciao, perché no?" }\n' },
	{ path: 'empty.txt', text: '' },
];
const bytes = (text: string) => new TextEncoder().encode(text);
const mtime = new Date(2026, 11, 2, 10, 30, 0);

describe('zipFolder()', () => {
	test('holds every file under the folder, with its exact UTF-8 bytes, and nothing else', () => {
		const unzipped = unzipSync(zipFolder('compose-esempio', files, { mtime }));
		expect(Object.keys(unzipped).sort()).toEqual(
			files.map((file) => `compose-esempio/${file.path}`).sort()
		);
		for (const file of files)
			expect(unzipped[`compose-esempio/${file.path}`], file.path).toEqual(bytes(file.text));
	});

	test('gives the same bytes for the same files and date', () => {
		expect(zipFolder('lab', files, { mtime })).toEqual(zipFolder('lab', files, { mtime }));
	});

	test('refuses a path that would leave the folder, or come twice', () => {
		const zip = (path: string) => () => zipFolder('lab', [{ path, text: '' }], { mtime });
		for (const path of ['../outside', '/etc/passwd', 'a//b', 'a/./b', 'C:/x', 'a\\b', ''])
			expect(zip(path), path).toThrow(/zipFolder/);
		expect(() => zipFolder('..', files, { mtime })).toThrow(/zipFolder/);
		expect(() => zipFolder('lab', [files[0]!, files[0]!], { mtime })).toThrow(/twice/);
	});
});

describe('pathProblem()', () => {
	test('accepts relative paths with / between their parts', () => {
		expect(pathProblem('app/Dockerfile')).toBeUndefined();
		expect(pathProblem('compose-esempio')).toBeUndefined();
		expect(pathProblem('.env')).toBeUndefined();
	});
});

describe('zipFileName()', () => {
	test('is the folder with .zip', () => {
		expect(zipFileName('compose-esempio')).toBe('compose-esempio.zip');
	});
});
