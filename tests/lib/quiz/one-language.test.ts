import { beforeAll, describe, expect, test } from 'vitest';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';
import { translator } from '../../../src/lib/i18n/strings';
import { rightAnswer } from '../../../src/lib/quiz/attempt';
import { loadBankFiles } from '../../../src/lib/quiz/files';
import { loadLabEngine } from '../../../src/lib/quiz/lab-engine';
import { questionsIn } from '../../../src/lib/quiz/one-language';
import { matchingOptions } from '../../../src/lib/quiz/score';
import { question, t } from './fixtures';

const translators = { it: translator(italian), en: translator(english) };
const banks = loadBankFiles(process.cwd()).flatMap((loaded) => loaded.bank?.questions ?? []);

// The banks hold labs, whose right answer the lab runner words.
beforeAll(async () => {
	await loadLabEngine();
});

describe('questionsIn()', () => {
	test.each(['it', 'en'] as const)('keeps the %s text and empties the other', (lang) => {
		const other = lang === 'it' ? 'en' : 'it';
		const single = question('single', {
			choices: [
				{ id: 'a', text: t('A'), correct: true, feedback: t('Why A') },
				{ id: 'b', text: t('B') },
			],
		});
		const [trimmed] = questionsIn(lang, [single]);
		expect(trimmed).toMatchObject({
			id: single.id,
			prompt: { [lang]: single.prompt[lang], [other]: '' },
			review: { [lang]: single.review[lang], [other]: '' },
			choices: [
				{ id: 'a', correct: true, text: { [lang]: `A (${lang})`, [other]: '' } },
				{ id: 'b', correct: false, text: { [lang]: `B (${lang})`, [other]: '' } },
			],
		});
		expect(trimmed?.type === 'single' && trimmed.choices[0]?.feedback?.[lang]).toBe(
			`Why A (${lang})`
		);
	});

	test('empties the answers a short question accepts in the other language', () => {
		const short = question('short', { accepted: { it: ['rete'], en: ['network'] } });
		const [trimmed] = questionsIn('en', [short]);
		expect(trimmed?.type === 'short' && trimmed.accepted).toEqual({ it: [], en: ['network'] });
	});

	test('keeps both languages of a matching question’s right-hand texts, which identify its options', () => {
		const matching = question('matching', {
			pairs: [
				{ id: 'p1', left: t('L1'), right: t('Same') },
				{ id: 'p2', left: t('L2'), right: t('Same') },
				{ id: 'p3', left: t('L3'), right: t('Other') },
			],
		});
		const [trimmed] = questionsIn('en', [matching]);
		if (trimmed?.type !== 'matching') throw new Error('not a matching question');
		expect(matchingOptions(trimmed)).toEqual(matchingOptions(matching));
		expect(trimmed.pairs[0]?.left).toEqual({ it: '', en: 'L1 (en)' });
	});

	test.each(['it', 'en'] as const)(
		'gives every question of the banks the same ids and right answers in %s, in far fewer bytes',
		(lang) => {
			expect(banks.length).toBeGreaterThan(50);
			const trimmed = questionsIn(lang, banks);
			expect(trimmed.map((q) => q.id)).toEqual(banks.map((q) => q.id));
			trimmed.forEach((q, index) => {
				const original = banks[index]!;
				expect(rightAnswer(q, lang, translators[lang])).toBe(
					rightAnswer(original, lang, translators[lang])
				);
			});
			expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(banks).length * 0.65);
		}
	);

	test('does not change the questions it is given', () => {
		const before = JSON.stringify(banks);
		questionsIn('en', banks);
		expect(JSON.stringify(banks)).toBe(before);
	});
});
