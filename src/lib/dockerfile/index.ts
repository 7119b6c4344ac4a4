/**
 * The Dockerfile builder's logic: read a Dockerfile into a model the form edits, write it back,
 * check it, and give the matching `docker build` and `docker run` commands.
 */
export { commands, shellQuote, type CommandOptions, type DockerCommands } from './commands.ts';
export {
	addStage,
	createInstruction,
	insertItem,
	moveItem,
	nextId,
	removeItem,
	removeStage,
	updateItem,
	type Place,
} from './edit.ts';
export { lint, rules, type Finding, type RuleInfo } from './lint.ts';
export * from './model.ts';
export { parse } from './parse.ts';
export { imageReference, print, printInstruction, withPrintedSources } from './print.ts';
export { templates, type Template } from './templates.ts';
