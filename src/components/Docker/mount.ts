/**
 * A chapter's playground, brought to life when the reader reaches it or presses a run button:
 * the server rendered it, with its props beside it, and Preact takes over the same markup.
 */
import { h, hydrate } from 'preact';
import Playground, { type PlaygroundProps } from './Playground.tsx';

/** Hydrates the playground rendered inside `element`, once. */
export function mountPlayground(element: HTMLElement): void {
	if (element.hasAttribute('data-dp-mounted')) return;
	element.setAttribute('data-dp-mounted', '');
	const props = JSON.parse(element.getAttribute('data-dp-props') ?? '{}') as PlaygroundProps;
	hydrate(h(Playground, props), element);
}
