/** Browser-only helper of the Compose island: turning the SVG into a PNG. */

// Browsers refuse canvases much past 16 000 px a side; a tall diagram is scaled down to fit.
const maxCanvasSide = 16_000;

/** Draws a standalone SVG on a canvas, twice as sharp as on screen when it fits, as a PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('The SVG could not be loaded as an image.'));
			image.src = url;
		});
		const scale = Math.min(2, maxCanvasSide / Math.max(width, height, 1));
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(width * scale));
		canvas.height = Math.max(1, Math.round(height * scale));
		const context = canvas.getContext('2d');
		if (!context) throw new Error('No 2D canvas.');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
