import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { DiagramOptions } from '../../lib/compose/share.ts';
import type { SvgNode } from '../../lib/compose/svg.ts';
import { useT } from '../shared/strings.ts';
import { DiagramOptionsForm } from './DiagramOptionsForm.tsx';
import { renderSvg } from './SvgTree.tsx';

interface Props {
	id: string;
	headingLevel: 2 | 3;
	options: DiagramOptions;
	onOptionsChange: (changes: Partial<DiagramOptions>) => void;
	/** The diagram to draw; `undefined` when there is none. */
	diagram: SvgNode | undefined;
	/** Whether the diagram is of an earlier text, since the current one cannot be read. */
	stale: boolean;
	/** What to say in place of the diagram when there is none. */
	noDiagram: string;
	/** The topology in sentences. */
	description: readonly string[] | undefined;
	/** The exports, under the diagram. */
	tools: ComponentChildren;
}

/** The diagram with its options, its exports, and the same topology in words. */
export function DiagramSection({
	id,
	headingLevel,
	options,
	onOptionsChange,
	diagram,
	stale,
	noDiagram,
	description,
	tools,
}: Props) {
	const t = useT();
	const Heading = `h${headingLevel}` as const;
	const Subheading = `h${headingLevel + 1}` as 'h3' | 'h4';
	// The tree is built again only for a new diagram, not at every keystroke.
	const drawing = useMemo(() => diagram && renderSvg(diagram), [diagram]);
	return (
		<section class="cd-output" aria-labelledby={`${id}-diagram`}>
			<Heading id={`${id}-diagram`} class="cd-heading">
				{t('compose.diagram.heading')}
			</Heading>
			<DiagramOptionsForm id={id} options={options} onChange={onOptionsChange} />

			{stale && <p class="cd-note">{t('compose.diagram.stale')}</p>}
			{drawing ? (
				<div
					class={`cd-scroll${stale ? ' cd-stale' : ''}`}
					role="region"
					tabIndex={0}
					aria-label={t('compose.diagram.region')}
				>
					{drawing}
				</div>
			) : (
				<p class="cd-note">{noDiagram}</p>
			)}

			{tools}

			{description && (
				<>
					<Subheading class="cd-heading">{t('compose.description.title')}</Subheading>
					<ul class="cd-description">
						{description.map((sentence, index) => (
							<li key={index}>{sentence}</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
