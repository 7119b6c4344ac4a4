import { afterEach, describe, expect, test, vi } from 'vitest';
import { lintOnce, readOffThread } from '../../src/components/Dockerfile/offThread';
import { emptyModel, readPaste } from '../../src/lib/dockerfile/builder';
import { lint, type Finding } from '../../src/lib/dockerfile/lint';
import type { Dockerfile } from '../../src/lib/dockerfile/model';
import { parse } from '../../src/lib/dockerfile/parse';

const text = 'FROM ubuntu\nRUN apt install apache2\n';
const loadParse = vi.fn(() => Promise.resolve(parse));

interface Made {
	url: string;
	posted: unknown[];
	replied?: { model: Dockerfile; findings: Finding[] };
	terminated: boolean;
}

/** A stand-in for the browser's `Worker`: replies as the real one does, or fails. */
function fakeWorker(reply: 'read' | 'fail') {
	const made: Made[] = [];
	class FakeWorker extends EventTarget {
		record: Made = { url: '', posted: [], terminated: false };
		constructor(url: URL) {
			super();
			this.record.url = url.href;
			made.push(this.record);
		}
		postMessage(data: string) {
			this.record.posted.push(data);
			queueMicrotask(() => {
				if (reply === 'fail') {
					this.dispatchEvent(new Event('error'));
					return;
				}
				const model = readPaste(parse)(data);
				const findings = lint(model, { silenced: true });
				this.record.replied = structuredClone({ model, findings });
				this.dispatchEvent(new MessageEvent('message', { data: this.record.replied }));
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

describe('readOffThread', () => {
	test('the worker reads the text once; its findings are not computed again on the page', async () => {
		const workers = fakeWorker('read');
		const read = await readOffThread(text, loadParse);
		const model = read(text);
		expect(model).toEqual(readPaste(parse)(text));
		expect(workers).toHaveLength(1);
		expect(workers[0]!.url).toMatch(/read\.worker\.ts$/);
		expect(workers[0]!.posted).toEqual([text]);
		expect(workers[0]!.terminated).toBe(true);
		expect(loadParse).not.toHaveBeenCalled();
		// The worker's own list, not one linted again here.
		const findings = lintOnce(model);
		expect(findings).toBe(workers[0]!.replied!.findings);
		expect(findings.map((finding) => finding.rule)).toContain('apt-update-missing');
	});

	test('a worker that fails: the page reads the text itself', async () => {
		const workers = fakeWorker('fail');
		const read = await readOffThread(text, loadParse);
		expect(read(text)).toEqual(readPaste(parse)(text));
		expect(loadParse).toHaveBeenCalledOnce();
		expect(workers[0]?.terminated).toBe(true);
	});

	test('no workers at all: the page reads it', async () => {
		vi.stubGlobal('Worker', undefined);
		const read = await readOffThread(text, loadParse);
		expect(read(text)).toEqual(readPaste(parse)(text));
	});

	test('text the builder refuses is not sent anywhere', async () => {
		const workers = fakeWorker('read');
		const read = await readOffThread('  \n', loadParse);
		expect(read('  \n')).toEqual(emptyModel());
		expect(workers).toEqual([]);
		expect(loadParse).not.toHaveBeenCalled();
	});
});
