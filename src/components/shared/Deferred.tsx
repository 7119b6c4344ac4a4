import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';

/**
 * An island with many parts (a quiz page's hundred questions, a Dockerfile's instruction cards)
 * keeps a phone busy for most of a second when it hydrates them all in one task. With a queue,
 * the island hydrates each part without rebuilding it (Preact leaves an element with
 * `dangerouslySetInnerHTML` untouched while hydrating), and every part then takes its turn, one
 * per task, to be rendered for real: the same markup, now with its handlers. A part the server
 * did not render (`rendered` false) is empty until its turn, on the server and in the browser
 * alike. The island stays inert until the parts the server rendered are live.
 *
 * A lazy queue renders the parts the server left empty only once the reader comes near the first
 * of them (a screen and a half ahead), or once `activateAll()` says the learner is at work (focus,
 * a key): then all of them, still one per task. A phone that opens a hundred questions to read
 * the first renders none, where every question added made the browser lay out and paint the page.
 */
export interface PartQueue {
	/** True while the island hydrates the server's markup. */
	hydrating: boolean;
	/**
	 * Queues a part's activation; each runs in a task of its own, in the order queued. A lazy
	 * queue watches the first `placeholder`, the empty element of a part the server did not render.
	 */
	add(activate: () => void, rendered: boolean, placeholder?: Element | null): void;
	/** Renders every waiting part, one per task, without waiting for the reader to come near. */
	activateAll(): void;
	/** Calls `live` once every part queued with markup to keep (`rendered`) has been activated. */
	whenLive(live: () => void): void;
	/** Calls `drained` once every queued part has been activated. */
	whenDrained(drained: () => void): void;
}

/** How far below the screen the first empty part starts a lazy queue. */
const AHEAD = '0px 0px 150% 0px';

/**
 * A queue for one island; `hydrating` only in a browser, and only when the island asks for it.
 * `lazy` needs `IntersectionObserver`; without it the queue renders every part in turn.
 */
export function createPartQueue(deferred: boolean, lazy = false): PartQueue {
	const waiting: { activate: () => void; rendered: boolean }[] = [];
	let renderedLeft = 0;
	let live: (() => void) | undefined;
	let drained: (() => void) | undefined;
	let eager = !lazy || typeof IntersectionObserver === 'undefined';
	let observer: IntersectionObserver | undefined;
	let stepping = false;
	/** Whose turn it is: any part once eager, else only the server's. */
	const turn = (part: { rendered: boolean }) => eager || part.rendered;
	const step = () => {
		const [next] = waiting.splice(Math.max(0, waiting.findIndex(turn)), 1);
		next!.activate();
		if (next!.rendered && --renderedLeft === 0) live?.();
		stepping = waiting.some(turn);
		if (stepping) setTimeout(step, 0);
		else if (waiting.length === 0) drained?.();
	};
	const queue: PartQueue = {
		hydrating: deferred && typeof window !== 'undefined',
		add(activate, rendered, placeholder) {
			if (rendered) renderedLeft++;
			waiting.push({ activate, rendered });
			if (!rendered && !eager && placeholder && !observer) {
				// The first placeholder stands for them all: rendered, each pushes the next down.
				observer = new IntersectionObserver(
					([entry]) => entry?.isIntersecting && queue.activateAll(),
					{ rootMargin: AHEAD }
				);
				observer.observe(placeholder);
			}
			if (!stepping && turn({ rendered })) {
				stepping = true;
				setTimeout(step, 0);
			}
		},
		activateAll() {
			observer?.disconnect();
			eager = true;
			if (!stepping && waiting.length > 0) {
				stepping = true;
				setTimeout(step, 0);
			}
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
	return queue;
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
	now = false,
	class: className,
	children,
}: {
	rendered?: boolean;
	/** Render now, out of turn: the learner asked to see this part. */
	now?: boolean;
	class: string;
	children: ComponentChildren;
}) {
	const queue = useContext(PartQueueContext);
	const [active, setActive] = useState(() => !queue || (rendered && !queue.hydrating));
	const placeholder = useRef<HTMLDivElement>(null);
	useEffect(() => {
		if (!active) queue?.add(() => setActive(true), rendered, placeholder.current);
	}, [active, queue, rendered]);
	return active || now ? (
		<div class={className}>{children}</div>
	) : (
		<div class={className} ref={placeholder} dangerouslySetInnerHTML={{ __html: '' }} />
	);
}

/**
 * The queue for an island and its two states: `live` once the server's parts have their
 * handlers (until then the island should be inert), `complete` once every part is there.
 */
export function usePartQueue(
	deferred: boolean,
	lazy = false
): {
	queue: PartQueue;
	live: boolean;
	complete: boolean;
} {
	const [queue] = useState(() => createPartQueue(deferred, lazy));
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
