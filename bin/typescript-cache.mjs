// @ts-check
/**
 * Keeps the JavaScript that Node strips from the project's TypeScript, so that a command line
 * started again does not strip it again. Node 22 strips every `.ts` file at every start: it loads
 * its stripper (a WebAssembly module) and runs it on each file, a good part of a short command's
 * time. Its compile cache keeps V8's code for the result but not the result itself; this does,
 * in a folder of that cache, one file per distinct source, named by the source's hash.
 *
 * Stripping only blanks the types out, so the result has the very length of the source and every
 * position in it: a cached file of another length is ignored, and errors still point at the right
 * line and column of the `.ts` file. Whenever anything is off (an old Node, the compile cache
 * disabled with NODE_DISABLE_COMPILE_CACHE, a folder another user could write to, syntax the
 * stripper refuses) Node is left to load the file as it always does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: only its own TypeScript is cached. */
const root = new URL('../', import.meta.url).href;

/**
 * Enables Node's compile cache and, on top of it, the cache of stripped TypeScript. Gives the
 * folder of the latter, or `undefined` when it is not in use. Never throws.
 */
export function enableTypeScriptCache() {
	const { enableCompileCache, getCompileCacheDir, registerHooks, stripTypeScriptTypes } = module;
	if (!enableCompileCache || !getCompileCacheDir || !registerHooks || !stripTypeScriptTypes)
		return undefined;
	enableCompileCache();
	const compileCache = getCompileCacheDir();
	if (!compileCache) return undefined;
	// Node's folder is per Node version, and so is its stripper's output.
	const directory = join(compileCache, 'typescript');
	if (!isPrivateFolder(directory)) return undefined;
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
 * cached there is run, so a folder others can write to would run their code.
 *
 * @param {string} directory
 */
function isPrivateFolder(directory) {
	try {
		mkdirSync(directory, { recursive: true, mode: 0o700 });
		const stats = statSync(directory);
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
