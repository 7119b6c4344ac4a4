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

/**
 * Past this many lines, likewise. The layout's cost grows with the boxes and the lines together:
 * at both limits at once it takes some 65 ms in Node, about 1.4 times the 100-service file of
 * `bench/compose.ts` (434 lines, which must stay drawable), while 200 services each on 199
 * networks (399 boxes, 39,800 lines) took 8 s. `bench/compose-lab.ts` measures both. A diagram
 * with more lines than this is too tangled to read anyway.
 */
export const maxDiagramEdges = 500;

/** How many boxes and lines the diagram of a model would have, counted without placing anything. */
export interface DiagramSize {
	/** Services, networks, named volumes and the host paths services mount. */
	nodes: number;
	/** Joined networks, mounts, dependencies, published ports and the host's network, as drawn. */
	edges: number;
}

/** Counts the boxes and lines of the diagram, whatever the options hide: an upper bound. */
export function diagramSize(model: TopologyModel): DiagramSize {
	let edges = 0;
	const hostPaths = new Set<string>();
	for (const service of model.services) {
		for (const mount of service.mounts)
			if (mount.kind === 'bind' && mount.source !== undefined) hostPaths.add(mount.source);
		edges +=
			service.networks.length +
			service.mounts.filter((mount) => mount.kind === 'named' || mount.kind === 'bind').length +
			service.dependsOn.length +
			(service.ports.length ? 1 : 0) +
			(service.networkMode === 'host' ? 1 : 0);
	}
	return {
		nodes: model.services.length + model.networks.length + model.volumes.length + hostPaths.size,
		edges,
	};
}

/**
 * Why the diagram is not drawn, one note per limit the model goes past; none when it can be drawn.
 * The layout is never attempted past a limit: its cost grows faster than the file.
 */
export function diagramLimits({ nodes, edges }: DiagramSize): Finding[] {
	const note = (message: Finding['message']): Finding => ({
		rule: 'input-limit',
		severity: 'info',
		message,
		line: 1,
		column: 1,
		path: [],
	});
	return [
		...(nodes > maxDiagramNodes
			? [
					note({
						it: `Il file ha ${nodes} tra servizi, reti, volumi e percorsi dell'host: troppi per uno schema leggibile (il massimo è ${maxDiagramNodes}), quindi lo schema non è disegnato. I controlli sono stati fatti comunque; per vedere uno schema, prova con una parte dei servizi.`,
						en: `The file has ${nodes} services, networks, volumes and host paths: too many for a readable diagram (the limit is ${maxDiagramNodes}), so no diagram is drawn. The checks were run all the same; to see a diagram, try with part of the services.`,
					}),
				]
			: []),
		...(edges > maxDiagramEdges
			? [
					note({
						it: `Il file ha ${edges} collegamenti (reti dei servizi, volumi, dipendenze, porte): troppi per uno schema leggibile (il massimo è ${maxDiagramEdges}), quindi lo schema non è disegnato. I controlli sono stati fatti comunque; per vedere uno schema, prova con una parte dei servizi.`,
						en: `The file has ${edges} links (services' networks, volumes, dependencies, ports): too many for a readable diagram (the limit is ${maxDiagramEdges}), so no diagram is drawn. The checks were run all the same; to see a diagram, try with part of the services.`,
					}),
				]
			: []),
	];
}

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
	const limited = diagramLimits(diagramSize(model));
	if (limited.length) {
		findings.push(...limited);
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
