import { z } from 'zod';
import { GoalSchema } from '../simulator/goals.ts';

/** The topics a question can belong to; each has its own quiz page at `/quiz/<topic>/`. */
export const topics = [
	'virtualization-basics',
	'hypervisor-types',
	'virtualization-methods',
	'docker',
	'forensics',
] as const;
export type Topic = (typeof topics)[number];

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable identifier: lower-case words joined by hyphens. Progress is keyed by it. */
const IdSchema = () =>
	z
		.string()
		.regex(idPattern, 'use lower-case letters, digits and single hyphens (e.g. "vm-isolation")');

/** The same text in both languages of the course; neither may be empty. */
export const LocalizedTextSchema = () =>
	z.strictObject({
		/** Italian text (the source). */
		it: z.string().trim().min(1, 'the Italian text is empty'),
		/** English text. */
		en: z.string().trim().min(1, 'the English text is empty'),
	});
export type LocalizedText = z.output<ReturnType<typeof LocalizedTextSchema>>;

/** A choice of a single- or multiple-choice question. */
export const ChoiceSchema = () =>
	z.strictObject({
		/** Stable id, unique within its question. */
		id: IdSchema(),
		/** The choice's text in each language. */
		text: LocalizedTextSchema(),
		/** Whether choosing it is right. */
		correct: z.boolean().default(false),
		/**
		 * Multiple choice only: the fraction of the question's points this choice adds when chosen,
		 * from -1 to 1 (Moodle style). Without it, each right choice is worth 1/(number of right
		 * choices) and each wrong one takes away as much.
		 */
		weight: z.number().min(-1).max(1).optional(),
		/** Shown after checking when this choice was picked. */
		feedback: LocalizedTextSchema().optional(),
		/** Keeps the choice in its place when choices are shuffled (e.g. "none of the above"). */
		pinned: z.boolean().default(false),
	});
export type Choice = z.output<ReturnType<typeof ChoiceSchema>>;

/** An item to order, match or sort. */
const ItemSchema = () =>
	z.strictObject({
		/** Stable id, unique within its question. */
		id: IdSchema(),
		/** The item's text in each language. */
		text: LocalizedTextSchema(),
	});

/** Fields every question has. */
const questionBase = () => ({
	/** Stable id, unique across every bank; progress is keyed by it. */
	id: IdSchema(),
	/** The topic the question tests; a bank may only hold questions of its own topic. */
	topic: z.enum(topics),
	/** Points for a fully right answer. */
	points: z.number().positive().default(1),
	/** The question in each language (Markdown-free plain text; `code` in backticks is shown as code). */
	prompt: LocalizedTextSchema(),
	/** Why the answer is what it is, shown after checking. */
	explanation: LocalizedTextSchema(),
	/**
	 * The chapter heading that teaches the answer, in each language: a site path with the
	 * heading's anchor, e.g. `{ it: '/docker/volumi/#i-tipi-di-volume', en: '/en/docker/volumi/#kinds-of-volume' }`.
	 */
	review: z.strictObject({
		/** The Italian page and heading. */
		it: z
			.string()
			.regex(
				/^\/(?!en\/)[^#\s]*#[^\s]+$/,
				'write an Italian site path with an anchor, e.g. /docker/volumi/#…'
			),
		/** The English page and heading. */
		en: z
			.string()
			.regex(
				/^\/en\/[^#\s]*#[^\s]+$/,
				'write an English site path with an anchor, e.g. /en/docker/volumi/#…'
			),
	}),
});

export const SingleChoiceSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('single'),
		/** The choices; exactly one is right. */
		choices: z.array(ChoiceSchema()).min(2),
	});

export const MultipleChoiceSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('multiple'),
		/** The choices; at least one is right. */
		choices: z.array(ChoiceSchema()).min(2),
	});

export const TrueFalseSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('truefalse'),
		/** Whether the statement in the prompt is true. */
		answer: z.boolean(),
		/** Shown after checking, for each answer the learner may give. */
		feedback: z
			.strictObject({ true: LocalizedTextSchema(), false: LocalizedTextSchema() })
			.partial()
			.optional(),
	});

export const MatchingSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('matching'),
		/** Each left item and the right item it goes with. */
		pairs: z
			.array(
				z.strictObject({
					/** Stable id of the pair. */
					id: IdSchema(),
					/** What the learner matches (e.g. a product). */
					left: LocalizedTextSchema(),
					/** Its partner (e.g. "Type 2"); several pairs may share the same text. */
					right: LocalizedTextSchema(),
				})
			)
			.min(2),
		/** Extra right-hand options that match nothing, to make guessing harder. */
		distractors: z.array(ItemSchema()).default([]),
	});

export const OrderingSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('ordering'),
		/** The items in their right order; they are shown shuffled. */
		items: z.array(ItemSchema()).min(3),
	});

