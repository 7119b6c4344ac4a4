import { stringify } from 'yaml';
import type { Bank, BankInput, LocalizedText, Question, Topic } from './schema.ts';
import { acceptedAnswers, choiceWeights, matchingOptions } from './score.ts';

/**
 * Moodle's GIFT format, so instructors can move questions between this site and Moodle.
 * Export writes every type; GIFT has no ordering or categorize questions, so those become
 * matching questions (item → position, item → category), each said in a comment line.
 */

type Lang = keyof LocalizedText;

/** Escapes GIFT's special characters in text. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
}

/** GIFT's percentages for multiple-choice weights, with as few decimals as GIFT allows. */
function percent(fraction: number): string {
	return `%${Number((fraction * 100).toFixed(5))}%`;
}

const feedback = (text: LocalizedText | undefined, lang: Lang) =>
	text ? `#${escapeGift(text[lang])}` : '';

/** One question as GIFT, with its id as title and its explanation as general feedback. */
export function questionToGift(question: Question, lang: Lang): string {
	const t = (text: LocalizedText) => escapeGift(text[lang]);
	const lines: string[] = [
		`// id: ${question.id}, topic: ${question.topic}, points: ${question.points}`,
	];
	const general = `####${t(question.explanation)}`;
	const head = `::${escapeGift(question.id)}::${t(question.prompt)}`;
	const block = (answers: string[]) =>
		`${head} {\n${answers.map((a) => `\t${a}`).join('\n')}\n\t${general}\n}`;
	switch (question.type) {
		case 'single':
			lines.push(
				block(
					question.choices.map(
						(c) => `${c.correct ? '=' : '~'}${t(c.text)}${feedback(c.feedback, lang)}`
					)
				)
			);
			break;
		case 'multiple': {
			const weights = choiceWeights(question);
			lines.push(
				block(
					question.choices.map(
						(c) => `~${percent(weights.get(c.id) ?? 0)}${t(c.text)}${feedback(c.feedback, lang)}`
					)
				)
			);
			break;
		}
		case 'truefalse': {
			// GIFT gives the feedback for a wrong answer first, then for a right one.
			const wrong = question.feedback?.[question.answer ? 'false' : 'true'];
			const right = question.feedback?.[question.answer ? 'true' : 'false'];
			const both =
				wrong || right ? `${feedback(wrong, lang) || '#'}${feedback(right, lang) || '#'}` : '';
			lines.push(`${head} {${question.answer ? 'T' : 'F'}${both}${general}}`);
			break;
		}
		case 'matching': {
			const options = matchingOptions(question);
			const extra = question.distractors.length;
			if (extra > 0)
				lines.push(
					`// ${extra} distractor${extra > 1 ? 's' : ''} left out: GIFT matching has none.`
				);
			lines.push(
				block(
					question.pairs.map((pair) => {
						const option = options.find((o) => o.text.it === pair.right.it) ?? { text: pair.right };
						return `=${t(pair.left)} -> ${t(option.text)}`;
					})
				)
			);
			break;
		}
		case 'ordering':
			lines.push('// Ordering question, exported as matching: each item goes with its position.');
			lines.push(block(question.items.map((item, index) => `=${t(item.text)} -> ${index + 1}`)));
			break;
		case 'categorize': {
			lines.push('// Categorize question, exported as matching: each item goes with its category.');
			const names = new Map(question.categories.map((c) => [c.id, c.text]));
			lines.push(
				block(question.items.map((item) => `=${t(item.text)} -> ${t(names.get(item.category)!)}`))
			);
			break;
		}
		case 'short': {
			if (question.match === 'docker') {
				lines.push(
					'// Short answer: on the site, equivalent Docker commands count too; Moodle accepts only these forms.'
				);
			}
			lines.push(block(acceptedAnswers(question, lang).map((a) => `=${escapeGift(a)}`)));
			break;
		}
		case 'numeric':
			lines.push(`${head} {#${question.value}:${question.tolerance}${general}}`);
			break;
	}
	return lines.join('\n');
}

/** Every question of the banks (optionally of one topic) as a GIFT file. */
export function exportGift(banks: readonly Bank[], lang: Lang, topic?: Topic): string {
	const questions = banks
		.filter((bank) => !topic || bank.topic === topic)
		.flatMap((bank) => bank.questions);
	const header = `// Virtualizzazione e Docker: ${questions.length} questions (${lang}), exported as GIFT for Moodle.`;
	return `${[header, ...questions.map((q) => questionToGift(q, lang))].join('\n\n')}\n`;
}

/** What the parser of GIFT files gives for each question (the parts we read). */
interface GiftText {
	text: string;
}
interface GiftChoice {
	isCorrect: boolean;
	weight: number | null;
	text: GiftText | { number?: number; range?: number };
	feedback: GiftText | null;
}
export interface GiftQuestion {
	type: string;
	title: string | null;
	stem?: GiftText;
	globalFeedback?: GiftText | null;
	choices?: GiftChoice[] | { number?: number; range?: number };
	isTrue?: boolean;
	trueFeedback?: GiftText | null;
	falseFeedback?: GiftText | null;
	matchPairs?: { subquestion: GiftText; subanswer: string }[];
}

