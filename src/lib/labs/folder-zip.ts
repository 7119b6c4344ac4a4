/**
 * A lab's folder as a zip archive, built where it is asked for (in the browser, on a click), so
 * the download holds exactly the files the chapter shows: one top folder, its files inside.
 */
import { zipSync, type Zippable } from 'fflate';

/** One file of a lab's folder. */
export interface FolderFile {
	/** Its path inside the folder, with `/` between parts: `app/Dockerfile`. */
	path: string;
	/** Its content, written as UTF-8. */
	text: string;
}

/** How to build the archive. */
export interface ZipFolderOptions {
	/** The date every file is given; the moment of the call by default. */
	mtime?: Date;
}

/** The file name the browser saves the archive as: `compose-esempio.zip`. */
export function zipFileName(folder: string): string {
	return `${folder}.zip`;
}

/** Why a folder name or file path cannot go into the archive, or `undefined` if it can. */
export function pathProblem(path: string): string | undefined {
	if (path === '') return 'empty path';
	if (path.startsWith('/') || /^[a-z]:/i.test(path)) return 'absolute path';
	if (path.includes('\\')) return 'backslash in path';
	const parts = path.split('/');
	if (parts.some((part) => part === '' || part === '.' || part === '..'))
		return 'empty, "." or ".." part';
	return undefined;
}

// Unix permissions rw-r--r--: `unzip` on Linux keeps them, and the web server in the lab's
// container can read the file Compose mounts.
const unixFile = { os: 3, attrs: 0o644 << 16 } as const;

/**
 * The zip archive of a folder: each file under `folder/`, in the order given, its text encoded as
 * UTF-8. Throws on a path that would land outside the folder or twice in it: the file list is the
 * site's own, so that is a mistake to fix, not a learner's input.
 */
export function zipFolder(
	folder: string,
	files: readonly FolderFile[],
	options: ZipFolderOptions = {}
): Uint8Array<ArrayBuffer> {
	const mtime = options.mtime ?? new Date();
	const encoder = new TextEncoder();
	const entries: Zippable = {};
	for (const path of [folder, ...files.map((file) => file.path)]) {
		const problem = pathProblem(path);
		if (problem) throw new Error(`zipFolder: ${JSON.stringify(path)}: ${problem}`);
	}
	for (const { path, text } of files) {
		const name = `${folder}/${path}`;
		if (Object.hasOwn(entries, name))
			throw new Error(`zipFolder: ${JSON.stringify(path)} appears twice`);
		entries[name] = [encoder.encode(text), { ...unixFile, mtime }];
	}
	return zipSync(entries, { level: 9 });
}
