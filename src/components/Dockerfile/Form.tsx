import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import {
	isInstruction,
	keywordOf,
	type Directive,
	type Dockerfile,
	type Item,
	type Stage,
} from '../../lib/dockerfile/model.ts';
import { InstructionFields, TextField } from './Fields';
import { imageTags } from './suggestions';
import { useUi, type PaletteKind } from './ui';

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

const severityOrder = ['error', 'warning', 'info'] as const;
const severityIcons = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** A mark beside an instruction with findings: an icon for the eye and a count in words. */
export function FindingsMark({ findings }: { findings: readonly Finding[] }) {
	const ui = useUi();
	const worst = severityOrder.find((severity) => findings.some((f) => f.severity === severity));
	if (!worst) return null;
	return (
		<span class={`df-mark df-${worst}`}>
			<span aria-hidden="true">{severityIcons[worst]}</span>{' '}
			{ui.t(findings.length === 1 ? 'builder.findings.one' : 'builder.findings.many', {
				count: findings.length,
			})}
		</span>
	);
}

export { severityIcons };

/** The form: parser directives, what comes before the first FROM, and each stage. */
export function DockerfileForm({ model }: { model: Dockerfile }) {
	const ui = useUi();
	const stageNames = ui.id('stage-names');
	return (
		<div class="df-form-body">
			<datalist id={ui.id('images')}>
				{Object.keys(imageTags).map((image) => (
					<option key={image} value={image} />
				))}
			</datalist>
			<datalist id={stageNames}>
				{model.stages
					.filter((stage) => stage.from.name)
					.map((stage) => (
						<option key={stage.id} value={stage.from.name} />
					))}
			</datalist>
			{model.directives.length > 0 && <Directives directives={model.directives} />}
			{model.preamble.length > 0 && (
				<fieldset class="df-stage df-preamble" id={ui.id('preamble')}>
					<legend>{ui.t('builder.preamble.legend')}</legend>
					<p class="df-hint">{ui.t('builder.preamble.hint')}</p>
					<ItemList items={model.preamble} stageId={null} stageNames={stageNames} />
				</fieldset>
			)}
			{model.stages.map((stage, index) => (
				<StageCard
					key={stage.id}
					stage={stage}
					number={index + 1}
					count={model.stages.length}
					stageNames={stageNames}
				/>
			))}
			{model.stages.length === 0 && <p class="df-hint">{ui.t('builder.stage.none')}</p>}
			<p class="df-form-buttons">
				<button
					type="button"
					class="df-button"
					id={ui.id('add-stage')}
					onClick={() => ui.actions.addStage()}
				>
					{ui.t('builder.stage.add')}
				</button>
				<button
					type="button"
					class="df-button"
					id={ui.id('add-global-arg')}
					onClick={() => ui.actions.add('arg', { stageId: null })}
				>
					{ui.t('builder.preamble.addArg')}
				</button>
			</p>
		</div>
	);
}

function Directives({ directives }: { directives: readonly Directive[] }) {
	const ui = useUi();
	return (
		<fieldset class="df-stage">
			<legend>{ui.t('builder.directives.legend')}</legend>
			<p class="df-hint">{ui.t('builder.directives.hint')}</p>
			<ol class="df-rows" role="list">
				{directives.map((directive, index) => {
					const label = ui.t('builder.directives.item', { n: index + 1 });
					return (
						<li key={directive.id} class="df-row" id={ui.id(directive.id)}>
							<div class="df-row-fields">
								<TextField
									id={ui.id(directive.id, 'text')}
									label={label}
									value={`${directive.name}=${directive.value}`}
									primary
									onValue={(text) => ui.actions.updateDirective(directive.id, text)}
								/>
							</div>
							<div class="df-row-buttons">
								<button
									type="button"
									class="df-icon"
									aria-label={ui.t('builder.list.remove', { item: label })}
									onClick={() => ui.actions.removeDirective(directive.id)}
								>
									✕
								</button>
							</div>
						</li>
					);
				})}
			</ol>
		</fieldset>
	);
}

