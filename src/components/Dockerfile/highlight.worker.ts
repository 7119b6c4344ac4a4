/**
 * The worker behind `highlighter.ts`: loads Shiki once and colours each Dockerfile it is sent,
 * away from the page, so that the grammar's start-up never keeps a phone's page busy.
 */
import { createHighlight } from '../../lib/dockerfile/highlight.ts';
import type { HighlightReply, HighlightRequest } from './highlighter.ts';

const highlight = createHighlight();

addEventListener('message', ({ data }: MessageEvent<HighlightRequest>) => {
	void highlight.then((colour) => {
		let highlighted: HighlightReply['highlighted'] = null;
		try {
			highlighted = colour(data.text);
		} catch {
			// A text Shiki cannot colour stays plain.
		}
		postMessage({ id: data.id, highlighted } satisfies HighlightReply);
	});
});
