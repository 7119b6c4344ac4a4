import type { PlanView } from '../../lib/compose/plan-view.ts';
import { useT } from '../shared/strings.ts';

interface Props {
	id: string;
	headingLevel: 2 | 3;
	/** The plan of the analysed text in sentences, or the line said in its place. */
	view: PlanView;
	/** Whether the plan is of an earlier text, while the analyser works on the current one. */
	busy: boolean;
}

/** What `docker compose up` will do with the analysed text: start order, names, host ports. */
export function PlanSection({ id, headingLevel, view, busy }: Props) {
	const t = useT();
	const Heading = `h${headingLevel}` as const;
	const Subheading = `h${headingLevel + 1}` as 'h3' | 'h4';
	const Group = `h${headingLevel + 2}` as 'h4' | 'h5';
	return (
		<section class="cd-plan" aria-labelledby={`${id}-plan`} aria-busy={busy}>
			<Heading id={`${id}-plan`} class="cd-heading">
				{t('compose.plan.title')}
			</Heading>
			{view.kind === 'note' ? (
				<p class="cd-note">{view.text}</p>
			) : (
				<>
					<p class="cd-hint">{t('compose.plan.hint')}</p>
					<p>{view.project}</p>
					<div class="cd-plan-parts">
						<div>
							<Subheading class="cd-heading">{t('compose.plan.order')}</Subheading>
							<ol class="cd-plan-list cd-plan-steps">
								{view.steps.map((step, index) => (
									<li key={index}>{step}</li>
								))}
							</ol>
						</div>
						<div>
							<Subheading class="cd-heading">{t('compose.plan.names')}</Subheading>
							{view.reachNone && <p>{view.reachNone}</p>}
							{view.reach.map((group) => (
								<div key={group.heading} class="cd-plan-group">
									<Group class="cd-plan-network">{group.heading}</Group>
									<ul class="cd-plan-list">
										{group.lines.map((line, index) => (
											<li key={index}>{line}</li>
										))}
									</ul>
								</div>
							))}
						</div>
						<div>
							<Subheading class="cd-heading">{t('compose.plan.host')}</Subheading>
							<ul class="cd-plan-list cd-plan-ports">
								{view.ports.map((port, index) => (
									<li key={index}>{port}</li>
								))}
							</ul>
						</div>
					</div>
				</>
			)}
		</section>
	);
}