function StageCard({
	stage,
	number,
	count,
	stageNames,
}: {
	stage: Stage;
	number: number;
	count: number;
	stageNames: string;
}) {
	const ui = useUi();
	const [kind, setKind] = useState<PaletteKind>('run');
	const { from } = stage;
	const title = from.name
		? ui.t('builder.stage.named', { n: number, name: from.name })
		: ui.t('builder.stage.legend', { n: number });
	const set = (change: (current: typeof from) => typeof from) =>
		ui.actions.update(from.id, (item) => (item.kind === 'from' ? change(item) : item));
	const tags = ui.id(stage.id, 'tags');
	const fromFindings = ui.findingsFor(from.id);
	return (
		<fieldset class="df-stage" id={ui.id(stage.id)}>
			<legend>
				{title} <FindingsMark findings={ui.findingsFor(stage.id)} />
			</legend>
			<div class="df-node df-from" id={ui.id(from.id)}>
				<p class="df-from-title">
					<span class="df-keyword">FROM</span> <FindingsMark findings={fromFindings} />
				</p>
				<datalist id={tags}>
					{(imageTags[from.image] ?? []).map((tag) => (
						<option key={tag} value={tag} />
					))}
				</datalist>
				<div class="df-pair">
					<TextField
						id={ui.id(from.id, 'image')}
						label={ui.t('builder.from.image')}
						value={from.image}
						list={ui.id('images')}
						primary
						onValue={(image) => set((current) => ({ ...current, image }))}
					/>
					<TextField
						id={ui.id(from.id, 'tag')}
						label={ui.t('builder.from.tag')}
						value={from.tag}
						list={tags}
						onValue={(tag) => set((current) => ({ ...current, tag }))}
					/>
				</div>
				<TextField
					id={ui.id(from.id, 'name')}
					label={ui.t('builder.from.name')}
					value={from.name}
					describedBy={ui.id(from.id, 'name-hint')}
					onValue={(name) => set((current) => ({ ...current, name }))}
				/>
				<p class="df-hint" id={ui.id(from.id, 'name-hint')}>
					{ui.t('builder.from.nameHint')}
				</p>
				<details class="df-more" open={Boolean(from.platform || from.digest)}>
					<summary>{ui.t('builder.field.more')}</summary>
					<div class="df-pair">
						<TextField
							id={ui.id(from.id, 'platform')}
							label={ui.t('builder.from.platform')}
							value={from.platform}
							placeholder="linux/amd64"
							onValue={(platform) => set((current) => ({ ...current, platform }))}
						/>
						<TextField
							id={ui.id(from.id, 'digest')}
							label={ui.t('builder.from.digest')}
							value={from.digest}
							placeholder="sha256:…"
							onValue={(digest) => set((current) => ({ ...current, digest }))}
						/>
					</div>
				</details>
			</div>
			<ItemList items={stage.items} stageId={stage.id} stageNames={stageNames} />
			<div class="df-palette">
				<div class="df-field">
					<label for={ui.id(stage.id, 'palette')}>
						{ui.t('builder.palette.label', { n: number })}
					</label>
					<select
						id={ui.id(stage.id, 'palette')}
						value={kind}
						onChange={(event) => setKind(event.currentTarget.value as PaletteKind)}
					>
						{paletteKinds.map((option) => (
							<option key={option} value={option}>
								{ui.t(`builder.kind.${option}`)}
							</option>
						))}
					</select>
				</div>
				<button
					type="button"
					class="df-button"
					id={ui.id(stage.id, 'add')}
					aria-label={ui.t('builder.palette.addTo', { n: number })}
					onClick={() => ui.actions.add(kind, { stageId: stage.id })}
				>
					{ui.t('builder.palette.add')}
				</button>
			</div>
			{count > 1 && (
				<p class="df-form-buttons">
					<button
						type="button"
						class="df-button df-danger"
						onClick={() => ui.actions.removeStage(stage.id)}
					>
						{ui.t('builder.stage.remove', { n: number })}
					</button>
				</p>
			)}
		</fieldset>
	);
}

