/** One stage of the form: its FROM, its items, the palette that adds to it, and its removal. */
import { useState } from 'preact/hooks';
import type { ListPart, PaletteKind } from '../../lib/dockerfile/builder.ts';
import type { FromInstruction, Stage } from '../../lib/dockerfile/model.ts';
import { Deferred } from '../shared/Deferred.tsx';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { NodeTextField } from './FieldWidgets';
import { FindingsMark, LineNumber } from './FindingsMark';
import { ItemList } from './ItemCard';
import { imageTags } from './suggestions';

/** What the palette offers, in this order (MAINTAINER is deprecated, FROM starts a stage). */
const paletteKinds: readonly PaletteKind[] = [
	'run',
	'copy',
	'add',
	'workdir',
	'env',
	'arg',
	'expose',
	'user',
	'volume',
	'cmd',
	'entrypoint',
	'label',
	'healthcheck',
	'shell',
	'stopsignal',
	'onbuild',
	'comment',
	'raw',
];

export function StageCard({
	stage,
	shown,
	number,
	count,
	stageNames,
}: {
	stage: Stage;
	/** Its items on screen: all of them, unless the file is long (see `formPart()`). */
	shown: ListPart;
	number: number;
	count: number;
	/** The id of the datalist of stage names, for COPY --from. */
	stageNames: string;
}) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	const [kind, setKind] = useState<PaletteKind>('run');
	const { from } = stage;
	const title = from.name
		? t('builder.stage.named', { n: number, name: from.name })
		: t('builder.stage.legend', { n: number });
	return (
		<fieldset class="df-stage" id={id(stage.id)}>
			<legend>
				{title} <FindingsMark nodeId={stage.id} />
			</legend>
			<FromFields from={from} />
			<ItemList items={stage.items} shown={shown} stageId={stage.id} stageNames={stageNames} />
			<Deferred class="df-palette">
				<div class="df-field">
					<label for={id(stage.id, 'palette')}>{t('builder.palette.label', { n: number })}</label>
					<select
						id={id(stage.id, 'palette')}
						value={kind}
						onChange={(event) => setKind(event.currentTarget.value as PaletteKind)}
					>
						{paletteKinds.map((option) => (
							<option key={option} value={option}>
								{t(`builder.kind.${option}`)}
							</option>
						))}
					</select>
				</div>
				<button
					type="button"
					class="df-button"
					id={id(stage.id, 'add')}
					aria-label={t('builder.palette.addTo', { n: number })}
					onClick={() => dispatch({ type: 'add', kind, place: { stageId: stage.id } })}
				>
					{t('builder.palette.add')}
				</button>
			</Deferred>
			{count > 1 && (
				<p class="df-form-buttons">
					<button
						type="button"
						class="df-button df-danger"
						onClick={() => dispatch({ type: 'removeStage', id: stage.id })}
					>
						{t('builder.stage.remove', { n: number })}
					</button>
				</p>
			)}
		</fieldset>
	);
}

/** The FROM fields folded under "more options", with an example of what they hold. */
const morePlaceholders = [
	{ field: 'platform', placeholder: 'linux/amd64' },
	{ field: 'digest', placeholder: 'sha256:…' },
] as const;

/** A stage's FROM: image and tag with suggestions, the stage's name, platform and digest. */
function FromFields({ from }: { from: FromInstruction }) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	const set = (change: (current: FromInstruction) => FromInstruction) =>
		dispatch({
			type: 'update',
			id: from.id,
			change: (item) => (item.kind === 'from' ? change(item) : item),
		});
	const tags = id(from.id, 'tags');
	return (
		<div class="df-node df-from" id={id(from.id)}>
			<p class="df-from-title">
				<span class="df-keyword">
					<LineNumber nodeId={from.id} />
					FROM
				</span>{' '}
				<FindingsMark nodeId={from.id} />
			</p>
			<datalist id={tags}>
				{(imageTags[from.image] ?? []).map((tag) => (
					<option key={tag} value={tag} />
				))}
			</datalist>
			<div class="df-pair">
				<NodeTextField
					node={from}
					field="image"
					label={t('builder.from.image')}
					list={id('images')}
					primary
					set={set}
				/>
				<NodeTextField
					node={from}
					field="tag"
					label={t('builder.from.tag')}
					list={tags}
					set={set}
				/>
			</div>
			<NodeTextField
				node={from}
				field="name"
				label={t('builder.from.name')}
				describedBy={id(from.id, 'name-hint')}
				set={set}
			/>
			<p class="df-hint" id={id(from.id, 'name-hint')}>
				{t('builder.from.nameHint')}
			</p>
			<details class="df-more" open={Boolean(from.platform || from.digest)}>
				<summary>{t('builder.field.more')}</summary>
				<div class="df-pair">
					{morePlaceholders.map(({ field, placeholder }) => (
						<NodeTextField
							key={field}
							node={from}
							field={field}
							label={t(`builder.from.${field}`)}
							placeholder={placeholder}
							set={set}
						/>
					))}
				</div>
			</details>
		</div>
	);
}
