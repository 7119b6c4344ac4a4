import type { DiagramOptions } from '../../lib/compose/share.ts';
import { useT } from '../shared/strings.ts';

interface Props {
	id: string;
	options: DiagramOptions;
	onChange: (changes: Partial<DiagramOptions>) => void;
}

/** The options that hide parts of the diagram, by their label's key. */
const hidingOptions = [
	['hideDefaultNetwork', 'compose.options.hideDefault'],
	['hideVolumes', 'compose.options.hideVolumes'],
] as const;

const directions = ['LR', 'TB'] as const;

/** What the diagram leaves out, and which way it runs. */
export function DiagramOptionsForm({ id, options, onChange }: Props) {
	const t = useT();
	return (
		<fieldset class="cd-options">
			<legend>{t('compose.options.legend')}</legend>
			{hidingOptions.map(([name, label]) => (
				<label key={name}>
					<input
						type="checkbox"
						checked={options[name]}
						onChange={(event) => onChange({ [name]: event.currentTarget.checked })}
					/>
					{t(label)}
				</label>
			))}
			<fieldset class="cd-direction">
				<legend>{t('compose.options.direction')}</legend>
				{directions.map((direction) => (
					<label key={direction}>
						<input
							type="radio"
							name={`${id}-direction`}
							value={direction}
							checked={options.direction === direction}
							onChange={() => onChange({ direction })}
						/>
						{t(`compose.options.${direction.toLowerCase()}`)}
					</label>
				))}
			</fieldset>
		</fieldset>
	);
}
