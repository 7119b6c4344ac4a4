import { useMemo } from 'preact/hooks';
import type { SaveFailure } from '../../lib/quiz/progress.ts';
import type { QuizState } from '../../lib/quiz/session.ts';
import { useT } from '../shared/strings.ts';

interface Props {
	/** Stored data that could not be used, offered for download. */
	setAside: QuizState['setAside'];
	/** Why the last save was refused, if it was. */
	saveFailure: SaveFailure | null;
}

/** What the learner must know about their stored progress: set aside, or not being kept. */
export function StorageNotices({ setAside, saveFailure }: Props) {
	const t = useT();
	// One object URL for the data set aside, not a new one at every render.
	const setAsideUrl = useMemo(
		() => setAside && URL.createObjectURL(new Blob([setAside.text], { type: 'text/plain' })),
		[setAside]
	);
	return (
		<>
			{setAside && (
				<div class="quiz-notice" role="status">
					<p>{t(`quiz.storage.${setAside.problem}`)}</p>
					<p>
						<a href={setAsideUrl} download="quiz-progress-set-aside.txt">
							{t('quiz.storage.download')}
						</a>
					</p>
				</div>
			)}
			{saveFailure && (
				<p class="quiz-notice" role="status">
					{t(`quiz.storage.${saveFailure}`)}
				</p>
			)}
		</>
	);
}
