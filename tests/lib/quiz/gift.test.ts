import giftParser from 'gift-pegjs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
	decodeGiftPlaceholders,
	escapeGift,
	exportGift,
	giftQuestionLines,
	giftToBank,
	type GiftQuestion,
} from '../../../src/lib/quiz/gift';
import { BankSchema, type Bank, type LocalizedText } from '../../../src/lib/quiz/schema';
import { t } from './fixtures';

const review = { it: '/docker/volumi/#a', en: '/en/docker/volumi/#a' };
const common = (id: string) => ({
	id,
	topic: 'docker',
	prompt: t(`Prompt ${id} {1} = ~#: <tag> & \`x\``),
	explanation: t(`Why ${id}`),
	review,
});

const bank: Bank = BankSchema().parse({
	topic: 'docker',
	title: t('Docker'),
	questions: [
		{
			...common('single'),
			type: 'single',
			choices: [
				{ id: 'a', text: t('A'), correct: true, feedback: t('Yes') },
				{ id: 'b', text: t('B = b') },
			],
		},
		{
			...common('multiple'),
			points: 2,
			type: 'multiple',
			choices: [
				{ id: 'a', text: t('A'), correct: true },
				{ id: 'b', text: t('B'), correct: true },
				{ id: 'c', text: t('C') },
			],
		},
		{
			...common('truefalse'),
			type: 'truefalse',
			answer: false,
			feedback: { true: t('No'), false: t('Right') },
		},
		{
			...common('matching'),
			type: 'matching',
			pairs: [
				{ id: 'vbox', left: t('VirtualBox'), right: t('Type 2') },
				{ id: 'esx', left: t('ESX'), right: t('Type 1') },
			],
			distractors: [{ id: 'x', text: t('Type 3') }],
		},
		{
			...common('ordering'),
			type: 'ordering',
			items: ['pull', 'run', 'rm'].map((id) => ({ id, text: t(id) })),
		},
		{
			...common('categorize'),
			type: 'categorize',
			categories: [
				{ id: 'full', text: t('Full') },
				{ id: 'para', text: t('Para') },
				{ id: 'emu', text: t('Emulation') },
			],
			items: [
				{ id: 'vmware', text: t('VMware'), category: 'full' },
				{ id: 'xen', text: t('Xen'), category: 'para' },
			],
		},
		{
			...common('short'),
			type: 'short',
			match: 'docker',
			accepted: ['docker ps -a', 'docker container ls --all', 'ls *.txt'],
		},
		{ ...common('numeric'), type: 'numeric', value: 4, tolerance: 0.5, unit: 'GB' },
	],
});

function parse(text: string): GiftQuestion[] {
	return (giftParser as { parse: (input: string) => GiftQuestion[] }).parse(text);
}

