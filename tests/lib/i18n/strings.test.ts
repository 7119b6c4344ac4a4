import { describe, expect, test } from 'vitest';
import { stringsWithPrefix, translator } from '../../../src/lib/i18n/strings';

describe('stringsWithPrefix()', () => {
	test('keeps the string entries of one prefix', () => {
		expect(
			stringsWithPrefix(
				{ 'quiz.check': 'Controlla', 'quiz.n': 3, 'builder.copy': 'Copia' },
				'quiz.'
			)
		).toEqual({ 'quiz.check': 'Controlla' });
	});
});

describe('translator()', () => {
	const t = translator({ 'quiz.score': '{n} punti su {total}', 'quiz.check': 'Controlla' });

	test('reads a string by its full key', () => {
		expect(t('quiz.check')).toBe('Controlla');
	});

	test('fills placeholders', () => {
		expect(t('quiz.score', { n: 2, total: 5 })).toBe('2 punti su 5');
	});

	test('shows the key of a missing string, so the gap is visible and not blank', () => {
		expect(t('quiz.missing')).toBe('quiz.missing');
	});
});
