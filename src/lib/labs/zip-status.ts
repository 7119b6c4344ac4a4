/**
 * Where a folder download stands, for the island that offers it: idle, preparing the archive
 * (its code loads on the first click), handed to the browser, or failed; and what to tell the
 * reader at each step.
 */

/** The download's state. */
export type ZipStatus = 'idle' | 'preparing' | 'ready' | 'failed';

/** What happened: a click, the archive handed to the browser, or a failure on the way. */
export type ZipAction = 'start' | 'ready' | 'fail';

/** The state after an action. A click while the archive is being prepared changes nothing. */
export function zipStatus(status: ZipStatus, action: ZipAction): ZipStatus {
	if (action === 'start') return 'preparing';
	if (status !== 'preparing') return status;
	return action === 'ready' ? 'ready' : 'failed';
}

/** Whether a click should start preparing an archive: not while one is on its way. */
export function canStartZip(status: ZipStatus): boolean {
	return status !== 'preparing';
}

/** The UI string that tells a state, by its key; each takes the archive's name as `{file}`. */
export type ZipMessageKey = 'folderZip.preparing' | 'folderZip.ready' | 'folderZip.failed';

/** What to tell the reader in a state, by its key; nothing before the first click. */
export function zipMessage(status: ZipStatus): ZipMessageKey | undefined {
	if (status === 'idle') return undefined;
	const keys = {
		preparing: 'folderZip.preparing',
		ready: 'folderZip.ready',
		failed: 'folderZip.failed',
	} as const;
	return keys[status];
}
