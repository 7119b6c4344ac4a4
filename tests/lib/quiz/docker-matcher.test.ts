import { describe, expect, test } from 'vitest';
import {
	asksForDockerCommands,
	dockerMatcher,
	loadDockerMatcher,
} from '../../../src/lib/quiz/docker-matcher';
import { scoreQuestion } from '../../../src/lib/quiz/score';
import { question } from './fixtures';

const command = question('short', { match: 'docker', accepted: ['docker ps -a'] });
const text = question('short', { accepted: ['hypervisor'] });

describe('the Docker matcher, loaded apart', () => {
	test('scoring a Docker answer before loading it is a mistake that says so', () => {
		expect(() => scoreQuestion(command, { type: 'short', text: 'docker ps --all' })).toThrow(
			/loadDockerMatcher/
		);
		// Other answers need no matcher.
		expect(scoreQuestion(text, { type: 'short', text: 'Hypervisor.' }).points).toBe(1);
	});

	test('once loaded, Docker answers are scored by meaning', async () => {
		const matcher = await loadDockerMatcher();
		expect(dockerMatcher()).toBe(matcher);
		expect(scoreQuestion(command, { type: 'short', text: 'sudo docker ps --all' }).points).toBe(1);
	});

	test('only quizzes with Docker command answers need it', () => {
		expect(asksForDockerCommands([text])).toBe(false);
		expect(asksForDockerCommands([text, command])).toBe(true);
	});
});
