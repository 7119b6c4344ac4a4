/**
 * The worker behind `offThread.ts`: analyses each text it is sent (parse, checks, layout, the
 * drawing as a data tree) away from the page, and posts the analysis back with its request's
 * number. Everything in an analysis is plain data, so it crosses to the page as it is.
 */
import { analyzeCompose } from '../../lib/compose/analyze.ts';
import type { AnalysisReply, AnalysisRequest } from './offThread.ts';

addEventListener('message', ({ data }: MessageEvent<AnalysisRequest>) => {
	postMessage({
		id: data.id,
		analysis: analyzeCompose(data.text, data.options),
	} satisfies AnalysisReply);
});
