import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../lib/quiz/bank';
import { checkAllBanks, DOCS_DIR, QUIZZES_DIR } from '../lib/quiz/files';

/**
 * Loads the question banks of `src/content/quizzes/`, one entry per topic. Any problem in any bank
 * (or across banks: duplicate ids, review links to missing headings) stops the build with one
 * line per problem: `file:line: question id: field: what is wrong`.
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
				store.clear();
				for (const { bank } of banks) if (bank) store.set({ id: bank.topic, data: bank });
				logger.info(`${banks.length} question banks loaded`);
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
