import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose code loads apart, the first time it shows or when `preload()` asks for it ahead
 * (a lab's inputs with the simulator, a test's results once handed in), so that a page does not
 * load it before it is needed. Until it is there, `Fallback` shows, or nothing.
 */
export function lazyView<P extends object>(
	load: () => Promise<ComponentType<P>>,
	Fallback?: ComponentType
): { View: ComponentType<P>; preload: () => Promise<unknown> } {
	let loaded: ComponentType<P> | undefined;
	let loading: Promise<unknown> | undefined;
	const preload = () => (loading ??= load().then((view) => (loaded = view)));
	return {
		preload,
		View(props: P) {
			const [Shown, setShown] = useState(() => loaded);
			useEffect(() => {
				let live = true;
				if (!Shown) void preload().then(() => live && setShown(() => loaded));
				return () => {
					live = false;
				};
			}, [Shown]);
			return Shown ? <Shown {...props} /> : Fallback ? <Fallback /> : null;
		},
	};
}
