/**
 * The Docker playground's session as data: the command lines run so far, what each answered, and
 * the host they left. The host is never stored: it is the replay of the lines on a fresh host,
 * which the engine makes deterministic, so undoing a command or reopening a shared link is a
 * replay, and what a link or the device keeps is only the lines and the files.
 */
import { runCommand } from './engine.ts';
import { createHost } from './host.ts';
import type { CommandResult, HostState } from './types.ts';

/** What starts a session: the PRNG's seed and the files of the working directory. */
export interface SessionStart {
	seed: number;
	files: Record<string, string>;
}

/** The playground's session. */
export interface Session extends SessionStart {
	/** The lines the engine ran, in order (not `clear`, not blank lines). */
	commands: string[];
	/** The answer to each of `commands`. */
	results: CommandResult[];
	/** The host after the last command. */
	host: HostState;
	/** The index in `results` of the first answer on screen: `clear` moves it to the end. */
	shownFrom: number;
	/** Every line typed, `clear` included, for ↑ and ↓. */
	history: string[];
}

/** The most lines a session keeps: past it the oldest go, so a replay stays quick. */
export const maxCommands = 200;

/** A fresh session: a fresh host, nothing run yet. */
export function newSession(start: Partial<SessionStart> = {}): Session {
	const seed = start.seed ?? 1;
	const files = { ...(start.files ?? {}) };
	return {
		seed,
		files,
		commands: [],
		results: [],
		host: createHost({ seed, files }),
		shownFrom: 0,
		history: [],
	};
}

/** Runs the lines, one after the other, on a fresh host: the session they make. */
export function replay(start: Partial<SessionStart>, commands: readonly string[]): Session {
	let session = newSession(start);
	for (const line of commands.slice(-maxCommands)) session = submit(session, line);
	return session;
}

/** Whether a line asks to clear the screen. */
export function isClear(line: string): boolean {
	return line.trim() === 'clear';
}

/**
 * Runs one typed line. A blank line changes nothing; `clear` empties the screen and keeps the
 * host; any other line goes to the engine, and joins the history unless it repeats the last one.
 */
export function submit(session: Session, line: string): Session {
	const command = line.trim();
	if (!command) return session;
	const history =
		session.history.at(-1) === command ? session.history : [...session.history, command];
	if (isClear(command)) return { ...session, history, shownFrom: session.results.length };
	const { state, result } = runCommand(session.host, command);
	const commands = [...session.commands, command];
	const results = [...session.results, result];
	if (commands.length > maxCommands) {
		// The oldest line goes: the host stays as it is, and the next replay starts later.
		commands.shift();
		results.shift();
	}
	return {
		...session,
		commands,
		results,
		host: state,
		history,
		shownFrom: Math.min(session.shownFrom, results.length - 1),
	};
}

/** The session with an empty screen (Ctrl+L), the host and the history as they were. */
export function clearScreen(session: Session): Session {
	return { ...session, shownFrom: session.results.length };
}

/** The session without its last command (a replay of the others); the history stays. */
export function undo(session: Session): Session {
	if (!session.commands.length) return session;
	const back = replay(session, session.commands.slice(0, -1));
	return {
		...back,
		history: session.history,
		shownFrom: Math.min(session.shownFrom, back.results.length),
	};
}

/** A fresh host and an empty screen; the history stays, so ↑ still finds what was typed. */
export function reset(session: Session): Session {
	return { ...newSession(session), history: session.history };
}

/** The answers on screen. */
export function shownResults(session: Session): CommandResult[] {
	return session.results.slice(session.shownFrom);
}

export { complete, historyAt, historyStep, type Completion } from './prompt.ts';
