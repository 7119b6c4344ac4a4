/** Where the learner starts: a template, Undo, a link to share, and a box to paste a Dockerfile. */
import { useState } from 'preact/hooks';
import {
	CUSTOM_TEMPLATE,
	EMPTY_TEMPLATE,
	linkRefusal,
	messageText,
	type BuilderSession,
} from '../../lib/dockerfile/builder.ts';
import { addressWithState, encodeState, stateFits } from '../../lib/dockerfile/share.ts';
import { codeSegments } from '../../lib/i18n/format.ts';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { TextField } from './FieldWidgets';
import { CopyStatus, useClipboard } from './Output';

/** The template picker, Undo and the share button (with the link, once made). */
export function StartControls({ session, labUrl }: { session: BuilderSession; labUrl: string }) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	const { status, copy } = useClipboard();
	const [shareUrl, setShareUrl] = useState('');
	const [refusal, setRefusal] = useState('');
	const selected = session.templates.find((template) => template.id === session.templateId);
	const custom = session.templateId === CUSTOM_TEMPLATE;
	const share = () => {
		const encoded = encodeState(session.current);
		// A link longer than a link can be opened with would be refused where it is opened.
		if (!stateFits(encoded, 'link')) {
			const saved = !session.notices.some((notice) =>
				['unavailable', 'full', 'tooLarge'].includes(notice)
			);
			setShareUrl('');
			setRefusal(messageText(t, linkRefusal(encoded.length, saved)));
			return;
		}
		const url = addressWithState(new URL(labUrl, location.href), encoded).href;
		setRefusal('');
		setShareUrl(url);
		void copy(url);
	};
	return (
		<div class="df-start">
			<div class="df-template">
				<div class="df-field">
					<label for={id('template')}>{t('builder.template.label')}</label>
					<select
						id={id('template')}
						value={session.templateId}
						aria-describedby={id('template-description')}
						onChange={(event) =>
							dispatch({ type: 'chooseTemplate', id: event.currentTarget.value })
						}
					>
						{session.templates.map((template) => (
							<option key={template.id} value={template.id}>
								{template.title}
							</option>
						))}
						<option value={EMPTY_TEMPLATE}>{t('builder.template.empty')}</option>
						{custom && (
							<option value={CUSTOM_TEMPLATE} disabled>
								{t('builder.template.custom')}
							</option>
						)}
					</select>
				</div>
				<button
					type="button"
					class="df-button df-primary"
					disabled={custom}
					onClick={() => dispatch({ type: 'loadTemplate' })}
				>
					{t('builder.template.apply')}
				</button>
				<p class="df-hint" id={id('template-description')}>
					{selected?.description ??
						t(custom ? 'builder.template.customDescription' : 'builder.template.emptyDescription')}
				</p>
			</div>
			<p class="df-buttons">
				<button
					type="button"
					class="df-button"
					disabled={session.undo.length === 0}
					onClick={() => dispatch({ type: 'undo' })}
				>
					{t('builder.undo')}
				</button>
				<button type="button" class="df-button" onClick={share}>
					{t('builder.share')}
				</button>
				<CopyStatus status={status} done={t('builder.shared')} />
				<span class="df-error" role="status">
					{refusal}
				</span>
			</p>
			{shareUrl && (
				<TextField
					id={id('share-url')}
					label={t('builder.shareUrl')}
					value={shareUrl}
					readOnly
					onValue={() => undefined}
				/>
			)}
		</div>
	);
}

/** The paste box: a Dockerfile's text, read into the form (folded away in a chapter). */
export function PasteBox({ session, folded }: { session: BuilderSession; folded: boolean }) {
	const t = useT();
	const { id, dispatch, paste, preparePaste } = useBuilder();
	const error = session.pasteError && messageText(t, session.pasteError);
	const box = (
		<fieldset class="df-paste">
			<legend>{t('builder.paste.legend')}</legend>
			<TextField
				id={id('paste')}
				label={t('builder.paste.label')}
				value={session.pasteText}
				multiline
				describedBy={error ? id('paste-error') : undefined}
				onValue={(text) => {
					dispatch({ type: 'typePaste', text });
					preparePaste();
				}}
			/>
			{/* Always there, even empty: adding an element to this fieldset makes Chromium lay out
			the whole text box again, half a second with 50,000 lines in it. */}
			<p class="df-error" id={id('paste-error')}>
				{error &&
					codeSegments(error).map((segment, index) =>
						segment.code ? <code key={index}>{segment.text}</code> : segment.text
					)}
			</p>
			<p class="df-hint">{t('builder.paste.hint')}</p>
			<button type="button" class="df-button" onClick={() => paste(session.pasteText)}>
				{t('builder.paste.button')}
			</button>
		</fieldset>
	);
	if (!folded) return box;
	return (
		<details class="df-paste-box">
			<summary>{t('builder.paste.legend')}</summary>
			{box}
		</details>
	);
}
