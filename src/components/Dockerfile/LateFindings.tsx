/**
 * The findings list as the builder shows it. A few hundred are drawn with the rest of the builder;
 * past that, the list is drawn a part at a time, one task per part that changed, so that a long
 * pasted file (thousands of findings) never keeps the tab busy for long, and a keystroke that
 * leaves most findings as they were redraws only the parts it changed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import { nextParts, partsOf } from '../../lib/parts.ts';
import { Findings, type Heading } from './Output';

/** Findings in a part: 200 take about 30 ms to draw. */
const PART = 200;
/** Up to this many, the list is drawn at once, with the change that made it. */
const FEW = 300;

/** What makes two findings look the same in the list. */
function findingKey(finding: Finding): string {
	return [
		finding.rule,
		finding.nodeId,
		finding.severity,
		finding.line,
		finding.column,
		finding.message.it,
		finding.message.en,
		finding.silenced?.line ?? '',
	].join('\u0000');
}

/** `items` in parts; when many, drawn a changed part per task, the unchanged parts kept. */
function useParts(items: readonly Finding[]): readonly (readonly Finding[])[] {
	const wanted = useMemo(() => partsOf(items, PART), [items]);
	const [late, setLate] = useState<readonly (readonly Finding[])[]>(wanted);
	const few = items.length <= FEW;
	const parts = few ? wanted : late;
	const shown = useRef(parts);
	shown.current = parts;
	useEffect(() => {
		if (few) return setLate(wanted);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const step = (from: number) => {
			const next = nextParts(shown.current, wanted, from, findingKey);
			if (next.parts !== shown.current) setLate((shown.current = next.parts));
			if (next.resume !== null) timer = setTimeout(step, 0, next.resume);
		};
		step(0);
		return () => clearTimeout(timer);
	}, [wanted, few]);
	return parts;
}

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
	const parts = useParts(findings);
	const silencedParts = useParts(silenced);
	// The same element as before tells Preact to leave the list alone.
	return useMemo(
		() => (
			<Findings
				count={findings.length}
				parts={parts}
				silencedCount={silenced.length}
				silencedParts={silencedParts}
				heading={heading}
				onGo={onGo}
			/>
		),
		[findings.length, parts, silenced.length, silencedParts, heading, onGo]
	);
}
