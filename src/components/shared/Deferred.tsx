import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/**
 * An island with many parts (a quiz page's hundred questions, a Dockerfile's instruction cards)
 * keeps a phone busy for most of a second when it hydrates them all in one task. With a queue,
 * the island hydrates each part without rebuilding it (Preact leaves an element with
 * `dangerouslySetInnerHTML` untouched while hydrating), and every part then takes its turn, one
 * per task, to be rendered for real: the same markup, now with its handlers. A part the server
 * did not render (`rendered` false) is empty until its turn, on the server and in the browser
 * alike. The island stays inert until the parts the server rendered are live.
 *
 * A lazy queue leaves the parts the server did not render waiting until `activateAll()`: the
 * island calls it when the reader comes near them or starts using it. A phone that opens a
 * hundred questions to read the first renders none of the others, where each one added made the
 * browser lay out and paint the page again.
 */
export interface PartQueue {
	/** True while the island hydrates the server's markup. */
	hydrating: boolean;
	/** Queues a part's activation; each runs in a task of its own, in the order queued. */
	add(activate: () => void, rendered: boolean): void;
	/** Lets every waiting part take its turn, the ones a lazy queue kept back included. */
	activateAll: () => void;
}

/**
 * A queue for one island; `hydrating` only in a browser, and only when the island asks for it.
 * `live` is called once every part queued with markup to keep (`rendered`) is active; `eager`,
 * once a lazy queue lets its waiting parts go (the first `activateAll()`).
 */
export function createPartQueue(
	deferred: boolean,
	lazy: boolean,
	live: () => void,
	eager?: () => void
): PartQueue {
	const waiting: { activate: () => void; rendered: boolean }[] = [];
	let renderedLeft = 0;
	let all = !lazy;
	let stepping = false;
	const step = () => {
		stepping = false;
		// Any part once eager, else only the server's: until they are live, the island is inert.
		const index = waiting.findIndex((part) => all || part.rendered);
		if (index < 0) return;
		const [next] = waiting.splice(index, 1);
		next!.activate();
		if (next!.rendered && --renderedLeft === 0) live();
		if (waiting.length > 0) start();
	};
	const start = () => {
		if (!stepping) {
			stepping = true;
			setTimeout(step, 0);
		}
	};
	return {
		hydrating: deferred && typeof window !== 'undefined',
		add(activate, rendered) {
			if (rendered) renderedLeft++;
			waiting.push({ activate, rendered });
			start();
		},
		activateAll() {
			if (!all) eager?.();
			all = true;
			start();
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
	useEffect(() => {
		if (!active) queue?.add(() => setActive(true), rendered);
	}, [active, queue, rendered]);
	return active || now ? (
		<div class={className}>{children}</div>
	) : (
		<div class={className} dangerouslySetInnerHTML={{ __html: '' }} />
	);
}

/**
 * The queue for an island (lazy or not), whether it is `live` (the server's parts have their
 * handlers; until then the island should be inert), and whether it is `eager`: a lazy queue has let
 * the parts it kept back go, so an island may mount the parts it had left out.
 */
export function usePartQueue(
	deferred: boolean,
	lazy = false
): { queue: PartQueue; live: boolean; eager: boolean } {
	// Not live on the server either, so that the markup it sends is inert until the island is.
	const [live, setLive] = useState(!deferred);
	const [eager, setEager] = useState(!lazy);
	const [queue] = useState(() =>
		createPartQueue(
			deferred,
			lazy,
			() => setLive(true),
			() => setEager(true)
		)
	);
	useEffect(() => {
		// The parts have queued themselves (children's effects run first). A last part that does
		// nothing, counted with the server's: once its turn comes, the island is live (at once if
		// nothing else waits).
		queue.hydrating = false;
		queue.add(() => {}, true);
	}, [queue]);
	return { queue, live, eager };
}
