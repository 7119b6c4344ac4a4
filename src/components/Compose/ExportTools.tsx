import { useState } from 'preact/hooks';
import type { SvgNode } from '../../lib/compose/svg.ts';
import { download } from '../shared/download.ts';
import { useT } from '../shared/strings.ts';
import type { Analyzer } from './loadAnalyzer.ts';
import { svgToPng } from './png.ts';

interface Props {
	id: string;
	/** The diagram on screen; `undefined` when there is none to export. */
	diagram: SvgNode | undefined;
	/** The loaded analyser, which writes the standalone SVG. */
	analyzer: Analyzer | undefined;
	/** The link to the current state, once the learner asked for it. */
	sharedUrl: string;
	onShare: () => void;
	/** Tells screen-reader users what happened. */
	announce: (text: string) => void;
}

const filename = 'compose-diagram';

/** The diagram as an SVG or PNG file, and the link that shares the file and its options. */
export function ExportTools({ id, diagram, analyzer, sharedUrl, onShare, announce }: Props) {
	const t = useT();
	const [pngFailed, setPngFailed] = useState(false);

	const exportSvg = (svg: string) =>
		download(new Blob([svg], { type: 'image/svg+xml' }), `${filename}.svg`);
	const exportPng = (svg: string, { attrs }: SvgNode) => {
		setPngFailed(false);
		svgToPng(svg, Number(attrs.width), Number(attrs.height))
			.then((blob) => download(blob, `${filename}.png`))
			.catch(() => {
				setPngFailed(true);
				announce(t('compose.export.failed'));
			});
	};
	const formats = [
		['compose.export.svg', exportSvg],
		['compose.export.png', exportPng],
	] as const;

	return (
		<>
			<div class="cd-tools" role="group" aria-label={t('compose.tools')}>
				{formats.map(([label, save]) => (
					<button
						key={label}
						type="button"
						class="cd-button"
						disabled={!diagram || !analyzer}
						onClick={() => diagram && analyzer && save(analyzer.serializeSvg(diagram), diagram)}
					>
						{t(label)}
					</button>
				))}
				<button type="button" class="cd-button" onClick={onShare}>
					{t('compose.share')}
				</button>
			</div>
			{pngFailed && <p class="cd-note">{t('compose.export.failed')}</p>}
			{sharedUrl && (
				<p class="cd-share">
					<label for={`${id}-link`}>{t('compose.share.link')}</label>
					<input
						id={`${id}-link`}
						type="text"
						readOnly
						value={sharedUrl}
						onFocus={(event) => event.currentTarget.select()}
					/>
				</p>
			)}
		</>
	);
}
