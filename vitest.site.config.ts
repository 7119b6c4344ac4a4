import { defineConfig } from 'vitest/config';

/**
 * Tests of the built site: they need `dist/` from a build with `BASE_PATH=/corso/`, served by one
 * `astro preview` for the whole run (the global setup starts it, unless `npm test` passes its own).
 * Files run one after the other, as a person would. Apart from `vitest.config.ts` so that a plain
 * `vitest run` stays the quick unit tests, which need neither a build nor a browser.
 */
export default defineConfig({
	test: {
		// On the root, so the server starts once however many projects run.
		globalSetup: ['tests/site/serve.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 60_000,
		projects: [
			{ test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// One worker for every file, so they share its Chromium (a worker fixture in browser.ts).
					isolate: false,
				},
			},
		],
	},
});
