import type { JSX } from 'preact';
import { shellQuote } from '../../lib/dockerfile/commands.ts';
import {
	keywordOf,
	type Command,
	type CopyInstruction,
	type Flag,
	type Instruction,
	type KeyValue,
	type Port,
} from '../../lib/dockerfile/model.ts';
import { knownFlags, protocols, signals } from './suggestions';
import { useUi } from './ui';

/** Applies a change to the latest version of an instruction (never to a stale copy). */
export type SetInstruction<T extends Instruction = Instruction> = (
	change: (current: T) => T
) => void;

interface TextFieldProps {
	id: string;
	label: string;
	value: string;
	onValue: (value: string) => void;
	/** The id of a `<datalist>` of suggestions. */
	list?: string;
	placeholder?: string;
	/** The field a finding about this instruction moves focus to. */
	primary?: boolean;
	multiline?: boolean;
	/** The id of a hint that describes the field. */
	describedBy?: string | undefined;
	readOnly?: boolean;
}

/** A labelled text input (or textarea) for code: no spell check, no autocorrect. */
export function TextField(props: TextFieldProps) {
	const { id, label, value, onValue, list, placeholder, primary, multiline, describedBy } = props;
	const common = {
		id,
		value,
		readOnly: props.readOnly,
		spellcheck: false,
		autocomplete: 'off',
		autocapitalize: 'off' as const,
		placeholder,
		'aria-describedby': describedBy,
		'data-primary': primary ? '' : undefined,
		onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
			onValue(event.currentTarget.value),
	};
	return (
		<div class="df-field">
			<label for={id}>{label}</label>
			{multiline ? (
				<textarea {...common} rows={Math.min(12, Math.max(2, value.split('\n').length))} />
			) : (
				<input {...common} type="text" list={list} />
			)}
		</div>
	);
}

interface ListEditorProps<T> {
	/** The base of the ids of its fields: row `n` has `${id}-${n}`. */
	id: string;
	legend: string;
	items: readonly T[];
	/** The label of row `n` (1-based), also used in its buttons' names. */
	itemLabel: (n: number) => string;
	addLabel: string;
	blank: () => T;
	onChange: (change: (items: T[]) => T[]) => void;
	/** Whether the order matters, so rows get ↑ and ↓ buttons. */
	ordered?: boolean;
	/** The fields of one row; the first must have the id it is given. */
	row: (item: T, set: (item: T) => void, fieldId: string, label: string) => JSX.Element;
}

