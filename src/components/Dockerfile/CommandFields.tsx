/**
 * The instructions that run a command (RUN, CMD, ENTRYPOINT, HEALTHCHECK) and the parts they share
 * with others: a command in exec or shell form, and `--name=value` flags (also COPY's and ADD's).
 */
import { shellQuote } from '../../lib/dockerfile/commands.ts';
import type { Command, Flag } from '../../lib/dockerfile/model.ts';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { CheckField, NameValueList, StringList, TextField } from './FieldWidgets';
import type { FieldsProps, Of } from './InstructionFields';
import { knownFlags } from './suggestions';

/** `--name=value` flags; `hidden` ones have their own field elsewhere (COPY's `--from`). */
export function FlagsEditor(props: {
	id: string;
	kind: string;
	flags: readonly Flag[];
	set: (change: (flags: Flag[]) => Flag[]) => void;
	hidden?: string | undefined;
}) {
	const t = useT();
	const { hidden } = props;
	const listId = `${props.id}-names`;
	return (
		<>
			<datalist id={listId}>
				{(knownFlags[props.kind] ?? []).map((name) => (
					<option key={name} value={name} />
				))}
			</datalist>
			<NameValueList<Flag>
				id={props.id}
				legend={t('builder.field.flags')}
				items={props.flags.filter((flag) => flag.name !== hidden)}
				itemLabel={(n) => t('builder.field.flag', { n })}
				addLabel={t('builder.field.addFlag')}
				blank={() => ({ name: '', value: '' })}
				onChange={(change) =>
					props.set((current) => [
						...current.filter((flag) => flag.name === hidden),
						...change(current.filter((flag) => flag.name !== hidden)),
					])
				}
				name={{
					label: (flag) => t('builder.field.flagName', { flag }),
					value: (flag) => flag.name,
					set: (flag, name) => ({ ...flag, name: name.replace(/^-+/, '') }),
					list: listId,
				}}
				value={{
					label: (flag) => t('builder.field.flagValue', { flag }),
					value: (flag) => flag.value ?? '',
					// `--link` has no `=` at all.
					set: (flag, value) => ({ ...flag, value: value === '' ? null : value }),
				}}
			/>
		</>
	);
}

const toExec = (text: string): Command => {
	const words = text.replaceAll('\\\n', ' ').trim().split(/\s+/).filter(Boolean);
	return { form: 'exec', args: words.length ? words : [''] };
};
const toShell = (args: readonly string[]): Command => ({
	form: 'shell',
	text: args.filter(Boolean).map(shellQuote).join(' '),
});

/** A command in shell form (one text) or exec form (a list of arguments), with a switch. */
export function CommandField(props: {
	id: string;
	command: Command;
	set: (change: (command: Command) => Command) => void;
}) {
	const t = useT();
	const builder = useBuilder();
	const { id, command, set } = props;
	return (
		<div class="df-command">
			<fieldset class="df-choice">
				<legend>{t('builder.field.form')}</legend>
				{(['exec', 'shell'] as const).map((form) => (
					<label key={form}>
						<input
							type="radio"
							name={builder.id(id, 'form')}
							checked={command.form === form}
							onChange={() =>
								set((current) => {
									if (current.form === form) return current;
									return current.form === 'shell' ? toExec(current.text) : toShell(current.args);
								})
							}
						/>
						{t(form === 'exec' ? 'builder.field.formExec' : 'builder.field.formShell')}
					</label>
				))}
			</fieldset>
			{command.form === 'shell' ? (
				<TextField
					id={builder.id(id, 'command')}
					label={t('builder.field.command')}
					value={command.text}
					multiline
					primary
					onValue={(text) => set(() => ({ form: 'shell', text }))}
				/>
			) : (
				<StringList
					id={builder.id(id, 'args')}
					legend={t('builder.field.args')}
					itemKey="builder.field.arg"
					addKey="builder.field.addArg"
					items={command.args}
					ordered
					onChange={(change) =>
						set((current) => ({
							form: 'exec',
							args: change(current.form === 'exec' ? current.args : []),
						}))
					}
				/>
			)}
		</div>
	);
}

/** RUN, CMD and ENTRYPOINT: the command, and RUN's flags folded away. */
export function RunFields({ instruction, set }: FieldsProps<Of<'run' | 'cmd' | 'entrypoint'>>) {
	const t = useT();
	const { id } = useBuilder();
	return (
		<>
			<CommandField
				id={instruction.id}
				command={instruction.command}
				set={(change) => set((i) => ({ ...i, command: change(i.command) }))}
			/>
			{instruction.kind === 'run' && (
				<details class="df-more" open={instruction.flags.length > 0}>
					<summary>{t('builder.field.more')}</summary>
					<FlagsEditor
						id={id(instruction.id, 'flags')}
						kind="run"
						flags={instruction.flags}
						set={(change) => set((i) => (i.kind === 'run' ? { ...i, flags: change(i.flags) } : i))}
					/>
				</details>
			)}
		</>
	);
}

/** HEALTHCHECK: NONE, or a command with its timing flags. */
export function HealthcheckFields({ instruction, set }: FieldsProps<Of<'healthcheck'>>) {
	const t = useT();
	const { id } = useBuilder();
	return (
		<>
			<CheckField
				id={id(instruction.id, 'none')}
				label={t('builder.field.healthNone')}
				checked={instruction.command === null}
				onChecked={(none) =>
					set((i) => ({
						...i,
						flags: none ? [] : i.flags,
						command: none ? null : { form: 'exec', args: [''] },
					}))
				}
			/>
			{instruction.command && (
				<>
					<CommandField
						id={instruction.id}
						command={instruction.command}
						set={(change) =>
							set((i) => ({ ...i, command: change(i.command ?? { form: 'shell', text: '' }) }))
						}
					/>
					<FlagsEditor
						id={id(instruction.id, 'flags')}
						kind="healthcheck"
						flags={instruction.flags}
						set={(change) => set((i) => ({ ...i, flags: change(i.flags) }))}
					/>
				</>
			)}
		</>
	);
}
