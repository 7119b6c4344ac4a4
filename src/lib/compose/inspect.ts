/**
 * The checks of a Compose file without its drawing: parse, validate and the cross-field checks.
 * `compose check` runs only this, so it never loads the layout and SVG code it would
 * not use; `analyzeCompose` starts from the same result and goes on to draw.
 */
import { byPosition } from '../findings.ts';
import { checkCompose } from './checks.ts';
import type { Finding } from './finding.ts';
import { parseCompose, placeIssues } from './parse.ts';
import type { ComposeFile } from './schema.ts';
import { validateCompose } from './validate.ts';

/** The findings, ordered by position; the file too when it is valid enough to draw. */
export interface Inspection {
	findings: Finding[];
	file?: ComposeFile;
}

/** What a file too odd for the analysis gets, instead of a crash. */
export const tooComplex: Finding = {
	rule: 'input-limit',
	severity: 'error',
	message: {
		it: 'Questo file è troppo complesso da analizzare qui. Prova con una versione più piccola.',
		en: 'This file is too complex to analyse here. Try a smaller version.',
	},
	line: 1,
	column: 1,
	path: [],
};

/** Parses, validates and checks a Compose file. Never throws. */
export function inspectCompose(text: string): Inspection {
	try {
		return inspect(text);
	} catch {
		// Unreachable by design; if a pathological input finds a way, say so rather than crash.
		return { findings: [tooComplex] };
	}
}

/** The same, letting an unexpected error through, for a caller that has its own guard. */
export function inspect(text: string): Inspection {
	const parsed = parseCompose(text);
	if (!parsed.ok) return { findings: parsed.findings.sort(byPosition) };
	const { file, issues } = validateCompose(parsed.data);
	const findings = [
		...parsed.findings,
		...placeIssues([...issues, ...(file ? checkCompose(file) : [])], parsed.locate),
	].sort(byPosition);
	return file ? { findings, file } : { findings };
}
