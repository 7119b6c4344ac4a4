/**
 * On a narrow screen the form comes first and the preview some thousand pixels below it: the
 * learner can pin the preview to the bottom of the screen while editing, and unpin it. A wide one
 * has them side by side, and no button (see dockerfile.css).
 */
import type { ComponentChildren } from 'preact';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';

/** The switch above the form: pins the preview (`aria-pressed`), or unpins it. */
export function DockToggle({
	docked,
	onDock,
}: {
	docked: boolean;
	onDock: (docked: boolean) => void;
}) {
	const t = useT();
	const { id } = useBuilder();
	return (
		<p class="df-dock-toggle">
			<button
				type="button"
				class="df-button"
				id={id('dock')}
				aria-pressed={docked}
				aria-controls={docked ? id('dock-panel') : undefined}
				onClick={() => onDock(!docked)}
			>
				{t('builder.dock.show')}
			</button>
		</p>
	);
}

/** The pinned preview: stuck to the bottom of the screen while the form scrolls under it. */
export function PreviewDock({
	onClose,
	children,
}: {
	onClose: () => void;
	children: ComponentChildren;
}) {
	const t = useT();
	const { id, focusLater } = useBuilder();
	return (
		<div class="df-dock" id={id('dock-panel')}>
			<p class="df-dock-bar">
				<span class="df-dock-title">{t('builder.preview.heading')}</span>
				<button
					type="button"
					class="df-button df-small"
					aria-label={t('builder.dock.closeLabel')}
					onClick={() => {
						onClose();
						focusLater(id('dock'));
					}}
				>
					{t('builder.dock.close')}
				</button>
			</p>
			{children}
		</div>
	);
}
