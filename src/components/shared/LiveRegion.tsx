/**
 * What an island says to screen-reader users after they act (a moved item, a copied link, new
 * findings): a visually hidden, polite live region. Render it once per island, at its root, so it
 * is in the page before the first message.
 */
export function LiveRegion({ message }: { message: string }) {
	return (
		<p class="sr-only" aria-live="polite" aria-atomic="true">
			{message}
		</p>
	);
}
