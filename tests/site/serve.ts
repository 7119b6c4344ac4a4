import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST, TEST_BASE } from './site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The served site's root, base path included, e.g. `http://127.0.0.1:4329/corso/`. */
		siteUrl: string;
	}
}

/** Serves the built site with `astro preview` for the duration of the run. */
export default async function serve(project: TestProject) {
	if (!existsSync(join(DIST, 'index.html'))) {
		throw new Error('No build in dist/: run `npm run test:build` first (it builds under /corso/).');
	}
	// The preview server reads the base path from the config, like the build did.
	process.env.BASE_PATH = TEST_BASE;
	const { preview } = await import('astro');
	const server = await preview({
		root: process.cwd(),
		logLevel: 'warn',
		server: { host: '127.0.0.1', port: 4329 },
	});
	project.provide('siteUrl', `http://127.0.0.1:${server.port}${TEST_BASE}`);
	return () => server.stop();
}
