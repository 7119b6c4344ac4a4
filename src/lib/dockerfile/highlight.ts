/**
 * Syntax colours for the builder's preview, from Shiki with only what it needs: the core, the
 * JavaScript regex engine (no WebAssembly), the Dockerfile grammar and two GitHub themes whose
 * every colour reaches 4.5:1 on its own background. The builder loads this module with a dynamic
 * `import()` after the first paint, so the page is usable before it arrives. The result is plain
 * data (text and colours), which the view renders as text nodes: no HTML is ever produced.
 */
import dockerfile from '@shikijs/langs/dockerfile';
import githubDark from '@shikijs/themes/github-dark-default';
import githubLight from '@shikijs/themes/github-light-default';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** A run of text with the same colour in each theme. */
export interface HighlightToken {
	content: string;
	/** The colour in the light theme (`#cf222e`). */
	light: string;
	/** The colour in the dark theme. */
	dark: string;
	/** Shiki's font style bits: 1 italic, 2 bold, 4 underline; 0 for none. */
	fontStyle: number;
}

/** The foreground and background of a theme, for the box the code sits in. */
export interface ThemeColors {
	fg: string;
	bg: string;
}

/** Highlighted code: one array of tokens per line, and the colours of each theme's box. */
export interface Highlighted {
	lines: HighlightToken[][];
	light: ThemeColors;
	dark: ThemeColors;
}

/** Turns Dockerfile text into coloured tokens; synchronous once created. */
export type Highlight = (code: string) => Highlighted;

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Loads the grammar and themes once, and returns the function that colours a Dockerfile. */
export async function createHighlight(): Promise<Highlight> {
	const highlighter = await createHighlighterCore({
		themes: [githubLight, githubDark],
		langs: [dockerfile],
		engine: createJavaScriptRegexEngine(),
	});
	const colorsOf = (name: string): ThemeColors => {
		const theme = highlighter.getTheme(name);
		return { fg: theme.fg, bg: theme.bg };
	};
	const light = colorsOf(themes.light);
	const dark = colorsOf(themes.dark);
	return (code) => {
		const lines = highlighter
			.codeToTokensWithThemes(code, { lang: 'dockerfile', themes })
			.map((line) =>
				line.map((token) => ({
					content: token.content,
					light: token.variants['light']?.color ?? light.fg,
					dark: token.variants['dark']?.color ?? dark.fg,
					// Shiki uses -1 for "not set"; a style either theme asks for is kept.
					fontStyle:
						Math.max(0, token.variants['light']?.fontStyle ?? 0) |
						Math.max(0, token.variants['dark']?.fontStyle ?? 0),
				}))
			);
		return { lines, light, dark };
	};
}
