/**
 * The learner's device storage, as every island uses it: reading never throws, and a write that
 * the browser refuses says why, so the island can tell the learner that their work is not kept.
 * Call these from event handlers and effects, never while rendering on the server.
 */

/** Why the device did not keep a value: no storage at all (private modes, policies), or it is full. */
export type StorageFailure = 'unavailable' | 'full';

/** Web storage as the islands use it. */
export interface DeviceStorage {
	/** Whether the browser lets the page store anything. */
	readonly available: boolean;
	/** The stored text, or `null` when there is none or it cannot be read. */
	read(key: string): string | null;
	/** Stores the text; `null` when it is kept, else why it is not. */
	write(key: string, text: string): StorageFailure | null;
	/** Forgets a value; a refusal changes nothing the learner sees. */
	remove(key: string): void;
}

/**
 * The device's `localStorage`, wrapped so that nothing throws. The browser opens it at the first
 * use, not when the wrapper is made: an island can make it while it hydrates and read it later.
 */
export function deviceStorage(): DeviceStorage {
	let store: Storage | undefined | null = null;
	const opened = () => (store === null ? (store = webStorage()) : store);
	return {
		get available() {
			return opened() !== undefined;
		},
		read(key) {
			try {
				return opened()?.getItem(key) ?? null;
			} catch {
				return null;
			}
		},
		write(key, text) {
			const device = opened();
			if (!device) return 'unavailable';
			try {
				device.setItem(key, text);
				return null;
			} catch (error) {
				return isQuotaError(error) ? 'full' : 'unavailable';
			}
		},
		remove(key) {
			try {
				opened()?.removeItem(key);
			} catch {
				// Nothing to tell: the value stays, and the next write replaces it.
			}
		},
	};
}

function webStorage(): Storage | undefined {
	try {
		// Reading the property itself throws where a policy forbids storage.
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

function isQuotaError(error: unknown): boolean {
	return (
		error instanceof DOMException &&
		(error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
	);
}
