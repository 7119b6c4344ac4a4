import type { TestProject } from 'vitest/node';
import { previewBuiltSite } from '../../scripts/built-site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The served site's root, base path included, e.g. `http://127.0.0.1:43123/corso/`. */
		siteUrl: string;
	}
}

/** Serves the built site with `astro preview` for the duration of the run. */
export default async function serve(project: TestProject) {
	const server = await previewBuiltSite();
	project.provide('siteUrl', server.url);
	return server.stop;
}
