/**
 * The worker behind `offThread.ts`: reads a pasted Dockerfile into the model as the form keeps it,
 * or takes a model, and lints it, away from the page.
 */
import { lint } from '../../lib/dockerfile/lint.ts';
import { parse } from '../../lib/dockerfile/parse.ts';
import { withoutSources } from '../../lib/dockerfile/share.ts';
import type { WorkerReply, WorkerRequest } from './offThread.ts';

addEventListener('message', ({ data }: MessageEvent<WorkerRequest>) => {
	let reply: WorkerReply;
	if ('text' in data) {
		// What `readPaste(parse)` gives; not imported, so the worker does not load the whole builder.
		const model = withoutSources(parse(data.text));
		reply = { id: data.id, model, findings: lint(model, { silenced: true }) };
	} else {
		reply = { id: data.id, findings: lint(data.model, { silenced: true }) };
	}
	postMessage(reply);
});
