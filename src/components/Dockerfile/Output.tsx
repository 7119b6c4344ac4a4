/** What the builder shows of the Dockerfile: its text, highlighted, and the linter's findings. */
import { Fragment, type CSSProperties, type VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_MAX_LINES, highlightable } from '../../lib/dockerfile/builder.ts';
import type { Highlighted, HighlightToken } from '../../lib/dockerfile/highlight.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import { codeSegments } from '../../lib/i18n/format.ts';
import { siteUrl } from '../../lib/links/url.ts';
import { SeverityMarker } from '../shared/SeverityMarker';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { colour, colouredAlready } from './highlighter.ts';
import { useFindingsCount } from './FindingsMark';

export type Heading = 'h2' | 'h3' | 'h4';

/** Copies text to the clipboard, and says how it went for a while. */
export function useClipboard() {
	const [status, setStatus] = useState<'' | 'done' | 'failed'>('');
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	useEffect(() => () => clearTimeout(timer.current), []);
	const copy = async (text: string) => {
		clearTimeout(timer.current);
		try {
			await navigator.clipboard.writeText(text);
			setStatus('done');
			timer.current = setTimeout(() => setStatus(''), 4000);
		} catch {
			setStatus('failed');
		}
	};
	return { status, copy };
}

/** How a copy went, next to its button: `done` is the confirmation for this button. */
export function CopyStatus({ status, done }: { status: '' | 'done' | 'failed'; done: string }) {
	const t = useT();
	return (
		<span class="df-status" role="status">
			{status === 'done' ? `✓ ${done}` : status === 'failed' ? t('builder.copyFailed') : ''}
		</span>
	);
}

/** A button that copies text, with a visible confirmation next to it. */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
	const { status, copy } = useClipboard();
	return (
		<span class="df-copy">
			<button type="button" class="df-button" onClick={() => void copy(text)}>
				{label}
			</button>
			<CopyStatus status={status} done={done} />
		</span>
	);
}

function tokenStyle(token: HighlightToken): CSSProperties {
	return {
		'--df-l': token.light,
		'--df-d': token.dark,
		...(token.fontStyle & 1 ? { fontStyle: 'italic' } : {}),
		...(token.fontStyle & 2 ? { fontWeight: 'bold' } : {}),
		...(token.fontStyle & 4 ? { textDecoration: 'underline' } : {}),
	};
}

/**
 * The text coloured by Shiki (`highlighter.ts`), asked for once the page has painted: null until
 * the colours of this very text arrive, so the preview never shows an older text's colours.
 */
function useHighlighted(text: string, wanted: boolean): Highlighted | null {
	const [shown, setShown] = useState(() => {
		const highlighted = colouredAlready(text);
		return highlighted && { text, highlighted };
	});
	// A preview drawn again after the page's first paint asks at once.
	const [painted, setPainted] = useState(shown !== null);
	useEffect(() => {
		if (painted) return;
		const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
		return () => cancelAnimationFrame(frame);
	}, [painted]);
	useEffect(() => {
		if (!painted || !wanted || !text) return;
		let current = true;
		void colour(text).then((highlighted) => {
			if (current && highlighted) setShown({ text, highlighted });
		});
		return () => {
			current = false;
		};
	}, [painted, wanted, text]);
	return shown?.text === text ? shown.highlighted : null;
}

/**
 * The Dockerfile text. Plain until its colours arrive, then coloured: each token is a text node in
 * a span whose colours are CSS variables, one per theme, so the page's theme switch needs no work.
 * A long file stays plain, and a line under it says so.
 */
export function Preview({ text }: { text: string }) {
	const t = useT();
	const colours = useMemo(() => highlightable(text), [text]);
	const highlighted = useHighlighted(text, colours);
	if (!text) return <p class="df-hint">{t('builder.preview.empty')}</p>;
	const style = highlighted
		? {
				'--df-light-fg': highlighted.light.fg,
				'--df-light-bg': highlighted.light.bg,
				'--df-dark-fg': highlighted.dark.fg,
				'--df-dark-bg': highlighted.dark.bg,
			}
		: undefined;
	const code = (
		<pre
			class={`df-code${highlighted ? ' df-highlighted' : ''}`}
			tabIndex={0}
			role="region"
			aria-label={t('builder.preview.label')}
			style={style}
		>
			<code>
				{highlighted
					? highlighted.lines.map((line, index) => (
							<Fragment key={index}>
								{line.map((token, at) => (
									<span key={at} class="df-token" style={tokenStyle(token)}>
										{token.content}
									</span>
								))}
								{index < highlighted.lines.length - 1 ? '\n' : ''}
							</Fragment>
						))
					: text}
			</code>
		</pre>
	);
	if (colours) return code;
	return (
		<>
			{code}
			<p class="df-hint">{t('builder.preview.plain', { max: HIGHLIGHT_MAX_LINES })}</p>
		</>
	);
}

