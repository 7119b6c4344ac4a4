/**
 * Fills `{name}` placeholders of a UI string. Values are plain text: the result is shown as text,
 * never parsed as HTML.
 * @example format('{n} di {total}', { n: 2, total: 5 }) // '2 di 5'
 */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (match, name: string) =>
		name in values ? String(values[name]) : match
	);
}

/** A piece of a question's text: plain words, or `code` written between backticks. */
export interface TextSegment {
	code: boolean;
	text: string;
}

/** Splits text on backticks, so `docker ps` can be shown as code without any HTML. */
export function codeSegments(text: string): TextSegment[] {
	return text
		.split(/(`[^`]+`)/)
		.filter((part) => part !== '')
		.map((part) =>
			part.length > 2 && part.startsWith('`') && part.endsWith('`')
				? { code: true, text: part.slice(1, -1) }
				: { code: false, text: part }
		);
}

/** Reads a number as people type it in either language: `4`, `4.5` or `4,5`. */
export function parseNumber(text: string): number | null {
	const trimmed = text.trim().replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
	return Number(trimmed);
}
