/**
 * What the playground loads once the learner is about to type: the simulated engine, the
 * session's operations and the host's drawing. One chunk, apart from the page's first load.
 */
export { completions } from '../../lib/simulator/completions.ts';
export { explain } from '../../lib/simulator/explain.ts';
export {
	clearScreen,
	newSession,
	replay,
	reset,
	shownResults,
	submit,
	undo,
	type Session,
} from '../../lib/simulator/session.ts';
export { hostView } from '../../lib/simulator/view.ts';
