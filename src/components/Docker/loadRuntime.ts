/** The playground's engine chunk, loaded once per page however many playgrounds ask for it. */
export type Runtime = typeof import('./runtime.ts');

let loading: Promise<Runtime> | undefined;

/** Loads the engine (once); a failed load is tried again on the next call. */
export function loadRuntime(): Promise<Runtime> {
	loading ??= import('./runtime.ts').catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
