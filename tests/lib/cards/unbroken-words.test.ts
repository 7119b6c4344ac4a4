import { describe, expect, test } from 'vitest';
import { keepHyphenatedWordsWhole } from '../../../src/lib/cards/unbroken-words';

describe('keepHyphenatedWordsWhole()', () => {
	test('wraps each hyphenated word of an inline code element, and only those', () => {
		expect(keepHyphenatedWordsWhole('<code dir="auto">docker run --rm -it ubuntu</code>')).toBe(
			'<code dir="auto">docker run <span class="unbroken">--rm</span> <span class="unbroken">-it</span> ubuntu</code>'
		);
	});

	test('keeps the text, spaces and escaped characters as they were', () => {
		const html = '<code>VBoxManage  startvm &lt;vm&gt; --type headless</code>';
		const result = keepHyphenatedWordsWhole(html);
		expect(result.replace(/<\/?span[^>]*>/g, '')).toBe(html);
		expect(result).toContain('<span class="unbroken">--type</span>');
	});

	test('leaves code blocks, whose code holds markup, alone', () => {
		const block = '<pre><code><div class="ec-line">RUN apt-get -y</div></code></pre>';
		expect(keepHyphenatedWordsWhole(block)).toBe(block);
	});

	test('lets a word longer than a narrow cell break', () => {
		const long = '<code>--mount type=bind,src=config,dst=/etc/config,readonly</code>';
		expect(keepHyphenatedWordsWhole(long)).toBe(
			'<code><span class="unbroken">--mount</span> type=bind,src=config,dst=/etc/config,readonly</code>'
		);
	});

	test('counts an escaped character as one', () => {
		// 28 characters as shown, 34 as written.
		const html = '<code>&lt;nome-della-mia-vm-di-prova&gt;</code>';
		expect(keepHyphenatedWordsWhole(html)).toBe(
			'<code><span class="unbroken">&lt;nome-della-mia-vm-di-prova&gt;</span></code>'
		);
	});
});
