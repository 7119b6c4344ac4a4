/**
 * Syntax colours for the preview, away from the page: one worker for the page loads Shiki and
 * colours each text; of the texts asked for while it works, only the newest is sent next, so fast
 * typing never queues up work. Where there are no workers, or the worker fails, the page loads
 * Shiki itself.
 */
import type { Highlight, Highlighted } from '../../lib/dockerfile/highlight.ts';

/** What the page asks the worker (`highlight.worker.ts`): a text to colour, numbered. */
export interface HighlightRequest {
	id: number;
	text: string;
}

/** The worker's answer: the coloured text, or null when Shiki could not colour it. */
export interface HighlightReply {
	id: number;
	highlighted: Highlighted | null;
}

interface Pending extends HighlightRequest {
	resolve: (highlighted: Highlighted | null) => void;
}

let worker: Worker | undefined;
let workerFailed = typeof Worker === 'undefined';
let onPage: Promise<Highlight> | undefined;
let latest = 0;
/** Sent to the worker, not answered yet. */
let sent: Pending | undefined;
/** The newest request, waiting for the worker to be free. */
let next: Pending | undefined;

function colourOnPage({ text, resolve }: Pending): void {
	onPage ??= import('../../lib/dockerfile/highlight.ts').then((module) => module.createHighlight());
	onPage.then(
		(highlight) => {
			try {
				resolve(highlight(text));
			} catch {
				resolve(null);
			}
		},
		() => resolve(null)
	);
}

function sendNext(): void {
	if (!worker || sent || !next) return;
	sent = next;
	next = undefined;
	worker.postMessage({ id: sent.id, text: sent.text } satisfies HighlightRequest);
}

/** The page's worker, started on the first request; undefined once it has failed. */
function started(): Worker | undefined {
	if (worker || workerFailed) return worker;
	try {
		worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		workerFailed = true;
		return undefined;
	}
	worker.addEventListener('message', ({ data }: MessageEvent<HighlightReply>) => {
		const answered = sent;
		if (answered?.id !== data.id) return;
		sent = undefined;
		answered.resolve(data.id === latest ? data.highlighted : null);
		sendNext();
	});
	// A worker that cannot load its code, or breaks, is not tried again: the page takes over.
	const fail = () => {
		worker?.terminate();
		worker = undefined;
		workerFailed = true;
		const stranded = [sent, next];
		sent = next = undefined;
		for (const request of stranded) if (request) colourOnPage(request);
	};
	worker.addEventListener('error', fail);
	worker.addEventListener('messageerror', fail);
	return worker;
}

/** The last text coloured, so that a preview drawn again (moved to the pinned panel) starts coloured. */
let last: { text: string; highlighted: Highlighted } | undefined;

/** The colours of this text, if it is the last one coloured. */
export function colouredAlready(text: string): Highlighted | null {
	return last?.text === text ? last.highlighted : null;
}

/**
 * The text, coloured; null when a newer text was asked for before this one's turn came (so an old
 * text never replaces a newer one on screen), or when it cannot be coloured.
 */
export function colour(text: string): Promise<Highlighted | null> {
	return new Promise<Highlighted | null>((resolve) => {
		const request: Pending = { id: ++latest, text, resolve };
		if (!started()) return colourOnPage(request);
		next?.resolve(null);
		next = request;
		sendNext();
	}).then((highlighted) => {
		if (highlighted) last = { text, highlighted };
		return highlighted;
	});
}
