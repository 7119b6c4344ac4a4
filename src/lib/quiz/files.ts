/**
 * The question banks and chapters on disk. Node only: used by the content loader at build time
 * and by the command line, never by the pages' scripts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import {
	checkBanks,
	headingAnchors,
	parseBank,
	type BankProblem,
	type HeadingIndex,
	type LoadedBank,
} from './bank.ts';
import { bankRules, lintBanks, type LintReport, type LintRules } from './bank-lint.ts';
import { BankSchema } from './schema.ts';

/** Where the banks and the chapters live, from the project's root. */
export const QUIZZES_DIR = 'src/content/quizzes';
export const DOCS_DIR = 'src/content/docs';

/** Reads and validates every bank (`*.yaml`) of a folder, in name order. */
export function loadBankFiles(root: string, dir = QUIZZES_DIR): LoadedBank[] {
	const folder = join(root, dir);
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) =>
			parseBank(readFileSync(join(folder, name), 'utf8'), join(dir, name).split(sep).join('/'))
		);
}

/** The heading anchors of every chapter, by site path (`/docker/volumi/`, `/en/docker/volumi/`). */
export function headingIndex(root: string, dir = DOCS_DIR): HeadingIndex {
	const index: HeadingIndex = new Map();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.mdx?$/.test(entry.name)) {
				const page = relative(join(root, dir), path)
					.split(sep)
					.join('/')
					.replace(/(index)?\.mdx?$/, '');
				const sitePath = `/${page}`.replace(/\/?$/, '/');
				index.set(sitePath, headingAnchors(readFileSync(path, 'utf8')));
			}
		}
	};
	walk(join(root, dir));
	return index;
}

/** Every bank with every problem: those of each file, then those across files. */
export function checkAllBanks(root: string): { banks: LoadedBank[]; problems: BankProblem[] } {
	const banks = loadBankFiles(root);
	const problems = [
		...banks.flatMap((bank) => bank.problems),
		...checkBanks(banks, headingIndex(root)),
	];
	return { banks, problems };
}

/**
 * The Italian site paths of the chapter pages (`/virtualizzazione/scopo/`) in the given folders
 * of the docs, in name order: every one of them must be tested by enough questions, including a
 * page no question points at yet.
 */
export function chapterPages(
	root: string,
	folders: readonly string[] = bankRules.chapterFolders,
	dir = DOCS_DIR
): string[] {
	return folders.flatMap((folder) => {
		const path = join(root, dir, folder);
		if (!existsSync(path)) return [];
		return readdirSync(path)
			.filter((name) => /\.mdx?$/.test(name))
			.sort()
			.map((name) => `/${folder}/${name.replace(/(index)?\.mdx?$/, '')}`.replace(/\/?$/, '/'));
	});
}

/**
 * The bank linter on the banks and chapters on disk: the figures and the rules that fail (only
 * for the valid banks; the invalid ones have their own problems).
 */
export function lintAllBanks(
	root: string,
	banks: readonly LoadedBank[] = loadBankFiles(root),
	rules: LintRules = bankRules
): LintReport {
	return lintBanks(banks, chapterPages(root, rules.chapterFolders), rules);
}

/** The JSON Schema of a bank, for editors (published at `/schemas/quiz-bank.json`). */
export function bankJsonSchema(): string {
	const schema = z.toJSONSchema(BankSchema(), { io: 'input', unrepresentable: 'any' });
	return `${JSON.stringify({ ...schema, title: 'Question bank of the course "Virtualizzazione e Docker"' }, null, '\t')}\n`;
}
