import type { MdastPluginDefinition } from 'satteri';
import { withBase } from './url.ts';

/** Attributes of MDX components that hold a link to one of our pages. */
const linkAttributes = new Set(['href', 'src', 'link']);

/**
 * Markdown plugin (Sätteri, Astro's Markdown processor): every root-relative link written in a
 * chapter, such as `[text](/docker/volumi/)` or `<LinkButton href="/quiz/docker/">`, gets the
 * site's base path through {@link withBase}, so chapters are written once and work under any base.
 * @param base The site's base path; the Astro config passes its own, which it knows before Vite.
 */
export function baseLinksPlugin(base: string): MdastPluginDefinition {
	const rebase = (url: string) => withBase(url, base);
	const needsChange = (url: string) => rebase(url) !== url;
	/** The attributes with their links rebased, or `undefined` when none needed it. */
	const rebaseAttributes = <A extends { type: string; name?: string; value?: unknown }>(
		attributes: readonly A[]
	): A[] | undefined => {
		let changed = false;
		const result = attributes.map((attribute) => {
			const { type, name, value } = attribute;
			if (type !== 'mdxJsxAttribute' || !name || !linkAttributes.has(name)) return attribute;
			if (typeof value !== 'string' || !needsChange(value)) return attribute;
			changed = true;
			return { ...attribute, value: rebase(value) };
		});
		return changed ? result : undefined;
	};
	return {
		name: 'base-links',
		link(node, ctx) {
			if (needsChange(node.url)) ctx.setProperty(node, 'url', rebase(node.url));
		},
		image(node, ctx) {
			if (needsChange(node.url)) ctx.setProperty(node, 'url', rebase(node.url));
		},
		definition(node, ctx) {
			if (needsChange(node.url)) ctx.setProperty(node, 'url', rebase(node.url));
		},
		// Sätteri cannot set `attributes` in place, so the element is replaced by a copy.
		mdxJsxFlowElement(node, ctx) {
			const attributes = rebaseAttributes(node.attributes);
			if (attributes) ctx.replaceNode(node, { ...node, attributes, children: node.children });
		},
		mdxJsxTextElement(node, ctx) {
			const attributes = rebaseAttributes(node.attributes);
			if (attributes) ctx.replaceNode(node, { ...node, attributes, children: node.children });
		},
	};
}