/** The findings, each with what it means, where it is, and a way to jump to its fields. */
export function Findings({
	count: total,
	parts,
	silencedCount,
	silencedParts,
	heading: H,
	onGo,
}: {
	/** How many findings there are: all of them, even before every part is drawn. */
	count: number;
	/** The findings drawn, in parts; a part that is the same array as before is not redrawn. */
	parts: readonly (readonly Finding[])[];
	/** The findings the file's comments turn off, listed folded under the others. */
	silencedCount: number;
	silencedParts: readonly (readonly Finding[])[];
	heading: Heading;
	onGo: (finding: Finding) => void;
}) {
	const t = useT();
	const count = useFindingsCount();
	const { id } = useBuilder();
	const headingId = id('findings-heading');
	return (
		<section class="df-findings" aria-labelledby={headingId}>
			<H id={headingId}>
				{t('builder.findings.heading')} <span class="df-count">({count(total)})</span>
			</H>
			{total === 0 ? (
				<p>{t('builder.findings.none')}</p>
			) : (
				<FindingList parts={parts} onGo={onGo} />
			)}
			{silencedCount > 0 && (
				<details class="df-silenced">
					<summary>
						{t(silencedCount === 1 ? 'builder.silenced.one' : 'builder.silenced.many', {
							count: silencedCount,
						})}
					</summary>
					<FindingList parts={silencedParts} onGo={onGo} />
				</details>
			)}
		</section>
	);
}

/** A list of findings drawn from its parts: each part's elements are made once, then reused. */
function FindingList({
	parts,
	onGo,
}: {
	parts: readonly (readonly Finding[])[];
	onGo: (finding: Finding) => void;
}) {
	const drawn = useRef(new WeakMap<readonly Finding[], VNode>());
	const drawnFor = useRef(onGo);
	if (drawnFor.current !== onGo) {
		drawn.current = new WeakMap();
		drawnFor.current = onGo;
	}
	let start = 0;
	const items = parts.map((part) => {
		let elements = drawn.current.get(part);
		if (!elements) {
			const first = start;
			elements = (
				<Fragment>
					{part.map((finding, index) => (
						<FindingItem
							key={`${finding.rule}-${finding.nodeId}-${first + index}`}
							finding={finding}
							onGo={onGo}
						/>
					))}
				</Fragment>
			);
			drawn.current.set(part, elements);
		}
		start += part.length;
		return elements;
	});
	return (
		<ul class="df-finding-list" role="list">
			{items}
		</ul>
	);
}

/** One finding; a silenced one also says which comment turns it off. */
function FindingItem({ finding, onGo }: { finding: Finding; onGo: (finding: Finding) => void }) {
	const t = useT();
	const { lang } = useBuilder();
	const by = finding.silenced;
	return (
		<li class={`df-finding df-${finding.severity}${by ? ' df-finding-off' : ''}`}>
			<p class="df-finding-head">
				<SeverityMarker
					severity={finding.severity}
					label={t(`builder.severity.${finding.severity}`)}
					class="df-severity"
				/>{' '}
				<code>{finding.rule}</code>
				{finding.counterpart && (
					<span class="df-counterpart">
						{t(
							/^DL\d+$/.test(finding.counterpart)
								? 'builder.findings.hadolint'
								: 'builder.findings.buildCheck',
							{ code: finding.counterpart }
						)}
					</span>
				)}
			</p>
			{by && (
				<p class="df-silenced-by">
					{codeSegments(
						t(by.by === 'check-skip' ? 'builder.silenced.checkSkip' : 'builder.silenced.hadolint', {
							line: by.line,
						})
					).map((segment, index) =>
						segment.code ? <code key={index}>{segment.text}</code> : segment.text
					)}
				</p>
			)}
			<p class="df-message">{finding.message[lang]}</p>
			<p class="df-finding-links">
				<button type="button" class="df-button df-small" onClick={() => onGo(finding)}>
					{t('builder.findings.goTo', { line: finding.line })}
				</button>
				<a href={siteUrl(finding.docs, lang)}>{t('builder.findings.learnMore')}</a>
			</p>
		</li>
	);
}
