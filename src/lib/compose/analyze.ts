/**
 * The one entry point of the Compose diagram generator, for the island and the command line:
 * text in; findings, the topology, the diagram and its description out. It never throws.
 */
import { byPosition } from '../findings.ts';
import type { Locale, Localized } from '../i18n/locale.ts';
import { describeTopology } from './describe.ts';
import type { Finding } from './finding.ts';
import { inspect, tooComplex } from './inspect.ts';
import { diagramLabels } from './labels.ts';
import { layoutTopology, type LayoutOptions } from './layout.ts';
import { buildModel, type TopologyModel } from './model.ts';
import { drawDiagram, type SvgNode } from './svg.ts';

/** How to analyse and draw. */
export interface AnalyzeOptions extends LayoutOptions {
	/** The language of the messages, labels and description; Italian by default. */
	lang?: Locale;
	/** The diagram's accessible name (`<title>`), in both languages; "Compose file diagram" by default. */
	title?: Localized<string>;
	/** The diagram's `<desc>`, in both languages; the topology in sentences by default. */
	desc?: Localized<string>;
	/** Prefix of the ids inside the SVG, unique per page. */
	idPrefix?: string;
}

/** What the analysis found: always the findings; the rest when the file could be read. */
export interface Analysis {
	/** Every problem, ordered by position. */
	findings: Finding[];
	model?: TopologyModel;
	diagram?: SvgNode;
	/** The topology in sentences, one per string. */
	description?: string[];
}

/** Past this many boxes the diagram would be unreadable and slow to place; the checks still run. */
export const maxDiagramNodes = 400;

/** Parses, validates, checks, and draws a Compose file. Never throws. */
export function analyzeCompose(text: string, options: AnalyzeOptions = {}): Analysis {
	try {
		return analyze(text, options);
	} catch {
		// Unreachable by design; if a pathological input finds a way, say so rather than crash.
		return { findings: [tooComplex] };
	}
}

function analyze(text: string, options: AnalyzeOptions): Analysis {
	const lang = options.lang ?? 'it';
	const { findings, file } = inspect(text);
	if (!file) return { findings };

	const model = buildModel(file);
	const description = describeTopology(model, lang);
	const boxes = model.services.length + model.networks.length + model.volumes.length;
	if (boxes > maxDiagramNodes) {
		findings.push({
			rule: 'input-limit',
			severity: 'info',
			message: {
				it: `Il file ha ${boxes} tra servizi, reti e volumi: troppi per uno schema leggibile (il massimo è ${maxDiagramNodes}). I controlli sono stati fatti comunque.`,
				en: `The file has ${boxes} services, networks and volumes: too many for a readable diagram (the limit is ${maxDiagramNodes}). The checks were run all the same.`,
			},
			line: 1,
			column: 1,
			path: [],
		});
		return { findings: findings.sort(byPosition), model, description };
	}
	const diagram = drawDiagram(layoutTopology(model, lang, options), {
		lang,
		title: (options.title ?? { it: diagramLabels.it.title, en: diagramLabels.en.title })[lang],
		description: options.desc?.[lang] ?? description.join(' '),
		...(options.idPrefix !== undefined && { idPrefix: options.idPrefix }),
	});
	return { findings: findings.sort(byPosition), model, diagram, description };
}