describe('exportGift()', () => {
	const exported = exportGift([bank], 'it');
	const parsed = parse(exported);
	const byId = new Map(parsed.map((q) => [q.title, q]));

	test('every question survives an independent GIFT parser, after its category', () => {
		expect(parsed.map((q) => q.title)).toEqual([
			'Virtualizzazione e Docker/Docker (it)',
			...bank.questions.map((q) => q.id),
		]);
		expect(parsed[0]?.type).toBe('Category');
	});

	test('keeps the prompt as HTML, with special characters escaped', () => {
		expect(byId.get('single')?.stem).toEqual({
			format: 'html',
			text: 'Prompt single {1} = ~#: &lt;tag&gt; &amp; <code>x</code> (it)',
		});
		expect(byId.get('single')?.globalFeedback?.text).toBe('Why single (it)');
		expect(exported).toContain('::single::[html]Prompt single \\{1\\} \\= \\~\\#\\: &lt;tag&gt;');
	});

	test('single choice: the right answer and per-choice feedback', () => {
		const choices = byId.get('single')?.choices as {
			isCorrect: boolean;
			text: { text: string };
			feedback: { text: string } | null;
		}[];
		expect(choices.map((c) => [c.isCorrect, c.text.text, c.feedback?.text ?? null])).toEqual([
			[true, 'A (it)', 'Yes (it)'],
			[false, 'B = b (it)', null],
		]);
	});

	test('single choice with negative marking: the wrong choices take the penalty away', () => {
		const choices = parse(exportGift([{ ...bank, penalty: 0.25 }], 'it')).find(
			(q) => q.title === 'single'
		)?.choices as { isCorrect: boolean; weight: number | null }[];
		expect(choices.map((c) => [c.isCorrect, c.weight])).toEqual([
			[true, null],
			[false, -25],
		]);
	});

	test('multiple choice: Moodle weights', () => {
		const choices = byId.get('multiple')?.choices as { weight: number }[];
		expect(choices.map((c) => c.weight)).toEqual([50, 50, -50]);
	});

	test('true/false: feedback for a wrong answer first, then for a right one, as Moodle reads it', () => {
		const q = byId.get('truefalse');
		expect(q?.isTrue).toBe(false);
		// The answer is false: answering true is wrong.
		expect(q?.trueFeedback?.text).toBe('No (it)');
		expect(q?.falseFeedback?.text).toBe('Right (it)');
	});

	const feedbacks: [string, { true?: LocalizedText; false?: LocalizedText } | undefined, string][] =
		[
			['both', { true: t('Yes'), false: t('No') }, '{T#No (it)#Yes (it)####'],
			['only the wrong one', { false: t('No') }, '{T#No (it)####'],
			['only the right one', { true: t('Yes') }, '{T##Yes (it)####'],
			['none', undefined, '{T####'],
		];
	test.each(feedbacks)(
		'true/false with %s feedback parses, and imports back',
		(_, feedback, written) => {
			const question = {
				...common('tf'),
				type: 'truefalse' as const,
				answer: true,
				...(feedback ? { feedback } : {}),
			};
			const one = BankSchema().parse({ topic: 'docker', title: t('D'), questions: [question] });
			const text = exportGift([one], 'it');
			expect(text).toContain(written);
			const imported = BankSchema().parse(
				parseYaml(giftToBank(parse(text), 'it', 'docker', text).yaml)
			);
			const back = imported.questions[0];
			expect(
				back?.type === 'truefalse' && [
					back.answer,
					back.feedback?.true?.it,
					back.feedback?.false?.it,
				]
			).toEqual([true, feedback?.true?.it, feedback?.false?.it]);
		}
	);

	test('matching keeps its distractors as answers without a question', () => {
		const pairs = byId.get('matching')?.matchPairs?.map((p) => [p.subquestion.text, p.subanswer]);
		expect(pairs).toEqual([
			['VirtualBox (it)', 'Type 2 (it)'],
			['ESX (it)', 'Type 1 (it)'],
			['', 'Type 3 (it)'],
		]);
	});

	test('ordering and categorize become matching pairs, said in a comment', () => {
		const pairs = (id: string) =>
			byId.get(id)?.matchPairs?.map((p) => [p.subquestion.text, p.subanswer]);
		expect(pairs('ordering')).toEqual([
			['pull (it)', '1'],
			['run (it)', '2'],
			['rm (it)', '3'],
		]);
		expect(pairs('categorize')).toEqual([
			['VMware (it)', 'Full (it)'],
			['Xen (it)', 'Para (it)'],
			['', 'Emulation (it)'],
		]);
		expect(exported).toContain('// Ordering question, exported as matching');
		expect(exported).toContain('// Categorize question, exported as matching');
	});

	test('short answers keep every form, with a literal star escaped for Moodle', () => {
		const short = byId.get('short')?.choices as { text: { text: string } }[];
		expect(short.map((c) => c.text.text)).toEqual([
			'docker ps -a',
			'docker container ls --all',
			'ls \\*.txt',
		]);
		expect(exported).toContain(
			'// Short answer: on the site, equivalent Docker commands count too'
		);
	});

	test('numeric answers: value and tolerance, the unit in the text, no exponent', () => {
		const numeric = byId.get('numeric');
		const value = Array.isArray(numeric?.choices) ? numeric.choices[0]?.text : numeric?.choices;
		expect(value).toMatchObject({ number: 4, range: 0.5 });
		expect(numeric?.stem?.text).toBe(
			'Prompt numeric {1} = ~#: &lt;tag&gt; &amp; <code>x</code> (it) (in GB)'
		);
		const tiny = BankSchema().parse({
			topic: 'docker',
			title: t('D'),
			questions: [{ ...common('tiny'), type: 'numeric', value: 0.0000001, tolerance: 0 }],
		});
		expect(exportGift([tiny], 'it')).toContain('{#0.0000001:0####');
	});

	test('points other than 1 are said in a comment, since GIFT has none', () => {
		expect(exported).toContain('// id: multiple, topic: docker, points: 2 (GIFT has none');
		expect(exported).toMatch(/\/\/ id: single, topic: docker\n/);
	});

	test('the English export is in English', () => {
		expect(parse(exportGift([bank], 'en'))[1]?.stem?.text).toBe(
			'Prompt single {1} = ~#: &lt;tag&gt; &amp; <code>x</code> (en)'
		);
	});

	test('filters by topic', () => {
		expect(exportGift([bank], 'it', 'hypervisor-types')).not.toContain('::');
	});
});

