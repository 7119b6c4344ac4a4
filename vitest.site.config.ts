import { defineConfig } from 'vitest/config';

/**
 * Tests of the built site: they need `dist/` from a build with `BASE_PATH=/corso/` and are served
 * by `astro preview` from the global setup. Files run one after the other, as a person would.
 */
export default defineConfig({
	test: {
		include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
		globalSetup: ['tests/site/serve.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
	},
});
