/** The questions of the quiz's component tests: bilingual text, and a question as the bank reads it. */
import { QuestionSchema, type Question } from '../../src/lib/quiz/schema';

/** A text in both languages: the Italian as given, the English marked as such. */
export const t = (text: string) => ({ it: text, en: `${text} (en)` });

export const review = { it: '/docker/volumi/#volumi', en: '/en/docker/volumi/#volumes' };

/** A question as the bank's schema reads it: on Docker, with an explanation and a review link unless given. */
export const questionOf = (fields: Record<string, unknown>): Question =>
	QuestionSchema().parse({ topic: 'docker', explanation: t('Perché sì.'), review, ...fields });
