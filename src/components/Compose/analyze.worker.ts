/**
 * The worker behind `offThread.ts`: analyses each text it is sent (parse, checks, layout, the
 * drawing as a data tree) away from the page, and posts back what the island shows (findings,
 * drawing, description, the plan of `docker compose up`) with its request's number. The topology
 * model stays here: the island does not use it, and for a large file it would be most of what the
 * page has to copy in. The simulator that plans `up` lives here too, so the page never loads it.
 */
import { analyzeCompose } from '../../lib/compose/analyze.ts';
import { planFor } from '../../lib/compose/plan-view.ts';
import { planComposeUp } from '../../lib/simulator/index.ts';
import type { AnalysisReply, AnalysisRequest } from './offThread.ts';

addEventListener('message', ({ data }: MessageEvent<AnalysisRequest>) => {
	const { findings, diagram, description, model } = analyzeCompose(data.text, data.options);
	postMessage({
		id: data.id,
		analysis: {
			findings,
			...(diagram && { diagram }),
			...(description && { description }),
			plan: planFor(data.text, { findings, diagram, model }, planComposeUp),
		},
	} satisfies AnalysisReply);
});
