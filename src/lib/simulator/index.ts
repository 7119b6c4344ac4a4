/**
 * A simulated Docker host for the course's terminal, labs and Compose panel: pure and
 * deterministic (no DOM, no clock, no network), it runs the commands the chapters teach and
 * answers as Docker would, each error followed by an explanation in the learner's language.
 */
export type {
	Attachment,
	Behaviour,
	CommandResult,
	Container,
	Explanation,
	Family,
	HostState,
	Image,
	MountPoint,
	Network,
	PortBinding,
	Volume,
} from './types.ts';
export { createHost, type HostOptions } from './host.ts';
export { runCommand, runScript, scriptLines, type ScriptOptions } from './engine.ts';
export { explain, explanations } from './explain.ts';
export { messages, formatMessage, type MessageEntry, type MessageId } from './messages.ts';
export { planComposeUp, type ComposePlan, type PlanReach, type PlanStep } from './compose.ts';
export { completions } from './completions.ts';
export { catalogue, type CatalogueEntry } from './catalogue.ts';
export { formatTranscript, type TranscriptOptions } from './transcript.ts';
