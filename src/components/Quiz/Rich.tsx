import { codeSegments } from '../../lib/i18n/format.ts';

/** Question text: words, and `code` between backticks, always as text nodes. */
export function Rich({ text }: { text: string }) {
	return (
		<>
			{codeSegments(text).map((segment, index) =>
				segment.code ? <code key={index}>{segment.text}</code> : segment.text
			)}
		</>
	);
}