describe('giftToBank()', () => {
	test('imports a GIFT file into a valid bank, the other language marked to translate', () => {
		const text = exportGift([bank], 'en');
		const result = giftToBank(parse(text), 'en', 'docker', text);
		const imported = BankSchema().parse(parseYaml(result.yaml));
		expect(result.imported).toBe(8);
		expect(result.skipped).toEqual([]);
		expect(imported.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'matching',
			'matching',
			'matching',
			'short',
			'numeric',
		]);
		expect(imported.questions[0]?.prompt.en).toBe('Prompt single {1} = ~#: <tag> & `x` (en)');
		expect(imported.questions[0]?.prompt.it).toBe(
			'DA TRADURRE / TO TRANSLATE: Prompt single {1} = ~#: <tag> & `x` (en)'
		);
		const matching = imported.questions[3];
		expect(matching?.type === 'matching' && matching.distractors.map((d) => d.text.en)).toEqual([
			'Type 3 (en)',
		]);
		expect(result.yaml).toMatch(/^# yaml-language-server: \$schema=/);
	});

	test('keeps the weights of a multiple-choice question', () => {
		const imported = BankSchema().parse(
			parseYaml(giftToBank(parse('::q:: Pick {~%50%A ~%50%B ~%-100%C}'), 'it', 'docker').yaml)
		);
		const question = imported.questions[0];
		expect(
			question?.type === 'multiple' && question.choices.map((c) => [c.correct, c.weight])
		).toEqual([
			[true, 0.5],
			[true, 0.5],
			[false, -1],
		]);
	});

	test('[html] texts become plain text: tags dropped, entities decoded, code in backticks', () => {
		const source = [
			'::html-q::[html]<p dir\\="ltr" style\\="text-align\\: left;">Che cosa fa <code>docker ps</code>?</p><p>Scegli &laquo;una&raquo; risposta &amp; <b>una sola</b>.<br></p>{',
			'	=<span lang\\="it">Elenca i container</span>#<i>Giusto</i>\\: &lt;b&gt; resta testo',
			'	~Cancella <script>alert(1)</script>tutto',
			'	####<p>Perché&nbsp;sì.</p>',
			'}',
		].join('\n');
		const result = giftToBank(parse(source), 'it', 'docker', source);
		const question = BankSchema().parse(parseYaml(result.yaml)).questions[0];
		expect(question?.prompt.it).toBe('Che cosa fa `docker ps`?\nScegli «una» risposta & una sola.');
		expect(question?.explanation.it).toBe('Perché sì.');
		expect(
			question?.type === 'single' && question.choices.map((c) => [c.text.it, c.feedback?.it])
		).toEqual([
			['Elenca i container', 'Giusto: <b> resta testo'],
			['Cancella tutto', undefined],
		]);
		expect(result.yaml).not.toMatch(/<(p|span|code|script|i)\b/);
	});

	test('[markdown] texts become plain text when they can', () => {
		const source =
			'::md::[markdown]Che cosa fa **`docker ps -a`**, _in breve_? Vedi [la guida](https\\://docs.docker.com). {T}';
		const result = giftToBank(parse(source), 'it', 'docker', source);
		expect(result.skipped).toEqual([]);
		expect(BankSchema().parse(parseYaml(result.yaml)).questions[0]?.prompt.it).toBe(
			'Che cosa fa `docker ps -a`, in breve? Vedi la guida (https://docs.docker.com).'
		);
	});

	test('[markdown] with an image is refused, saying which question, which line and what to do', () => {
		const source = [
			'// Una domanda che va bene.',
			'::ok:: Il guest gira sopra l’hypervisor? {T}',
			'',
			'// E una con un’immagine.',
			'::with-image::[markdown]Che cosa mostra ![schema](vm.png)? {T}',
		].join('\n');
		const result = giftToBank(parse(source), 'it', 'docker', source);
		expect(result.imported).toBe(1);
		expect(result.skipped.map((s) => [s.question, s.line])).toEqual([['with-image', 5]]);
		expect(result.skipped[0]?.message.it).toMatch(/immagine.*riscrivilo come testo semplice/);
		expect(result.skipped[0]?.message.en).toMatch(/image.*rewrite it as plain text/);
	});

	test('numeric ranges and distractors of Moodle files come in too', () => {
		const source =
			'::range:: Quanti GB? {#3.5..4.5}\n\n::match:: Abbina {=A -> 1 =B -> 2 = -> 3\\: tre}';
		const questions = BankSchema().parse(
			parseYaml(giftToBank(parse(source), 'it', 'docker', source).yaml)
		).questions;
		expect(questions[0]).toMatchObject({ type: 'numeric', value: 4, tolerance: 0.5 });
		expect(questions[1]).toMatchObject({
			type: 'matching',
			pairs: [{ right: { it: '1' } }, { right: { it: '2' } }],
			distractors: [{ text: { it: '3: tre' } }],
		});
	});

	test('a type the site does not have is skipped with the line and what to do', () => {
		const source = '::ok:: Vero? {T}\n\n\n::essay:: Racconta la storia di Docker. {}';
		const result = giftToBank(parse(source), 'en', 'docker', source);
		expect(result.skipped).toEqual([
			{
				question: 'essay',
				line: 4,
				message: {
					it: 'il sito non ha domande di tipo a risposta aperta (saggio): riscrivila nella banca come uno dei tipi del sito',
					en: "the site has no essay questions: write it into the bank as one of the site's types",
				},
			},
		]);
	});
});

describe('giftQuestionLines()', () => {
	test('the first line of each question, past comments and blank lines', () => {
		expect(
			giftQuestionLines(
				'// header\n\n$CATEGORY: a\n\n// c\n::q1:: A {T}\n\n\n// only a comment\n\n::q2::\nB\n{F}\n'
			)
		).toEqual([3, 6, 11]);
	});
});

describe('escapeGift()', () => {
	test('escapes every special character', () => {
		expect(escapeGift('a~b=c#d{e}f:g\\h')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h');
	});
});

describe('decodeGiftPlaceholders()', () => {
	test('gives back the characters gift-pegjs leaves as placeholders in matching answers', () => {
		const [question] = parse('::m:: M {=a -> b\\: c\\#d =e -> f}');
		expect(question?.matchPairs?.[0]?.subanswer).toBe('b&&058; c&&035;d');
		expect(decodeGiftPlaceholders('b&&058; c&&035;d')).toBe('b: c#d');
	});
});