/** The result of importing: the bank as YAML, and the questions that could not be brought over. */
export interface GiftImport {
	yaml: string;
	imported: number;
	skipped: string[];
}

const TRANSLATE = 'DA TRADURRE / TO TRANSLATE:';

/**
 * Turns parsed GIFT questions into one of our banks, in YAML. The text fills the given language;
 * the other language repeats it behind a "to translate" mark, and every review link points at a
 * placeholder anchor, so `npm run quiz -- check` lists what is left to do.
 */
export function giftToBank(
	questions: readonly GiftQuestion[],
	lang: Lang,
	topic: Topic
): GiftImport {
	const other: Lang = lang === 'it' ? 'en' : 'it';
	const text = (value: string | undefined): LocalizedText =>
		({ [lang]: clean(value), [other]: `${TRANSLATE} ${clean(value)}` }) as LocalizedText;
	const used = new Set<string>();
	const skipped: string[] = [];
	const converted: BankInput['questions'] = [];
	questions.forEach((gift, index) => {
		if (gift.type === 'Category' || gift.type === 'Description') return;
		const id = uniqueId(gift.title ?? gift.stem?.text ?? '', index, used);
		const base = {
			id,
			topic,
			prompt: text(gift.stem?.text),
			explanation: text(gift.globalFeedback?.text || '—'),
			review: { it: '/#da-completare', en: '/en/#to-do' },
		};
		const choices = Array.isArray(gift.choices) ? gift.choices : [];
		const choiceText = (c: GiftChoice) =>
			'text' in c.text ? c.text.text : String(c.text.number ?? '');
		switch (gift.type) {
			case 'MC': {
				const weighted = choices.some((c) => c.weight !== null);
				const list = choices.map((c, i) => ({
					id: `c${i + 1}`,
					text: text(choiceText(c)),
					correct: weighted ? (c.weight ?? 0) > 0 : c.isCorrect,
					...(weighted ? { weight: (c.weight ?? 0) / 100 } : {}),
					...(c.feedback ? { feedback: text(c.feedback.text) } : {}),
				}));
				const right = list.filter((c) => c.correct).length;
				const single = !weighted && right === 1;
				converted.push({
					...base,
					type: single ? 'single' : 'multiple',
					choices: list,
				});
				break;
			}
			case 'TF':
				converted.push({
					...base,
					type: 'truefalse',
					answer: gift.isTrue ?? true,
					...(gift.trueFeedback || gift.falseFeedback
						? {
								feedback: {
									...(gift.trueFeedback ? { true: text(gift.trueFeedback.text) } : {}),
									...(gift.falseFeedback ? { false: text(gift.falseFeedback.text) } : {}),
								},
							}
						: {}),
				});
				break;
			case 'Short':
				converted.push({
					...base,
					type: 'short',
					accepted: choices.filter((c) => c.isCorrect).map(choiceText),
				});
				break;
			case 'Numerical': {
				const first = Array.isArray(gift.choices) ? gift.choices[0]?.text : gift.choices;
				const value = first && 'number' in first ? first.number : undefined;
				if (value === undefined) {
					skipped.push(`${id}: numeric answers given as ranges are not supported`);
					return;
				}
				converted.push({
					...base,
					type: 'numeric',
					value,
					tolerance: ('range' in first! ? first.range : 0) ?? 0,
				});
				break;
			}
			case 'Matching':
				converted.push({
					...base,
					type: 'matching',
					pairs: (gift.matchPairs ?? [])
						.filter((pair) => pair.subquestion.text.trim() !== '')
						.map((pair, i) => ({
							id: `p${i + 1}`,
							left: text(pair.subquestion.text),
							right: text(pair.subanswer),
						})),
				});
				break;
			default:
				skipped.push(`${id}: ${gift.type} questions have no counterpart here`);
		}
	});
	const bank: BankInput = {
		topic,
		title: text(`Imported questions (${topic})`),
		questions: converted,
	};
	const yaml = [
		'# yaml-language-server: $schema=../../../public/schemas/quiz-bank.json',
		`# Imported from GIFT: the ${lang === 'it' ? 'Italian' : 'English'} texts are filled in; translate the ones marked "${TRANSLATE}"`,
		'# and point each `review` at the heading that teaches the answer.',
		stringify(bank, { lineWidth: 100 }),
	].join('\n');
	return { yaml, imported: converted.length, skipped };
}

/** GIFT text may carry Moodle markup marks; keep the words. */
function clean(value: string | undefined): string {
	return (value ?? '').replace(/^\[(?:moodle|html|markdown|plain)\]/, '').trim() || '—';
}

function uniqueId(source: string, index: number, used: Set<string>): string {
	const base =
		source
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40)
			.replace(/-+$/, '') || `question-${index + 1}`;
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	used.add(id);
	return id;
}
