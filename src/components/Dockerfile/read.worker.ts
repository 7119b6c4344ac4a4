/**
 * The worker behind `offThread.ts`: reads a pasted Dockerfile into the model as the form keeps it
 * and lints it, away from the page, and posts both back.
 */
import { lint } from '../../lib/dockerfile/lint.ts';
import { parse } from '../../lib/dockerfile/parse.ts';
import { withoutSources } from '../../lib/dockerfile/share.ts';

addEventListener('message', (event: MessageEvent<string>) => {
	// What `readPaste(parse)` gives; not imported, so the worker does not load the whole builder.
	const model = withoutSources(parse(event.data));
	postMessage({ model, findings: lint(model, { silenced: true }) });
});
