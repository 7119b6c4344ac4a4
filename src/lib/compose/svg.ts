/**
 * Draws a placed topology as SVG, built as a plain data tree (`SvgNode`) rather than a string:
 * the island renders the tree with Preact, so user data only ever becomes text, never markup.
 * `serializeSvg` writes the same tree as a standalone file, escaped, with its own light and dark
 * colours. On the page, the `cd-*` classes and `currentColor` let the site's CSS theme it.
 */
import type { Locale } from '../i18n/locale.ts';
import { diagramLabels } from './labels.ts';
import {
	curveOf,
	labelRect,
	metrics,
	stackOffset,
	textWidth,
	type DiagramEdge,
	type DiagramLayout,
	type DiagramNode,
	type NodeKind,
	type Point,
} from './layout.ts';

/** An SVG element as data: its tag, attributes, children and text (always escaped on output). */
export interface SvgNode {
	tag: string;
	attrs: Record<string, string | number>;
	children?: SvgNode[];
	text?: string;
}

/** What the drawing needs besides the layout. */
export interface DrawOptions {
	lang: Locale;
	/** The accessible name of the figure (`<title>`). */
	title: string;
	/** The text alternative of the figure (`<desc>`), such as the topology in sentences. */
	description: string;
	/** Prefix of the ids inside the SVG, unique per page when a page shows several diagrams. */
	idPrefix?: string;
}

/** The CSS `serializeSvg` embeds: colours for light and dark schemes, so the file stands alone. */
export const diagramStyle = [
	'.cd-diagram{color:#1f2328}',
	'.cd-bg{fill:#ffffff}',
	'.cd-shape{fill-opacity:1;stroke-width:1.5}',
	'.cd-service>.cd-shape{fill:#ddf4ff;stroke:#0969da}',
	'.cd-host>.cd-shape{fill:#f6f8fa;stroke:#57606a}',
	'.cd-network>.cd-shape{fill:#dafbe1;stroke:#1a7f37}',
	'.cd-volume>.cd-shape{fill:#fff8c5;stroke:#9a6700}',
	'.cd-bind>.cd-shape{fill:#fbefff;stroke:#8250df}',
	'.cd-edge{stroke:#57606a}',
	'.cd-bus{stroke:#1a7f37}',
	'.cd-dot{fill:#1a7f37}',
	'.cd-join{fill:#57606a}',
	'.cd-label-bg{fill:#ffffff;fill-opacity:0.85}',
	'@media (prefers-color-scheme:dark){',
	'.cd-diagram{color:#e6edf3}',
	'.cd-bg{fill:#0d1117}',
	'.cd-service>.cd-shape{fill:#0c2d6b;stroke:#58a6ff}',
	'.cd-host>.cd-shape{fill:#161b22;stroke:#8b949e}',
	'.cd-network>.cd-shape{fill:#033a16;stroke:#3fb950}',
	'.cd-volume>.cd-shape{fill:#3b2300;stroke:#d29922}',
	'.cd-bind>.cd-shape{fill:#271052;stroke:#a371f7}',
	'.cd-edge{stroke:#8b949e}',
	'.cd-bus{stroke:#3fb950}',
	'.cd-dot{fill:#3fb950}',
	'.cd-join{fill:#8b949e}',
	'.cd-label-bg{fill:#0d1117}',
	'}',
].join('');

const el = (tag: string, attrs: SvgNode['attrs'], children?: SvgNode[]): SvgNode => ({
	tag,
	attrs,
	...(children && { children }),
});
const text = (attrs: SvgNode['attrs'], content: string): SvgNode => ({
	tag: 'text',
	attrs,
	text: content,
});
const round = (value: number) => Math.round(value * 10) / 10;
const dashed = { 'stroke-dasharray': '5 3' };

