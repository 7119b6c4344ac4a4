/**
 * The lab runner, loaded apart and only by quizzes that hold a lab exercise: it brings the whole
 * simulated Docker host, far larger than the rest of the quiz. Whatever scores a lab — the
 * island, a script, a test — awaits `loadLabEngine()` first; scoring one before that is a mistake
 * in the caller and says so (the same contract as `docker-matcher.ts`).
 */
import type * as Lab from './lab.ts';
import type { Question } from './schema.ts';

let loaded: typeof Lab | undefined;

/** Loads the lab runner (once); afterwards labs are scored like any other question. */
export async function loadLabEngine(): Promise<typeof Lab> {
	loaded ??= await import('./lab.ts');
	return loaded;
}

/** The loaded lab runner; throws when `loadLabEngine()` has not resolved yet. */
export function labEngine(): typeof Lab {
	if (!loaded) {
		throw new Error('A lab was scored before loadLabEngine() resolved.');
	}
	return loaded;
}

/** Whether the lab runner has been loaded, so a view can wait for it instead of failing. */
export function labEngineLoaded(): boolean {
	return loaded !== undefined;
}

/** Whether any of the questions is a lab exercise. */
export function asksForLabs(questions: readonly Question[]): boolean {
	return questions.some((question) => question.type === 'lab');
}

/**
 * Whether the device holds an answer to one of these labs: a quiz that opens on it must have the
 * runner first, to score it. Other quizzes with labs open at once and load it when a lab is tried,
 * checked or handed in.
 */
export function holdsLabAnswers(
	questions: readonly Question[],
	answered: Readonly<Record<string, unknown>>
): boolean {
	return questions.some(
		(question) => question.type === 'lab' && Object.hasOwn(answered, question.id)
	);
}
