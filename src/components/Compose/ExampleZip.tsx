import { useState } from 'preact/hooks';
import { translator, type UiStrings } from '../../lib/i18n/strings.ts';
import type { FolderFile } from '../../lib/labs/folder-zip.ts';
import { canStartZip, zipMessage, zipStatus, type ZipStatus } from '../../lib/labs/zip-status.ts';
import { download } from '../shared/download.ts';
import { LiveRegion } from '../shared/LiveRegion.tsx';

export interface ExampleZipProps {
	/** The folder the archive unpacks to: `compose-esempio`. */
	folder: string;
	/** The name the browser saves it as: `compose-esempio.zip`. */
	file: string;
	/** Every file of the folder, as the chapter shows them. */
	files: FolderFile[];
	/** The `folderZip.*` UI strings of the page's language, by their full keys. */
	strings: UiStrings;
}

/**
 * One button that zips a lab's folder in the browser and saves it. The zip code (fflate) loads
 * on the first click, so the chapter does not carry it.
 */
export default function ExampleZip({ folder, file, files, strings }: ExampleZipProps) {
	const t = translator(strings);
	const [status, setStatus] = useState<ZipStatus>('idle');
	const apply = (action: Parameters<typeof zipStatus>[1]) =>
		setStatus((current) => zipStatus(current, action));

	const save = () => {
		if (!canStartZip(status)) return;
		apply('start');
		import('../../lib/labs/folder-zip.ts')
			.then(({ zipFolder }) => {
				const bytes = zipFolder(folder, files);
				download(new Blob([bytes], { type: 'application/zip' }), file);
				apply('ready');
			})
			.catch(() => apply('fail'));
	};

	const message = zipMessage(status, file);
	const text = message ? t(message.key, message.values) : '';
	return (
		<div class="ez">
			<button type="button" class="ez-button" onClick={save}>
				{t('folderZip.download', { file })}
			</button>
			{/* Read out once the archive is handed to the browser, or when it failed. */}
			<LiveRegion message={status === 'ready' || status === 'failed' ? text : ''} />
			{text && (
				<p class={status === 'failed' ? 'ez-status ez-failed' : 'ez-status'} aria-hidden="true">
					{text}
				</p>
			)}
		</div>
	);
}
