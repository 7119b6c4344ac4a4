/**
 * `quiz export` and `quiz import` as an instructor runs them: the format and the banks chosen
 * on the command line, what is said on standard error, and the exit status.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { topics } from '../../../src/lib/quiz/schema';

const root = join(import.meta.dirname, '../../..');

/** Each run starts Node and reads every bank and chapter: seconds on a busy machine. */
const slow = 30_000;

function quiz(...args: string[]) {
	return spawnSync(process.execPath, ['scripts/quiz.ts', ...args], { cwd: root, encoding: 'utf8' });
}

/** The question types of a Moodle XML file, category entries included. */
function xmlTypes(xml: string): string[] {
	const parsed = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		isArray: (name) => name === 'question',
	}).parse(xml) as { quiz: { question: { type: string }[] } };
	return parsed.quiz.question.map((q) => q.type);
}

describe('quiz export', () => {
	test(
		'--format moodle-xml writes one Moodle XML file of the banks named, in their order',
		() => {
			const result = quiz(
				'export',
				'--format',
				'moodle-xml',
				'--lang',
				'en',
				'hypervisor-types',
				'src/content/quizzes/docker.yaml'
			);
			expect(result).toMatchObject({ status: 0 });
			// The labs stay out, each said on the standard error.
			const said = result.stderr.trim().split('\n');
			expect(said.length).toBeGreaterThanOrEqual(8);
			for (const line of said)
				expect(line).toMatch(
					/^src\/content\/quizzes\/docker\.yaml: lab-[a-z-]+: not exportable \(lab\)/
				);
			expect(XMLValidator.validate(result.stdout)).toBe(true);
			const types = xmlTypes(result.stdout);
			expect(types.filter((type) => type === 'category')).toHaveLength(2);
			expect(types).toContain('ordering');
			expect(result.stdout).toContain(
				'<category><text>Virtualization and Docker/Hypervisor types</text>'
			);
			expect(result.stdout.indexOf('Hypervisor types')).toBeLessThan(
				result.stdout.indexOf('Virtualization and Docker/Docker')
			);
		},
		slow
	);

	test(
		'without a bank, every bank; a bank may also be named by its file name',
		() => {
			const all = quiz('export', '--format', 'gift', '--lang', 'it');
			expect(all.status).toBe(0);
			expect(all.stdout.match(/^\$CATEGORY: /gm)).toHaveLength(topics.length);
			const one = quiz('export', '--format', 'gift', '--lang', 'it', 'docker.yaml');
			expect(one.stdout.match(/^\$CATEGORY: .*$/gm)).toEqual([
				'$CATEGORY: Virtualizzazione e Docker/Docker',
			]);
		},
		slow
	);

	test(
		'an unknown bank is a usage error that lists the banks',
		() => {
			const result = quiz('export', '--format', 'moodle-xml', '--lang', 'it', 'kubernetes');
			expect(result).toMatchObject({ status: 2, stdout: '' });
			expect(result.stderr).toMatch(
				/^Non c'è una banca kubernetes\. Le banche sono: docker, forensics, hypervisor-types, /
			);
		},
		slow
	);

	test(
		'an unknown format is a usage error in the language asked',
		() => {
			const result = quiz('export', '--format', 'qti', '--lang', 'en');
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(
				/^Invalid value for --format: qti \(allowed: gift, moodle-xml\)/
			);
		},
		slow
	);

	test(
		'--help names both formats and says how to import into Moodle',
		() => {
			const it = quiz('--help').stdout;
			expect(it).toContain('--format gift|moodle-xml');
			expect(it).toContain('categoria dal file');
			expect(quiz('--help', '--lang', 'en').stdout).toContain('tick "Get category from file"');
		},
		slow
	);
});

describe('quiz import', () => {
	test(
		'a skipped question is told with its file, line, id and what to do',
		() => {
			const file = join(mkdtempSync(join(tmpdir(), 'gift-')), 'moodle.gift');
			writeFileSync(
				file,
				'::vm:: Il guest gira sopra l’hypervisor? {T}\n\n// Un saggio\n::saggio:: Racconta. {}\n'
			);
			const result = quiz('import', '--format', 'gift', file, '--lang', 'it');
			expect(result.status).toBe(0);
			expect(result.stderr).toContain(
				`${file}:4: saggio: domanda saltata: il sito non ha domande di tipo a risposta aperta (saggio): riscrivila nella banca come uno dei tipi del sito\n`
			);
			expect(result.stderr).toContain('1 domanda importata.');
		},
		slow
	);

	test(
		'Moodle XML cannot be imported: the message says to use GIFT',
		() => {
			const result = quiz('import', '--format', 'moodle-xml', 'quiz.xml', '--lang', 'en');
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(
				/^Only GIFT can be imported, not moodle-xml: export the questions from Moodle as GIFT/
			);
		},
		slow
	);
});
