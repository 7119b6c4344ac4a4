/**
 * The tables of the rule tests that check every finding of a rule: Dockerfiles it flags, with the
 * line of each finding in order, and Dockerfiles it leaves alone.
 */
import { expect, test } from 'vitest';
import { lint, type Finding } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';

export interface RuleCase {
	/** Dockerfiles the rule flags, with the line of each finding, in order. */
	bad: [text: string, lines: number[]][];
	/** Dockerfiles the rule leaves alone. */
	good: string[];
}

/** The findings of one rule on a Dockerfile. */
export const findingsOf = (text: string, rule: string): Finding[] =>
	lint(parse(text)).filter((finding) => finding.rule === rule);

/** Two tests per rule of the table: its findings on the bad files, none on the good ones. */
export function testRuleCases(cases: Record<string, RuleCase>): void {
	for (const [id, { bad, good }] of Object.entries(cases)) {
		test(`${id}: flags what it is about, on the right lines`, () => {
			for (const [text, lines] of bad) {
				expect(
					findingsOf(text, id).map((finding) => finding.line),
					text
				).toEqual(lines);
			}
		});

		test(`${id}: leaves correct Dockerfiles alone`, () => {
			for (const text of good) expect(findingsOf(text, id), text).toEqual([]);
		});
	}
}
