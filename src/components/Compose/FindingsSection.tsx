import type { Finding } from '../../lib/compose/finding.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { SeverityMarker } from '../shared/SeverityMarker.tsx';
import { useT } from '../shared/strings.ts';

interface Props {
	id: string;
	headingLevel: 2 | 3;
	lang: Locale;
	/** The findings of the current text; `undefined` while there is no analysis yet. */
	findings: readonly Finding[] | undefined;
	/** The counts by severity in words; while there is no analysis, that it is loading or failed. */
	status: string;
	/** Whether the findings are of an earlier text, while the analyser works on the current one. */
	busy: boolean;
	/** Puts the cursor on the finding's place in the editor. */
	onChoose: (finding: Finding) => void;
}

/** The findings next to the editor: each one a button that leads to its line. */
export function FindingsSection({
	id,
	headingLevel,
	lang,
	findings,
	status,
	busy,
	onChoose,
}: Props) {
	const t = useT();
	const Heading = `h${headingLevel}` as const;
	return (
		<section class="cd-findings" aria-labelledby={`${id}-findings`} aria-busy={busy}>
			<Heading id={`${id}-findings`} class="cd-heading">
				{t('compose.findings.title')}
			</Heading>
			<p class={findings && 'cd-summary'}>{status}</p>
			{findings?.length === 0 && <p>{t('compose.findings.none')}</p>}
			{findings?.length ? (
				<>
					<p class="cd-hint">{t('compose.findings.hint')}</p>
					<ul class="cd-findings-list" role="list">
						{findings.map((finding, index) => (
							<li key={index}>
								<button
									type="button"
									class={`cd-finding cd-finding-${finding.severity}`}
									onClick={() => onChoose(finding)}
								>
									<span class="cd-finding-head">
										<SeverityMarker
											severity={finding.severity}
											label={t(`compose.severity.${finding.severity}`)}
											class="cd-severity"
										/>
										<code class="cd-rule">{finding.rule}</code>
										<span class="cd-line">{t('compose.line', { line: finding.line })}</span>
									</span>
									<span class="cd-message">{finding.message[lang]}</span>
								</button>
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	);
}