/** Draws the diagram: boxes, lines with their labels, and a legend under them. */
export function drawDiagram(layout: DiagramLayout, options: DrawOptions): SvgNode {
	const id = options.idPrefix ?? 'cd';
	const legend = drawLegend(options.lang, layout.height, Math.max(layout.width, 320));
	const width = Math.ceil(Math.max(layout.width, legend.width));
	const height = Math.ceil(layout.height + legend.height);
	return el(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			viewBox: `0 0 ${width} ${height}`,
			width,
			height,
			role: 'img',
			'aria-labelledby': `${id}-title ${id}-desc`,
			class: 'cd-diagram',
			'font-family': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
			'font-size': metrics.fontSize,
		},
		[
			{ tag: 'title', attrs: { id: `${id}-title` }, text: options.title },
			{ tag: 'desc', attrs: { id: `${id}-desc` }, text: options.description },
			el('defs', {}, [
				el(
					'marker',
					{
						id: `${id}-arrow`,
						viewBox: '0 0 10 10',
						refX: 9,
						refY: 5,
						markerWidth: 7,
						markerHeight: 7,
						orient: 'auto-start-reverse',
					},
					[el('path', { d: 'M0,0L10,5L0,10z', fill: 'currentColor' })]
				),
			]),
			el('rect', { class: 'cd-bg', x: 0, y: 0, width, height, fill: 'none' }),
			el(
				'g',
				{ class: 'cd-buses' },
				layout.nodes.flatMap((node) =>
					node.bus
						? [
								el('path', {
									class: 'cd-bus',
									d: pathOf(node.bus),
									fill: 'none',
									stroke: 'currentColor',
									'stroke-width': 3,
									'stroke-linecap': 'round',
									...(node.external && { 'stroke-dasharray': '8 4' }),
								}),
							]
						: []
				)
			),
			el('g', { class: 'cd-edges' }, drawEdges(layout.edges, id)),
			// Where a service joins a bus: a dot, so that a line crossing the bus reads as crossing.
			el(
				'g',
				{ class: 'cd-dots' },
				layout.edges.flatMap((edge) => {
					const end = edge.points.at(-1);
					return edge.kind === 'network' && end
						? [
								el('circle', {
									class: 'cd-dot',
									cx: round(end.x),
									cy: round(end.y),
									r: 4,
									fill: 'currentColor',
								}),
							]
						: [];
				})
			),
			el('g', { class: 'cd-nodes' }, layout.nodes.map(drawNode)),
			el(
				'g',
				{ class: 'cd-edge-labels' },
				layout.edges.flatMap((edge) =>
					edge.labelAt && edge.label.length ? [drawLabel(edge.label, edge.labelAt)] : []
				)
			),
			legend.node,
		]
	);
}

/** The lines of the diagram; `depends_on` lines into the same service as one bundle. */
function drawEdges(edges: readonly DiagramEdge[], id: string): SvgNode[] {
	const line = (kind: DiagramEdge['kind'], points: Point[], arrow: boolean) =>
		el('path', {
			class: `cd-edge ${kind === 'depends' ? 'cd-depends' : `cd-edge-${kind}`}`,
			d: pathOf(points),
			fill: 'none',
			stroke: 'currentColor',
			'stroke-opacity': 0.7,
			...(kind === 'depends' && { 'stroke-dasharray': '6 4' }),
			...(kind === 'host-network' && { 'stroke-width': 3 }),
			...(arrow && { 'marker-end': `url(#${id}-arrow)` }),
		});
	const bundles = new Map<string, DiagramEdge[]>();
	for (const edge of edges)
		if (edge.kind === 'depends' && edge.from !== edge.to && edge.points.length === 4)
			bundles.set(edge.to, [...(bundles.get(edge.to) ?? []), edge]);
	const drawn: SvgNode[] = [];
	for (const edge of edges) {
		const bundle = bundles.get(edge.to);
		if (!bundle?.includes(edge) || bundle.length < 2)
			drawn.push(line(edge.kind, edge.points, edge.kind === 'port' || edge.kind === 'depends'));
	}
	for (const bundle of bundles.values()) {
		if (bundle.length < 2) continue;
		// Each line: from its service to the shared run; the run, once; then into the service.
		const [first] = bundle as [DiagramEdge];
		const [, , corner, end] = first.points as [Point, Point, Point, Point];
		const joins = bundle.map((edge) => edge.points[1] as Point);
		const along = joins.every((p) => Math.abs(p.x - corner.x) < 0.01) ? 'y' : 'x';
		const run = [corner, ...joins].sort((a, b) => a[along] - b[along]);
		const [low, high] = [run[0] as Point, run.at(-1) as Point];
		for (const edge of bundle) drawn.push(line('depends', edge.points.slice(0, 2), false));
		if (
			corner === low ||
			corner === high ||
			low[along] === corner[along] ||
			high[along] === corner[along]
		) {
			const far =
				Math.abs(low[along] - corner[along]) > Math.abs(high[along] - corner[along]) ? low : high;
			drawn.push(line('depends', [far, corner, end], true));
		} else {
			drawn.push(line('depends', [low, high], false));
			drawn.push(line('depends', [corner, end], true));
		}
		for (const p of [...joins, corner])
			if (p[along] > low[along] + 0.01 && p[along] < high[along] - 0.01)
				drawn.push(
					el('circle', {
						class: 'cd-join',
						cx: round(p.x),
						cy: round(p.y),
						r: 3,
						fill: 'currentColor',
					})
				);
	}
	return drawn;
}

