import { exportProgress, type Progress } from '../../lib/quiz/progress.ts';
import type { QuizState } from '../../lib/quiz/session.ts';
import { download } from '../shared/download.ts';
import { useT } from '../shared/strings.ts';

interface Props {
	progress: Progress;
	/** The attempt's seed, for a link that gives a class the same order. */
	seed: number;
	/** What the last import did. */
	imported: QuizState['imported'];
	/** The text of a file the learner chose to import. */
	onImport: (text: string) => void;
	onReset: () => void;
}

/**
 * The learner's tools for their progress: share the order, start again, export and import. They
 * load when the learner opens them (`<details class="quiz-tools">` in the quiz).
 */
export function ProgressTools({ progress, seed, imported, onImport, onReset }: Props) {
	const t = useT();
	// Relative, so the server can render it: the same page with the attempt's seed.
	const shareUrl = `?seed=${seed}`;
	const exportFile = () =>
		download(
			new Blob([exportProgress(progress)], { type: 'application/json' }),
			'quiz-results.json'
		);
	return (
		<>
			<p>
				<a href={shareUrl}>{t('quiz.shareOrder')}</a>
			</p>
			<p class="quiz-tool-buttons">
				<button
					type="button"
					class="quiz-button"
					onClick={() => confirm(t('quiz.resetConfirm')) && onReset()}
				>
					{t('quiz.reset')}
				</button>
				<button type="button" class="quiz-button" onClick={exportFile}>
					{t('quiz.export')}
				</button>
				<label class="quiz-button quiz-file">
					{t('quiz.import')}
					<input
						type="file"
						accept="application/json,.json"
						onChange={(event) => void event.currentTarget.files?.[0]?.text().then(onImport)}
					/>
				</label>
			</p>
			<p role="status">{imported && t(`quiz.${imported}`)}</p>
		</>
	);
}
