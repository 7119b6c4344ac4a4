import { h } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SvgNode } from '../../lib/compose/svg.ts';
import {
	clampView,
	dragBy,
	fitView,
	keepsView,
	maxZoom,
	sameView,
	scalePercent,
	viewBoxOf,
	viewForKey,
	zoomBy,
	zoomStep,
	type Size,
	type View,
} from '../../lib/compose/viewport.ts';
import { useT } from '../shared/strings.ts';
import { renderChildren, safeAttributes } from './SvgTree.tsx';

interface Props {
	id: string;
	diagram: SvgNode;
	/** Whether the drawing is of an earlier text. */
	stale: boolean;
	/**
	 * What to say instead of the drawing, which stays hidden and only keeps the box's size: the
	 * file on screen has no drawing yet. The same words show before the island hydrates (CSS).
	 */
	pending?: string;
}

/**
 * The diagram in a box as wide as the column (never wider than the diagram), showing all of it
 * at first; buttons, keys and dragging zoom and move it by changing the SVG's `viewBox` only.
 */
export function DiagramViewport({ id, diagram, stale, pending }: Props) {
	const t = useT();
	const width = Number(diagram.attrs.width) || 1;
	const height = Number(diagram.attrs.height) || 1;
	const size = useMemo(() => ({ width, height }), [width, height]);
	const boxRef = useRef<HTMLDivElement>(null);
	// Until the box is measured (on the server, without JavaScript), as large as the diagram.
	const [measured, setMeasured] = useState<Size | undefined>();
	const box = measured ?? size;
	const [view, setView] = useState<View>(() => fitView(size));
	// Another file, or the other direction: start again from the whole diagram.
	const drawn = useRef(size);
	if (drawn.current !== size) {
		if (!keepsView(drawn.current, size)) setView(fitView(size));
		drawn.current = size;
	}
	const drag = useRef<{ pointer: number; x: number; y: number } | undefined>();
	// The drawing is built again only for a new diagram, not at every zoom or move.
	const children = useMemo(() => renderChildren(diagram), [diagram]);

	useEffect(() => {
		const element = boxRef.current;
		if (!element || typeof ResizeObserver === 'undefined') return;
		const measure = () => {
			const [w, hgt] = [element.clientWidth, element.clientHeight];
			if (w > 0 && hgt > 0)
				setMeasured((old) =>
					old?.width === w && old.height === hgt ? old : { width: w, height: hgt }
				);
		};
		measure();
		const observer = new ResizeObserver(measure);
		observer.observe(element);
		return () => observer.disconnect();
	}, []);

	const shown = clampView(view, size, box);
	const zoomed = shown.zoom > 1;
	const atMost = shown.zoom >= maxZoom(size, box) - 1e-9;
	const go = (next: View) => {
		if (sameView(next, shown)) return false;
		setView(next);
		return true;
	};
	const controls = [
		['compose.zoom.in', atMost, () => zoomBy(shown, zoomStep, size, box)],
		['compose.zoom.out', !zoomed, () => zoomBy(shown, 1 / zoomStep, size, box)],
		['compose.zoom.fit', !zoomed, () => fitView(size)],
	] as const;

	const onKeyDown = (event: KeyboardEvent) => {
		if (event.altKey || event.ctrlKey || event.metaKey) return;
		const next = viewForKey(event.key, event.shiftKey, shown, size, box);
		// At the edge, an arrow scrolls the page as usual.
		if (next && go(next)) event.preventDefault();
	};
	const onPointerDown = (event: PointerEvent) => {
		if (!zoomed || event.button !== 0) return;
		drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
		(event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
	};
	const onPointerMove = (event: PointerEvent) => {
		const from = drag.current;
		if (!from || from.pointer !== event.pointerId) return;
		drag.current = { ...from, x: event.clientX, y: event.clientY };
		go(dragBy(shown, event.clientX - from.x, event.clientY - from.y, size, box));
	};
	const onPointerEnd = () => {
		drag.current = undefined;
	};

	return (
		<>
			<div class="cd-zoom" role="group" aria-label={t('compose.zoom.label')} inert={!!pending}>
				{controls.map(([label, inert, next]) => (
					<button
						key={label}
						type="button"
						class="cd-button"
						aria-disabled={inert ? 'true' : undefined}
						onClick={() => {
							if (!inert) go(next());
						}}
					>
						{t(label)}
					</button>
				))}
				<span class="cd-zoom-level" aria-live="polite">
					{t('compose.zoom.level', { percent: scalePercent(shown, size, box) })}
				</span>
			</div>
			<div
				ref={boxRef}
				class={`cd-viewport${stale ? ' cd-stale' : ''}${zoomed ? ' cd-zoomed' : ''}${pending ? ' cd-pending' : ''}`}
				role="region"
				tabIndex={0}
				aria-label={t('compose.diagram.region')}
				aria-describedby={`${id}-zoom-hint`}
				style={{
					maxWidth: `${width}px`,
					aspectRatio: `${width} / ${height}`,
					minHeight: `min(12rem, ${height}px)`,
				}}
				onKeyDown={onKeyDown}
				onPointerDown={onPointerDown}
				onPointerMove={onPointerMove}
				onPointerUp={onPointerEnd}
				onPointerCancel={onPointerEnd}
			>
				{h(
					'svg',
					{
						...safeAttributes(diagram.attrs),
						viewBox: viewBoxOf(shown, size, box),
						width: '100%',
						height: '100%',
					},
					children
				)}
				<p class="cd-drawing">{pending ?? t('compose.diagram.drawing')}</p>
			</div>
			<p id={`${id}-zoom-hint`} class="cd-hint">
				{t('compose.zoom.hint')}
			</p>
		</>
	);
}