/** The instructions and comments of a stage (or of the preamble), each in its own box. */
function ItemList({
	items,
	stageId,
	stageNames,
}: {
	items: readonly Item[];
	stageId: string | null;
	stageNames: string;
}) {
	const ui = useUi();
	const drop = (event: JSX.TargetedDragEvent<HTMLElement>, index: number) => {
		const dragged = ui.actions.dragged.current;
		if (!dragged) return;
		event.preventDefault();
		event.stopPropagation();
		ui.actions.moveTo(dragged, { stageId, index });
	};
	const allow = (event: JSX.TargetedDragEvent<HTMLElement>) => {
		if (ui.actions.dragged.current) event.preventDefault();
	};
	return (
		<ol
			class="df-items"
			role="list"
			onDragOver={allow}
			onDrop={(event) => drop(event, items.length)}
		>
			{items.map((item, index) => (
				<li key={item.id} class="df-item" onDragOver={allow} onDrop={(event) => drop(event, index)}>
					<ItemCard item={item} index={index} count={items.length} stageNames={stageNames} />
				</li>
			))}
		</ol>
	);
}

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
	const ui = useUi();
	const { actions } = ui;
	const keyword = isInstruction(item) ? keywordOf(item) || '?' : ui.t('builder.kind.comment');
	const name = ui.t('builder.item.name', { keyword, n: index + 1 });
	return (
		<fieldset class={`df-node df-kind-${item.kind}`} id={ui.id(item.id)}>
			<legend>
				<span class="df-keyword">
					{index + 1}. {keyword}
				</span>{' '}
				<FindingsMark findings={ui.findingsFor(item.id)} />
			</legend>
			<div class="df-item-bar">
				<span
					class="df-handle"
					draggable
					aria-hidden="true"
					title={ui.t('builder.item.drag')}
					onDragStart={(event) => {
						actions.dragged.current = item.id;
						event.dataTransfer?.setData('text/plain', keyword);
					}}
					onDragEnd={() => {
						actions.dragged.current = null;
					}}
				>
					⠿
				</span>
				<button
					type="button"
					class="df-icon"
					id={ui.id(item.id, 'up')}
					aria-label={ui.t('builder.list.up', { item: name })}
					disabled={index === 0}
					onClick={() => actions.move(item.id, -1)}
				>
					↑
				</button>
				<button
					type="button"
					class="df-icon"
					id={ui.id(item.id, 'down')}
					aria-label={ui.t('builder.list.down', { item: name })}
					disabled={index === count - 1}
					onClick={() => actions.move(item.id, 1)}
				>
					↓
				</button>
				{item.kind === 'raw' ? (
					<button
						type="button"
						class="df-button df-small"
						aria-label={`${ui.t('builder.item.toForm')}: ${name}`}
						onClick={() => actions.toForm(item.id)}
					>
						{ui.t('builder.item.toForm')}
					</button>
				) : (
					item.kind !== 'comment' && (
						<button
							type="button"
							class="df-button df-small"
							aria-label={`${ui.t('builder.item.toText')}: ${name}`}
							onClick={() => actions.toText(item.id)}
						>
							{ui.t('builder.item.toText')}
						</button>
					)
				)}
				<button
					type="button"
					class="df-icon"
					id={ui.id(item.id, 'remove')}
					aria-label={ui.t('builder.list.remove', { item: name })}
					onClick={() => actions.remove(item.id)}
				>
					✕
				</button>
			</div>
			{item.kind === 'comment' ? (
				<TextField
					id={ui.id(item.id, 'text')}
					label={ui.t('builder.comment.label')}
					value={item.text}
					multiline
					primary
					onValue={(text) =>
						actions.update(item.id, (current) =>
							current.kind === 'comment' ? { ...current, text } : current
						)
					}
				/>
			) : (
				<InstructionFields
					instruction={item}
					stageNames={stageNames}
					set={(change) =>
						actions.update(item.id, (current) =>
							isInstruction(current) ? change(current) : current
						)
					}
				/>
			)}
		</fieldset>
	);
}
