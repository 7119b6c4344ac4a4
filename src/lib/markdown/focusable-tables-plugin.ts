import type { HastPluginDefinition } from 'satteri';

/**
 * HTML plugin (Sätteri): every table written in a chapter can take keyboard focus. Starlight lets
 * a table wider than the column scroll sideways inside its own box, and a box that scrolls must be
 * reachable by keyboard, or people who do not use a mouse cannot see its hidden columns (WCAG
 * 2.1.1; axe-core's `scrollable-region-focusable`). Whether a table overflows depends on the
 * reader's fonts and screen, so every table gets `tabindex="0"`.
 */
export function focusableTablesPlugin(): HastPluginDefinition {
	return {
		name: 'focusable-tables',
		element: {
			filter: ['table'],
			// A visitor's returned node takes the place of the one it was given.
			visit: (node) => ({ ...node, properties: { ...node.properties, tabIndex: 0 } }),
		},
	};
}
