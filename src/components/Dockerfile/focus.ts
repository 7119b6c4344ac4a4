/** Focus after a change: moved once the change is on screen, to the field that matters. */
import { useCallback, useEffect, useRef } from 'preact/hooks';

/** Moves focus to an element, or into a box to its main field (or its first one). */
export function focusById(id: string): void {
	const element = document.getElementById(id);
	if (!element) return;
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
