import { useState } from 'preact/hooks';
import type { FolderFile } from '../../lib/labs/folder-zip.ts';
import {
	canStartZip,
	zipMessage,
	zipStatus,
	type ZipAction,
	type ZipMessageKey,
	type ZipStatus,
} from '../../lib/labs/zip-status.ts';
import { download } from '../shared/download.ts';

/** The island's words, translated and with the archive's name filled in by its wrapper. */
export type ExampleZipLabels = Readonly<Record<'folderZip.download' | ZipMessageKey, string>>;

export interface ExampleZipProps {
	/** The folder the archive unpacks to: `compose-esempio`. */
	folder: string;
	/** The name the browser saves it as: `compose-esempio.zip`. */
	file: string;
	/** Every file of the folder, as the chapter shows them. */
	files: FolderFile[];
	labels: ExampleZipLabels;
}

/**
 * One button that zips a lab's folder in the browser and saves it. The zip code (fflate) loads
 * on the first click, so the chapter does not carry it. What happens is said in a status line,
 * which screen readers read out as it changes.
 */
export default function ExampleZip({ folder, file, files, labels }: ExampleZipProps) {
	const [status, setStatus] = useState<ZipStatus>('idle');
	const apply = (action: ZipAction) => setStatus((current) => zipStatus(current, action));

	const save = () => {
		if (!canStartZip(status)) return;
		apply('start');
		import('../../lib/labs/folder-zip.ts')
			.then(({ zipFolder }) => {
				download(new Blob([zipFolder(folder, files)], { type: 'application/zip' }), file);
				apply('ready');
			})
			.catch(() => apply('fail'));
	};

	const message = zipMessage(status);
	return (
		<div class="ez">
			<button type="button" class="ez-button" onClick={save}>
				{labels['folderZip.download']}
			</button>
			{/* In the page from the start, so that its first message is read out too. */}
			<p role="status" class={status === 'failed' ? 'ez-status ez-failed' : 'ez-status'}>
				{message ? labels[message] : ''}
			</p>
		</div>
	);
}