export const CategorizeSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('categorize'),
		/** The categories to sort into. */
		categories: z.array(ItemSchema()).min(2),
		/** The items to sort, each with the id of its category. */
		items: z.array(ItemSchema().extend({ category: IdSchema() })).min(2),
	});

export const ShortAnswerSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('short'),
		/**
		 * How answers are compared: `text` ignores case, spaces, punctuation around the answer and a
		 * leading article or elision (`l'ipervisore`), never the spelling (see `short-answer.ts`);
		 * `docker` treats equivalent Docker commands as equal (`sudo`, `-p` = `--publish`,
		 * `docker ps -a` = `docker container ls --all`, flags in any order; see `docker-command.ts`).
		 */
		match: z.enum(['text', 'docker']).default('text'),
		/** The accepted answers: the same in both languages, or per language. */
		accepted: z.union([
			z.array(z.string().trim().min(1)).min(1),
			z.strictObject({
				it: z.array(z.string().trim().min(1)).min(1),
				en: z.array(z.string().trim().min(1)).min(1),
			}),
		]),
	});

export const NumericSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('numeric'),
		/** The right value. */
		value: z.number(),
		/** How far from the value an answer may be and still count as right. */
		tolerance: z.number().min(0).default(0),
		/** The unit shown after the input (e.g. "GB"). */
		unit: z.string().optional(),
	});

/** Files of a lab's working directory, path (`Dockerfile`, `app/server.js`) → text. */
const LabFilesSchema = () =>
	z.record(
		z
			.string()
			.regex(
				/^(?!\/)(?!.*\.\.)[\w.-]+(?:\/[\w.-]+)*$/,
				'write a relative path inside the working directory, e.g. Dockerfile or app/server.js'
			),
		z.string()
	);

/**
 * A lab exercise: commands typed on the simulated Docker host (and files edited) until the host
 * meets every goal. The task is the prompt; the files' text is the same in both languages.
 */
export const LabSchema = () =>
	z.strictObject({
		...questionBase(),
		type: z.literal('lab'),
		/** What the host is like before the learner starts: commands already run, files present. */
		start: z
			.strictObject({
				/** Commands run on a fresh host before the learner's, in order (not shown as theirs). */
				commands: z.array(z.string().trim().min(1)).default([]),
				/** The working directory's files: a Dockerfile to fix, a `compose.yaml`. */
				files: LabFilesSchema().default({}),
			})
			.default({ commands: [], files: {} }),
		/** The files the learner edits, each one of `start.files`, shown in a text area of its own. */
		editable: z.array(z.string().min(1)).default([]),
		/** What the host must be like once the learner's commands have run; all of them count. */
		goals: z.array(GoalSchema()).min(1),
		/**
		 * A model solution, which the bank check proves meets every goal: the commands, one per line,
		 * and the editable files as they should end up.
		 */
		solution: z.strictObject({
			/** Commands, one per line (`\` at the end continues a line). */
			commands: z.string().default(''),
			/** The edited files, whole; those not listed stay as they start. */
			files: LabFilesSchema().default({}),
		}),
	});

/** Any question of a bank. */
export type Question =
	| z.output<ReturnType<typeof SingleChoiceSchema>>
	| z.output<ReturnType<typeof MultipleChoiceSchema>>
	| z.output<ReturnType<typeof TrueFalseSchema>>
	| z.output<ReturnType<typeof MatchingSchema>>
	| z.output<ReturnType<typeof OrderingSchema>>
	| z.output<ReturnType<typeof CategorizeSchema>>
	| z.output<ReturnType<typeof ShortAnswerSchema>>
	| z.output<ReturnType<typeof NumericSchema>>
	| z.output<ReturnType<typeof LabSchema>>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** Any question of a bank, with the rules that tie its fields together. */
export const QuestionSchema = () =>
	z
		.discriminatedUnion('type', [
			SingleChoiceSchema(),
			MultipleChoiceSchema(),
			TrueFalseSchema(),
			MatchingSchema(),
			OrderingSchema(),
			CategorizeSchema(),
			ShortAnswerSchema(),
			NumericSchema(),
			LabSchema(),
		])
		.superRefine(checkQuestion);

/** A question bank: one YAML file of `src/content/quizzes/`. */
export const BankSchema = () =>
	z
		.strictObject({
			/** The topic of every question in the bank. */
			topic: z.enum(topics),
			/** The bank's title in each language. */
			title: LocalizedTextSchema(),
			/**
			 * Negative marking: a wrong single-choice or true/false answer takes away this fraction of
			 * the question's points, and multiple-choice scores may fall below zero down to the same
			 * fraction. Without it, no question scores below zero.
			 */
			penalty: z.number().min(0).max(1).default(0),
			/** The questions. */
			questions: z.array(QuestionSchema()).min(1),
		})
		.superRefine((bank, ctx) => {
			const seen = new Set<string>();
			bank.questions.forEach((question, index) => {
				if (seen.has(question.id)) {
					ctx.addIssue({
						code: 'custom',
						path: ['questions', index, 'id'],
						message: `the id "${question.id}" is used twice in this bank`,
					});
				}
				seen.add(question.id);
				if (question.topic !== bank.topic) {
					ctx.addIssue({
						code: 'custom',
						path: ['questions', index, 'topic'],
						message: `the bank is about "${bank.topic}" but this question says "${question.topic}"`,
					});
				}
			});
		});
