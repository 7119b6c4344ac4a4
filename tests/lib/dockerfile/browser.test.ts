import { afterEach, describe, expect, test, vi } from 'vitest';

const nodeBuffer = globalThis.Buffer;

afterEach(() => {
	globalThis.Buffer = nodeBuffer;
	vi.resetModules();
});

describe('parse() in a browser', () => {
	test('works without Node’s Buffer', async () => {
		// @ts-expect-error -- a browser has no Buffer
		delete globalThis.Buffer;
		vi.resetModules();
		const { parse } = await import('../../../src/lib/dockerfile/parse');
		const model = parse('\uFEFFFROM ubuntu:24.04\nRUN echo hi\n');
		expect(model.stages).toHaveLength(1);
		expect(model.stages[0]?.items[0]).toMatchObject({ kind: 'run' });
	});
});
