import { useState } from 'preact/hooks';
import type { SvgNode } from '../../lib/compose/svg.ts';
import { download } from '../shared/download.ts';
import { ShareLink } from '../shared/ShareLink.tsx';
import { useT } from '../shared/strings.ts';
import { loadSvgWriter } from './loadAnalyzer.ts';
import { svgToPng } from './png.ts';

interface Props {
	id: string;
	/** The diagram on screen; `undefined` when there is none to export. */
	diagram: SvgNode | undefined;
	/** The link to the current state, once the learner asked for it. */
	sharedUrl: string;
	onShare: () => void;
	/** Tells screen-reader users what happened. */
	announce: (text: string) => void;
}

const filename = 'compose-diagram';

/** The diagram as an SVG or PNG file, and the link that shares the file and its options. */
export function ExportTools({ id, diagram, sharedUrl, onShare, announce }: Props) {
	const t = useT();
	const [failed, setFailed] = useState<'compose.export.failed' | 'compose.export.unavailable'>();

	const exportSvg = (svg: string) =>
		download(new Blob([svg], { type: 'image/svg+xml' }), `${filename}.svg`);
	const fail = (reason: NonNullable<typeof failed>) => {
		setFailed(reason);
		announce(t(reason));
	};
	const exportPng = (svg: string, { attrs }: SvgNode) =>
		svgToPng(svg, Number(attrs.width), Number(attrs.height))
			.then((blob) => download(blob, `${filename}.png`))
			.catch(() => fail('compose.export.failed'));
	// What writes the file loads on the first export: the page does not need it to show the diagram.
	const save = (write: (svg: string, diagram: SvgNode) => unknown, diagram: SvgNode) => {
		setFailed(undefined);
		loadSvgWriter().then(
			(serialize) => write(serialize(diagram), diagram),
			() => fail('compose.export.unavailable')
		);
	};
	const formats = [
		['compose.export.svg', exportSvg],
		['compose.export.png', exportPng],
	] as const;

	return (
		<>
			<div class="cd-tools" role="group" aria-label={t('compose.tools')}>
				{formats.map(([label, write]) => (
					<button
						key={label}
						type="button"
						class="cd-button"
						disabled={!diagram}
						onClick={() => diagram && save(write, diagram)}
					>
						{t(label)}
					</button>
				))}
				<button type="button" class="cd-button" onClick={onShare}>
					{t('compose.share')}
				</button>
			</div>
			{failed && <p class="cd-note">{t(failed)}</p>}
			{sharedUrl && (
				<ShareLink id={id} label={t('compose.share.link')} url={sharedUrl} class="cd-share" />
			)}
		</>
	);
}
