/**
 * How a chapter's "run this" buttons talk to its playground: an event on `document` naming the
 * playground, and, while the playground is not on the page yet, a queue on its mount point.
 */

/** The event a run button sends. */
export const runEvent = 'docker-playground:run';

/** What the event carries: the playground's id and the lines to run. */
export interface RunDetail {
	target: string;
	commands: string[];
}

/**
 * The runnable lines of a shell block: lines continued with `\` joined, comments and blank lines
 * left out. A block with a placeholder (`<name>`, `...`) or a line that is not a command the
 * playground knows is not runnable as it stands: none then.
 */
export function runnableLines(code: string): string[] {
	const lines = code
		.replace(/\\\r?\n[ \t]*/g, ' ')
		.split(/\r?\n/)
		.map((text) => text.trim().replace(/^\$\s+/, ''))
		.filter((text) => text && !text.startsWith('#'));
	if (!lines.some((text) => /^(?:sudo\s+)?docker(?:-compose)?\s/.test(text))) return [];
	const runnable = lines.every(
		(text) =>
			/^(?:sudo\s+)?(?:docker|docker-compose|curl|echo|cat|ls|pwd)\b/.test(text) &&
			!/<[^>]*>|\.\.\.|…/.test(text)
	);
	return runnable ? lines : [];
}
