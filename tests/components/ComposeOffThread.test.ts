import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Analyzer } from '../../src/components/Compose/loadAnalyzer';
import {
	offThreadAnalyzer,
	type AnalysisReply,
	type AnalysisRequest,
} from '../../src/components/Compose/offThread';
import { analyzeCompose } from '../../src/lib/compose/analyze';
import { lectureExample } from '../../src/lib/compose/examples';
import { serializeSvg } from '../../src/lib/compose/svg';

const options = { lang: 'en', idPrefix: 'lab-svg' } as const;
const texts = ['services:\n  a:\n    image: x\n', 'services:\n  b:\n    image: x\n', 'services: ['];

/** The page's own analyser, counted: the tests say when the page did the work itself. */
const analyzeOnPage = vi.fn(analyzeCompose);
const loadOnPage = vi.fn(() =>
	Promise.resolve<Analyzer>({ analyzeCompose: analyzeOnPage, serializeSvg })
);

/**
 * The real worker's code, run here: its message listener, and where its answers go (to the fake
 * worker that is answering, as the browser would deliver them to the page).
 */
let workerListener: (event: { data: AnalysisRequest }) => void = () => undefined;
let deliver: (reply: unknown) => void = () => undefined;
// The worker's global scope, as far as its code uses it; set by hand, since the tests stub and
// unstub `Worker` around each test.
const scope = globalThis as unknown as Record<'addEventListener' | 'postMessage', unknown>;
beforeAll(async () => {
	scope.addEventListener = (type: string, listener: typeof workerListener) => {
		if (type === 'message') workerListener = listener;
	};
	scope.postMessage = (reply: unknown) => deliver(structuredClone(reply));
	await import('../../src/components/Compose/analyze.worker');
	delete scope.addEventListener;
});
afterAll(() => {
	delete scope.postMessage;
});

/**
 * A stand-in for the browser's `Worker`: it keeps what it is sent, and answers with the real
 * worker's code (structured-cloned both ways, as between threads) only when the test says so, so
 * that the test decides what is in flight. `fail` makes it break as a worker that cannot load.
 */
function fakeWorkers() {
	const made: FakeWorker[] = [];
	class FakeWorker extends EventTarget {
		url: string;
		options: WorkerOptions;
		posted: AnalysisRequest[] = [];
		answered = 0;
		terminated = false;
		constructor(url: URL, options: WorkerOptions) {
			super();
			this.url = url.href;
			this.options = options;
			made.push(this);
		}
		postMessage(request: AnalysisRequest) {
			this.posted.push(structuredClone(request));
		}
		/** Answers the oldest request not answered yet. */
		answer() {
			const request = this.posted[this.answered++];
			if (!request) throw new Error('nothing to answer');
			deliver = (data) => this.dispatchEvent(new MessageEvent('message', { data }));
			workerListener({ data: request });
		}
		fail() {
			this.dispatchEvent(new Event('error'));
		}
		terminate() {
			this.terminated = true;
		}
	}
	vi.stubGlobal('Worker', FakeWorker);
	return made;
}

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
	vi.unstubAllGlobals();
	analyzeOnPage.mockClear();
	loadOnPage.mockClear();
});

