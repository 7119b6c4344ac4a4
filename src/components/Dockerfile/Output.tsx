import { Fragment, type JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightToken } from '../../lib/dockerfile/highlight.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import type { CommandInputs } from '../../lib/dockerfile/share.ts';
import { siteUrl } from '../../lib/links/url.ts';
import { TextField } from './Fields';
import { severityIcons } from './Form';
import { useUi } from './ui';

type Heading = 'h2' | 'h3' | 'h4';

/** A button that copies text, with a visible confirmation next to it. */
export function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
	const ui = useUi();
	const [status, setStatus] = useState<'' | 'done' | 'failed'>('');
	const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
	useEffect(() => () => clearTimeout(timer.current), []);
	const copy = async () => {
		clearTimeout(timer.current);
		try {
			await navigator.clipboard.writeText(text);
			setStatus('done');
			timer.current = setTimeout(() => setStatus(''), 4000);
		} catch {
			setStatus('failed');
		}
	};
	return (
		<span class="df-copy">
			<button type="button" class="df-button" onClick={() => void copy()}>
				{label}
			</button>
			<span class="df-status" role="status">
				{status === 'done' ? `✓ ${done}` : status === 'failed' ? ui.t('builder.copyFailed') : ''}
			</span>
		</span>
	);
}

function tokenStyle(token: HighlightToken): JSX.CSSProperties {
	return {
		'--df-l': token.light,
		'--df-d': token.dark,
		...(token.fontStyle & 1 ? { fontStyle: 'italic' } : {}),
		...(token.fontStyle & 2 ? { fontWeight: 'bold' } : {}),
		...(token.fontStyle & 4 ? { textDecoration: 'underline' } : {}),
	};
}

/**
 * The Dockerfile text. Plain until Shiki has loaded, then coloured: each token is a text node in a
 * span whose colours are CSS variables, one per theme, so the page's theme switch needs no work.
 */
