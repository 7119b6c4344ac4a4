/**
 * The analyser (YAML parser, schema, layout) is most of the island's weight, so the page loads it
 * after first paint: the server draws the starting example, and `loadEngine` brings in the rest.
 */
import type { AnalyzeOptions, analyzeCompose } from '../../lib/compose/analyze.ts';
import type { DiagramOptions } from '../../lib/compose/share.ts';
import type { serializeSvg } from '../../lib/compose/svg.ts';
import type { Locale } from '../../lib/i18n/locale.ts';

/** What the island needs from the heavy modules. */
export interface Engine {
	analyzeCompose: typeof analyzeCompose;
	serializeSvg: typeof serializeSvg;
}

let loading: Promise<Engine> | undefined;

/** Loads the analyser once; every later call gets the same promise. */
export function loadEngine(): Promise<Engine> {
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

/** The analysis options, the same on the server and in the browser so the two drawings match. */
export function analysisOptions(
	lang: Locale,
	strings: Record<string, string>,
	id: string,
	options: DiagramOptions
): AnalyzeOptions {
	const both = (key: string) => {
		const text = strings[key] ?? key;
		return { it: text, en: text };
	};
	return {
		lang,
		title: both('compose.diagram.title'),
		desc: both('compose.diagram.desc'),
		idPrefix: `${id}-svg`,
		...options,
	};
}
