import type { RefObject } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { indentEdit, lineCount, offsetOf, type TextEdit } from '../../lib/compose/editor.ts';
import { severityGlyphs, type Severity } from '../../lib/findings.ts';

interface Props {
	id: string;
	value: string;
	/** The id of the hint that explains Tab and Escape. */
	hintId: string;
	/** The most severe finding of each line that has one. */
	markers: ReadonlyMap<number, Severity>;
	textareaRef: RefObject<HTMLTextAreaElement>;
	onInput: (text: string) => void;
}

/** Makes the change as if typed, so the browser's own undo still works, then selects as asked. */
function applyEdit(textarea: HTMLTextAreaElement, edit: TextEdit) {
	if (textarea.value.slice(edit.start, edit.end) === edit.insert) {
		textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
		return;
	}
	textarea.setSelectionRange(edit.start, edit.end);
	let done = false;
	try {
		done = document.execCommand(edit.insert ? 'insertText' : 'delete', false, edit.insert);
	} catch {
		// Some browsers throw instead of returning false: the fallback below handles both.
	}
	if (!done) {
		textarea.setRangeText(edit.insert, edit.start, edit.end);
		textarea.dispatchEvent(new Event('input', { bubbles: true }));
	}
	textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

/** Puts the cursor at the start of a place (1-based) and scrolls it into the upper third. */
export function placeCursor(textarea: HTMLTextAreaElement, line: number, column: number) {
	const offset = offsetOf(textarea.value, line, column);
	textarea.focus();
	textarea.setSelectionRange(offset, offset);
	const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 22;
	textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
	// The gutter follows the textarea's own scroll events.
	textarea.dispatchEvent(new Event('scroll'));
}

/**
 * A plain textarea with a gutter of line numbers and finding markers, scrolled with it. Tab
 * indents; after Escape, Tab moves the focus on as usual.
 */
export function Editor({ id, value, hintId, markers, textareaRef, onInput }: Props) {
	const gutterRef = useRef<HTMLDivElement>(null);
	const leaving = useRef(false);
	const lines = lineCount(value);
	const gutter = useMemo(
		() =>
			Array.from({ length: lines }, (_, i) => {
				const severity = markers.get(i + 1);
				return (
					<div key={i} class="cd-gutter-row" data-line={i + 1}>
						<span class={`cd-marker${severity ? ` cd-marker-${severity}` : ''}`}>
							{severity ? severityGlyphs[severity] : ''}
						</span>
						<span class="cd-lineno">{i + 1}</span>
					</div>
				);
			}),
		[lines, markers]
	);

	const syncScroll = () => {
		if (gutterRef.current && textareaRef.current)
			gutterRef.current.scrollTop = textareaRef.current.scrollTop;
	};

	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === 'Escape') {
			leaving.current = true;
			return;
		}
		if (event.key !== 'Tab') {
			if (event.key !== 'Shift') leaving.current = false;
			return;
		}
		if (leaving.current || event.ctrlKey || event.altKey || event.metaKey) return;
		event.preventDefault();
		const textarea = event.currentTarget as HTMLTextAreaElement;
		applyEdit(
			textarea,
			indentEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd, event.shiftKey)
		);
	};

	return (
		<div class="cd-editor">
			<div
				class="cd-gutter"
				ref={gutterRef}
				aria-hidden="true"
				style={{ '--cd-digits': String(lines).length }}
			>
				{gutter}
				<div class="cd-gutter-end" />
			</div>
			<textarea
				id={id}
				ref={textareaRef}
				class="cd-textarea"
				value={value}
				rows={18}
				wrap="off"
				spellcheck={false}
				autocapitalize="off"
				autocomplete="off"
				aria-describedby={hintId}
				onInput={(event) => onInput(event.currentTarget.value)}
				onKeyDown={onKeyDown}
				onScroll={syncScroll}
				onFocus={() => (leaving.current = false)}
			/>
		</div>
	);
}
