/**
 * A session written out as text, the way the course shows terminal sessions: each command after
 * `$ `, its output, and the explanation of an error on a line starting with `» `.
 */
import { explain } from './explain.ts';
import type { CommandResult } from './types.ts';

/** How to write the transcript. */
export interface TranscriptOptions {
	lang: 'it' | 'en';
	/** Add `[exit N]` after a command that failed. */
	exitCodes?: boolean;
}

/** The transcript of a list of results, ending with a line break. */
export function formatTranscript(results: CommandResult[], options: TranscriptOptions): string {
	const lines: string[] = [];
	for (const result of results) {
		lines.push(`$ ${result.command}`);
		if (result.output) lines.push(result.output);
		if (options.exitCodes && result.exitCode !== 0) lines.push(`[exit ${result.exitCode}]`);
		if (result.explanation) lines.push(`» ${explain(result.explanation, options.lang)}`);
	}
	return `${lines.join('\n')}\n`;
}
