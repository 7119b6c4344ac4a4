import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/** Unit tests of `src/lib` (Node) and component tests of the islands (happy-dom). */
export default defineConfig({
	plugins: [preact()],
	test: {
		include: ['tests/**/*.test.{ts,tsx}'],
		exclude: ['tests/e2e/**', 'tests/site/**'],
		environment: 'node',
		setupFiles: ['tests/setup.ts'],
	},
});
