import type { ComponentChildren } from 'preact';
import type { DiagramView } from '../../lib/compose/lab.ts';
import type { SvgNode } from '../../lib/compose/svg.ts';
import { useT } from '../shared/strings.ts';
import { DiagramViewport } from './DiagramViewport.tsx';

interface Props {
	id: string;
	headingLevel: 2 | 3;
	/** What to draw, whether it is old, and the topology in words. */
	view: DiagramView;
	/** What to say in place of the diagram when there is none. */
	noDiagram: string;
	/**
	 * The server's drawing, kept hidden in its box while the file on screen waits for its first
	 * analysis, so that the box neither shows another file nor changes size meanwhile.
	 */
	placeholder?: SvgNode | undefined;
	/** The diagram's options, above it. */
	options: ComponentChildren;
	/** The exports, under it. */
	tools: ComponentChildren;
}

/** The diagram with its options, its exports, and the same topology in words. */
export function DiagramSection({
	id,
	headingLevel,
	view,
	noDiagram,
	placeholder,
	options,
	tools,
}: Props) {
	const t = useT();
	const Heading = `h${headingLevel}` as const;
	const Subheading = `h${headingLevel + 1}` as 'h3' | 'h4';
	const diagram = view.shown?.diagram;
	const { stale, description } = view;
	return (
		<section class="cd-output" aria-labelledby={`${id}-diagram`}>
			<Heading id={`${id}-diagram`} class="cd-heading">
				{t('compose.diagram.heading')}
			</Heading>
			{options}

			{stale && <p class="cd-note">{t('compose.diagram.stale')}</p>}
			{diagram ? (
				<DiagramViewport id={id} diagram={diagram} stale={stale} />
			) : placeholder ? (
				<DiagramViewport id={id} diagram={placeholder} stale={false} pending={noDiagram} />
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