/** The path of an edge, as `curveOf` bends it. */
function pathOf(points: Point[]): string {
	const curve = curveOf(points);
	if (!curve) return '';
	const at = (p: Point) => `${round(p.x)},${round(p.y)}`;
	const pieces = curve.pieces.map(({ control, to }) =>
		control ? `Q${at(control)} ${at(to)}` : `L${at(to)}`
	);
	return `M${at(curve.start)}${pieces.join('')}`;
}

function drawLabel(lines: string[], at: Point): SvgNode {
	const { x, y, width, height } = labelRect(lines, at);
	// `Canvas` is the page's background in either scheme, so the label hides the line under it.
	return el('g', { class: 'cd-edge-label' }, [
		el('rect', {
			class: 'cd-label-bg',
			x: round(x),
			y: round(y),
			width: round(width),
			height,
			rx: 3,
			fill: 'Canvas',
		}),
		...lines.map((line, i) =>
			text(
				{
					class: 'cd-label',
					x: round(at.x),
					y: round(y + (i + 0.75) * metrics.lineHeight),
					'text-anchor': 'middle',
					fill: 'currentColor',
				},
				line
			)
		),
	]);
}

/** The outline of a box of each kind, with its top-left corner at `x`, `y`. */
function shapeOf(kind: NodeKind, x: number, y: number, width: number, height: number): SvgNode {
	const paint = {
		class: 'cd-shape',
		fill: 'currentColor',
		'fill-opacity': 0.06,
		stroke: 'currentColor',
	};
	const inset = metrics.shapeInset;
	const [left, top, right, bottom] = [x, y, x + width, y + height].map(round) as [
		number,
		number,
		number,
		number,
	];
	switch (kind) {
		case 'service':
		case 'host':
		case 'network':
			return el('rect', {
				...paint,
				x: left,
				y: top,
				width: round(width),
				height: round(height),
				// A network is a pill; the host's corners are rounder than a service's.
				rx: kind === 'network' ? round(height / 2) : kind === 'host' ? 10 : 6,
			});
		case 'volume': {
			const rx = round(width / 2);
			const ry = inset / 2;
			return el('path', {
				...paint,
				d: `M${left},${top + ry}A${rx},${ry} 0 0 1 ${right},${top + ry}V${bottom - ry}A${rx},${ry} 0 0 1 ${left},${bottom - ry}ZM${left},${top + ry}A${rx},${ry} 0 0 0 ${right},${top + ry}`,
			});
		}
		case 'bind': {
			const tab = round(Math.min(48, width / 3));
			return el('path', {
				...paint,
				d: `M${left},${top}H${left + tab}L${left + tab + inset},${top + inset}H${right}V${bottom}H${left}Z`,
			});
		}
	}
}

function drawNode(node: DiagramNode): SvgNode {
	// Several containers: a box with another behind it, like a stack of cards, both inside the
	// node's place (the layout made it `stackOffset` larger), so lines end on the stack's outline.
	const s = (node.replicas ?? 1) > 1 ? stackOffset : 0;
	const [left, top] = [node.x - node.width / 2, node.y - node.height / 2 + s];
	const inset = node.kind === 'volume' || node.kind === 'bind' ? metrics.shapeInset : 0;
	const shape = shapeOf(node.kind, left, top, node.width - s, node.height - s);
	const stack = s ? [shapeOf(node.kind, left + s, top - s, node.width - s, node.height - s)] : [];
	const baseline = (i: number) =>
		round(top + inset + metrics.padding + (i + 0.75) * metrics.lineHeight);
	return el('g', { class: `cd-node cd-${node.kind}${node.external ? ' cd-external' : ''}` }, [
		...stack,
		node.external ? { ...shape, attrs: { ...shape.attrs, ...dashed } } : shape,
		...node.lines.map((line, i) =>
			text(
				{
					class: i === 0 ? 'cd-title' : 'cd-label',
					x: round(node.x - s / 2),
					y: baseline(i),
					'text-anchor': 'middle',
					fill: 'currentColor',
					...(i === 0 && { 'font-weight': 'bold', 'font-size': metrics.titleSize }),
				},
				line
			)
		),
	]);
}

