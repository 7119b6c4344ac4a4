/**
 * The `localStorage` key of the learner's progress, apart from `progress.ts` so that the home
 * page can look for progress without loading the code that reads it.
 */
export const PROGRESS_KEY = 'virtualizzazione-docker:quiz-progress';
