/**
 * The island's `t()`, given once at its root and read by any part below it, so no part receives
 * the strings as a prop.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../../lib/i18n/strings.ts';

/** Holds the island's `t()`; outside a provider, keys are shown as they are. */
export const TranslateContext = createContext<Translate>((key) => key);

/** The `t()` of the island this component is in. */
export function useT(): Translate {
	return useContext(TranslateContext);
}
