/**
 * Astro hashes the scripts it bundles for the Content-Security-Policy, but not the `<script
 * is:inline>` of components (Starlight's theme, sidebar and search scripts among them), which it
 * copies into the page untouched. Because they are copied untouched, their hashes can be computed
 * from the components' source before the build, which is what these helpers do.
 */

/** An `is:inline` script in a component's source: its text and whether the hash can be known. */
export interface InlineScript {
	/** The script's text, exactly as the page will carry it. */
	text: string;
	/**
	 * False for `define:vars`: Astro wraps such a script in a function that declares the values,
	 * so the page's text is not the source's and its hash cannot be computed from the source.
	 */
	hashable: boolean;
}

// An HTML parser ends a script at the first `</script`, whatever the case, so the lazy match does
// the same. Astro comments (`{/* … */}`) do not hold script elements in the components we read.
const scriptElement = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The `is:inline` scripts of an Astro component's source, in order. Scripts without `is:inline`
 * are Astro's to bundle and hash, and scripts with a `src` are covered by `'self'`: both are left
 * out.
 */
export function inlineScripts(source: string): InlineScript[] {
	return [...source.matchAll(scriptElement)]
		.filter(([, attributes = '']) => /\bis:inline\b/.test(attributes) && !/\bsrc=/.test(attributes))
		.map(([, attributes = '', text = '']) => ({
			text,
			hashable: !/\bdefine:vars\b/.test(attributes),
		}));
}

/** The CSP hash source of a text, without quotes: `sha256-…`, as Astro's config expects. */
export async function sha256Source(text: string): Promise<`sha256-${string}`> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	let binary = '';
	for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
	return `sha256-${btoa(binary)}`;
}
