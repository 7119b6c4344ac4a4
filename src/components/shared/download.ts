/** Offers a file for download. Call it from an event handler. */
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
