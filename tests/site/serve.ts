import type { TestProject } from 'vitest/node';
import { previewBuiltSite } from '../../scripts/built-site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The served site's root, base path included, e.g. `http://127.0.0.1:43123/corso/`. */
		siteUrl: string;
	}
}

/**
 * Gives the tests the served build: the server `npm test` started for all its site steps
 * (`TEST_SITE_URL`), or else one of our own for the duration of the run.
 */
export default async function serve(project: TestProject) {
	const shared = process.env.TEST_SITE_URL;
	if (shared) {
		project.provide('siteUrl', shared);
		return;
	}
	const server = await previewBuiltSite();
	project.provide('siteUrl', server.url);
	return server.stop;
}
