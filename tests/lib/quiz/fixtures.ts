import { QuestionSchema, type Question, type QuestionOf } from '../../../src/lib/quiz/schema';

const t = (text: string) => ({ it: `${text} (it)`, en: `${text} (en)` });
const base = {
	topic: 'docker',
	prompt: t('Prompt'),
	explanation: t('Explanation'),
	review: { it: '/docker/volumi/#volumi', en: '/en/docker/volumi/#volumes' },
};

/** Builds a valid question of the given type from its own fields, filling in the common ones. */
export function question<T extends Question['type']>(
	type: T,
	fields: Record<string, unknown>
): QuestionOf<T> {
	return QuestionSchema().parse({ id: `q-${type}`, type, ...base, ...fields }) as QuestionOf<T>;
}

/** Text in both languages, for fixtures. */
export { t };
