import { describe, expect, test } from 'vitest';
import { generateComposeFile } from '../../../bench/compose';
import { analyzeCompose } from '../../../src/lib/compose/analyze';

describe('bench/compose.ts', () => {
	test('benchmarks a valid, drawable file of 100 services, 10 networks and 50 volumes', () => {
		const result = analyzeCompose(generateComposeFile());
		expect(result.findings).toEqual([]);
		expect(result.model?.services).toHaveLength(100);
		expect(result.model?.networks).toHaveLength(10);
		expect(result.model?.volumes).toHaveLength(50);
		expect(result.diagram?.tag).toBe('svg');
	});
});
