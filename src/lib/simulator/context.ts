/**
 * The work of one command: the host being changed (a copy of the caller's), the random source,
 * and helpers to answer with Docker's output or with a message of the table and its explanation.
 */
import { formatMessage, messages, type MessageId } from './messages.ts';
import type { Rng } from './random.ts';
import { usageOf } from './usage.ts';
import type { CommandResult, Explanation, HostState } from './types.ts';

/** One command's working state. */
export interface Context {
	state: HostState;
	rng: Rng;
}

/** An answer before the command line is attached. */
export type Answer = Omit<CommandResult, 'command'>;

/** A successful answer. */
export function ok(output: string | string[] = ''): Answer {
	return { exitCode: 0, output: Array.isArray(output) ? output.join('\n') : output };
}

/** A failure with a message of the table, its explanation, and what goes around it. */
export function fail(
	id: MessageId,
	params: Record<string, string | number>,
	options: {
		exitCode?: number;
		prefix?: string;
		suffix?: string;
		before?: string[];
		explain?: Record<string, string | number>;
	} = {}
): Answer {
	// The CLI's own errors end with the command's usage line.
	const filled =
		'command' in params && !('usage' in params)
			? { ...params, usage: usageOf(String(params['command'])) }
			: params;
	const text = `${options.prefix ?? ''}${formatMessage(id, filled)}${options.suffix ?? ''}`;
	const explanation: Explanation = {
		key: messages[id].explanation,
		params: { ...params, ...(options.explain ?? {}) },
	};
	return {
		exitCode: options.exitCode ?? 1,
		output: [...(options.before ?? []), text].join('\n'),
		explanation,
	};
}

/** A daemon error as `docker` prints it: `Error response from daemon: …`. */
export function daemonError(
	id: MessageId,
	params: Record<string, string | number>,
	options: {
		exitCode?: number;
		run?: string;
		before?: string[];
		explain?: Record<string, string | number>;
	} = {}
): Answer {
	// `docker run` and `docker create` prefix `docker: ` and add a pointer to their help (CLI v28).
	return fail(id, params, {
		exitCode: options.exitCode ?? (options.run ? 125 : 1),
		prefix: options.run ? 'docker: Error response from daemon: ' : 'Error response from daemon: ',
		suffix: options.run ? `\n\nRun 'docker ${options.run} --help' for more information` : '',
		...(options.before && { before: options.before }),
		...(options.explain && { explain: options.explain }),
	});
}
