/**
 * The generator's analyser, away from the page: one worker for as long as the island lives parses,
 * checks, places and draws each text, so that a paste of hundreds of services never keeps the tab
 * busy. Where there are no workers, or the worker fails, the page analyses the text itself.
 */
import type { AnalyzeOptions } from '../../lib/compose/analyze.ts';
import type { PlannedAnalysis } from '../../lib/compose/plan-view.ts';
import { loadAnalyzer, type Analyzer } from './loadAnalyzer.ts';

/** What the page asks the worker: a text to analyse, numbered. */
export interface AnalysisRequest {
	id: number;
	text: string;
	options: AnalyzeOptions;
}

/** What the worker answers: the number of the request, and its analysis with the plan. */
export interface AnalysisReply {
	id: number;
	analysis: PlannedAnalysis;
}

/** The analyser as the island uses it. */
export interface OffThreadAnalyzer {
	/**
	 * The analysis of the text; `undefined` when a later call made this one stale before its answer
	 * came, so that an old text never replaces a newer one on screen. Rejects only when the page
	 * has to analyse and cannot load the analyser (offline). The page's own analysis has no plan:
	 * the simulator would weigh on every visit for the few browsers without a worker.
	 */
	analyze(text: string, options: AnalyzeOptions): Promise<PlannedAnalysis | undefined>;
	/** Stops the worker: the island is gone. Pending and later calls resolve as stale. */
	close(): void;
}

interface Pending extends AnalysisRequest {
	resolve: (analysis: PlannedAnalysis | undefined) => void;
	reject: (error: unknown) => void;
}

/** Starts the worker; `undefined` where the browser has none or refuses to start it. */
function startWorker(): Worker | undefined {
	if (typeof Worker === 'undefined') return undefined;
	try {
		return new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return undefined;
	}
}

/**
 * An analyser for one island. The worker starts at once, so that its code loads while the learner
 * reads; it analyses one text at a time, and of the texts asked for meanwhile only the newest is
 * sent next: typing fast never queues up work. `loadOnPage` brings in the analyser for the page.
 */
export function offThreadAnalyzer(
	loadOnPage: () => Promise<Analyzer> = loadAnalyzer
): OffThreadAnalyzer {
	let latest = 0;
	let closed = false;
	let worker = startWorker();
	/** Sent to the worker, not answered yet. */
	let sent: Pending | undefined;
	/** The newest request, waiting for the worker to be free. */
	let next: Pending | undefined;

	const onPage = (request: Pending) => {
		loadOnPage().then((analyzer) => {
			// A newer text was asked for while the analyser loaded: this one is not worth the time.
			request.resolve(
				request.id === latest ? analyzer.analyzeCompose(request.text, request.options) : undefined
			);
		}, request.reject);
	};
	const sendNext = () => {
		if (!worker || sent || !next) return;
		sent = next;
		next = undefined;
		const { id, text, options } = sent;
		worker.postMessage({ id, text, options } satisfies AnalysisRequest);
	};
	const stop = () => {
		worker?.terminate();
		worker = undefined;
	};

	worker?.addEventListener('message', ({ data }: MessageEvent<AnalysisReply>) => {
		const answered = sent;
		if (answered?.id !== data.id) return;
		sent = undefined;
		answered.resolve(data.id === latest ? data.analysis : undefined);
		sendNext();
	});
	// A worker that cannot load its code, or breaks, is not tried again: the page takes over.
	const fail = () => {
		stop();
		const stranded = [sent, next];
		sent = next = undefined;
		for (const request of stranded) if (request) onPage(request);
	};
	worker?.addEventListener('error', fail);
	worker?.addEventListener('messageerror', fail);

	return {
		analyze(text, options) {
			const id = ++latest;
			return new Promise((resolve, reject) => {
				const request: Pending = { id, text, options, resolve, reject };
				if (closed) return resolve(undefined);
				if (!worker) return onPage(request);
				next?.resolve(undefined);
				next = request;
				sendNext();
			});
		},
		close() {
			closed = true;
			stop();
			for (const request of [sent, next]) request?.resolve(undefined);
			sent = next = undefined;
		},
	};
}