describe('offThreadAnalyzer()', () => {
	test('one module worker, started at once, analyses the text; the page does no work', async () => {
		const workers = fakeWorkers();
		const analyzer = offThreadAnalyzer(loadOnPage);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.url).toMatch(/analyze\.worker\.ts$/);
		expect(workers[0]!.options).toEqual({ type: 'module' });
		const result = analyzer.analyze(lectureExample.source, options);
		expect(workers[0]!.posted).toEqual([{ id: 1, text: lectureExample.source, options }]);
		workers[0]!.answer();
		// What the island shows, as the page would analyse it, with the plan of `docker compose up`
		// (here, the file's error); the model stays in the worker.
		const { model, ...shown } = analyzeCompose(lectureExample.source, options);
		expect(model).toBeDefined();
		expect(await result).toEqual({ ...shown, plan: { errors: [expect.stringMatching(/CIDR/)] } });
		expect((await result)?.diagram?.tag).toBe('svg');
		expect(loadOnPage).not.toHaveBeenCalled();
		// The same worker serves the next text.
		const next = analyzer.analyze(texts[0]!, options);
		workers[0]!.answer();
		expect((await next)?.description?.join(' ')).toMatch(/\ba\b/);
		expect(workers).toHaveLength(1);
	});

	test('texts asked for while the worker is busy: only the newest is sent, the others are stale', async () => {
		const workers = fakeWorkers();
		const analyzer = offThreadAnalyzer(loadOnPage);
		const first = analyzer.analyze(lectureExample.source, options);
		const skipped = analyzer.analyze(texts[0]!, options);
		const newest = analyzer.analyze(texts[1]!, options);
		// The second was replaced before the worker was free: it is never sent.
		expect(await skipped).toBeUndefined();
		expect(workers[0]!.posted.map((request) => request.id)).toEqual([1]);
		workers[0]!.answer();
		// The first answer came after newer texts were asked for: it is dropped.
		expect(await first).toBeUndefined();
		expect(workers[0]!.posted.map((request) => request.id)).toEqual([1, 3]);
		workers[0]!.answer();
		expect(JSON.stringify((await newest)?.diagram)).toContain('"text":"b"');
	});

	test('an answer to a request it did not send is ignored', async () => {
		const workers = fakeWorkers();
		const analyzer = offThreadAnalyzer(loadOnPage);
		const result = analyzer.analyze(texts[0]!, options);
		const stray: AnalysisReply = { id: 7, analysis: { findings: [] } };
		workers[0]!.dispatchEvent(new MessageEvent('message', { data: stray }));
		workers[0]!.answer();
		expect(JSON.stringify((await result)?.diagram)).toContain('"text":"a"');
	});

	test('a worker that fails: the page analyses what was in flight, and every text after', async () => {
		const workers = fakeWorkers();
		const analyzer = offThreadAnalyzer(loadOnPage);
		const inFlight = analyzer.analyze(texts[2]!, options);
		workers[0]!.fail();
		expect(workers[0]!.terminated).toBe(true);
		expect(await inFlight).toEqual(analyzeCompose(texts[2]!, options));
		const later = await analyzer.analyze(texts[0]!, options);
		expect(later?.model?.services.map((service) => service.name)).toEqual(['a']);
		expect(analyzeOnPage).toHaveBeenCalledTimes(2);
		expect(workers).toHaveLength(1);
	});

	test('no workers at all: the page analyses, and only the newest of quick texts', async () => {
		vi.stubGlobal('Worker', undefined);
		const analyzer = offThreadAnalyzer(loadOnPage);
		const [stale, newest] = [
			analyzer.analyze(texts[0]!, options),
			analyzer.analyze(texts[1]!, options),
		];
		expect(await stale).toBeUndefined();
		expect((await newest)?.model?.services.map((service) => service.name)).toEqual(['b']);
		expect(analyzeOnPage).toHaveBeenCalledOnce();
	});

	test('a worker the browser refuses to start: the page analyses', async () => {
		vi.stubGlobal(
			'Worker',
			class {
				constructor() {
					throw new DOMException('refused', 'SecurityError');
				}
			}
		);
		const result = await offThreadAnalyzer(loadOnPage).analyze(texts[0]!, options);
		expect(result?.model?.services).toHaveLength(1);
		expect(analyzeOnPage).toHaveBeenCalledOnce();
	});

	test('when the page cannot load the analyser (offline), the call says so', async () => {
		vi.stubGlobal('Worker', undefined);
		const offline = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
		await expect(offThreadAnalyzer(offline).analyze(texts[0]!, options)).rejects.toThrow(
			'Failed to fetch'
		);
	});

	test('closing stops the worker, and what was pending resolves as stale', async () => {
		const workers = fakeWorkers();
		const analyzer = offThreadAnalyzer(loadOnPage);
		const pending = analyzer.analyze(texts[0]!, options);
		analyzer.close();
		expect(workers[0]!.terminated).toBe(true);
		expect(await pending).toBeUndefined();
		expect(await analyzer.analyze(texts[1]!, options)).toBeUndefined();
		await settle();
		expect(loadOnPage).not.toHaveBeenCalled();
	});
});
