import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/**
 * A quiz page can hold ninety questions: laying them all out and hydrating them at once keeps a
 * phone busy for most of a second, in one task. So the server renders only the first few rows,
 * the island hydrates those without rebuilding them (Preact leaves an element with
 * `dangerouslySetInnerHTML` untouched while hydrating), and every row then takes its turn, one
 * per task: the first ones get their handlers, the others their content. The quiz stays inert
 * until the rows the server rendered are live, and busy until every row is there.
 */
export interface RowQueue {
	/** True while the island hydrates the server's markup. */
	hydrating: boolean;
	/** Queues a row's activation; each runs in a task of its own, in the order queued. */
	add(activate: () => void, rendered: boolean): void;
	/** Calls `live` once every row queued with markup to keep (`rendered`) has been activated. */
	whenLive(live: () => void): void;
	/** Calls `drained` once every queued row has been activated. */
	whenDrained(drained: () => void): void;
}

/** How many rows the server renders in full: more than a screen holds. */
export const renderedRows = 5;

/** A queue for one quiz; `hydrating` only in a browser, and only when the quiz asks for it. */
export function createRowQueue(deferred: boolean): RowQueue {
	const waiting: { activate: () => void; rendered: boolean }[] = [];
	let renderedLeft = 0;
	let live: (() => void) | undefined;
	let drained: (() => void) | undefined;
	const step = () => {
		const next = waiting.shift();
		next?.activate();
		if (next?.rendered && --renderedLeft === 0) live?.();
		if (waiting.length > 0) setTimeout(step, 0);
		else drained?.();
	};
	return {
		hydrating: deferred && typeof window !== 'undefined',
		add(activate, rendered) {
			if (rendered) renderedLeft++;
			waiting.push({ activate, rendered });
			if (waiting.length === 1) setTimeout(step, 0);
		},
		whenLive(callback) {
			if (renderedLeft > 0) live = callback;
			else callback();
		},
		whenDrained(callback) {
			if (waiting.length > 0) drained = callback;
			else callback();
		},
	};
}

/** The queue of the quiz being rendered; without one, rows render at once. */
export const RowQueueContext = createContext<RowQueue | undefined>(undefined);

/**
 * A question's row. With a queue: the first rows (`index < renderedRows`) render on the server,
 * stay as they are while the island hydrates, then come alive in turn; the others are empty until
 * their turn, on the server and in the browser alike, and so are they when the quiz draws anew.
 */
export function DeferredRow({ index, children }: { index: number; children: ComponentChildren }) {
	const queue = useContext(RowQueueContext);
	const early = index < renderedRows;
	const [active, setActive] = useState(() => !queue || (early && !queue.hydrating));
	useEffect(() => {
		if (!active) queue?.add(() => setActive(true), early);
	}, [active, queue, early]);
	return active ? (
		<div class="quiz-row">{children}</div>
	) : (
		<div class="quiz-row" dangerouslySetInnerHTML={{ __html: '' }} />
	);
}
