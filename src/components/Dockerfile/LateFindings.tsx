/**
 * The findings list as the builder shows it: drawn again only when the findings change, and when
 * there are many, in a task of its own just after the rest of the builder, so that a long pasted
 * file never keeps the tab busy with the form and thousands of findings at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import { Findings, type Heading } from './Output';

/** Past this many findings, the list comes a task after the rest (300 take about 50 ms to draw). */
const manyFindings = 300;

export function LateFindings({
	findings,
	silenced,
	heading,
	onGo,
}: {
	findings: readonly Finding[];
	/** The findings the file's comments turn off, listed folded under the others. */
	silenced: readonly Finding[];
	heading: Heading;
	/** Stable across renders, or the list is drawn again each time. */
	onGo: (finding: Finding) => void;
}) {
	const [late, setLate] = useState(findings);
	const many = findings.length > manyFindings;
	useEffect(() => {
		if (late === findings) return;
		if (!many) return setLate(findings);
		const timer = setTimeout(() => setLate(findings), 0);
		return () => clearTimeout(timer);
	}, [findings, late, many]);
	const shown = many ? late : findings;
	// The same element as before tells Preact to leave the list alone.
	return useMemo(
		() => <Findings findings={shown} silenced={silenced} heading={heading} onGo={onGo} />,
		[shown, silenced, heading, onGo]
	);
}
