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

/** The attributes of a node, without event handlers and links. */
export function safeAttributes(attrs: SvgNode['attrs']): Record<string, string | number> {
	const safe: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(attrs))
		if (!unsafeAttribute.test(name)) safe[name] = value;
	return safe;
}

/** Renders a diagram tree as Preact elements: text becomes text nodes, never markup. */
export function renderSvg(node: SvgNode, key?: number): ComponentChild {
	if (!allowedTags.has(node.tag)) return null;
	const attrs = safeAttributes(node.attrs);
	if (key !== undefined) attrs.key = key;
	return h(node.tag, attrs, node.text, ...renderChildren(node));
}

/** The children of a node, rendered, for a root drawn by its caller (with its own `viewBox`). */
export function renderChildren(node: SvgNode): ComponentChild[] {
	return (node.children ?? []).map((child, index) => renderSvg(child, index));
}