/** The legend: one sample of each kind of box and line, in rows under the diagram. */
function drawLegend(
	lang: Locale,
	top: number,
	maxWidth: number
): { node: SvgNode; width: number; height: number } {
	const words = diagramLabels[lang];
	const swatch = { width: 28, height: 16 };
	const items: { label: string; width?: number; sample: (x: number, y: number) => SvgNode }[] = [
		...(['service', 'volume', 'bind'] as const).map((kind) => ({
			label: {
				service: words.legendService,
				volume: words.legendVolume,
				bind: words.legendBind,
			}[kind],
			sample: (x: number, y: number) =>
				el('g', { class: `cd-node cd-${kind}` }, [
					shapeOf(kind, x, y, swatch.width, swatch.height),
				]),
		})),
		{
			// A network's box, its bus, and the dot where a service joins it.
			label: words.legendNetwork,
			width: 48,
			sample: (x: number, y: number) =>
				el('g', { class: 'cd-node cd-network' }, [
					shapeOf('network', x, y, 20, swatch.height),
					el('path', {
						class: 'cd-bus',
						d: `M${x + 20},${y + swatch.height / 2}H${x + 48}`,
						stroke: 'currentColor',
						'stroke-width': 3,
					}),
					el('circle', {
						class: 'cd-dot',
						cx: x + 38,
						cy: y + swatch.height / 2,
						r: 4,
						fill: 'currentColor',
					}),
				]),
		},
		{
			label: words.legendDepends,
			sample: (x: number, y: number) =>
				el('path', {
					class: 'cd-edge cd-depends',
					d: `M${x},${y + swatch.height / 2}H${x + swatch.width}`,
					stroke: 'currentColor',
					'stroke-dasharray': '6 4',
				}),
		},
		{
			label: words.legendExternal,
			sample: (x: number, y: number) =>
				el('rect', {
					class: 'cd-shape',
					x,
					y,
					width: swatch.width,
					height: swatch.height,
					rx: 4,
					fill: 'none',
					stroke: 'currentColor',
					...dashed,
				}),
		},
	];
	const margin = 16;
	const rowHeight = 24;
	const children: SvgNode[] = [
		text(
			{
				class: 'cd-title',
				x: margin,
				y: top + metrics.fontSize,
				fill: 'currentColor',
				'font-weight': 'bold',
			},
			words.legend
		),
	];
	let [x, y, widest] = [margin, top + metrics.lineHeight + 4, 0];
	for (const item of items) {
		const sampleWidth = item.width ?? swatch.width;
		const itemWidth = sampleWidth + 8 + textWidth(item.label) + 20;
		if (x > margin && x + itemWidth > maxWidth - margin) [x, y] = [margin, y + rowHeight];
		children.push(
			item.sample(x, y),
			text(
				{ class: 'cd-label', x: round(x + sampleWidth + 8), y: y + 12, fill: 'currentColor' },
				item.label
			)
		);
		x += itemWidth;
		widest = Math.max(widest, x);
	}
	return {
		node: el('g', { class: 'cd-legend' }, children),
		width: widest + margin,
		height: y + rowHeight + margin - top,
	};
}

/**
 * Writes the tree as a standalone SVG file: XML-escaped text and attributes, with the colours of
 * `diagramStyle` embedded after the title and description.
 */
export function serializeSvg(node: SvgNode): string {
	const root =
		node.tag === 'svg'
			? {
					...node,
					attrs: { xmlns: 'http://www.w3.org/2000/svg', ...node.attrs },
					children: [
						...(node.children ?? []).filter((c) => c.tag === 'title' || c.tag === 'desc'),
						{ tag: 'style', attrs: {}, text: diagramStyle },
						...(node.children ?? []).filter((c) => c.tag !== 'title' && c.tag !== 'desc'),
					],
				}
			: node;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root)}\n`;
}

const xmlName = /^[A-Za-z_][\w.:-]*$/;

function write(node: SvgNode): string {
	if (!xmlName.test(node.tag)) return '';
	const attrs = Object.entries(node.attrs)
		.filter(([name]) => xmlName.test(name))
		.map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
		.join('');
	const inner = escapeXml(node.text ?? '') + (node.children ?? []).map(write).join('');
	return inner ? `<${node.tag}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}

// Control characters and lone surrogates cannot appear in XML 1.0 at all, not even escaped.
const notXml =
	// eslint-disable-next-line no-control-regex -- matching control characters is the point.
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/** Escapes text for XML, dropping the characters XML 1.0 cannot hold. */
export function escapeXml(value: string): string {
	return value.replace(notXml, '').replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
