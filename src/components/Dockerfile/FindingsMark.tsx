import { worstSeverity } from '../../lib/findings.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import { SeverityMarker } from '../shared/SeverityMarker';
import { useContext } from 'preact/hooks';
import { useT } from '../shared/strings.ts';
import { FindingsContext, LinesContext } from './BuilderContext.ts';

/** The number of findings in words: "1 segnalazione", "3 segnalazioni". */
export function useFindingsCount(): (count: number) => string {
	const t = useT();
	return (count) => t(count === 1 ? 'builder.findings.one' : 'builder.findings.many', { count });
}

/** A mark beside a node with findings: the worst severity's glyph, the count in words. */
export function FindingsMark({ nodeId }: { nodeId: string }) {
	const count = useFindingsCount();
	const findings: readonly Finding[] = useContext(FindingsContext)(nodeId);
	const worst = worstSeverity(findings);
	if (!worst) return null;
	return <SeverityMarker severity={worst} label={count(findings.length)} class="df-mark" />;
}

/** A box's number: the line its node starts on in the printed file ("11. "), as findings say. */
export function LineNumber({ nodeId }: { nodeId: string }) {
	const line = useContext(LinesContext).get(nodeId);
	return line === undefined ? null : <>{line}. </>;
}
