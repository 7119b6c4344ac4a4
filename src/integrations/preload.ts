/**
 * Vite wraps every dynamic `import()` in its preload helper, with the list of the chunks the
 * imported one needs, so that they load in parallel. A quiz's results and progress tools need
 * almost only chunks the quiz itself imports, already loaded: listing them cost the quiz's own
 * chunk about 0.2 KB of gzip for nothing. This plugin drops from each list the chunks its importer
 * already reaches through its static imports, and the list itself when only the imported chunk is
 * left; whatever else is new still preloads beside it.
 */
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;

/** The chunks a chunk imports statically, directly or not, itself included. */
function staticClosure(bundle: OutputBundle, fileName: string, seen = new Set<string>()) {
	const output = bundle[fileName];
	if (output?.type !== 'chunk' || seen.has(fileName)) return seen;
	seen.add(fileName);
	for (const imported of output.imports) staticClosure(bundle, imported, seen);
	return seen;
}

export function preloadOnlyWhatIsNew(): Plugin {
	// The client bundle, as it is about to be written: Vite lists the preloads after this hook.
	let bundle: OutputBundle | undefined;
	return {
		name: 'preload-only-what-is-new',
		apply: 'build',
		// Astro sets `build.modulePreload` itself, after the user's Vite config: this merges into it.
		configEnvironment(name) {
			if (name !== 'client') return undefined;
			return {
				build: {
					modulePreload: {
						resolveDependencies(file, deps, { hostId, hostType }) {
							if (hostType !== 'js' || !bundle) return deps;
							const loaded = staticClosure(bundle, hostId);
							const needed = deps.filter((dep) => !loaded.has(dep));
							// The imported chunk alone: `import()` loads it, nothing to load beside it.
							return needed.length === 1 && needed[0] === file ? [] : needed;
						},
					},
				},
			};
		},
		generateBundle(_options, output) {
			bundle = output;
		},
	};
}
