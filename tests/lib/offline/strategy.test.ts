import { describe, expect, test } from 'vitest';
import {
	cacheName,
	localeOfAddress,
	pageKey,
	staleCaches,
	strategyFor,
} from '../../../src/lib/offline/strategy';

const scope = 'https://mrossi.github.io/corso/';
const get = (url: string, mode = 'no-cors', accept: string | null = null) => ({
	method: 'GET',
	url,
	mode,
	accept,
});

describe('cacheName() and staleCaches()', () => {
	test('names one cache per build, and keeps only the current one of ours', () => {
		expect(cacheName('abc123')).toBe('corso-offline-abc123');
		expect(
			staleCaches(
				['corso-offline-old', 'corso-offline-abc123', 'another-app', 'workbox-x'],
				'abc123'
			)
		).toEqual(['corso-offline-old']);
	});
});

describe('strategyFor()', () => {
	test.each([
		['a page opened by the browser', get(`${scope}docker/volumi/`, 'navigate'), 'page'],
		['the home page', get(scope, 'navigate'), 'page'],
		['a page fetched to be saved', get(`${scope}en/docker/volumi/`, 'cors'), 'page'],
		['a page asked for as HTML', get(`${scope}x`, 'cors', 'text/html,*/*'), 'page'],
		['a hashed script', get(`${scope}_astro/page.cNngjUgL.js`), 'file'],
		['a search fragment', get(`${scope}pagefind/fragment/it_1.pf_fragment`), 'file'],
		['the favicon', get(`${scope}favicon.svg`), 'file'],
		['the worker itself', get(`${scope}sw.js`), 'network'],
		['the offline manifest', get(`${scope}offline-manifest.json`), 'network'],
		['another site', get('https://example.org/corso/x.js'), 'network'],
		[
			'the same host outside the base',
			get('https://mrossi.github.io/other/', 'navigate'),
			'network',
		],
		['a POST', { ...get(`${scope}docker/`, 'navigate'), method: 'POST' }, 'network'],
	])('%s: %s', (_name, request, expected) => {
		expect(strategyFor(request, scope)).toBe(expected);
	});

	test('works at the root of a host too', () => {
		expect(
			strategyFor(
				get('https://corsi.example.org/docker/', 'navigate'),
				'https://corsi.example.org/'
			)
		).toBe('page');
		expect(
			strategyFor(get('https://corsi.example.org/_astro/a.js'), 'https://corsi.example.org/')
		).toBe('file');
	});
});

describe('pageKey()', () => {
	test('drops query and hash and adds the trailing slash the site uses', () => {
		expect(pageKey(`${scope}docker/volumi?x=1#bind`)).toBe(`${scope}docker/volumi/`);
		expect(pageKey(`${scope}docker/volumi/`)).toBe(`${scope}docker/volumi/`);
		expect(pageKey(`${scope}404.html`)).toBe(`${scope}404.html`);
	});
});

describe('localeOfAddress()', () => {
	test('English under <base>en/, Italian everywhere else', () => {
		expect(localeOfAddress('/corso/en/docker/', '/corso/')).toBe('en');
		expect(localeOfAddress('/corso/en', '/corso/')).toBe('en');
		expect(localeOfAddress('/corso/docker/', '/corso/')).toBe('it');
		expect(localeOfAddress('/corso/english/', '/corso/')).toBe('it');
	});
});
