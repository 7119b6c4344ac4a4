import { afterEach, describe, expect, test, vi } from 'vitest';
import { getBase, needsBase, siteUrl, splitLocale, withBase } from '../../../src/lib/links/url';

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('getBase()', () => {
	test('is the root when the site has no base path', () => {
		vi.stubEnv('BASE_URL', '/');
		expect(getBase()).toBe('/');
	});

	test('always has a leading and a trailing slash', () => {
		vi.stubEnv('BASE_URL', 'corso');
		expect(getBase()).toBe('/corso/');
		vi.stubEnv('BASE_URL', '/corso');
		expect(getBase()).toBe('/corso/');
	});
});

describe('siteUrl()', () => {
	test('prefixes a page with the base and ends it with a slash', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(siteUrl('/quiz/docker')).toBe('/corso/quiz/docker/');
		expect(siteUrl('quiz/docker/')).toBe('/corso/quiz/docker/');
		expect(siteUrl('/')).toBe('/corso/');
	});

	test('leaves files without a trailing slash', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(siteUrl('/favicon.svg')).toBe('/corso/favicon.svg');
	});

	test('keeps the query and the hash', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(siteUrl('/quiz/docker/?seed=42#q3')).toBe('/corso/quiz/docker/?seed=42#q3');
		expect(siteUrl('/virtualizzazione/scopo#riepilogo')).toBe(
			'/corso/virtualizzazione/scopo/#riepilogo'
		);
	});

	test('puts English pages under /en/ and Italian ones at the root', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(siteUrl('/lab/compose/', 'en')).toBe('/corso/en/lab/compose/');
		expect(siteUrl('/lab/compose/', 'it')).toBe('/corso/lab/compose/');
		expect(siteUrl('/', 'en')).toBe('/corso/en/');
	});

	test('works without a base path', () => {
		vi.stubEnv('BASE_URL', '/');
		expect(siteUrl('/lab/compose/', 'en')).toBe('/en/lab/compose/');
	});
});

describe('withBase()', () => {
	test('prefixes root-relative links once', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(withBase('/docker/volumi/')).toBe('/corso/docker/volumi/');
		expect(withBase('/corso/docker/volumi/')).toBe('/corso/docker/volumi/');
		expect(withBase('/corso')).toBe('/corso');
	});

	test('does not mistake a page that starts like the base for the base', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(withBase('/corsodue/')).toBe('/corso/corsodue/');
	});

	test('leaves external, relative, protocol-relative and hash links alone', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		for (const href of [
			'https://docs.docker.com/',
			'../scopo/',
			'//cdn.example',
			'#top',
			'mailto:a@b.c',
		]) {
			expect(withBase(href)).toBe(href);
			expect(needsBase(href)).toBe(false);
		}
	});

	test('takes an explicit base, as the Markdown plugin does at config time', () => {
		vi.stubEnv('BASE_URL', '/');
		expect(withBase('/quiz/', '/fork')).toBe('/fork/quiz/');
		expect(withBase('/quiz/', '/')).toBe('/quiz/');
	});
});

describe('splitLocale()', () => {
	test('finds the locale and the path inside it', () => {
		vi.stubEnv('BASE_URL', '/corso/');
		expect(splitLocale('/corso/en/lab/compose/')).toEqual({ locale: 'en', path: '/lab/compose/' });
		expect(splitLocale('/corso/lab/compose/')).toEqual({ locale: 'it', path: '/lab/compose/' });
		expect(splitLocale('/corso/en/')).toEqual({ locale: 'en', path: '/' });
		expect(splitLocale('/corso/enigmi/')).toEqual({ locale: 'it', path: '/enigmi/' });
	});
});