export function Preview({ text, highlight }: { text: string; highlight: Highlight | null }) {
	const ui = useUi();
	const highlighted = useMemo(() => {
		if (!highlight || !text) return null;
		try {
			return highlight(text);
		} catch {
			return null;
		}
	}, [highlight, text]);
	if (!text) return <p class="df-hint">{ui.t('builder.preview.empty')}</p>;
	const style = highlighted
		? {
				'--df-light-fg': highlighted.light.fg,
				'--df-light-bg': highlighted.light.bg,
				'--df-dark-fg': highlighted.dark.fg,
				'--df-dark-bg': highlighted.dark.bg,
			}
		: undefined;
	return (
		<pre
			class={`df-code${highlighted ? ' df-highlighted' : ''}`}
			tabIndex={0}
			role="region"
			aria-label={ui.t('builder.preview.label')}
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
}

/** The findings, each with what it means, where it is, and a way to jump to its fields. */
export function Findings({
	findings,
	heading: H,
	onGo,
}: {
	findings: readonly Finding[];
	heading: Heading;
	onGo: (finding: Finding) => void;
}) {
	const ui = useUi();
	const headingId = ui.id('findings-heading');
	return (
		<section class="df-findings" aria-labelledby={headingId}>
			<H id={headingId}>
				{ui.t('builder.findings.heading')}{' '}
				<span class="df-count">
					(
					{ui.t(findings.length === 1 ? 'builder.findings.one' : 'builder.findings.many', {
						count: findings.length,
					})}
					)
				</span>
			</H>
			{findings.length === 0 ? (
				<p>{ui.t('builder.findings.none')}</p>
			) : (
				<ul class="df-finding-list" role="list">
					{findings.map((finding, index) => (
						<li
							key={`${finding.rule}-${finding.nodeId}-${index}`}
							class={`df-finding df-${finding.severity}`}
						>
							<p class="df-finding-head">
								<span class="df-severity">
									<span aria-hidden="true">{severityIcons[finding.severity]}</span>{' '}
									{ui.t(`builder.severity.${finding.severity}`)}
								</span>{' '}
								<code>{finding.rule}</code>
								{finding.counterpart && (
									<span class="df-counterpart">
										{ui.t(
											/^DL\d+$/.test(finding.counterpart)
												? 'builder.findings.hadolint'
												: 'builder.findings.buildCheck',
											{ code: finding.counterpart }
										)}
									</span>
								)}
							</p>
							<p class="df-message">{finding.message[ui.lang]}</p>
							<p class="df-finding-links">
								<button type="button" class="df-button df-small" onClick={() => onGo(finding)}>
									{ui.t('builder.findings.goTo', { line: finding.line })}
								</button>
								<a href={siteUrl(finding.docs, ui.lang)}>{ui.t('builder.findings.learnMore')}</a>
							</p>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}

/** The host port a container port gets unless the learner says otherwise: the same number. */
export function defaultHostPort(port: string): string {
	const number = port.split('/')[0] ?? '';
	return /^\d+$/.test(number) ? number : '';
}

/** The inputs of `docker build` and `docker run`, and the two commands. */
export function Commands({
	inputs,
	ports,
	volumes,
	commands,
	heading: H,
	setInputs,
}: {
	inputs: CommandInputs;
	/** The exposed ports of the final stage: `80`, `53/udp`. */
	ports: readonly string[];
	/** The VOLUME paths of the final stage. */
	volumes: readonly string[];
	commands: { build: string; run: string };
	heading: Heading;
	setInputs: (change: (inputs: CommandInputs) => CommandInputs) => void;
}) {
	const ui = useUi();
	const headingId = ui.id('commands-heading');
	const text = (key: keyof CommandInputs) => (value: string) =>
		setInputs((current) => ({ ...current, [key]: value }));
	return (
		<section class="df-commands" aria-labelledby={headingId}>
			<H id={headingId}>{ui.t('builder.commands.heading')}</H>
			<div class="df-pair">
				<TextField
					id={ui.id('image')}
					label={ui.t('builder.commands.image')}
					value={inputs.image}
					onValue={text('image')}
				/>
				<TextField
					id={ui.id('tag')}
					label={ui.t('builder.commands.tag')}
					value={inputs.tag}
					onValue={text('tag')}
				/>
			</div>
			<div class="df-pair">
				<TextField
					id={ui.id('container')}
					label={ui.t('builder.commands.container')}
					value={inputs.containerName}
					onValue={text('containerName')}
				/>
				<div class="df-check">
					<input
						type="checkbox"
						id={ui.id('detach')}
						checked={inputs.detach}
						onChange={(event) => {
							const detach = event.currentTarget.checked;
							setInputs((current) => ({ ...current, detach }));
						}}
					/>
					<label for={ui.id('detach')}>{ui.t('builder.commands.detach')}</label>
				</div>
			</div>
			{ports.length > 0 && (
				<fieldset class="df-list">
					<legend>{ui.t('builder.commands.ports')}</legend>
					<p class="df-hint">{ui.t('builder.commands.portsHint')}</p>
					<div class="df-grid">
						{ports.map((port, index) => (
							<div class="df-field" key={port}>
								<label for={ui.id('host-port', String(index))}>
									{ui.t('builder.commands.hostPort', { port })}
								</label>
								<input
									id={ui.id('host-port', String(index))}
									type="text"
									inputMode="numeric"
									autocomplete="off"
									value={inputs.ports[port] ?? defaultHostPort(port)}
									onInput={(event) => {
										const value = event.currentTarget.value;
										setInputs((current) => ({
											...current,
											ports: { ...current.ports, [port]: value },
										}));
									}}
								/>
							</div>
						))}
					</div>
				</fieldset>
			)}
			{volumes.length > 0 && (
				<fieldset class="df-list">
					<legend>{ui.t('builder.commands.volumes')}</legend>
					<p class="df-hint">{ui.t('builder.commands.volumesHint')}</p>
					{volumes.map((path, index) => (
						<TextField
							key={path}
							id={ui.id('volume', String(index))}
							label={ui.t('builder.commands.volume', { path })}
							value={inputs.volumes[path] ?? ''}
							placeholder={ui.t('builder.commands.volumeAuto')}
							onValue={(value) =>
								setInputs((current) => ({
									...current,
									volumes: { ...current.volumes, [path]: value },
								}))
							}
						/>
					))}
				</fieldset>
			)}
			<p class="df-command-label">{ui.t('builder.commands.build')}</p>
			<pre class="df-shell">
				<code>{commands.build}</code>
			</pre>
			<p class="df-command-label">{ui.t('builder.commands.run')}</p>
			<pre class="df-shell">
				<code>{commands.run}</code>
			</pre>
			<p class="df-buttons">
				<CopyButton
					text={`${commands.build}\n${commands.run}\n`}
					label={ui.t('builder.commands.copy')}
					done={ui.t('builder.commands.copied')}
				/>
			</p>
		</section>
	);
}
