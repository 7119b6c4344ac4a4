import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/**
 * An island with many parts (a quiz page's ninety questions, a Dockerfile's instruction cards)
 * keeps a phone busy for most of a second when it hydrates them all in one task. With a queue,
 * the island hydrates each part without rebuilding it (Preact leaves an element with
 * `dangerouslySetInnerHTML` untouched while hydrating), and every part then takes its turn, one
 * per task, to be rendered for real: the same markup, now with its handlers. A part the server
 * did not render (`rendered` false) is empty until its turn, on the server and in the browser
 * alike. The island stays inert until the parts the server rendered are live.
 */
export interface PartQueue {
	/** True while the island hydrates the server's markup. */
	hydrating: boolean;
	/** Queues a part's activation; each runs in a task of its own, in the order queued. */
	add(activate: () => void, rendered: boolean): void;
	/** Calls `live` once every part queued with markup to keep (`rendered`) has been activated. */
	whenLive(live: () => void): void;
	/** Calls `drained` once every queued part has been activated. */
	whenDrained(drained: () => void): void;
}

/** A queue for one island; `hydrating` only in a browser, and only when the island asks for it. */
export function createPartQueue(deferred: boolean): PartQueue {
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

/** The queue of the island being rendered; without one, parts render at once. */
export const PartQueueContext = createContext<PartQueue | undefined>(undefined);

/**
 * One part of an island, in a `<div>` of the given class. With a queue: a part the server renders
 * stays as it is while the island hydrates, then comes alive in its turn; a part it does not
 * render waits for its turn, and so does it when it mounts later. Without a queue it renders.
 */
export function Deferred({
	rendered = true,
	class: className,
	children,
}: {
	rendered?: boolean;
	class: string;
	children: ComponentChildren;
}) {
	const queue = useContext(PartQueueContext);
	const [active, setActive] = useState(() => !queue || (rendered && !queue.hydrating));
	useEffect(() => {
		if (!active) queue?.add(() => setActive(true), rendered);
	}, [active, queue, rendered]);
	return active ? (
		<div class={className}>{children}</div>
	) : (
		<div class={className} dangerouslySetInnerHTML={{ __html: '' }} />
	);
}

/**
 * The queue for an island and its two states: `live` once the server's parts have their
 * handlers (until then the island should be inert), `complete` once every part is there.
 */
export function usePartQueue(deferred: boolean): {
	queue: PartQueue;
	live: boolean;
	complete: boolean;
} {
	const [queue] = useState(() => createPartQueue(deferred));
	// Not live on the server either, so that the markup it sends is inert until the island is.
	const [live, setLive] = useState(!deferred);
	const [complete, setComplete] = useState(!deferred);
	useEffect(() => {
		// The parts have queued themselves: children's effects run first.
		queue.hydrating = false;
		queue.whenLive(() => setLive(true));
		queue.whenDrained(() => setComplete(true));
	}, [queue]);
	return { queue, live, complete };
}
