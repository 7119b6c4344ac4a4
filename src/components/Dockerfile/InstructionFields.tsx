/**
 * The fields of each kind of instruction, built from the generic widgets of `FieldWidgets.tsx`
 * and the shared parts of `CommandFields.tsx`. A stage's FROM has its own fields (`StageCard.tsx`).
 */
import type { Instruction, KeyValue, Port, RawInstruction } from '../../lib/dockerfile/model.ts';
import { keywordOf } from '../../lib/dockerfile/model.ts';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { FlagsEditor, HealthcheckFields, RunFields } from './CommandFields';
import {
	ListEditor,
	NameValueList,
	NodeTextField,
	StringList,
	TextField,
	type TextKey,
} from './FieldWidgets';
import { protocols, signals } from './suggestions';

/** Applies a change to the latest version of an instruction (never to a stale copy). */
export type SetInstruction<T extends Instruction = Instruction> = (
	change: (current: T) => T
) => void;

export type Of<K extends Instruction['kind']> = Extract<Instruction, { kind: K }>;

/** `set` for one kind: the change only ever sees an instruction of the kind being shown. */
function narrowed<T extends Instruction>(set: SetInstruction, instruction: T): SetInstruction<T> {
	return (change) =>
		set((current) => (current.kind === instruction.kind ? change(current as T) : current));
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
	const t = useT();
	const { id } = useBuilder();
	/** A text field bound to one field of this instruction; the main one unless `primary` is false. */
	const text = <T extends Instruction>(
		node: T,
		field: TextKey<T>,
		labelKey: string,
		options: { primary?: boolean; list?: string } = {}
	) => (
		<NodeTextField
			node={node}
			field={field}
			label={t(labelKey)}
			primary={options.primary ?? true}
			list={options.list}
			set={narrowed(set, node)}
		/>
	);
	switch (instruction.kind) {
		case 'from':
			return null;
		case 'run':
		case 'cmd':
		case 'entrypoint':
			return <RunFields instruction={instruction} set={narrowed(set, instruction)} />;
		case 'copy':
		case 'add':
			return (
				<TransferFields
					instruction={instruction}
					set={narrowed(set, instruction)}
					stageNames={stageNames}
				/>
			);
		case 'expose':
			return <PortFields instruction={instruction} set={narrowed(set, instruction)} />;
		case 'env':
		case 'arg':
		case 'label':
			return <PairFields instruction={instruction} set={narrowed(set, instruction)} />;
		case 'workdir':
			return text(instruction, 'path', 'builder.field.workdir');
		case 'user':
			return (
				<div class="df-pair">
					{text(instruction, 'user', 'builder.field.user')}
					{text(instruction, 'group', 'builder.field.group', { primary: false })}
				</div>
			);
		case 'volume':
		case 'shell': {
			const own = narrowed<Of<'volume' | 'shell'>>(set, instruction);
			const paths = instruction.kind === 'volume';
			return (
				<StringList
					id={id(instruction.id, paths ? 'paths' : 'args')}
					legend={t(paths ? 'builder.field.paths' : 'builder.field.shell')}
					itemKey={paths ? 'builder.field.path' : 'builder.field.arg'}
					addKey={paths ? 'builder.field.addPath' : 'builder.field.addArg'}
					items={paths ? instruction.paths : instruction.args}
					ordered={!paths}
					onChange={(change) =>
						own((i) =>
							i.kind === 'volume'
								? { ...i, paths: change(i.paths) }
								: { ...i, args: change(i.args) }
						)
					}
				/>
			);
		}
		case 'healthcheck':
			return <HealthcheckFields instruction={instruction} set={narrowed(set, instruction)} />;
		case 'stopsignal':
			return (
				<>
					<datalist id={id(instruction.id, 'signals')}>
						{signals.map((signal) => (
							<option key={signal} value={signal} />
						))}
					</datalist>
					{text(instruction, 'signal', 'builder.field.signal', {
						list: id(instruction.id, 'signals'),
					})}
				</>
			);
		case 'onbuild': {
			const own = narrowed(set, instruction);
			return (
				<fieldset class="df-trigger" id={id(instruction.trigger.id)}>
					<legend>{t('builder.field.trigger', { keyword: keywordOf(instruction.trigger) })}</legend>
					<InstructionFields
						instruction={instruction.trigger}
						stageNames={stageNames}
						set={(change) => own((i) => ({ ...i, trigger: change(i.trigger) }))}
					/>
				</fieldset>
			);
		}
		case 'maintainer':
			return text(instruction, 'name', 'builder.field.maintainer');
		case 'raw':
			return <RawFields instruction={instruction} set={narrowed(set, instruction)} />;
	}
}

export interface FieldsProps<T extends Instruction> {
	instruction: T;
	set: SetInstruction<T>;
}

