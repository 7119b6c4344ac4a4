import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages } from '../../scripts/built-site';

const docs = join(process.cwd(), 'src/content/docs');

function contentPages(dir: string, skip?: string): string[] {
	const found: string[] = [];
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) {
				if (path !== skip) walk(path);
			} else if (/\.mdx?$/.test(entry.name)) {
				found.push(relative(dir, path).split(sep).join('/'));
			}
		}
	};
	walk(dir);
	return found.sort();
}

/** What a reader finds in a page: its h2/h3 headings (count) and the components it uses, in order. */
function structure(file: string) {
	const source = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
	// Code blocks may hold `#` comments and `<tags>` that are not part of the page's structure.
	const prose = source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm, '');
	return {
		h2: prose.match(/^## /gm)?.length ?? 0,
		h3: prose.match(/^### /gm)?.length ?? 0,
		components: [...prose.matchAll(/<([A-Z][\w.]*)/g)].map((match) => match[1]),
	};
}

function uiKeys(lang: string): string[] {
	const strings = JSON.parse(
		readFileSync(join(process.cwd(), `src/content/i18n/${lang}.json`), 'utf8')
	) as Record<string, string>;
	for (const [key, value] of Object.entries(strings)) {
		expect(value.trim(), `${lang}.json: "${key}" is empty`).not.toBe('');
	}
	return Object.keys(strings).sort();
}

describe('translation parity', () => {
	test('every Italian page has its English twin at the same path, and vice versa', () => {
		const italian = contentPages(docs, join(docs, 'en'));
		const english = contentPages(join(docs, 'en'));
		expect(italian.length).toBeGreaterThan(0);
		expect(english).toEqual(italian);
	});

	test.each(contentPages(docs, join(docs, 'en')))(
		'%s and its English twin have the same sections, figures and components',
		(page) => {
			expect(structure(join(docs, 'en', page))).toEqual(structure(join(docs, page)));
		}
	);

	test('every built Italian page has an English page at /en/ and vice versa', () => {
		const built = builtPages().filter((page) => !page.startsWith('pagefind/'));
		const english = built.filter((page) => page.startsWith('en/')).map((page) => page.slice(3));
		// The root 404.html is what GitHub Pages serves for any missing path; English has its own.
		const italian = built.filter((page) => !page.startsWith('en/') && page !== '404.html');
		expect(english.filter((page) => page !== '404/')).toEqual(italian);
	});

	test('every UI string exists in both languages', () => {
		expect(uiKeys('en')).toEqual(uiKeys('it'));
	});

	test.each(readdirSync(join(process.cwd(), 'src/content/figures')))(
		'figure %s has the same labels, none empty, in both languages',
		(file) => {
			const strings = JSON.parse(
				readFileSync(join(process.cwd(), 'src/content/figures', file), 'utf8')
			) as Record<'it' | 'en', Record<string, string>>;
			expect(Object.keys(strings).sort()).toEqual(['en', 'it']);
			expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.it).sort());
			for (const lang of ['it', 'en'] as const) {
				for (const [key, value] of Object.entries(strings[lang])) {
					expect(value.trim(), `${file}: ${lang}.${key} is empty`).not.toBe('');
				}
				for (const key of ['title', 'desc', 'caption']) {
					expect(strings[lang][key], `${file}: ${lang}.${key} is required`).toBeTruthy();
				}
			}
		}
	);
});
