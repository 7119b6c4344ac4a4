/** Browser-only helpers shared by the islands. Call them from event handlers and effects. */

/** Web storage when the browser lets us use it (private modes and policies may refuse it). */
export function browserStore(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

/** Offers a file for download. */
export function download(blob: Blob, filename: string): void {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
