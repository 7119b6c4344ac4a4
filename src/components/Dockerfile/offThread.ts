/**
 * A pasted file read away from the page: a worker parses and lints it, so that thousands of lines
 * never keep the tab busy for long; where there are no workers, or one fails, the page reads it.
 */
import {
	emptyModel,
	pasteRefusal,
	readPaste,
	type ParseDockerfile,
	type ReadPaste,
} from '../../lib/dockerfile/builder.ts';
import { lint, type Finding } from '../../lib/dockerfile/lint.ts';
import type { Dockerfile } from '../../lib/dockerfile/model.ts';

/** Each model's findings (silenced ones included), checked once: by the worker, or here. */
const checked = new WeakMap<Dockerfile, Finding[]>();

/** `lint(model, { silenced: true })`, once per model: a model the worker read is not linted again. */
export function lintOnce(model: Dockerfile): Finding[] {
	let findings = checked.get(model);
	if (!findings) {
		findings = lint(model, { silenced: true });
		checked.set(model, findings);
	}
	return findings;
}

interface WorkerReply {
	model: Dockerfile;
	findings: Finding[];
}

/**
 * How to read `text`: the model a worker read (the text is read once, there), or, failing a
 * worker, `parse` as loaded by `loadParse`, on the page.
 */
export function readOffThread(
	text: string,
	loadParse: () => Promise<ParseDockerfile>
): Promise<ReadPaste> {
	// The reducer refuses these without reading them.
	if (!text.trim() || pasteRefusal(text)) return Promise.resolve(emptyModel);
	const onPage = () => loadParse().then(readPaste);
	if (typeof Worker === 'undefined') return onPage();
	return new Promise<ReadPaste | null>((resolve) => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			return resolve(null);
		}
		worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
			checked.set(data.model, data.findings);
			worker.terminate();
			resolve(() => data.model);
		});
		worker.addEventListener('error', () => {
			worker.terminate();
			resolve(null);
		});
		worker.postMessage(text);
	}).then((read) => read ?? onPage());
}
