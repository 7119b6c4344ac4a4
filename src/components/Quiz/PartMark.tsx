import type { Part } from '../../lib/quiz/score.ts';
import { useT } from '../shared/strings.ts';

const symbols: Record<Part['verdict'], string> = { correct: '✓', incorrect: '✗', missed: '○' };

/**
 * A mark beside a part once checked: a symbol for the eye, a word for screen readers. `words`
 * says what the mark means where it is not plainly right or wrong (`quiz.verdict.ordering`: an
 * item follows the right one, or not).
 */
export function PartMark({
	verdict,
	words = 'quiz.verdict',
}: {
	verdict: Part['verdict'] | undefined;
	words?: string;
}) {
	const t = useT();
	if (!verdict) return null;
	const key = `${words}.${verdict}`;
	const text = t(key);
	return (
		<span class={`quiz-mark quiz-mark-${verdict}`}>
			<span aria-hidden="true">{symbols[verdict]}</span>
			<span class="sr-only">{` (${text === key ? t(`quiz.verdict.${verdict}`) : text})`}</span>
		</span>
	);
}
