import { describe, expect, test } from 'vitest';
import {
	checkBanks,
	formatProblem,
	headingAnchors,
	parseBank,
	type HeadingIndex,
} from '../../../src/lib/quiz/bank';

const header = `topic: docker
title: { it: Docker, en: Docker }
questions:
`;

const good = `${header}  - id: volume-survives
    type: truefalse
    topic: docker
    prompt: { it: Il volume resta?, en: Does the volume stay? }
    explanation: { it: Sì., en: Yes. }
    review: { it: /docker/volumi/#che-cosa-sopravvive, en: /en/docker/volumi/#what-survives }
    answer: true
`;

function problems(text: string) {
	return parseBank(text, 'docker.yaml').problems.map(formatProblem);
}

describe('parseBank()', () => {
	test('reads a valid bank', () => {
		const { bank, problems: found } = parseBank(good, 'docker.yaml');
		expect(found).toEqual([]);
		expect(bank?.questions[0]?.id).toBe('volume-survives');
		expect(bank?.questions[0]?.points).toBe(1);
	});

	test('says where a YAML syntax error is', () => {
		expect(problems(`${header}  - id: a\n    type: single\n    type: multiple\n`)).toEqual([
			'docker.yaml:6: YAML: Map keys must be unique',
		]);
	});

	test('names the file, line, question and field of a missing language', () => {
		const text = good.replace('explanation: { it: Sì., en: Yes. }', 'explanation: { it: Sì. }');
		expect(problems(text)).toEqual([
			'docker.yaml:8: question volume-survives: explanation.en: missing (expected string)',
		]);
	});

	test('says what type a field needs when the value is of another', () => {
		const text = good.replace('    answer: true', '    answer: true\n    points: lots');
		expect(problems(text)).toEqual([
			'docker.yaml:11: question volume-survives: points: expected number',
		]);
	});

	test('refuses an empty text', () => {
		const text = good.replace(
			'prompt: { it: Il volume resta?, en: Does the volume stay? }',
			"prompt: { it: '  ', en: Does the volume stay? }"
		);
		expect(problems(text)).toEqual([
			'docker.yaml:7: question volume-survives: prompt.it: the Italian text is empty',
		]);
	});

	test('refuses a single-choice question with two right answers', () => {
		const text = `${header}  - id: two-right
    type: single
    topic: docker
    prompt: { it: P, en: P }
    explanation: { it: E, en: E }
    review: { it: /docker/volumi/#a, en: /en/docker/volumi/#a }
    choices:
      - { id: a, text: { it: A, en: A }, correct: true }
      - { id: b, text: { it: B, en: B }, correct: true }
`;
		expect(problems(text)).toEqual([
			'docker.yaml:11: question two-right: choices: a single-choice question needs exactly one right choice, and this one has 2',
		]);
	});

	test('refuses a matching pair without a partner', () => {
		const text = `${header}  - id: match
    type: matching
    topic: docker
    prompt: { it: P, en: P }
    explanation: { it: E, en: E }
    review: { it: /docker/volumi/#a, en: /en/docker/volumi/#a }
    pairs:
      - { id: a, left: { it: A, en: A }, right: { it: X, en: X } }
      - { id: b, left: { it: B, en: B } }
`;
		expect(problems(text)).toEqual([
			'docker.yaml:12: question match: pairs.1.right: missing (expected object)',
		]);
	});

	test('refuses an unknown field, a wrong type and a category that does not exist', () => {
		const text = `${header}  - id: sort
    type: categorize
    topic: docker
    prompt: { it: P, en: P }
    explanation: { it: E, en: E }
    review: { it: /docker/volumi/#a, en: /en/docker/volumi/#a }
    hint: nope
    categories:
      - { id: a, text: { it: A, en: A } }
      - { id: b, text: { it: B, en: B } }
    items:
      - { id: x, text: { it: X, en: X }, category: a }
      - { id: y, text: { it: Y, en: Y }, category: c }
`;
		expect(problems(text)).toEqual([
			'docker.yaml:4: question sort: unknown field "hint"',
			'docker.yaml:16: question sort: items.1.category: there is no category "c"; the categories are a, b',
		]);
	});

	test('refuses a question of another topic and a duplicate id in one bank', () => {
		const text =
			good + good.slice(header.length).replace('topic: docker', 'topic: hypervisor-types');
		expect(problems(text)).toEqual([
			'docker.yaml:11: question volume-survives: id: the id "volume-survives" is used twice in this bank',
			'docker.yaml:13: question volume-survives: topic: the bank is about "docker" but this question says "hypervisor-types"',
		]);
	});
});

describe('checkBanks()', () => {
	const headings: HeadingIndex = new Map([
		['/docker/volumi/', new Set(['che-cosa-sopravvive'])],
		['/en/docker/volumi/', new Set(['what-survives'])],
	]);

	test('accepts review links to existing headings', () => {
		expect(checkBanks([parseBank(good, 'docker.yaml')], headings)).toEqual([]);
	});

	test('finds the same id in two banks', () => {
		const found = checkBanks([parseBank(good, 'a.yaml'), parseBank(good, 'b.yaml')]).map(
			formatProblem
		);
		expect(found).toEqual([
			'b.yaml: question volume-survives: id: the same id is already used in a.yaml; ids must be unique across every bank',
		]);
	});

	test('finds review links to headings or pages that do not exist', () => {
		const text = good
			.replace('#what-survives', '#nothing')
			.replace('/docker/volumi/#che', '/docker/volumes/#che');
		expect(checkBanks([parseBank(text, 'docker.yaml')], headings).map(formatProblem)).toEqual([
			'docker.yaml: question volume-survives: review.it: there is no page /docker/volumes/',
			'docker.yaml: question volume-survives: review.en: the page /en/docker/volumi/ has no heading with the anchor "#nothing"',
		]);
	});
});

describe('headingAnchors()', () => {
	test('slugs headings like Starlight, skipping code blocks and front matter', () => {
		const source = `---\ntitle: '# not a heading'\n---\n\n## Che cos'è la virtualizzazione\n\n\`\`\`sh\n# a comment\n\`\`\`\n\n### Il \`Dockerfile\` passo per passo\n\n## Riepilogo\n## Riepilogo\n`;
		expect([...headingAnchors(source)]).toEqual([
			'che-cosè-la-virtualizzazione',
			'il-dockerfile-passo-per-passo',
			'riepilogo',
			'riepilogo-1',
		]);
	});
});
