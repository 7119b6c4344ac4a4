import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import italian from './content/i18n/it.json';
import { quizLoader } from './content/quiz-loader';
import { BankSchema } from './lib/quiz/schema';

/** Our own UI strings: Italian is the source, so its keys are the ones every language may use. */
const uiStrings = z.object(
	Object.fromEntries(Object.keys(italian).map((key) => [key, z.string().optional()])) as Record<
		keyof typeof italian,
		z.ZodOptional<z.ZodString>
	>
);

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			// Every page needs a description: search engines and link previews show it.
			extend: z.object({ description: z.string().min(50).max(200) }),
		}),
	}),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStrings }) }),
	quizzes: defineCollection({ loader: quizLoader(), schema: BankSchema() }),
};
