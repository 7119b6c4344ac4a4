/** The instructions and comments of a stage (or of the preamble), each in its own box. */
import type { TargetedDragEvent } from 'preact';
import { itemKeyword, itemName, messageText, type ListPart } from '../../lib/dockerfile/builder.ts';
import { isInstruction, type Item } from '../../lib/dockerfile/model.ts';
import { Deferred } from '../shared/Deferred.tsx';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { NodeTextField, RowButtons } from './FieldWidgets';
import { FindingsMark, LineNumber } from './FindingsMark';
import { InstructionFields } from './InstructionFields';

/**
 * The items of a list on screen, which take drops: on an item to take its place, below the last
 * shown to follow it.
 */
export function ItemList({
	items,
	shown,
	stageId,
	stageNames,
}: {
	items: readonly Item[];
	/** The items on screen: all of them, unless the file is long (see `formPart()`). */
	shown: ListPart;
	/** The stage the items belong to, or `null` for the preamble. */
	stageId: string | null;
	stageNames: string;
}) {
	const { dispatch, dragged } = useBuilder();
	const drop = (event: TargetedDragEvent<HTMLElement>, index: number) => {
		const id = dragged.current;
		if (!id) return;
		event.preventDefault();
		event.stopPropagation();
		dragged.current = null;
		dispatch({ type: 'moveTo', id, place: { stageId, index } });
	};
	const allow = (event: TargetedDragEvent<HTMLElement>) => {
		if (dragged.current) event.preventDefault();
	};
	return (
		<ol class="df-items" role="list" onDragOver={allow} onDrop={(event) => drop(event, shown.to)}>
			{items.slice(shown.from, shown.to).map((item, at) => {
				const index = shown.from + at;
				return (
					<li
						key={item.id}
						class="df-item"
						onDragOver={allow}
						onDrop={(event) => drop(event, index)}
					>
						<Deferred class="df-item-part">
							<ItemCard item={item} index={index} count={items.length} stageNames={stageNames} />
						</Deferred>
					</li>
				);
			})}
		</ol>
	);
}

/** One item: its bar (drag handle, ↑ ↓, text or form, ✕) and its fields. */
function ItemCard({
	item,
	index,
	count,
	stageNames,
}: {
	item: Item;
	index: number;
	count: number;
	stageNames: string;
}) {
	const t = useT();
	const { id, dispatch, withParser, dragged } = useBuilder();
	const keyword = itemKeyword(item) ?? t('builder.kind.comment');
	const name = messageText(t, itemName(item, index));
	const textOrForm = item.kind === 'raw' ? 'toForm' : isInstruction(item) ? 'toText' : null;
	const change = (next: (item: Item) => Item) =>
		dispatch({ type: 'update', id: item.id, change: next });
	return (
		<fieldset class={`df-node df-kind-${item.kind}`} id={id(item.id)}>
			<legend>
				<span class="df-keyword">
					<LineNumber nodeId={item.id} />
					{keyword}
				</span>{' '}
				<FindingsMark nodeId={item.id} />
			</legend>
			<div class="df-item-bar">
				<span
					class="df-handle"
					draggable
					aria-hidden="true"
					title={t('builder.item.drag')}
					onDragStart={(event) => {
						dragged.current = item.id;
						event.dataTransfer?.setData('text/plain', keyword);
					}}
					onDragEnd={() => {
						dragged.current = null;
					}}
				>
					⠿
				</span>
				<RowButtons
					id={id(item.id)}
					name={name}
					index={index}
					count={count}
					onMove={(offset) => dispatch({ type: 'move', id: item.id, offset })}
					onRemove={() => dispatch({ type: 'remove', id: item.id })}
				>
					{textOrForm && (
						<button
							type="button"
							class="df-button df-small"
							aria-label={`${t(`builder.item.${textOrForm}`)}: ${name}`}
							onClick={() =>
								textOrForm === 'toForm'
									? withParser((parse) => ({ type: 'toForm', id: item.id, parse }))
									: dispatch({ type: 'toText', id: item.id })
							}
						>
							{t(`builder.item.${textOrForm}`)}
						</button>
					)}
				</RowButtons>
			</div>
			{item.kind === 'comment' ? (
				<NodeTextField
					node={item}
					field="text"
					label={t('builder.comment.label')}
					multiline
					primary
					set={(next) =>
						change((current) => (current.kind === 'comment' ? next(current) : current))
					}
				/>
			) : (
				<InstructionFields
					instruction={item}
					stageNames={stageNames}
					set={(next) => change((current) => (isInstruction(current) ? next(current) : current))}
				/>
			)}
		</fieldset>
	);
}
