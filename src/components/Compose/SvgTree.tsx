import { h, type ComponentChild } from 'preact';
import type { SvgNode } from '../../lib/compose/svg.ts';

// The elements the drawing uses. Anything else, and any event handler or link, is dropped: the
// tree is built by our code, but the names and texts in it come from what the learner typed.
const allowedTags = new Set([
	'svg',
	'g',
	'rect',
	'path',
	'circle',
	'text',
	'title',
	'desc',
	'defs',
	'marker',
]);
const unsafeAttribute = /^on|href$/i;

/** Renders a diagram tree as Preact elements: text becomes text nodes, never markup. */
export function renderSvg(node: SvgNode, key?: number): ComponentChild {
	if (!allowedTags.has(node.tag)) return null;
	const attrs: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(node.attrs))
		if (!unsafeAttribute.test(name)) attrs[name] = value;
	if (key !== undefined) attrs.key = key;
	return h(
		node.tag,
		attrs,
		node.text,
		...(node.children ?? []).map((child, index) => renderSvg(child, index))
	);
}
