/**
 * Runs a lab exercise on the simulated Docker host: the starting commands, then the learner's
 * commands with their edited files, on a fresh host with a fixed seed, and checks the goals. This
 * module brings the whole simulator with it, so quiz pages load it through `lab-engine.ts`, and
 * only when they hold a lab.
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import { checkGoals, explainGoal, type GoalCheck } from '../simulator/goals.ts';
import { createHost, explain, runCommand, scriptLines } from '../simulator/index.ts';
import type { CommandResult, HostState } from '../simulator/types.ts';
import type { RightAnswer } from './attempt.ts';
import { labAnswered, type AnswerOf, type Part, type Score } from './score.ts';
import type { QuestionOf } from './schema.ts';
import { listOf } from './wording.ts';

/** What a learner gives for a lab: the commands as typed, and the editable files as edited. */
export interface LabWork {
	commands: string;
	/** Edited files, path → text; a file not listed keeps its starting text. */
	files: Record<string, string>;
}

/** How a lab went: the learner's commands with Docker's answers, and each goal's check. */
export interface LabRun {
	transcript: CommandResult[];
	checks: GoalCheck[];
}

/** Every lab host starts from the same seed, so ids and addresses are the same for everyone. */
export const labSeed = 1;

/** More commands than a lab needs are not run: a paste of a long script should not hang the page. */
export const maxLabCommands = 60;

const cache = new Map<string, LabRun>();

/** The host after the starting commands, with the learner's files in place of the editable ones. */
function startHost(question: QuestionOf<'lab'>, files: Record<string, string>): HostState {
	let state = createHost({ seed: labSeed, files: question.start.files });
	for (const line of question.start.commands) state = runCommand(state, line).state;
	const edited = Object.fromEntries(
		Object.entries(files).filter(([path]) => question.editable.includes(path))
	);
	return { ...state, files: { ...state.files, ...edited } };
}

/**
 * Runs the learner's work and checks the goals. Pure and deterministic; the last few runs are
 * kept, because a quiz scores a checked answer again each time it draws the page.
 */
export function runLab(question: QuestionOf<'lab'>, work: LabWork): LabRun {
	const key = JSON.stringify([question.id, question.start, question.goals, work]);
	const kept = cache.get(key);
	if (kept) return kept;
	let state = startHost(question, work.files);
	const transcript: CommandResult[] = [];
	for (const line of scriptLines(work.commands).slice(0, maxLabCommands)) {
		const { state: next, result } = runCommand(state, line.replace(/^\$\s+/, ''));
		state = next;
		transcript.push(result);
	}
	const run = { transcript, checks: checkGoals(state, transcript, question.goals) };
	if (cache.size >= 20) cache.delete(cache.keys().next().value!);
	cache.set(key, run);
	return run;
}

/** The model solution's work. */
export function solutionWork(question: QuestionOf<'lab'>): LabWork {
	return { commands: question.solution.commands, files: question.solution.files };
}

/** Docker's explanation of an answer, in a language, when it has one. */
export function resultExplanation(result: CommandResult, lang: Locale): string | undefined {
	return result.explanation && explain(result.explanation, lang);
}

/** A goal check's sentence in a language. */
export function checkText(check: GoalCheck, lang: Locale): string {
	return explainGoal(check.explanation, lang);
}

/** A script's command lines as the learner sees them: one per line, continuations joined. */
export function labCommands(text: string): string[] {
	return scriptLines(text);
}

/**
 * A lab is right when the host meets every goal after the learner's commands: all or nothing,
 * since half a running stack is not a running stack. Each goal is a part, so the feedback can say
 * which are met. An empty answer is not run: the starting host may already meet some goals.
 */
export function scoreLab(question: QuestionOf<'lab'>, answer: AnswerOf<'lab'> | undefined): Score {
	const answered = answer !== undefined && labAnswered(question, answer);
	const checks = answered ? runLab(question, answer).checks : [];
	const parts: Part[] = question.goals.map((_, index) => ({
		id: `goal-${index}`,
		verdict: !answered ? 'missed' : checks[index]!.met ? 'correct' : 'incorrect',
	}));
	const right = answered && checks.every((check) => check.met);
	return { points: right ? question.points : 0, max: question.points, parts };
}

/** The hint of a lab not solved: each unmet goal says what is missing, not the whole solution. */
export function labHints(question: QuestionOf<'lab'>, answer: AnswerOf<'lab'>, lang: Locale) {
	return runLab(question, answer)
		.checks.filter((check) => !check.met)
		.map((check) => checkText(check, lang));
}

/** The model solution as the feedback shows it: its commands, and the files it corrects. */
export function labRightAnswer(
	question: QuestionOf<'lab'>,
	lang: Locale,
	t: Translate
): RightAnswer {
	const commands = labCommands(question.solution.commands).map((c) => `\`${c}\``);
	const files = Object.keys(question.solution.files).map((f) => `\`${f}\``);
	const lead = t('quiz.lab.solution');
	return {
		text: `${lead}: ${commands.join('; ')}`,
		list: { lead, items: commands },
		...(files.length > 0 && { note: t('quiz.lab.solutionFiles', { files: listOf(files, lang) }) }),
	};
}
