import { beforeAll, describe, expect, test } from 'vitest';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';
import { translator } from '../../../src/lib/i18n/strings';
import { feedbackOf } from '../../../src/lib/quiz/attempt';
import { labFindings } from '../../../src/lib/quiz/bank-lint';
import { loadBankFiles } from '../../../src/lib/quiz/files';
import { runLab, solutionWork } from '../../../src/lib/quiz/lab';
import { labEngine, loadLabEngine } from '../../../src/lib/quiz/lab-engine';
import { isProgress } from '../../../src/lib/quiz/progress';
import { QuestionSchema, type QuestionOf } from '../../../src/lib/quiz/schema';
import { scoreQuestion, type Answer } from '../../../src/lib/quiz/score';
import { emptyAnswer, fitAnswer, isAnswered, layoutQuestion } from '../../../src/lib/quiz/session';
import { answerKey, sheetQuestion, worksheetOf } from '../../../src/lib/quiz/worksheet';
import { question, t } from './fixtures';

const it = translator(italian);
const en = translator(english);

beforeAll(async () => {
	await loadLabEngine();
});

const dockerfileLab = question('lab', {
	start: { files: { Dockerfile: 'FROM ubuntu\nRUN apt install apache2\n', 'vh.conf': 'x\n' } },
	editable: ['Dockerfile'],
	goals: [{ kind: 'image-built', tag: 'sito' }],
	solution: {
		commands: 'docker build -t sito .',
		files: { Dockerfile: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y apache2\n' },
	},
});

const lab = (commands: string, files: Record<string, string> = {}): Answer => ({
	type: 'lab',
	commands,
	files,
});

describe('the lab question type', () => {
	test('parses with its defaults: no starting commands, no files to edit', () => {
		const parsed = question('lab', {
			goals: [{ kind: 'container-absent', name: 'web' }],
			solution: { commands: 'docker rm -f web' },
		});
		expect(parsed.start).toEqual({ commands: [], files: {} });
		expect(parsed.editable).toEqual([]);
		expect(parsed.solution.files).toEqual({});
	});

	test.each([
		[{ goals: [] }, ['goals']],
		[{ goals: [{ kind: 'network' }] }, ['goals', 0, 'name']],
		[{ editable: ['compose.yaml'] }, ['editable', 0]],
		[{ solution: { commands: 'x', files: { 'vh.conf': 'y' } } }, ['solution', 'files', 'vh.conf']],
		[{ solution: { commands: '  ' } }, ['solution']],
		[{ start: { files: { '../etc/passwd': '' } } }, ['start', 'files', '../etc/passwd']],
	])('a bad lab fails at its field: %j', (change, path) => {
		const result = QuestionSchema().safeParse({ ...dockerfileLab, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
	});
});

describe('scoring a lab', () => {
	test('full marks when the host meets every goal, with the edited file', () => {
		const right = lab('docker build -t sito .', dockerfileLab.solution.files);
		expect(scoreQuestion(dockerfileLab, right)).toEqual({
			points: 1,
			max: 1,
			parts: [{ id: 'goal-0', verdict: 'correct' }],
		});
	});

	test('nothing while a goal is unmet, and its hint says why in the learner’s language', () => {
		const wrong = lab('docker build -t sito .');
		const score = scoreQuestion(dockerfileLab, wrong);
		expect(score).toMatchObject({ points: 0, parts: [{ id: 'goal-0', verdict: 'incorrect' }] });
		expect(feedbackOf(dockerfileLab, wrong, score, 'it', it, 'hint').hints).toEqual([
			expect.stringContaining('La build non è riuscita'),
		]);
		expect(feedbackOf(dockerfileLab, wrong, score, 'en', en, 'hint').hints).toEqual([
			expect.stringContaining('The build failed'),
		]);
	});

	test('an empty answer is not run and scores nothing', () => {
		const empty = emptyAnswer(dockerfileLab, layoutQuestion(dockerfileLab, 1));
		expect(isAnswered(dockerfileLab, empty)).toBe(false);
		expect(scoreQuestion(dockerfileLab, empty).parts).toEqual([
			{ id: 'goal-0', verdict: 'missed' },
		]);
		// A file edited back to what it was is no answer either.
		expect(
			isAnswered(dockerfileLab, lab('', { Dockerfile: dockerfileLab.start.files['Dockerfile']! }))
		).toBe(false);
		expect(isAnswered(dockerfileLab, lab('', { Dockerfile: 'FROM nginx\n' }))).toBe(true);
	});

	test('the right answer shown is the model solution, naming the files it fixes', () => {
		const wrong = lab('docker ps');
		const feedback = feedbackOf(
			dockerfileLab,
			wrong,
			scoreQuestion(dockerfileLab, wrong),
			'it',
			it
		);
		expect(feedback.rightAnswer).toMatchObject({
			text: 'Una soluzione: `docker build -t sito .`',
			note: 'File da correggere: `Dockerfile`',
		});
	});

	test('the transcript has Docker’s answers, and a learner’s file outside the editable ones is ignored', () => {
		const run = runLab(dockerfileLab, {
			commands: 'cat vh.conf\ndocker build -t sito .',
			files: { 'vh.conf': 'changed\n', ...dockerfileLab.solution.files },
		});
		expect(run.transcript.map((r) => r.command)).toEqual(['cat vh.conf', 'docker build -t sito .']);
		expect(run.transcript[0]!.output).toBe('x');
		expect(run.checks[0]!.met).toBe(true);
	});

	test('is the same every time: the host starts from a fixed seed', () => {
		const work = { commands: 'docker run -d nginx\ndocker ps', files: {} };
		expect(JSON.stringify(labEngine().runLab({ ...dockerfileLab, id: 'other' }, work))).toBe(
			JSON.stringify(runLab({ ...dockerfileLab, id: 'again' }, work))
		);
	});
});

describe('a stored lab answer', () => {
	test('comes back as it is; files the lab does not let the learner edit are never run', () => {
		const files = { Dockerfile: 'FROM nginx\n', 'vh.conf': 'changed' };
		const stored = { type: 'lab' as const, commands: 'cat vh.conf', files };
		expect(fitAnswer(dockerfileLab, stored)).toBe(stored);
		expect(runLab(dockerfileLab, stored).transcript[0]!.output).toBe('x');
	});

	test('is progress the device may keep, unless its files are not text', () => {
		const progress = (answer: unknown) => ({
			version: 2,
			questions: { [dockerfileLab.id]: { answer, updated: 1 } },
			attempts: {},
			reviews: {},
		});
		expect(isProgress(progress(lab('docker ps', { Dockerfile: 'x' })))).toBe(true);
		expect(isProgress(progress({ type: 'lab', commands: 'docker ps', files: { a: 1 } }))).toBe(
			false
		);
		expect(isProgress(progress({ type: 'lab', commands: 'docker ps' }))).toBe(false);
	});
});

describe('the bank check of a lab', () => {
	test('passes a lab whose solution solves it', () => {
		expect(labFindings(dockerfileLab, 'docker.yaml')).toEqual([]);
	});

	test('reports a solution that misses a goal, a start that is solved already, a file with nothing to fix', () => {
		const findings = (change: Partial<QuestionOf<'lab'>>) =>
			labFindings({ ...dockerfileLab, ...change }, 'docker.yaml').map((f) => f.message.en);
		expect(findings({ goals: [{ kind: 'image-built', tag: 'other' }] })).toEqual([
			expect.stringMatching(/^the model solution misses a goal \(image-built\)/),
		]);
		expect(findings({ goals: [{ kind: 'container-absent', name: 'web' }] })).toEqual([
			'the starting state already meets every goal: there is nothing left to do',
			expect.stringMatching(/^the commands of the solution are enough with the starting files too/),
		]);
	});
});

describe('the labs of the banks', () => {
	const labs = loadBankFiles(process.cwd())
		.flatMap((loaded) => loaded.bank?.questions ?? [])
		.filter((q): q is QuestionOf<'lab'> => q.type === 'lab');

	test('cover images and containers, volumes, networks, Dockerfiles and Compose', () => {
		expect(labs.length).toBeGreaterThanOrEqual(8);
		const kinds = new Set(labs.flatMap((q) => q.goals.map((g) => g.kind)));
		for (const kind of [
			'container-running',
			'volume-keeps',
			'reachable-by-name',
			'network',
			'image-built',
			'compose-up',
		])
			expect(kinds).toContain(kind);
		expect(labs.filter((q) => q.editable.includes('Dockerfile')).length).toBeGreaterThanOrEqual(2);
		expect(labs.filter((q) => q.editable.includes('compose.yaml')).length).toBeGreaterThanOrEqual(
			2
		);
	});

	test.each(labs.map((q) => [q.id, q] as const))(
		'%s: the solution solves it, the start does not',
		(_, q) => {
			expect(runLab(q, solutionWork(q)).checks.filter((c) => !c.met)).toEqual([]);
			expect(runLab(q, { commands: '', files: {} }).checks.every((c) => c.met)).toBe(false);
			expect(labFindings(q, 'docker.yaml')).toEqual([]);
		}
	);

	test('the lecture’s Dockerfile and Compose file are among them, with their mistakes', () => {
		const dockerfile = labs.find((q) => q.id === 'lab-fix-lecture-dockerfile')!;
		expect(dockerfile.start.files['Dockerfile']).toContain('RUN apt install apache2');
		expect(dockerfile.start.files['Dockerfile']).toContain('"FOREGROUND "');
		const compose = labs.find((q) => q.id === 'lab-fix-lecture-compose')!;
		expect(compose.start.files['compose.yaml']).toContain('subnet: 192.168.100/24');
	});
});

describe('a lab on paper', () => {
	test('prints its task, its files whole and lines for the commands', () => {
		const sheet = sheetQuestion(dockerfileLab, 1, 'it', it);
		expect(sheet).toMatchObject({
			kind: 'lab',
			prompt: 'Prompt (it)',
			files: [
				{ path: 'Dockerfile', text: 'FROM ubuntu\nRUN apt install apache2\n' },
				{ path: 'vh.conf', text: 'x\n' },
			],
		});
		expect(sheet.kind === 'lab' && sheet.lines).toBeGreaterThanOrEqual(3);
	});

	test('the key gives the model solution: its commands, and its files whole', () => {
		expect(answerKey(dockerfileLab, 'en', en)).toBe(
			'`docker build -t sito .`; Files to fix: `Dockerfile`'
		);
		const [entry] = worksheetOf([dockerfileLab], 'it', it).key;
		expect(entry!.files).toEqual([
			{ path: 'Dockerfile', text: dockerfileLab.solution.files['Dockerfile'] },
		]);
	});

	test('the other questions have no files in the key', () => {
		expect(
			worksheetOf([question('truefalse', { answer: true, prompt: t('P') })], 'it', it).key[0]!.files
		).toEqual([]);
	});
});
