/**
 * The Docker command matcher, loaded apart and only by quizzes that ask for Docker commands. It
 * is the largest part of the quiz's code (the CLI reference's aliases and options, and the shell
 * reader under it), and the quizzes on virtualization and most chapters' quizzes have no use for
 * it, so it is not part of every quiz page. Whatever scores a Docker answer — the island, a
 * script, a test — awaits `loadDockerMatcher()` first; scoring one before that is a mistake in the
 * caller and says so, rather than comparing the commands letter by letter without a word.
 */
import type * as Matcher from './docker-command.ts';
import type { Question } from './schema.ts';

let loaded: typeof Matcher | undefined;

/** Loads the matcher (once); afterwards Docker answers are scored like any other. */
export async function loadDockerMatcher(): Promise<typeof Matcher> {
	loaded ??= await import('./docker-command.ts');
	return loaded;
}

/** The loaded matcher; throws when `loadDockerMatcher()` has not resolved yet. */
export function dockerMatcher(): typeof Matcher {
	if (!loaded) {
		throw new Error(
			'A Docker command answer was scored before its matcher was loaded: await loadDockerMatcher() first.'
		);
	}
	return loaded;
}

/** Whether any of the questions is a short answer compared as a Docker command. */
export function asksForDockerCommands(questions: readonly Question[]): boolean {
	return questions.some((question) => question.type === 'short' && question.match === 'docker');
}
