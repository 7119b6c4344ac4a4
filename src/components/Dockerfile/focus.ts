/** Focus after a change: moved once the change is on screen, to the field that matters. */
import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to an element, or into a box to its main field (or its first one). An id that is not
 * on the page falls back to the nearest one its parts name (`df-i8-flags-0-value`, then
 * `df-i8-flags-0`… `df-i8`), and a folded box around the element opens.
 */
export function focusById(id: string): void {
	let element = document.getElementById(id);
	for (let parts = id.split('-'); !element && parts.length > 2;) {
		parts = parts.slice(0, -1);
		element = document.getElementById(parts.join('-'));
	}
	if (!element) return;
	for (let folded = element.closest('details'); folded;) {
		folded.open = true;
		folded = folded.parentElement?.closest('details') ?? null;
	}
	const target = element.matches('input, select, textarea, button, a[href], summary')
		? element
		: (element.querySelector<HTMLElement>('[data-primary]') ??
			element.querySelector<HTMLElement>('input, select, textarea'));
	target?.focus();
}

/** A `focusLater(id)` that moves focus after the next render, when the element is there. */
export function usePendingFocus(): (id: string) => void {
	const pending = useRef<string | null>(null);
	useEffect(() => {
		const target = pending.current;
		if (!target) return;
		pending.current = null;
		focusById(target);
	});
	return useCallback((id) => {
		pending.current = id;
	}, []);
}
