/**
 * The worker behind `offThread.ts`: analyses each text it is sent (parse, checks, layout, the
 * drawing as a data tree) away from the page, and posts back what the island shows (findings,
 * drawing, description) with its request's number. The topology model stays here: the island does
 * not use it, and for a large file it would be most of what the page has to copy in.
 */
import { analyzeCompose } from '../../lib/compose/analyze.ts';
import type { AnalysisReply, AnalysisRequest } from './offThread.ts';

addEventListener('message', ({ data }: MessageEvent<AnalysisRequest>) => {
	const { findings, diagram, description } = analyzeCompose(data.text, data.options);
	postMessage({
		id: data.id,
		analysis: { findings, ...(diagram && { diagram }), ...(description && { description }) },
	} satisfies AnalysisReply);
});
