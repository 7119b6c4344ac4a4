/**
 * A finding's severity as both analysers show it: a glyph, so it is never told by colour alone
 * (hidden from screen readers), and the severity's name when `label` is given.
 */
import { severityGlyphs, type Severity } from '../../lib/findings.ts';

interface Props {
	severity: Severity;
	/** The severity's name in the page's language, shown after the glyph. */
	label?: string;
	/** The island's own classes for the marker. */
	class?: string;
}

export function SeverityMarker({ severity, label, class: className }: Props) {
	return (
		<span class={className} data-severity={severity}>
			<span aria-hidden="true">{severityGlyphs[severity]}</span>
			{label ? ` ${label}` : null}
		</span>
	);
}
