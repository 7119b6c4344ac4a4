/**
 * The Compose chapter's example as files: every file of `src/content/labs/compose-esempio/`, read
 * by the build as it is in the repository. The zip is made from this list, and the chapter shows
 * the same files, so what the reader downloads is what the page shows.
 */
import type { FolderFile } from '../../lib/labs/folder-zip.ts';

/** The folder the zip unpacks to; `compose.yaml` gives the project the same name. */
export const exampleFolder = 'compose-esempio';

const root = '../../content/labs/compose-esempio/';
const sources = import.meta.glob<string>('../../content/labs/compose-esempio/**/*', {
	query: '?raw',
	import: 'default',
	eager: true,
});

/** The files, `compose.yaml` first, then each folder's files by path. */
export const exampleFiles: FolderFile[] = Object.entries(sources)
	.map(([path, text]) => ({ path: path.slice(root.length), text }))
	.sort(
		(a, b) =>
			Number(a.path.includes('/')) - Number(b.path.includes('/')) ||
			(a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
	);
