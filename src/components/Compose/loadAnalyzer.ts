/**
 * The analyser (YAML parser, schema, layout) is most of the island's weight, so the page never
 * loads it up front: the server draws the starting example, a worker analyses the learner's texts
 * (`offThread.ts`), and the page brings the modules in only when it has to do that work itself
 * (no workers) or to write a diagram out as a file.
 */
import type { analyzeCompose } from '../../lib/compose/analyze.ts';
import type { serializeSvg } from '../../lib/compose/svg.ts';

/** What the page needs from the heavy modules when it analyses a text itself. */
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

let writing: Promise<typeof serializeSvg> | undefined;

/** Loads what writes a diagram as a standalone SVG file (not the parser nor the checks), once. */
export function loadSvgWriter(): Promise<typeof serializeSvg> {
	writing ??= import('../../lib/compose/svg.ts').then((svg) => svg.serializeSvg);
	writing.catch(() => (writing = undefined));
	return writing;
}
