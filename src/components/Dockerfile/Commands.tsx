/** The inputs of `docker build` and `docker run`, and the two commands they give. */
import type { ComponentProps } from 'preact';
import type { CommandsPanel } from '../../lib/dockerfile/builder.ts';
import type { CommandInputs } from '../../lib/dockerfile/share.ts';
import { codeSegments } from '../../lib/i18n/format.ts';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { CheckField, TextField } from './FieldWidgets';
import { CopyButton, type Heading } from './Output';

/** The text inputs, by the id of their field and the key of their label. */
const textInputs = [
	{ name: 'image', field: 'image', label: 'builder.commands.image' },
	{ name: 'tag', field: 'tag', label: 'builder.commands.tag' },
	{ name: 'containerName', field: 'container', label: 'builder.commands.container' },
] as const satisfies readonly { name: keyof CommandInputs; field: string; label: string }[];

export function Commands({
	inputs,
	panel,
	heading: H,
}: {
	inputs: CommandInputs;
	panel: CommandsPanel;
	heading: Heading;
}) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	const headingId = id('commands-heading');
	const [image, tag, container] = textInputs.map(({ name, field, label }) => (
		<TextField
			key={name}
			id={id(field)}
			label={t(label)}
			value={inputs[name]}
			onValue={(value) => dispatch({ type: 'setInputs', change: { [name]: value } })}
		/>
	));
	const { build, run } = panel.commands;
	return (
		<section class="df-commands" aria-labelledby={headingId}>
			<H id={headingId}>{t('builder.commands.heading')}</H>
			<div class="df-pair">
				{image}
				{tag}
			</div>
			<div class="df-pair">
				{container}
				<CheckField
					id={id('detach')}
					label={t('builder.commands.detach')}
					checked={inputs.detach}
					onChecked={(detach) => dispatch({ type: 'setInputs', change: { detach } })}
				/>
			</div>
			<HostChoices
				legend={t('builder.commands.ports')}
				hint={t('builder.commands.portsHint')}
				grid
				fields={panel.ports.map(({ port, host }, index) => ({
					id: id('host-port', String(index)),
					label: t('builder.commands.hostPort', { port }),
					value: host,
					inputMode: 'numeric',
					onValue: (value) => dispatch({ type: 'setHostPort', port, host: value }),
				}))}
			/>
			<HostChoices
				legend={t('builder.commands.volumes')}
				hint={t('builder.commands.volumesHint')}
				fields={panel.volumes.map(({ path, name }, index) => ({
					id: id('volume', String(index)),
					label: t('builder.commands.volume', { path }),
					value: name,
					placeholder: t('builder.commands.volumeAuto'),
					onValue: (value) => dispatch({ type: 'setVolume', path, name: value }),
				}))}
			/>
			<p class="df-command-label">{t('builder.commands.build')}</p>
			<pre class="df-shell">
				<code>{build}</code>
			</pre>
			<p class="df-command-label">{t('builder.commands.run')}</p>
			<pre class="df-shell">
				<code>{run}</code>
			</pre>
			{panel.ports.length === 0 && (
				<p class="df-hint df-no-ports">
					{codeSegments(t('builder.commands.noPorts')).map((segment, index) =>
						segment.code ? <code key={index}>{segment.text}</code> : segment.text
					)}
				</p>
			)}
			<p class="df-buttons">
				<CopyButton
					text={`${build}\n${run}\n`}
					label={t('builder.commands.copy')}
					done={t('builder.commands.copied')}
				/>
			</p>
		</section>
	);
}

/**
 * What the host gives each port or volume of the final stage: one text field each, under a legend
 * and a hint; nothing at all when there are none.
 */
function HostChoices(props: {
	legend: string;
	hint: string;
	/** Side by side where there is room (short port numbers). */
	grid?: boolean;
	fields: ComponentProps<typeof TextField>[];
}) {
	if (props.fields.length === 0) return null;
	const fields = props.fields.map((field) => <TextField key={field.id} {...field} />);
	return (
		<fieldset class="df-list">
			<legend>{props.legend}</legend>
			<p class="df-hint">{props.hint}</p>
			{props.grid ? <div class="df-grid">{fields}</div> : fields}
		</fieldset>
	);
}
