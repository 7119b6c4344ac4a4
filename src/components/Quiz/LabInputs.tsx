import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n/locale.ts';
import type { Translate } from '../../lib/i18n/strings.ts';
import {
	checkText,
	labCommands,
	maxLabCommands,
	resultExplanation,
	runLab,
	type LabRun,
} from '../../lib/quiz/lab.ts';
import type { QuestionOf } from '../../lib/quiz/schema.ts';
import { useT } from '../shared/strings.ts';
import type { InputsProps } from './QuestionView.tsx';

/** The id of a lab's commands field, where the keyboard goes back to after a retry. */
export const labCommandsId = (question: Pick<QuestionOf<'lab'>, 'id'>) =>
	`q-${question.id}-commands`;

/**
 * A lab exercise: a text area per file the learner may edit (it starts with the file as given),
 * one for the commands, and a Try button that runs them on the simulated host and shows Docker's
 * answers and the goals, without counting as an attempt; the quiz's Check button scores it. This
 * module brings the simulator, so the quiz loads it only for a question that is a lab.
 */
export function LabInputs(props: InputsProps<QuestionOf<'lab'>>) {
	const t = useT();
	const { question, answer, lang, locked } = props;
	const work = answer.type === 'lab' ? answer : { type: 'lab' as const, commands: '', files: {} };
	const [tried, setTried] = useState<LabRun | undefined>();
	const edit = (change: Partial<{ commands: string; files: Record<string, string> }>) => {
		setTried(undefined);
		props.onAnswer({ ...work, ...change });
	};
	const tryIt = () => {
		const run = runLab(question, work);
		setTried(run);
		const met = run.checks.filter((check) => check.met).length;
		props.announce(
			met === run.checks.length
				? t('quiz.lab.allMet')
				: t('quiz.lab.someMet', { met, total: run.checks.length })
		);
	};
	// Once checked, the transcript of the checked answer stays in view; the feedback lists the goals.
	const checked = locked && answer.type === 'lab' ? runLab(question, work) : undefined;
	const commandsId = labCommandsId(question);
	return (
		<div class="quiz-lab">
			{question.editable.map((path, index) => {
				const id = `q-${question.id}-file-${index}`;
				const text = work.files[path] ?? question.start.files[path] ?? '';
				return (
					<p class="quiz-field quiz-lab-field" key={path}>
						<label for={id}>{t('quiz.lab.file', { path })}</label>
						<span id={`${id}-hint`} class="quiz-hint">
							{t('quiz.lab.fileHint')}
						</span>
						<textarea
							id={id}
							class="quiz-code-input quiz-lab-text"
							data-part="files"
							rows={Math.min(14, text.split('\n').length + 1)}
							value={text}
							disabled={locked}
							spellcheck={false}
							autocomplete="off"
							autocapitalize="off"
							aria-describedby={`${id}-hint`}
							onInput={(event) =>
								edit({ files: { ...work.files, [path]: event.currentTarget.value } })
							}
						/>
					</p>
				);
			})}
			<p class="quiz-field quiz-lab-field">
				<label for={commandsId}>{t('quiz.lab.commands')}</label>
				<span id={`${commandsId}-hint`} class="quiz-hint">
					{t('quiz.lab.commandsHint')}
				</span>
				<textarea
					id={commandsId}
					class="quiz-code-input quiz-lab-text"
					data-part="commands"
					rows={5}
					value={work.commands}
					disabled={locked}
					spellcheck={false}
					autocomplete="off"
					autocapitalize="off"
					aria-describedby={`${commandsId}-hint`}
					onInput={(event) => edit({ commands: event.currentTarget.value })}
				/>
			</p>
			{!locked && (
				<p class="quiz-lab-try">
					<button
						type="button"
						class="quiz-button"
						onClick={tryIt}
						aria-describedby={`${commandsId}-try`}
					>
						{t('quiz.lab.try')}
					</button>{' '}
					<span id={`${commandsId}-try`} class="quiz-hint">
						{t('quiz.lab.tryHelp')}
					</span>
				</p>
			)}
			{tried && !locked && labCommands(work.commands).length > maxLabCommands && (
				<p class="quiz-hint">{t('quiz.lab.truncated', { max: maxLabCommands })}</p>
			)}
			{tried && !locked && <LabReport question={question} run={tried} lang={lang} goals />}
			{checked && <LabReport question={question} run={checked} lang={lang} goals={false} />}
		</div>
	);
}

/** What Docker answered to each command, as plain text, and, after a try, each goal's check. */
function LabReport(props: {
	question: QuestionOf<'lab'>;
	run: LabRun;
	lang: Locale;
	goals: boolean;
}) {
	const t = useT();
	const { question, run, lang } = props;
	const id = `q-${question.id}-transcript`;
	return (
		<div class="quiz-lab-report">
			<p id={`${id}-title`} class="quiz-lab-title">
				{t('quiz.lab.transcript')}
			</p>
			{/* Text nodes only: what a command printed is never read as HTML. */}
			<pre id={id} class="quiz-lab-transcript" tabIndex={0} aria-labelledby={`${id}-title`}>
				{transcriptText(run, lang, t)}
			</pre>
			{props.goals && (
				<>
					<p class="quiz-lab-title">{t('quiz.lab.goals')}</p>
					<ul class="quiz-lab-goals">
						{run.checks.map((check, index) => (
							<li key={index} class={check.met ? 'quiz-lab-met' : 'quiz-lab-unmet'}>
								<strong>{t(check.met ? 'quiz.lab.met' : 'quiz.lab.unmet')}:</strong>{' '}
								{checkText(check, lang)}
							</li>
						))}
					</ul>
				</>
			)}
		</div>
	);
}

/** `$ command`, what it printed, a line with the exit code when it failed, Docker's explanation. */
function transcriptText(run: LabRun, lang: Locale, t: Translate): string {
	if (run.transcript.length === 0) return t('quiz.lab.noCommands');
	const lines = run.transcript.flatMap((result) => {
		const explanation = resultExplanation(result, lang);
		return [
			`$ ${result.command}`,
			...(result.output ? [result.output] : []),
			...(result.exitCode !== 0 ? [`(${t('quiz.lab.exitCode', { code: result.exitCode })})`] : []),
			...(explanation ? [`» ${explanation}`] : []),
		];
	});
	return lines.join('\n');
}
