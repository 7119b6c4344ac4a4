/**
 * What every part of the Dockerfile builder needs from the island, given once at its root: the
 * reducer's dispatch, its DOM ids, focus and the live region; and, apart, the findings by node.
 * Strings come from the shared `TranslateContext` (`useT()`), not from here.
 */
import { createContext } from 'preact';
import { useContext, useRef } from 'preact/hooks';
import type { BuilderAction, ParseDockerfile } from '../../lib/dockerfile/builder.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import type { Locale } from '../../lib/i18n/locale.ts';

export interface BuilderView {
	lang: Locale;
	/** Applies a change to the builder's state (`src/lib/dockerfile/builder.ts`). */
	dispatch: (action: BuilderAction) => void;
	/** Dispatches an action that reads text, once the parser (loaded on demand) is there. */
	withParser: (action: (parse: ParseDockerfile) => BuilderAction) => void;
	/** Reads the paste box's text into the form, in a worker when the browser has them. */
	paste: (text: string) => void;
	/** Gets the worker ready while the learner fills the paste box. */
	preparePaste: () => void;
	/** A DOM id unique to this builder: `id('i3', 'path')`. */
	id: (...parts: string[]) => string;
	/** Moves focus to the element with this id once the next render is on screen. */
	focusLater: (id: string) => void;
	/** Says something through the builder's live region. */
	announce: (message: string) => void;
	/** The id of the item being dragged, if any. */
	dragged: { current: string | null };
}

export const BuilderContext = createContext<BuilderView | null>(null);

/** The builder's context; only used inside the island. */
export function useBuilder(): BuilderView {
	const view = useContext(BuilderContext);
	if (!view) throw new Error('useBuilder() outside the Dockerfile builder');
	return view;
}

/**
 * The findings about a node, by its id: a context of its own, which changes at every check, so
 * that the parts that need only the builder's context (the findings list) are not drawn again.
 */
export const FindingsContext = createContext<(nodeId: string) => readonly Finding[]>(() => []);

/**
 * The line each node starts on in the printed file, by its id: what the form numbers its boxes
 * with, the line a finding names. A context of its own, read only by the numbers.
 */
export const LinesContext = createContext<ReadonlyMap<string, number>>(new Map());

/** The lines as before while no number changed, so that typing in a field redraws no number. */
export function useStableLines(lines: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
	const kept = useRef(lines);
	const before = kept.current;
	const same =
		before.size === lines.size && [...lines].every(([nodeId, line]) => before.get(nodeId) === line);
	if (!same) kept.current = lines;
	return kept.current;
}
