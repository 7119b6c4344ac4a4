// @ts-check
/**
 * Keeps the JavaScript that Node strips from the project's TypeScript, so that a command line
 * started again does not strip it again. Node 22 strips every `.ts` file at every start: it loads
 * its stripper (a WebAssembly module) and runs it on each file, a good part of a short command's
 * time. The cache is a folder of the temporary directory, one per version of the stripper, with
 * one file per distinct source, named by the source's hash.
 *
 * Node's own compile cache (`module.enableCompileCache`) is not turned on: for `compose check` it
 * saved about 10 ms a run once filled, but writing it cost about 120 ms on a machine's first run,
 * which is every run on a fresh CI runner. (With NODE_COMPILE_CACHE set, Node uses it anyway.)
 *
 * Stripping only blanks the types out, so the result has the very length of the source and every
 * position in it: a cached file of another length is ignored, and errors still point at the right
 * line and column of the `.ts` file. Whenever anything is off (an old Node, caching turned off
 * with NODE_DISABLE_COMPILE_CACHE=1, a folder another user could write to, syntax the stripper
 * refuses) Node is left to load the file as it always does.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: only its own TypeScript is cached. */
const root = new URL('../', import.meta.url).href;

/**
 * Turns the cache of stripped TypeScript on, for the modules loaded from now on. Gives its
 * folder, or `undefined` when it is not in use. Never throws.
 */
export function enableTypeScriptCache() {
	const { registerHooks, stripTypeScriptTypes } = module;
	if (!registerHooks || !stripTypeScriptTypes || process.env['NODE_DISABLE_COMPILE_CACHE'])
		return undefined;
	// Another stripper may blank the types out differently: each version has its own folder.
	const stripper = process.versions['amaro'] ?? process.version;
	const directory = join(tmpdir(), 'corso-typescript', stripper);
	if (!isPrivateFolder(join(directory, '..')) || !isPrivateFolder(directory)) return undefined;
	registerHooks({
		load(url, context, nextLoad) {
			if (!url.startsWith(root) || !url.endsWith('.ts') || url.includes('/node_modules/'))
				return nextLoad(url, context);
			const source = readFileSync(fileURLToPath(url), 'utf8');
			const path = join(directory, `${createHash('sha1').update(source).digest('hex')}.js`);
			let code = readCached(path, source.length);
			if (code === undefined) {
				code = strip(stripTypeScriptTypes, source);
				if (code === undefined) return nextLoad(url, context);
				store(path, code);
			}
			return { format: 'module', source: code, shortCircuit: true };
		},
	});
	return directory;
}

/**
 * Whether the folder exists (it is made if not) and only this user can write to it: what is
 * cached there is run, so a folder others can write to would run their code. A symbolic link is
 * refused too, as whoever made it can point it elsewhere later.
 *
 * @param {string} directory
 */
function isPrivateFolder(directory) {
	try {
		mkdirSync(directory, { recursive: true, mode: 0o700 });
		const stats = lstatSync(directory);
		if (!stats.isDirectory()) return false;
		if (process.platform === 'win32') return true;
		return stats.uid === process.getuid?.() && (stats.mode & 0o022) === 0;
	} catch {
		return false;
	}
}

/**
 * The cached JavaScript, if there is a file of the right length.
 *
 * @param {string} path
 * @param {number} length
 */
function readCached(path, length) {
	try {
		const code = readFileSync(path, 'utf8');
		return code.length === length ? code : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Strips the types as Node would, without its one-off warning that the function is experimental:
 * the warning would tell the user of the command about its start-up, not about their file.
 * `undefined` for syntax stripping cannot handle, which Node then reports as usual.
 *
 * @param {(code: string) => string} stripTypeScriptTypes
 * @param {string} source
 */
function strip(stripTypeScriptTypes, source) {
	const emitWarning = process.emitWarning;
	process.emitWarning = (warning, ...rest) => {
		if (String(warning).includes('stripTypeScriptTypes')) return;
		Reflect.apply(emitWarning, process, [warning, ...rest]);
	};
	try {
		return stripTypeScriptTypes(source);
	} catch {
		return undefined;
	} finally {
		process.emitWarning = emitWarning;
	}
}

/**
 * Writes a cache file whole or not at all, so another run never reads half of one.
 *
 * @param {string} path
 * @param {string} code
 */
function store(path, code) {
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, code, { mode: 0o600 });
		renameSync(temporary, path);
	} catch {
		// A cache that cannot be written only makes the next start slower.
	}
}
