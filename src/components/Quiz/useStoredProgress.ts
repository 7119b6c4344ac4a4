import { useEffect, useState } from 'preact/hooks';
import {
	PROGRESS_KEY,
	saveProgress,
	type Progress,
	type SaveFailure,
} from '../../lib/quiz/progress.ts';
import type { DeviceStorage } from '../shared/storage.ts';

/**
 * Keeps the island's progress on the device and in step with the other tabs of the course:
 * every change is stored at once (so a closed tab loses nothing), and what another tab stores
 * reaches `onOtherTab` with what was stored before it, for the island to merge question by
 * question. Returns why the last save was refused, if it was.
 */
export function useStoredProgress(
	storage: DeviceStorage,
	progress: Progress | undefined,
	onOtherTab: (text: string | null, base: string | null) => void
): SaveFailure | null {
	const [saveFailure, setSaveFailure] = useState<SaveFailure | null>(null);
	useEffect(() => {
		if (progress) setSaveFailure(saveProgress(storage, progress));
	}, [storage, progress]);
	useEffect(() => {
		// Browsers tell the other tabs of a change, never the tab that made it.
		const listener = (event: StorageEvent) => {
			if (event.key === PROGRESS_KEY) onOtherTab(event.newValue, event.oldValue);
		};
		addEventListener('storage', listener);
		return () => removeEventListener('storage', listener);
	}, [onOtherTab]);
	return saveFailure;
}
