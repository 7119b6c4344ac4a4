import type { Part } from '../../lib/quiz/score.ts';
import { useT } from '../shared/strings.ts';

const symbols: Record<Part['verdict'], string> = { correct: '✓', incorrect: '✗', missed: '○' };

/** A mark beside a part once checked: a symbol for the eye, a word for screen readers. */
export function PartMark({ verdict }: { verdict: Part['verdict'] | undefined }) {
	const t = useT();
	if (!verdict) return null;
	return (
		<span class={`quiz-mark quiz-mark-${verdict}`}>
			<span aria-hidden="true">{symbols[verdict]}</span>
			<span class="sr-only">{` (${t(`quiz.verdict.${verdict}`)})`}</span>
		</span>
	);
}
