/**
 * The form: parser directives, what comes before the first FROM, and each stage; of a long file,
 * one part at a time, with buttons to the parts before and after.
 */
import { FORM_PAGE, type FormPart } from '../../lib/dockerfile/builder.ts';
import type { Directive, Dockerfile } from '../../lib/dockerfile/model.ts';
import { useT } from '../shared/strings.ts';
import { useBuilder } from './BuilderContext.ts';
import { RowButtons, TextField } from './FieldWidgets';
import { ItemList } from './ItemCard';
import { StageCard } from './StageCard';
import { imageTags } from './suggestions';

export function DockerfileForm({ model, part }: { model: Dockerfile; part: FormPart }) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	const stageNames = id('stage-names');
	const whole = part.start === 0 && part.end === part.total;
	return (
		<div class="df-form-body">
			<datalist id={id('images')}>
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
			{!whole && (
				<p class="df-part">
					<span>
						{t('builder.part.status', {
							count: FORM_PAGE,
							from: part.start + 1,
							to: part.end,
							total: part.total,
						})}
					</span>
					{part.start > 0 && (
						<PartButton
							label="builder.part.previous"
							start={Math.max(0, part.start - FORM_PAGE)}
							end={part.start}
						/>
					)}
				</p>
			)}
			{model.directives.length > 0 && <Directives directives={model.directives} />}
			{part.preamble && (
				<fieldset class="df-stage df-preamble" id={id('preamble')}>
					<legend>{t('builder.preamble.legend')}</legend>
					<p class="df-hint">{t('builder.preamble.hint')}</p>
					<ItemList
						items={model.preamble}
						shown={part.preamble}
						stageId={null}
						stageNames={stageNames}
					/>
				</fieldset>
			)}
			{model.stages.map((stage, index) => {
				const shown = part.stages[index];
				return (
					shown && (
						<StageCard
							key={stage.id}
							stage={stage}
							shown={shown}
							number={index + 1}
							count={model.stages.length}
							stageNames={stageNames}
						/>
					)
				);
			})}
			{model.stages.length === 0 && <p class="df-hint">{t('builder.stage.none')}</p>}
			{part.end < part.total && (
				<p class="df-part">
					<PartButton
						label="builder.part.next"
						start={part.end}
						end={Math.min(part.total, part.end + FORM_PAGE)}
					/>
				</p>
			)}
			<p class="df-form-buttons">
				<button
					type="button"
					class="df-button"
					id={id('add-stage')}
					onClick={() => dispatch({ type: 'addStage' })}
				>
					{t('builder.stage.add')}
				</button>
				<button
					type="button"
					class="df-button"
					id={id('add-global-arg')}
					onClick={() => dispatch({ type: 'add', kind: 'arg', place: { stageId: null } })}
				>
					{t('builder.preamble.addArg')}
				</button>
			</p>
		</div>
	);
}

/** A button that brings another part of the form on screen, named by the positions it holds. */
function PartButton({ label, start, end }: { label: string; start: number; end: number }) {
	const t = useT();
	const { dispatch } = useBuilder();
	return (
		<button type="button" class="df-button" onClick={() => dispatch({ type: 'showPart', start })}>
			{t(label, { from: start + 1, to: end })}
		</button>
	);
}

/** The `# name=value` lines at the top, each edited as one text. */
function Directives({ directives }: { directives: readonly Directive[] }) {
	const t = useT();
	const { id, dispatch } = useBuilder();
	return (
		<fieldset class="df-stage">
			<legend>{t('builder.directives.legend')}</legend>
			<p class="df-hint">{t('builder.directives.hint')}</p>
			<ol class="df-rows" role="list">
				{directives.map((directive, index) => {
					const label = t('builder.directives.item', { n: index + 1 });
					return (
						<li key={directive.id} class="df-row" id={id(directive.id)}>
							<div class="df-row-fields">
								<TextField
									id={id(directive.id, 'text')}
									label={label}
									value={`${directive.name}=${directive.value}`}
									primary
									onValue={(text) => dispatch({ type: 'updateDirective', id: directive.id, text })}
								/>
							</div>
							<div class="df-row-buttons">
								<RowButtons
									id={id(directive.id)}
									name={label}
									index={index}
									count={directives.length}
									onRemove={() => dispatch({ type: 'removeDirective', id: directive.id })}
								/>
							</div>
						</li>
					);
				})}
			</ol>
		</fieldset>
	);
}
