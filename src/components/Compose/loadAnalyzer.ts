/**
 * The analyser (YAML parser, schema, layout) is most of the island's weight, so the page loads it
 * after first paint: the server draws the starting example, and `loadAnalyzer` brings in the rest.
 */
import type { analyzeCompose } from '../../lib/compose/analyze.ts';
import type { serializeSvg } from '../../lib/compose/svg.ts';

/** What the island needs from the heavy modules. */
export interface Analyzer {
	analyzeCompose: typeof analyzeCompose;
	serializeSvg: typeof serializeSvg;
}

let loading: Promise<Analyzer> | undefined;

/** Loads the analyser once; every later call gets the same promise. */
export function loadAnalyzer(): Promise<Analyzer> {
	loading ??= Promise.all([
		import('../../lib/compose/analyze.ts'),
		import('../../lib/compose/svg.ts'),
	]).then(([analyze, svg]) => ({
		analyzeCompose: analyze.analyzeCompose,
		serializeSvg: svg.serializeSvg,
	}));
	// A failed load (offline) may be retried by the next call.
	loading.catch(() => (loading = undefined));
	return loading;
}