/** An editable list (arguments, paths, ports, pairs, flags): add, remove and reorder rows. */
export function ListEditor<T>(props: ListEditorProps<T>) {
	const { id, legend, items, itemLabel, addLabel, blank, onChange, ordered, row } = props;
	const ui = useUi();
	const move = (index: number, offset: -1 | 1) => {
		const to = index + offset;
		onChange((current) => {
			const copy = [...current];
			[copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
			return copy;
		});
		const edge = to === 0 ? 'down' : to === items.length - 1 ? 'up' : offset < 0 ? 'up' : 'down';
		ui.focusLater(`${id}-${to}-${items.length > 1 ? edge : 'remove'}`);
		ui.announce(
			ui.t('builder.list.moved', { item: itemLabel(index + 1), n: to + 1, total: items.length })
		);
	};
	const remove = (index: number) => {
		onChange((current) => current.filter((_, at) => at !== index));
		const next = Math.min(index, items.length - 2);
		ui.focusLater(next >= 0 ? `${id}-${next}` : `${id}-add`);
		ui.announce(ui.t('builder.list.removed', { item: itemLabel(index + 1) }));
	};
	const add = () => {
		onChange((current) => [...current, blank()]);
		ui.focusLater(`${id}-${items.length}`);
	};
	return (
		<fieldset class="df-list">
			<legend>{legend}</legend>
			{items.length > 0 && (
				<ol class="df-rows" role="list">
					{items.map((item, index) => {
						const label = itemLabel(index + 1);
						const set = (next: T) =>
							onChange((current) => current.map((old, at) => (at === index ? next : old)));
						return (
							<li key={index} class="df-row">
								<div class="df-row-fields">{row(item, set, `${id}-${index}`, label)}</div>
								<div class="df-row-buttons">
									{ordered && (
										<>
											<button
												type="button"
												class="df-icon"
												id={`${id}-${index}-up`}
												aria-label={ui.t('builder.list.up', { item: label })}
												disabled={index === 0}
												onClick={() => move(index, -1)}
											>
												↑
											</button>
											<button
												type="button"
												class="df-icon"
												id={`${id}-${index}-down`}
												aria-label={ui.t('builder.list.down', { item: label })}
												disabled={index === items.length - 1}
												onClick={() => move(index, 1)}
											>
												↓
											</button>
										</>
									)}
									<button
										type="button"
										class="df-icon"
										id={`${id}-${index}-remove`}
										aria-label={ui.t('builder.list.remove', { item: label })}
										onClick={() => remove(index)}
									>
										✕
									</button>
								</div>
							</li>
						);
					})}
				</ol>
			)}
			<button type="button" class="df-button df-add" id={`${id}-add`} onClick={add}>
				{addLabel}
			</button>
		</fieldset>
	);
}

/** A list of plain strings (exec arguments, sources, paths), one text input each. */
function StringList(props: {
	id: string;
	legend: string;
	itemKey: string;
	addKey: string;
	items: readonly string[];
	onChange: (change: (items: string[]) => string[]) => void;
	ordered?: boolean;
	primary?: boolean;
}) {
	const ui = useUi();
	return (
		<ListEditor<string>
			id={props.id}
			legend={props.legend}
			items={props.items}
			itemLabel={(n) => ui.t(props.itemKey, { n })}
			addLabel={ui.t(props.addKey)}
			blank={() => ''}
			onChange={props.onChange}
			ordered={props.ordered ?? false}
			row={(value, set, fieldId, label) => (
				<TextField
					id={fieldId}
					label={label}
					value={value}
					onValue={set}
					primary={props.primary === true && fieldId.endsWith('-0')}
				/>
			)}
		/>
	);
}

/** `--name=value` flags; `hidden` ones have their own field elsewhere (COPY's `--from`). */
function FlagsEditor(props: {
	id: string;
	kind: string;
	flags: readonly Flag[];
	set: (change: (flags: Flag[]) => Flag[]) => void;
	hidden?: string | undefined;
}) {
	const ui = useUi();
	const { hidden } = props;
	const shown = props.flags.filter((flag) => flag.name !== hidden);
	const listId = `${props.id}-names`;
	return (
		<>
			<datalist id={listId}>
				{(knownFlags[props.kind] ?? []).map((name) => (
					<option key={name} value={name} />
				))}
			</datalist>
			<ListEditor<Flag>
				id={props.id}
				legend={ui.t('builder.field.flags')}
				items={shown}
				itemLabel={(n) => ui.t('builder.field.flag', { n })}
				addLabel={ui.t('builder.field.addFlag')}
				blank={() => ({ name: '', value: '' })}
				onChange={(change) =>
					props.set((current) => {
						const kept = current.filter((flag) => flag.name === hidden);
						return [...kept, ...change(current.filter((flag) => flag.name !== hidden))];
					})
				}
				row={(flag, set, fieldId, label) => (
					<div class="df-pair">
						<TextField
							id={fieldId}
							label={ui.t('builder.field.flagName', { flag: label })}
							value={flag.name}
							list={listId}
							onValue={(name) => set({ ...flag, name: name.replace(/^-+/, '') })}
						/>
						<TextField
							id={`${fieldId}-value`}
							label={ui.t('builder.field.flagValue', { flag: label })}
							value={flag.value ?? ''}
							onValue={(value) => set({ ...flag, value: value === '' ? null : value })}
						/>
					</div>
				)}
			/>
		</>
	);
}

/** A command in shell form (one text) or exec form (a list of arguments), with a switch. */
function CommandField(props: {
	id: string;
	command: Command;
	set: (change: (command: Command) => Command) => void;
}) {
	const ui = useUi();
	const { id, command, set } = props;
	const toExec = (text: string): Command => {
		const words = text.replaceAll('\\\n', ' ').trim().split(/\s+/).filter(Boolean);
		return { form: 'exec', args: words.length ? words : [''] };
	};
	const toShell = (args: readonly string[]): Command => ({
		form: 'shell',
		text: args.filter(Boolean).map(shellQuote).join(' '),
	});
	return (
		<div class="df-command">
			<fieldset class="df-choice">
				<legend>{ui.t('builder.field.form')}</legend>
				{(['exec', 'shell'] as const).map((form) => (
					<label key={form}>
						<input
							type="radio"
							name={ui.id(id, 'form')}
							checked={command.form === form}
							onChange={() =>
								set((current) => {
									if (current.form === form) return current;
									return current.form === 'shell' ? toExec(current.text) : toShell(current.args);
								})
							}
						/>
						{ui.t(form === 'exec' ? 'builder.field.formExec' : 'builder.field.formShell')}
					</label>
				))}
			</fieldset>
			{command.form === 'shell' ? (
				<TextField
					id={ui.id(id, 'command')}
					label={ui.t('builder.field.command')}
					value={command.text}
					multiline
					primary
					onValue={(text) => set(() => ({ form: 'shell', text }))}
				/>
			) : (
				<StringList
					id={ui.id(id, 'args')}
					legend={ui.t('builder.field.args')}
					itemKey="builder.field.arg"
					addKey="builder.field.addArg"
					items={command.args}
					ordered
					primary
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

/** The fields of one instruction, by kind. */
export function InstructionFields({
	instruction,
	set,
	stageNames,
}: {
	instruction: Instruction;
	set: SetInstruction;
	/** The datalist of stage names, for COPY --from. */
	stageNames: string;
}) {
	const ui = useUi();
	const id = instruction.id;
	// Each case narrows `set` to its own kind: the change only ever sees an instruction of that kind.
	const as = <T extends Instruction>(change: (current: T) => T) =>
		set((current) => (current.kind === instruction.kind ? change(current as T) : current));
	const field = (name: string, label: string, value: string, onValue: (v: string) => void) => (
		<TextField id={ui.id(id, name)} label={label} value={value} onValue={onValue} />
	);

	switch (instruction.kind) {
		case 'from':
			return null; // A stage's FROM has its own fields (StageFields).
		case 'run':
		case 'cmd':
		case 'entrypoint':
			return (
				<>
					<CommandField
						id={id}
						command={instruction.command}
						set={(change) => as<typeof instruction>((i) => ({ ...i, command: change(i.command) }))}
					/>
					{instruction.kind === 'run' && (
						<details class="df-more" open={instruction.flags.length > 0}>
							<summary>{ui.t('builder.field.more')}</summary>
							<FlagsEditor
								id={ui.id(id, 'flags')}
								kind="run"
								flags={instruction.flags}
								set={(change) => as<typeof instruction>((i) => ({ ...i, flags: change(i.flags) }))}
							/>
						</details>
					)}
				</>
			);
		case 'copy':
		case 'add': {
			const fromFlag = instruction.flags.find((flag) => flag.name === 'from');
			const others = instruction.flags.filter((flag) => flag.name !== 'from');
			return (
				<>
					<StringList
						id={ui.id(id, 'sources')}
						legend={ui.t('builder.field.sources')}
						itemKey="builder.field.source"
						addKey="builder.field.addSource"
						items={instruction.sources}
						primary
						onChange={(change) =>
							as<typeof instruction>((i) => ({ ...i, sources: change(i.sources) }))
						}
					/>
					{field('destination', ui.t('builder.field.destination'), instruction.destination, (v) =>
						as<typeof instruction>((i) => ({ ...i, destination: v }))
					)}
					{instruction.kind === 'copy' && (
						<TextField
							id={ui.id(id, 'from')}
							label={ui.t('builder.field.fromStage')}
							value={fromFlag?.value ?? ''}
							list={stageNames}
							describedBy={ui.id(id, 'from-hint')}
							onValue={(value) =>
								as<CopyInstruction>((i) => ({
									...i,
									flags: [
										...(value ? [{ name: 'from', value }] : []),
										...i.flags.filter((flag) => flag.name !== 'from'),
									],
								}))
							}
						/>
					)}
					{instruction.kind === 'copy' && (
						<p class="df-hint" id={ui.id(id, 'from-hint')}>
							{ui.t('builder.field.fromStageHint')}
						</p>
					)}
					<details class="df-more" open={others.length > 0}>
						<summary>{ui.t('builder.field.more')}</summary>
						<FlagsEditor
							id={ui.id(id, 'flags')}
							kind={instruction.kind}
							flags={instruction.flags}
							hidden={instruction.kind === 'copy' ? 'from' : undefined}
							set={(change) => as<typeof instruction>((i) => ({ ...i, flags: change(i.flags) }))}
						/>
					</details>
				</>
			);
		}
		case 'expose':
			return (
				<ListEditor<Port>
					id={ui.id(id, 'ports')}
					legend={ui.t('builder.field.ports')}
					items={instruction.ports}
					itemLabel={(n) => ui.t('builder.field.port', { n })}
					addLabel={ui.t('builder.field.addPort')}
					blank={() => ({ port: '', protocol: '' })}
					onChange={(change) => as<typeof instruction>((i) => ({ ...i, ports: change(i.ports) }))}
					row={(port, setPort, fieldId, label) => (
						<div class="df-pair">
							<div class="df-field">
								<label for={fieldId}>{label}</label>
								<input
									id={fieldId}
									type="text"
									inputMode="numeric"
									autocomplete="off"
									value={port.port}
									data-primary={fieldId.endsWith('-0') ? '' : undefined}
									onInput={(event) => setPort({ ...port, port: event.currentTarget.value })}
								/>
							</div>
							<div class="df-field">
								<label for={`${fieldId}-protocol`}>
									{ui.t('builder.field.protocol', { port: label })}
								</label>
								<select
									id={`${fieldId}-protocol`}
									value={protocols.includes(port.protocol) ? port.protocol : ''}
									onChange={(event) => setPort({ ...port, protocol: event.currentTarget.value })}
								>
									{protocols.map((protocol) => (
										<option key={protocol} value={protocol}>
											{protocol || ui.t('builder.field.protocolDefault')}
										</option>
									))}
									{!protocols.includes(port.protocol) && (
										<option value={port.protocol}>{port.protocol}</option>
									)}
								</select>
							</div>
						</div>
					)}
				/>
			);
		case 'env':
		case 'arg':
		case 'label':
			return (
				<ListEditor<KeyValue>
					id={ui.id(id, 'pairs')}
					legend={ui.t(`builder.field.pairs.${instruction.kind}`)}
					items={instruction.pairs}
					itemLabel={(n) => ui.t('builder.field.pair', { n })}
					addLabel={ui.t('builder.field.addPair')}
					blank={() => ({ key: '', value: instruction.kind === 'arg' ? null : '' })}
					onChange={(change) => as<typeof instruction>((i) => ({ ...i, pairs: change(i.pairs) }))}
					row={(pair, setPair, fieldId, label) => (
						<div class="df-pair">
							<TextField
								id={fieldId}
								label={ui.t('builder.field.key', { pair: label })}
								value={pair.key}
								primary={fieldId.endsWith('-0')}
								onValue={(key) => setPair({ ...pair, key })}
							/>
							<TextField
								id={`${fieldId}-value`}
								label={ui.t(
									instruction.kind === 'arg' ? 'builder.field.default' : 'builder.field.value',
									{ pair: label }
								)}
								value={pair.value ?? ''}
								onValue={(value) =>
									setPair({
										...pair,
										// An ARG without a default is written `ARG NAME`, with no `=`.
										value: value === '' && instruction.kind === 'arg' ? null : value,
									})
								}
							/>
						</div>
					)}
				/>
			);
		case 'workdir':
			return (
				<TextField
					id={ui.id(id, 'path')}
					label={ui.t('builder.field.workdir')}
					value={instruction.path}
					primary
					onValue={(path) => as<typeof instruction>((i) => ({ ...i, path }))}
				/>
			);
		case 'user':
			return (
				<div class="df-pair">
					<TextField
						id={ui.id(id, 'user')}
						label={ui.t('builder.field.user')}
						value={instruction.user}
						primary
						onValue={(user) => as<typeof instruction>((i) => ({ ...i, user }))}
					/>
					{field('group', ui.t('builder.field.group'), instruction.group, (group) =>
						as<typeof instruction>((i) => ({ ...i, group }))
					)}
				</div>
			);
		case 'volume':
			return (
				<StringList
					id={ui.id(id, 'paths')}
					legend={ui.t('builder.field.paths')}
					itemKey="builder.field.path"
					addKey="builder.field.addPath"
					items={instruction.paths}
					primary
					onChange={(change) => as<typeof instruction>((i) => ({ ...i, paths: change(i.paths) }))}
				/>
			);
		case 'shell':
			return (
				<StringList
					id={ui.id(id, 'args')}
					legend={ui.t('builder.field.shell')}
					itemKey="builder.field.arg"
					addKey="builder.field.addArg"
					items={instruction.args}
					ordered
					primary
					onChange={(change) => as<typeof instruction>((i) => ({ ...i, args: change(i.args) }))}
				/>
			);
		case 'healthcheck':
			return (
				<>
					<div class="df-check">
						<input
							type="checkbox"
							id={ui.id(id, 'none')}
							checked={instruction.command === null}
							onChange={(event) => {
								const none = event.currentTarget.checked;
								as<typeof instruction>((i) => ({
									...i,
									flags: none ? [] : i.flags,
									command: none ? null : { form: 'exec', args: [''] },
								}));
							}}
						/>
						<label for={ui.id(id, 'none')}>{ui.t('builder.field.healthNone')}</label>
					</div>
					{instruction.command && (
						<>
							<CommandField
								id={id}
								command={instruction.command}
								set={(change) =>
									as<typeof instruction>((i) => ({
										...i,
										command: change(i.command ?? { form: 'shell', text: '' }),
									}))
								}
							/>
							<FlagsEditor
								id={ui.id(id, 'flags')}
								kind="healthcheck"
								flags={instruction.flags}
								set={(change) => as<typeof instruction>((i) => ({ ...i, flags: change(i.flags) }))}
							/>
						</>
					)}
				</>
			);
		case 'stopsignal':
			return (
				<>
					<datalist id={ui.id(id, 'signals')}>
						{signals.map((signal) => (
							<option key={signal} value={signal} />
						))}
					</datalist>
					<TextField
						id={ui.id(id, 'signal')}
						label={ui.t('builder.field.signal')}
						value={instruction.signal}
						list={ui.id(id, 'signals')}
						primary
						onValue={(signal) => as<typeof instruction>((i) => ({ ...i, signal }))}
					/>
				</>
			);
		case 'onbuild':
			return (
				<fieldset class="df-trigger" id={ui.id(instruction.trigger.id)}>
					<legend>
						{ui.t('builder.field.trigger', { keyword: keywordOf(instruction.trigger) })}
					</legend>
					<InstructionFields
						instruction={instruction.trigger}
						stageNames={stageNames}
						set={(change) =>
							as<typeof instruction>((i) => ({
								...i,
								trigger: change(i.trigger),
							}))
						}
					/>
				</fieldset>
			);
		case 'maintainer':
			return (
				<TextField
					id={ui.id(id, 'name')}
					label={ui.t('builder.field.maintainer')}
					value={instruction.name}
					primary
					onValue={(name) => as<typeof instruction>((i) => ({ ...i, name }))}
				/>
			);
		case 'raw':
			return (
				<>
					<p class="df-hint" id={ui.id(id, 'raw-hint')}>
						{ui.t('builder.raw.hint')}
					</p>
					<TextField
						id={ui.id(id, 'text')}
						label={ui.t('builder.raw.label')}
						value={instruction.text}
						multiline
						primary
						describedBy={ui.id(id, 'raw-hint')}
						onValue={(text) =>
							as<typeof instruction>((i) => ({
								...i,
								text,
								keyword: (/^\s*(\S+)/.exec(text)?.[1] ?? '').toUpperCase(),
							}))
						}
					/>
				</>
			);
	}
}