/** COPY and ADD: sources, destination, COPY's `--from` stage and the other flags. */
function TransferFields({
	instruction,
	set,
	stageNames,
}: FieldsProps<Of<'copy' | 'add'>> & { stageNames: string }) {
	const t = useT();
	const { id } = useBuilder();
	const copy = instruction.kind === 'copy';
	const fromFlag = instruction.flags.find((flag) => flag.name === 'from');
	const setFrom = (value: string) =>
		set((i) => ({
			...i,
			flags: [
				...(value ? [{ name: 'from', value }] : []),
				...i.flags.filter((flag) => flag.name !== 'from'),
			],
		}));
	return (
		<>
			<StringList
				id={id(instruction.id, 'sources')}
				legend={t('builder.field.sources')}
				itemKey="builder.field.source"
				addKey="builder.field.addSource"
				items={instruction.sources}
				onChange={(change) => set((i) => ({ ...i, sources: change(i.sources) }))}
			/>
			<NodeTextField
				node={instruction}
				field="destination"
				label={t('builder.field.destination')}
				set={set}
			/>
			{copy && (
				<>
					<TextField
						id={id(instruction.id, 'from')}
						label={t('builder.field.fromStage')}
						value={fromFlag?.value ?? ''}
						list={stageNames}
						describedBy={id(instruction.id, 'from-hint')}
						onValue={setFrom}
					/>
					<p class="df-hint" id={id(instruction.id, 'from-hint')}>
						{t('builder.field.fromStageHint')}
					</p>
				</>
			)}
			<details class="df-more" open={instruction.flags.some((flag) => flag.name !== 'from')}>
				<summary>{t('builder.field.more')}</summary>
				<FlagsEditor
					id={id(instruction.id, 'flags')}
					kind={instruction.kind}
					flags={instruction.flags}
					hidden={copy ? 'from' : undefined}
					set={(change) => set((i) => ({ ...i, flags: change(i.flags) }))}
				/>
			</details>
		</>
	);
}

/** EXPOSE: each port with its protocol. */
function PortFields({ instruction, set }: FieldsProps<Of<'expose'>>) {
	const t = useT();
	const { id } = useBuilder();
	return (
		<ListEditor<Port>
			id={id(instruction.id, 'ports')}
			legend={t('builder.field.ports')}
			items={instruction.ports}
			itemLabel={(n) => t('builder.field.port', { n })}
			addLabel={t('builder.field.addPort')}
			blank={() => ({ port: '', protocol: '' })}
			onChange={(change) => set((i) => ({ ...i, ports: change(i.ports) }))}
			row={(port, setPort, fieldId, label) => {
				const known = protocols.includes(port.protocol);
				return (
					<div class="df-pair">
						<TextField
							id={fieldId}
							label={label}
							value={port.port}
							inputMode="numeric"
							primary={fieldId.endsWith('-0')}
							onValue={(value) => setPort({ ...port, port: value })}
						/>
						<div class="df-field">
							<label for={`${fieldId}-protocol`}>
								{t('builder.field.protocol', { port: label })}
							</label>
							<select
								id={`${fieldId}-protocol`}
								value={known ? port.protocol : ''}
								onChange={(event) => setPort({ ...port, protocol: event.currentTarget.value })}
							>
								{protocols.map((protocol) => (
									<option key={protocol} value={protocol}>
										{protocol || t('builder.field.protocolDefault')}
									</option>
								))}
								{!known && <option value={port.protocol}>{port.protocol}</option>}
							</select>
						</div>
					</div>
				);
			}}
		/>
	);
}

/** ENV, ARG and LABEL: `key=value` pairs; an ARG's value is its default, and may be left out. */
function PairFields({ instruction, set }: FieldsProps<Of<'env' | 'arg' | 'label'>>) {
	const t = useT();
	const { id } = useBuilder();
	const arg = instruction.kind === 'arg';
	return (
		<NameValueList<KeyValue>
			id={id(instruction.id, 'pairs')}
			legend={t(`builder.field.pairs.${instruction.kind}`)}
			items={instruction.pairs}
			itemLabel={(n) => t('builder.field.pair', { n })}
			addLabel={t('builder.field.addPair')}
			blank={() => ({ key: '', value: arg ? null : '' })}
			onChange={(change) => set((i) => ({ ...i, pairs: change(i.pairs) }))}
			name={{
				label: (pair) => t('builder.field.key', { pair }),
				value: (pair) => pair.key,
				set: (pair, key) => ({ ...pair, key }),
				primary: true,
			}}
			value={{
				label: (pair) => t(arg ? 'builder.field.default' : 'builder.field.value', { pair }),
				value: (pair) => pair.value ?? '',
				// An ARG without a default is written `ARG NAME`, with no `=`.
				set: (pair, value) => ({ ...pair, value: value === '' && arg ? null : value }),
			}}
		/>
	);
}

/** A line the form cannot break down: its text, whose first word is its keyword. */
function RawFields({ instruction, set }: FieldsProps<RawInstruction>) {
	const t = useT();
	const { id } = useBuilder();
	return (
		<>
			<p class="df-hint" id={id(instruction.id, 'raw-hint')}>
				{t('builder.raw.hint')}
			</p>
			<TextField
				id={id(instruction.id, 'text')}
				label={t('builder.raw.label')}
				value={instruction.text}
				multiline
				primary
				describedBy={id(instruction.id, 'raw-hint')}
				onValue={(text) =>
					set((i) => ({ ...i, text, keyword: (/^\s*(\S+)/.exec(text)?.[1] ?? '').toUpperCase() }))
				}
			/>
		</>
	);
}
