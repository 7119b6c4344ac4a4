/**
 * The longest word, in characters as shown, that is kept on one line. A longer one (a whole
 * `--mount` specification) must stay free to break, or it would stick out of a narrow cell.
 */
export const MAX_UNBROKEN_LENGTH = 28;

/** An inline code element whose content is plain text: code blocks hold markup and are left alone. */
const inlineCode = /(<code(?:\s[^>]*)?>)([^<]*)(<\/code>)/g;

/** How many characters a piece of escaped HTML text shows (`&lt;` is one). */
function shownLength(text: string): number {
	return text.replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, '.').length;
}

/**
 * Keeps each hyphenated word of an inline code element (`--entrypoint`, `-it`, `host-only`) on one
 * line. Browsers may wrap a line right after a hyphen, which in a command reads as two words
 * (`--` at the end of a line, `entrypoint` at the start of the next); wrapped in
 * `<span class="unbroken">`, which a stylesheet keeps whole, the word can only move as a whole.
 * The text itself does not change, so a copied command is still the command.
 */
export function keepHyphenatedWordsWhole(html: string): string {
	return html.replace(inlineCode, (_match, open: string, text: string, close: string) => {
		const words = text
			.split(/(\s+)/)
			.map((word) =>
				word.includes('-') && shownLength(word) <= MAX_UNBROKEN_LENGTH
					? `<span class="unbroken">${word}</span>`
					: word
			);
		return open + words.join('') + close;
	});
}
