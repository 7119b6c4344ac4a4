import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	lintOnce,
	OffThread,
	type WorkerReply,
	type WorkerRequest,
} from '../../src/components/Dockerfile/offThread';
import { emptyModel, readPaste } from '../../src/lib/dockerfile/builder';
import { lint } from '../../src/lib/dockerfile/lint';
import { parse } from '../../src/lib/dockerfile/parse';

const text = 'FROM ubuntu\nRUN apt install apache2\n';
const loadParse = vi.fn(() => Promise.resolve(parse));

interface Made {
	url: string;
	posted: WorkerRequest[];
	replied: WorkerReply[];
	terminated: boolean;
}

/**
 * A stand-in for the browser's `Worker`, answering as `read.worker.ts` does (through a structured
 * clone, as a real one), or failing at the first request.
 */
function fakeWorker(behaviour: 'answer' | 'fail') {
	const made: Made[] = [];
	class FakeWorker extends EventTarget {
		record: Made = { url: '', posted: [], replied: [], terminated: false };
		constructor(url: URL) {
			super();
			this.record.url = url.href;
			made.push(this.record);
		}
		postMessage(request: WorkerRequest) {
			this.record.posted.push(structuredClone(request));
			queueMicrotask(() => {
				if (behaviour === 'fail') {
					this.dispatchEvent(new Event('error'));
					return;
				}
				const model = 'text' in request ? readPaste(parse)(request.text) : request.model;
				const reply: WorkerReply = structuredClone({
					id: request.id,
					...('text' in request && { model }),
					findings: lint(model, { silenced: true }),
				});
				this.record.replied.push(reply);
				this.dispatchEvent(new MessageEvent('message', { data: reply }));
			});
		}
		terminate() {
			this.record.terminated = true;
		}
	}
	vi.stubGlobal('Worker', FakeWorker);
	return made;
}

afterEach(() => {
	vi.unstubAllGlobals();
	loadParse.mockClear();
});

describe('OffThread', () => {
	test('the worker reads the text once; its findings are not computed again on the page', async () => {
		const workers = fakeWorker('answer');
		const offThread = new OffThread();
		const read = await offThread.read(text, loadParse);
		const model = read(text);
		expect(model).toEqual(readPaste(parse)(text));
		expect(workers).toHaveLength(1);
		expect(workers[0]!.url).toMatch(/read\.worker\.ts$/);
		expect(workers[0]!.posted).toEqual([{ id: 1, text }]);
		expect(loadParse).not.toHaveBeenCalled();
		// The worker's own list, not one linted again here.
		const findings = lintOnce(model);
		expect(findings).toBe(workers[0]!.replied[0]!.findings);
		expect(findings!.map((finding) => finding.rule)).toContain('apt-update-missing');
		expect(await offThread.lint(model)).toBe(findings);
		expect(workers[0]!.posted).toHaveLength(1);
	});

	test('one worker for every request, each answered by its own reply', async () => {
		const workers = fakeWorker('answer');
		const offThread = new OffThread();
		const one = readPaste(parse)('FROM alpine\n');
		const two = readPaste(parse)('FROM debian:12\nRUN apt-get install -y curl\n');
		const [first, second] = await Promise.all([offThread.lint(one), offThread.lint(two)]);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.posted.map((request) => request.id)).toEqual([1, 2]);
		expect(first).toEqual(lint(one, { silenced: true }));
		expect(second).toEqual(lint(two, { silenced: true }));
		offThread.terminate();
		expect(workers[0]!.terminated).toBe(true);
	});

	test('a worker that fails: the page does the work, and the worker is not asked again', async () => {
		const workers = fakeWorker('fail');
		const offThread = new OffThread();
		const read = await offThread.read(text, loadParse);
		expect(read(text)).toEqual(readPaste(parse)(text));
		expect(loadParse).toHaveBeenCalledOnce();
		expect(workers[0]!.terminated).toBe(true);
		const model = readPaste(parse)(text);
		expect(await offThread.lint(model)).toEqual(lint(model, { silenced: true }));
		expect(workers).toHaveLength(1);
		expect(workers[0]!.posted).toHaveLength(1);
	});

	test('no workers at all: the page reads and lints', async () => {
		vi.stubGlobal('Worker', undefined);
		const offThread = new OffThread();
		const read = await offThread.read(text, loadParse);
		const model = read(text);
		expect(model).toEqual(readPaste(parse)(text));
		expect(await offThread.lint(model)).toEqual(lint(model, { silenced: true }));
	});

	test('text the builder refuses is not sent anywhere', async () => {
		const workers = fakeWorker('answer');
		const read = await new OffThread().read('  \n', loadParse);
		expect(read('  \n')).toEqual(emptyModel());
		expect(workers).toEqual([]);
		expect(loadParse).not.toHaveBeenCalled();
	});
});
