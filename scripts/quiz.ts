/**
 * `npm run -s quiz -- <command>`: the question banks from the command line.
 *   check                                        validate every bank; exit 1 on any problem
 *   export --format gift --lang it|en [--topic T] the banks as Moodle GIFT on stdout
 *   import --format gift FILE --lang it|en [--topic T] a GIFT file as a bank (YAML) on stdout
 *   schema                                       the banks' JSON Schema on stdout
 */
import { parseArgs } from 'node:util';
import giftParser from 'gift-pegjs';
import { formatProblem } from '../src/lib/quiz/bank.ts';
import { bankJsonSchema, checkAllBanks } from '../src/lib/quiz/files.ts';
import { exportGift, giftToBank, type GiftQuestion } from '../src/lib/quiz/gift.ts';
import { topics, type Topic } from '../src/lib/quiz/schema.ts';
import { readTextInput } from './text-input.ts';

/** A GIFT file is read up to 1 MB: the course's four banks, 103 questions, take 100 KB. */
const maxGiftBytes = 1024 * 1024;

const usage = `Usage:
  npm run -s quiz -- check
  npm run -s quiz -- export --format gift --lang it|en [--topic TOPIC]
  npm run -s quiz -- import --format gift FILE --lang it|en [--topic TOPIC]
  npm run -s quiz -- schema
Topics: ${topics.join(', ')}.`;

function fail(message: string): never {
	console.error(`${message}\n\n${usage}`);
	process.exit(2);
}

const { values, positionals } = (() => {
	try {
		return parseArgs({
			allowPositionals: true,
			options: { format: { type: 'string' }, lang: { type: 'string' }, topic: { type: 'string' } },
		});
	} catch (error) {
		return fail((error as Error).message);
	}
})();
const [command, file] = positionals;

const lang = (): 'it' | 'en' => {
	if (values.lang !== 'it' && values.lang !== 'en')
		fail('Say which language with --lang it or --lang en.');
	return values.lang;
};
const topic = (): Topic | undefined => {
	if (values.topic === undefined) return undefined;
	if (!(topics as readonly string[]).includes(values.topic))
		fail(`Unknown topic "${values.topic}".`);
	return values.topic as Topic;
};
const gift = () => {
	if (values.format !== 'gift') fail('The only format is GIFT: add --format gift.');
};

switch (command) {
	case 'check': {
		const { banks, problems } = checkAllBanks(process.cwd());
		for (const problem of problems) console.error(formatProblem(problem));
		const count = banks.reduce((sum, bank) => sum + (bank.bank?.questions.length ?? 0), 0);
		if (problems.length > 0) {
			console.error(
				`\n${problems.length} problem${problems.length > 1 ? 's' : ''} in the question banks.`
			);
			process.exit(1);
		}
		console.log(`${banks.length} banks, ${count} questions: all valid.`);
		break;
	}
	case 'export': {
		gift();
		const { banks, problems } = checkAllBanks(process.cwd());
		if (problems.length > 0) {
			for (const problem of problems) console.error(formatProblem(problem));
			process.exit(1);
		}
		process.stdout.write(
			exportGift(
				banks.flatMap((b) => (b.bank ? [b.bank] : [])),
				lang(),
				topic()
			)
		);
		break;
	}
	case 'import': {
		gift();
		if (!file) fail('Name the GIFT file to import.');
		const language = lang();
		const input = await readTextInput(
			file,
			{ it: 'un file GIFT', en: 'a GIFT file' },
			{
				maxBytes: maxGiftBytes,
				usualSize: {
					it: 'di cento domande occupa circa 100 KB',
					en: 'of a hundred questions takes about 100 KB',
				},
			}
		);
		if (!input.ok) {
			console.error(input.message[language]);
			process.exit(2);
		}
		let parsed: GiftQuestion[];
		try {
			parsed = giftParse(input.text);
		} catch (error) {
			const { location, message } = error as {
				location?: { start: { line: number; column: number } };
				message: string;
			};
			console.error(
				location
					? `${file}:${location.start.line}:${location.start.column}: ${message}`
					: `${file}: ${message}`
			);
			process.exit(1);
		}
		const result = giftToBank(parsed, language, topic() ?? 'docker');
		for (const line of result.skipped) console.error(`skipped ${line}`);
		console.error(`${result.imported} question${result.imported === 1 ? '' : 's'} imported.`);
		process.stdout.write(result.yaml);
		break;
	}
	case 'schema':
		process.stdout.write(bankJsonSchema());
		break;
	default:
		fail(command ? `Unknown command "${command}".` : 'Name a command.');
}

function giftParse(text: string): GiftQuestion[] {
	return (giftParser as { parse: (input: string) => GiftQuestion[] }).parse(text);
}
