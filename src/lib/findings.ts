/**
 * What the Dockerfile linter and the Compose checker have in common: how much a finding matters,
 * the order an editor lists findings in, and the glyph that tells severity without colour.
 */

/** `error`: the tool refuses the file; `warning`: it runs, but not as written; `info`: a note. */
export type Severity = 'error' | 'warning' | 'info';

/** Every severity, the worst first. */
export const severities: readonly Severity[] = ['error', 'warning', 'info'];

/** A glyph for each severity, so that a marker is never told by its colour alone. */
export const severityGlyphs: Readonly<Record<Severity, string>> = {
	error: '✖',
	warning: '▲',
	info: 'ℹ',
};

/** What every finding has, whichever analyser made it: its rule, severity and 1-based place. */
export interface PlacedFinding {
	rule: string;
	severity: Severity;
	line: number;
	column: number;
}

/** Orders findings as an editor lists them: by line, then column, then rule. */
export function byPosition(a: PlacedFinding, b: PlacedFinding): number {
	return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** The worst severity among the findings, or `undefined` when there are none. */
export function worstSeverity(
	findings: readonly Pick<PlacedFinding, 'severity'>[]
): Severity | undefined {
	return severities.find((severity) => findings.some((finding) => finding.severity === severity));
}

/** How many findings there are of each severity. */
export function countBySeverity(
	findings: readonly Pick<PlacedFinding, 'severity'>[]
): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	for (const finding of findings) counts[finding.severity] += 1;
	return counts;
}

/** The worst severity on each line that has findings, for the markers of an editor's gutter. */
export function worstByLine(
	findings: readonly Pick<PlacedFinding, 'severity' | 'line'>[]
): Map<number, Severity> {
	const worst = new Map<number, Severity>();
	for (const finding of findings) {
		const current = worst.get(finding.line);
		if (!current || severities.indexOf(finding.severity) < severities.indexOf(current))
			worst.set(finding.line, finding.severity);
	}
	return worst;
}
