/**
 * The builder's generic form widgets: a text field for code, a text field bound to a node's
 * field, a checkbox, the ↑ ↓ ✕ buttons of a row, and editable lists. They know nothing of
 * the kinds of instruction; `InstructionFields.tsx` puts them together for each one.
 */
import type { ComponentChildren, JSX, TargetedEvent } from 'preact';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';

interface TextFieldProps {
	id: string;
	label: string;
	value: string;
	onValue: (value: string) => void;
	/** The id of a `<datalist>` of suggestions. */
	list?: string | undefined;
	placeholder?: string | undefined;
	/** The field a finding about this instruction moves focus to. */
	primary?: boolean | undefined;
	multiline?: boolean | undefined;
	/** The id of a hint that describes the field. */
	describedBy?: string | undefined;
	readOnly?: boolean | undefined;
	/** `numeric` for port numbers: a phone shows digits. */
	inputMode?: 'numeric' | undefined;
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
		onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
			onValue(event.currentTarget.value),
	};
	return (
		<div class="df-field">
			<label for={id}>{label}</label>
			{multiline ? (
				<textarea {...common} rows={Math.min(12, Math.max(2, value.split('\n').length))} />
			) : (
				<input {...common} type="text" list={list} inputMode={props.inputMode} />
			)}
		</div>
	);
}

/** The names of the string fields of a node: `path` of WORKDIR, `image` of FROM. */
export type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * A text field bound to one string field of a node, with the id `id(node.id, field)`; `set`
 * applies a change to the node's latest version.
 */
export function NodeTextField<T extends { id: string }, K extends TextKey<T>>(
	props: { node: T; field: K; set: (change: (current: T) => T) => void } & Omit<
		TextFieldProps,
		'id' | 'value' | 'onValue'
	>
) {
	const { node, field, set, ...rest } = props;
	const { id } = useBuilder();
	return (
		<TextField
			{...rest}
			id={id(node.id, field)}
			value={node[field] as string}
			onValue={(value) => set((current) => ({ ...current, [field]: value }))}
		/>
	);
}

/** A checkbox with its label after it. */
export function CheckField(props: {
	id: string;
	label: string;
	checked: boolean;
	onChecked: (checked: boolean) => void;
}) {
	return (
		<div class="df-check">
			<input
				type="checkbox"
				id={props.id}
				checked={props.checked}
				onChange={(event) => props.onChecked(event.currentTarget.checked)}
			/>
			<label for={props.id}>{props.label}</label>
		</div>
	);
}

/**
 * The buttons of a row that `name` names: ↑ and ↓ (when `onMove` is given), then anything in
 * `children`, then ✕. Their ids are `${id}-up`, `${id}-down` and `${id}-remove`.
 */
export function RowButtons(props: {
	id: string;
	name: string;
	index: number;
	count: number;
	onMove?: ((offset: -1 | 1) => void) | undefined;
	onRemove: () => void;
	children?: ComponentChildren;
}) {
	const t = useT();
	const { id, name, index, count, onMove } = props;
	const move = (offset: -1 | 1, direction: 'up' | 'down', glyph: string, disabled: boolean) =>
		onMove && (
			<button
				type="button"
				class="df-icon"
				id={`${id}-${direction}`}
				aria-label={t(`builder.list.${direction}`, { item: name })}
				disabled={disabled}
				onClick={() => onMove(offset)}
			>
				{glyph}
			</button>
		);
	return (
		<>
			{move(-1, 'up', '↑', index === 0)}
			{move(1, 'down', '↓', index === count - 1)}
			{props.children}
			<button
				type="button"
				class="df-icon"
				id={`${id}-remove`}
				aria-label={t('builder.list.remove', { item: name })}
				onClick={props.onRemove}
			>
				✕
			</button>
		</>
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
	ordered?: boolean | undefined;
	/** The fields of one row; the first must have the id it is given. */
	row: (item: T, set: (item: T) => void, fieldId: string, label: string) => JSX.Element;
}

/** An editable list (arguments, paths, ports, pairs, flags): add, remove and reorder rows. */
export function ListEditor<T>(props: ListEditorProps<T>) {
	const { id, legend, items, itemLabel, addLabel, blank, onChange, ordered, row } = props;
	const t = useT();
	const { focusLater, announce } = useBuilder();
	const move = (index: number, offset: -1 | 1) => {
		const to = index + offset;
		onChange((current) => {
			const copy = [...current];
			[copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
			return copy;
		});
		const edge = to === 0 ? 'down' : to === items.length - 1 ? 'up' : offset < 0 ? 'up' : 'down';
		focusLater(`${id}-${to}-${items.length > 1 ? edge : 'remove'}`);
		announce(
			t('builder.list.moved', { item: itemLabel(index + 1), n: to + 1, total: items.length })
		);
	};
	const remove = (index: number) => {
		onChange((current) => current.filter((_, at) => at !== index));
		const next = Math.min(index, items.length - 2);
		focusLater(next >= 0 ? `${id}-${next}` : `${id}-add`);
		announce(t('builder.list.removed', { item: itemLabel(index + 1) }));
	};
	const add = () => {
		onChange((current) => [...current, blank()]);
		focusLater(`${id}-${items.length}`);
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
									<RowButtons
										id={`${id}-${index}`}
										name={label}
										index={index}
										count={items.length}
										onMove={ordered ? (offset) => move(index, offset) : undefined}
										onRemove={() => remove(index)}
									/>
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
export function StringList(props: {
	id: string;
	legend: string;
	/** The key of a row's label, with `{n}`: `builder.field.arg`. */
	itemKey: string;
	addKey: string;
	items: readonly string[];
	onChange: (change: (items: string[]) => string[]) => void;
	ordered?: boolean;
}) {
	const t = useT();
	return (
		<ListEditor<string>
			id={props.id}
			legend={props.legend}
			items={props.items}
			itemLabel={(n) => t(props.itemKey, { n })}
			addLabel={t(props.addKey)}
			blank={() => ''}
			onChange={props.onChange}
			ordered={props.ordered}
			row={(value, set, fieldId, label) => (
				<TextField
					id={fieldId}
					label={label}
					value={value}
					onValue={set}
					primary={fieldId.endsWith('-0')}
				/>
			)}
		/>
	);
}

/** One field of a name-and-value row. */
interface RowField<T> {
	/** The field's label, from the row's own: "Entry 1: name". */
	label: (row: string) => string;
	value: (item: T) => string;
	set: (item: T, text: string) => T;
	/** The id of a `<datalist>` of suggestions. */
	list?: string;
	/** Whether the field of the first row is the instruction's main field. */
	primary?: boolean;
}

/** A list whose rows are two text fields side by side: ENV's pairs, an instruction's flags. */
export function NameValueList<T>(
	props: Omit<ListEditorProps<T>, 'row'> & { name: RowField<T>; value: RowField<T> }
) {
	const { name, value, ...list } = props;
	return (
		<ListEditor<T>
			{...list}
			row={(item, set, fieldId, label) => (
				<div class="df-pair">
					{[name, value].map((field, index) => (
						<TextField
							key={index}
							id={index ? `${fieldId}-value` : fieldId}
							label={field.label(label)}
							value={field.value(item)}
							list={field.list}
							primary={field.primary === true && fieldId.endsWith('-0')}
							onValue={(text) => set(field.set(item, text))}
						/>
					))}
				</div>
			)}
		/>
	);
}
