import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../lib/quiz/bank';
import { formatLintFigures, formatLintReport } from '../lib/quiz/bank-lint';
import { checkAllBanks, DOCS_DIR, lintAllBanks, QUIZZES_DIR } from '../lib/quiz/files';

/**
 * Loads the question banks of `src/content/quizzes/`, one entry per topic. Any problem in any bank
 * (or across banks: duplicate ids, review links to missing headings) stops the build with one
 * line per problem: `file:line: question id: field: what is wrong`. So does a bank that gives its
 * keys away (the bank linter's rules: true/false balance, right choice not the longest, no
 * near-duplicate prompts, enough questions per chapter), with the figures of every bank and
 * chapter, as `quiz check` prints them.
 */
export function quizLoader(): Loader {
	return {
		name: 'quiz-banks',
		load: ({ config, store, logger, watcher }) => {
			const root = fileURLToPath(config.root);
			const sync = () => {
				const { banks, problems } = checkAllBanks(root);
				if (problems.length > 0) {
					throw new Error(
						`The question banks have ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems.map(formatProblem).join('\n')}`
					);
				}
				const report = lintAllBanks(root, banks);
				if (report.findings.length > 0) {
					const count = report.findings.length;
					throw new Error(
						`The question banks break ${count} rule${count > 1 ? 's' : ''} against guessable answers:\n${formatLintReport(report, 'en')}`
					);
				}
				store.clear();
				for (const { bank } of banks) if (bank) store.set({ id: bank.topic, data: bank });
				logger.info(`${banks.length} question banks loaded\n${formatLintFigures(report, 'en')}`);
			};
			sync();
			watcher?.on('change', (path) => {
				if (path.includes(QUIZZES_DIR) || path.includes(DOCS_DIR)) {
					try {
						sync();
					} catch (error) {
						logger.error((error as Error).message);
					}
				}
			});
			return Promise.resolve();
		},
	};
}