export type Bank = z.output<ReturnType<typeof BankSchema>>;
export type BankInput = z.input<ReturnType<typeof BankSchema>>;

/** Cross-field rules a single question must follow; each issue points at its field. */
function checkQuestion(
	question: z.output<ReturnType<typeof SingleChoiceSchema>> | Question,
	ctx: z.RefinementCtx
) {
	const unique = (ids: string[], path: (string | number)[], what: string) => {
		const seen = new Set<string>();
		ids.forEach((id, index) => {
			if (seen.has(id)) {
				ctx.addIssue({
					code: 'custom',
					path: [...path, index, 'id'],
					message: `${what} id "${id}" is used twice`,
				});
			}
			seen.add(id);
		});
	};
	switch (question.type) {
		case 'single': {
			unique(
				question.choices.map((c) => c.id),
				['choices'],
				'choice'
			);
			const right = question.choices.filter((c) => c.correct).length;
			if (right !== 1) {
				ctx.addIssue({
					code: 'custom',
					path: ['choices'],
					message: `a single-choice question needs exactly one right choice, and this one has ${right}`,
				});
			}
			break;
		}
		case 'multiple': {
			unique(
				question.choices.map((c) => c.id),
				['choices'],
				'choice'
			);
			if (!question.choices.some((c) => c.correct)) {
				ctx.addIssue({
					code: 'custom',
					path: ['choices'],
					message: 'mark at least one choice as correct',
				});
			}
			const weights = question.choices.map((c) => c.weight);
			if (weights.some((w) => w !== undefined)) {
				if (weights.some((w) => w === undefined)) {
					ctx.addIssue({
						code: 'custom',
						path: ['choices'],
						message: 'give a weight to every choice, or to none',
					});
				} else {
					const positive = weights.reduce<number>((sum, w) => sum + Math.max(0, w ?? 0), 0);
					if (Math.abs(positive - 1) > 1e-6) {
						ctx.addIssue({
							code: 'custom',
							path: ['choices'],
							message: `the positive weights must add up to 1, and they add up to ${positive}`,
						});
					}
					question.choices.forEach((choice, index) => {
						if ((choice.weight ?? 0) > 0 !== choice.correct) {
							ctx.addIssue({
								code: 'custom',
								path: ['choices', index, 'weight'],
								message:
									'a right choice needs a positive weight and a wrong one a weight of zero or less',
							});
						}
					});
				}
			}
			break;
		}
		case 'matching': {
			unique(
				question.pairs.map((p) => p.id),
				['pairs'],
				'pair'
			);
			unique(
				[...question.pairs.map((p) => p.id), ...question.distractors.map((d) => d.id)],
				['distractors'],
				'pair or distractor'
			);
			break;
		}
		case 'ordering':
			unique(
				question.items.map((i) => i.id),
				['items'],
				'item'
			);
			break;
		case 'categorize': {
			unique(
				question.categories.map((c) => c.id),
				['categories'],
				'category'
			);
			unique(
				question.items.map((i) => i.id),
				['items'],
				'item'
			);
			const categories = new Set(question.categories.map((c) => c.id));
			question.items.forEach((item, index) => {
				if (!categories.has(item.category)) {
					ctx.addIssue({
						code: 'custom',
						path: ['items', index, 'category'],
						message: `there is no category "${item.category}"; the categories are ${[...categories].join(', ')}`,
					});
				}
			});
			break;
		}
		case 'lab': {
			const files = Object.keys(question.start.files);
			question.editable.forEach((path, index) => {
				if (!files.includes(path)) {
					ctx.addIssue({
						code: 'custom',
						path: ['editable', index],
						message: `"${path}" is not one of the starting files (${files.join(', ') || 'none'}): add it to start.files`,
					});
				}
			});
			for (const path of Object.keys(question.solution.files)) {
				if (!question.editable.includes(path)) {
					ctx.addIssue({
						code: 'custom',
						path: ['solution', 'files', path],
						message: `the solution edits "${path}", which the learner cannot edit: list it in editable`,
					});
				}
			}
			if (!question.solution.commands.trim() && !Object.keys(question.solution.files).length) {
				ctx.addIssue({
					code: 'custom',
					path: ['solution'],
					message: 'give the commands (or the edited files) of a model solution',
				});
			}
			break;
		}
		default:
			break;
	}
}
