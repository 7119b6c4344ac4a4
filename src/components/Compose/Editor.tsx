import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
	gutterRows,
	indentEdit,
	lineCount,
	offsetOf,
	type TextEdit,
} from '../../lib/compose/editor.ts';
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

/** The height of a line of the textarea, in pixels. */
function lineHeightOf(textarea: HTMLTextAreaElement): number {
	return parseFloat(getComputedStyle(textarea).lineHeight) || 22;
}

/** Puts the cursor at the start of a place (1-based) and scrolls it into the upper third. */
export function placeCursor(textarea: HTMLTextAreaElement, line: number, column: number) {
	const offset = offsetOf(textarea.value, line, column);
	textarea.focus();
	textarea.setSelectionRange(offset, offset);
	const lineHeight = lineHeightOf(textarea);
	textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
	// The gutter follows the textarea's own scroll events.
	textarea.dispatchEvent(new Event('scroll'));
}

/** Empty room in the gutter for `rows` rows not drawn, so that the drawn ones stay in place. */
function spacer(rows: number) {
	return rows > 0 && <div style={{ height: `calc(var(--cd-line) * ${rows})` }} />;
}

/**
 * A plain textarea with a gutter of line numbers and finding markers, scrolled with it. Tab
 * indents; after Escape, Tab moves the focus on as usual. The gutter draws only the rows near
 * those in view (`gutterRows`): a file of thousands of lines would otherwise lay out thousands.
 */
export function Editor({ id, value, hintId, markers, textareaRef, onInput }: Props) {
	const gutterRef = useRef<HTMLDivElement>(null);
	const leaving = useRef(false);
	const lines = lineCount(value);
	// Where the textarea is scrolled, and how much of it shows: measured at each scroll.
	const [view, setView] = useState({ top: 0, height: 0, lineHeight: 22 });
	const { first, last } = gutterRows(view.top, view.height, view.lineHeight, lines);
	const gutter = useMemo(
		() =>
			Array.from({ length: last - first }, (_, index) => {
				const line = first + index + 1;
				const severity = markers.get(line);
				return (
					<div key={line} class="cd-gutter-row" data-line={line}>
						<span class={`cd-marker${severity ? ` cd-marker-${severity}` : ''}`}>
							{severity ? severityGlyphs[severity] : ''}
						</span>
						<span class="cd-lineno">{line}</span>
					</div>
				);
			}),
		[first, last, markers]
	);

	const syncScroll = useCallback(() => {
		const textarea = textareaRef.current;
		if (!gutterRef.current || !textarea) return;
		gutterRef.current.scrollTop = textarea.scrollTop;
		const next = {
			top: textarea.scrollTop,
			height: textarea.clientHeight,
			lineHeight: lineHeightOf(textarea),
		};
		const moved = gutterRows(next.top, next.height, next.lineHeight, lines);
		// Most scroll events keep the same rows: those draw nothing anew.
		if (moved.first !== first || moved.last !== last) setView(next);
	}, [first, last, lines, textareaRef]);

	// A paste or a cut changes how far the textarea can scroll, without always saying so.
	useEffect(syncScroll, [syncScroll]);

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
				{spacer(first)}
				{gutter}
				{spacer(lines - last)}
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
