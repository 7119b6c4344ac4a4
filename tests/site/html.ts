import { Window } from 'happy-dom';

/** Parses an HTML string into a document, without running its scripts. */
export function parseHtml(html: string): Document {
	const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
	window.document.write(html);
	return window.document as unknown as Document;
}
