import { useState } from 'preact/hooks';
import { examples, lectureExample, type ComposeExample } from '../../lib/compose/examples.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { useT } from '../shared/strings.ts';

interface Props {
	id: string;
	lang: Locale;
	/** The example chosen at first: the one the generator started from. */
	startId: string;
	/** Whether there is a previous text to bring back. */
	canRestore: boolean;
	onLoad: (example: ComposeExample) => void;
	onRestore: () => void;
}

/** The examples to start from, and the way back to the text an example (or a link) replaced. */
export function ExampleGallery({ id, lang, startId, canRestore, onLoad, onRestore }: Props) {
	const t = useT();
	const [choice, setChoice] = useState(startId);
	const load = () =>
		onLoad(examples.find((candidate) => candidate.id === choice) ?? lectureExample);
	return (
		<div class="cd-gallery">
			<label for={`${id}-example`}>{t('compose.gallery.label')}</label>
			<select
				id={`${id}-example`}
				value={choice}
				onChange={(event) => setChoice(event.currentTarget.value)}
			>
				{examples.map((candidate) => (
					<option key={candidate.id} value={candidate.id}>
						{candidate.title[lang]}
					</option>
				))}
			</select>
			<button type="button" class="cd-button" onClick={load}>
				{t('compose.gallery.load')}
			</button>
			{canRestore && (
				<button type="button" class="cd-button" onClick={onRestore}>
					{t('compose.restore')}
				</button>
			)}
		</div>
	);
}
