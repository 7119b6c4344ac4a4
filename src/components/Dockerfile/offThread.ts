/**
 * Reading and checking a long Dockerfile away from the page: one worker per builder parses a paste
 * and lints the model at each change, so that thousands of lines never keep the tab busy for long.
 * Where there are no workers, or the worker fails, the page does the work itself.
 */
import {
	emptyModel,
	pasteRefusal,
	readPaste,
	type ParseDockerfile,
	type ReadPaste,
} from '../../lib/dockerfile/builder.ts';
import type { Finding, lint as Lint } from '../../lib/dockerfile/lint.ts';
import type { Dockerfile } from '../../lib/dockerfile/model.ts';

/** What the page asks the worker (`read.worker.ts`): to read text, or to lint a model. */
export type WorkerRequest = { id: number; text: string } | { id: number; model: Dockerfile };

/** The worker's answer: the model it read (for a text) and its findings, silenced ones included. */
export interface WorkerReply {
	id: number;
	model?: Dockerfile;
	findings: Finding[];
}

/** Each model's findings, checked once: by the worker, here, or when the page was built. */
const checked = new WeakMap<Dockerfile, Finding[]>();

/** The findings already known for this model, if any. */
export function knownFindings(model: Dockerfile): Finding[] | undefined {
	return checked.get(model);
}

/** Records a model's findings found elsewhere: the starting template's, linted at build time. */
export function knowFindings(model: Dockerfile, findings: Finding[]): void {
	checked.set(model, findings);
}

let linter: typeof Lint | undefined;
let loadingLinter: Promise<typeof Lint> | undefined;

/**
 * The linter, loaded apart: the page starts with its template's findings from the build, so the
 * rules' code loads and starts up in a task of its own, not in the one that hydrates the builder.
 */
export function loadLinter(): Promise<typeof Lint> {
	loadingLinter ??= import('../../lib/dockerfile/lint.ts').then((module) => (linter = module.lint));
	return loadingLinter;
}

/**
 * `lint(model, { silenced: true })`, once per model: a model the worker checked is not linted again.
 * Undefined while the linter is still loading (`loadLinter`).
 */
export function lintOnce(model: Dockerfile): Finding[] | undefined {
	let findings = checked.get(model);
	if (!findings && linter) {
		findings = linter(model, { silenced: true });
		checked.set(model, findings);
	}
	return findings;
}

/** The builder's worker, made when first needed; `terminate()` when the builder goes. */
export class OffThread {
	#worker: Worker | null | undefined;
	#lastId = 0;
	readonly #waiting = new Map<number, (reply: WorkerReply | null) => void>();

	/**
	 * How to read `text`: the model the worker read (the text is read once, there), or, failing a
	 * worker, `parse` as loaded by `loadParse`, on the page.
	 */
	read(text: string, loadParse: () => Promise<ParseDockerfile>): Promise<ReadPaste> {
		// The reducer refuses these without reading them.
		if (!text.trim() || pasteRefusal(text)) return Promise.resolve(emptyModel);
		return this.#ask({ id: 0, text }).then((reply) => {
			if (!reply?.model) return loadParse().then(readPaste);
			const { model, findings } = reply;
			checked.set(model, findings);
			return () => model;
		});
	}

	/** The model's findings, silenced ones included, checked by the worker (or here, failing it). */
	lint(model: Dockerfile): Promise<Finding[]> {
		const known = checked.get(model);
		if (known) return Promise.resolve(known);
		return this.#ask({ id: 0, model }).then((reply) => {
			if (!reply) return loadLinter().then(() => lintOnce(model) ?? []);
			checked.set(model, reply.findings);
			return reply.findings;
		});
	}

	/** Starts the worker ahead of a request, so that loading it overlaps the learner's paste. */
	warm(): void {
		this.#start();
	}

	terminate(): void {
		this.#fail();
		this.#worker = null;
	}

	#ask(request: WorkerRequest): Promise<WorkerReply | null> {
		const worker = this.#start();
		if (!worker) return Promise.resolve(null);
		const id = ++this.#lastId;
		return new Promise((resolve) => {
			this.#waiting.set(id, resolve);
			worker.postMessage({ ...request, id });
		});
	}

	#start(): Worker | null {
		if (this.#worker !== undefined) return this.#worker;
		if (typeof Worker === 'undefined') return (this.#worker = null);
		try {
			this.#worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			return (this.#worker = null);
		}
		this.#worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
			this.#waiting.get(data.id)?.(data);
			this.#waiting.delete(data.id);
		});
		// A worker that fails once is not asked again: what it was doing is done on the page.
		this.#worker.addEventListener('error', () => {
			this.#fail();
			this.#worker = null;
		});
		return this.#worker;
	}

	#fail(): void {
		this.#worker?.terminate();
		for (const done of this.#waiting.values()) done(null);
		this.#waiting.clear();
	}
}
