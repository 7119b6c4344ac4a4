import { describe, expect, test } from 'vitest';
import {
	categoryPath,
	decodeEntities,
	formatNumber,
	htmlToText,
	isMoodleFraction,
	markdownToText,
	moodleNotes,
	percentOf,
	textToHtml,
	textToPlain,
} from '../../../src/lib/quiz/moodle';
import { BankSchema } from '../../../src/lib/quiz/schema';
import { question, t } from './fixtures';

describe('textToHtml() and htmlToText()', () => {
	test('our text becomes HTML that shows the same words, code as code', () => {
		expect(textToHtml('Run `docker run <image>` & "see"\nthen stop')).toBe(
			'Run <code>docker run &lt;image&gt;</code> &amp; &quot;see&quot;<br>then stop'
		);
	});

	test('and comes back unchanged', () => {
		for (const text of [
			'Run `docker run <image>` & "see"\nthen stop',
			"L'host, 50%: a < b > c, `a && b`",
			'Un ` solo, e `due` backtick',
		])
			expect(htmlToText(textToHtml(text))).toBe(text);
	});

	test('tags go, line and paragraph breaks stay, entities are decoded last', () => {
		expect(
			htmlToText(
				'<p dir="ltr" title="a > b">Uno&nbsp;<b>due</b></p>\n<p>tre<br/>quattro &lt;b&gt; &#233; &#x2014; &hellip;</p>'
			)
		).toBe('Uno due\ntre\nquattro <b> é — …');
	});

	test('scripts, styles and comments go with what they hold; a lone < stays', () => {
		expect(
			htmlToText('a <script>alert(1)</script>b<style>p{}</style> <!-- x -->c < d <SCRIPT>e')
		).toBe('a b c < d');
	});

	test('spaces collapse as in a browser', () => {
		expect(htmlToText('  uno \n\t due  <br>  tre ')).toBe('uno due\ntre');
	});

	test('an unknown entity or one that is no character stays as written', () => {
		expect(decodeEntities('&madeup; &#0; &#xD800; &amp;')).toBe('&madeup; &#0; &#xD800; &');
	});

	test('textToPlain() drops only the backticks', () => {
		expect(textToPlain('`docker rm web` e <b>')).toBe('docker rm web e <b>');
	});
});

describe('markdownToText()', () => {
	test('keeps code, drops emphasis, headings and escapes, and spells links out', () => {
		expect(
			markdownToText(
				'## Domanda\nCon **`docker ps`** vedi *solo* i container __attivi__, \\*non\\* gli altri: [guida](https://docs.docker.com "Docker").'
			)
		).toEqual({
			ok: true,
			text: 'Domanda\nCon `docker ps` vedi solo i container attivi, *non* gli altri: guida (https://docs.docker.com).',
		});
	});

	test('leaves snake_case and 2*3*4 alone', () => {
		expect(markdownToText('la variabile max_size_mb e 2*3*4')).toEqual({
			ok: true,
			text: 'la variabile max_size_mb e 2*3*4',
		});
	});

	test.each([
		['an image', 'Guarda ![schema](vm.png)', /image/],
		['a code block', 'Esegui:\n```\ndocker ps\n```', /code block/],
		['HTML', 'Testo <b>in grassetto</b>', /HTML/],
	])('refuses %s, in both languages, saying what to do', (_, markdown, what) => {
		const result = markdownToText(markdown);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason.en).toMatch(what);
		expect(result.reason.en).toMatch(
			/rewrite it as plain text .* or export the question from Moodle as HTML/
		);
		expect(result.reason.it).toMatch(/riscrivilo come testo semplice/);
	});

	test('HTML inside code is code, not HTML', () => {
		expect(markdownToText('Scrivi `<none>`')).toEqual({ ok: true, text: 'Scrivi `<none>`' });
	});
});

describe('Moodle grades', () => {
	test('the fractions Moodle lists, positive or negative, and no others', () => {
		for (const fraction of [
			1,
			0.5,
			1 / 3,
			2 / 3,
			0.25,
			0.2,
			1 / 6,
			1 / 7,
			0.125,
			1 / 9,
			0.1,
			0.05,
			0,
		])
			expect(isMoodleFraction(fraction), String(fraction)).toBe(true);
		expect(isMoodleFraction(-1 / 3)).toBe(true);
		expect(isMoodleFraction(0.35)).toBe(false);
		expect(isMoodleFraction(1 / 11)).toBe(false);
	});

	test('percentOf() writes the seven decimals Moodle matches', () => {
		expect([1, 1 / 3, -1 / 3, 1 / 7, 0].map(percentOf)).toEqual([
			'100',
			'33.33333',
			'-33.33333',
			'14.28571',
			'0',
		]);
	});

	test('formatNumber() never writes an exponent', () => {
		expect([4, -0.5, 1e-7, 1e21].map(formatNumber)).toEqual([
			'4',
			'-0.5',
			'0.0000001',
			'1000000000000000000000',
		]);
	});

	test('moodleNotes() tells a weight Moodle would refuse and negative marking on true/false', () => {
		const bank = BankSchema().parse({
			topic: 'docker',
			title: t('Docker'),
			penalty: 0.25,
			questions: [
				question('multiple', {
					id: 'odd-weights',
					choices: [
						{ id: 'a', text: t('A'), correct: true, weight: 0.35 },
						{ id: 'b', text: t('B'), correct: true, weight: 0.65 },
						{ id: 'c', text: t('C'), weight: -0.5 },
					],
				}),
				question('truefalse', { id: 'tf', answer: true }),
				question('single', {
					id: 'fine',
					choices: [
						{ id: 'a', text: t('A'), correct: true },
						{ id: 'b', text: t('B') },
					],
				}),
			],
		});
		const notes = moodleNotes([bank]);
		expect(notes.map((n) => n.question)).toEqual(['odd-weights', 'odd-weights', 'tf']);
		expect(notes[0]?.message.en).toMatch(
			/^choice a is worth 35%, which is not one of Moodle's grades/
		);
		expect(notes[0]?.message.it).toMatch(/^la scelta a vale 35%/);
		expect(notes[2]?.message.en).toBe(
			'in Moodle a wrong true/false answer scores 0, not −0.25 × the points as on the site'
		);
	});
});

describe('categoryPath()', () => {
	test('the course, then the bank, a slash in a name doubled as Moodle writes it', () => {
		expect(categoryPath({ title: t('Docker') }, 'it')).toBe(
			'Virtualizzazione e Docker/Docker (it)'
		);
		expect(categoryPath({ title: { it: 'VM/container', en: 'VMs / containers' } }, 'en')).toBe(
			'Virtualization and Docker/VMs // containers'
		);
	});
});
