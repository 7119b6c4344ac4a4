import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../../../src/lib/compose/analyze';
import { lectureExample } from '../../../src/lib/compose/examples';
import type { Finding } from '../../../src/lib/compose/finding';
import {
	analysisOptions,
	currentAnalysis,
	diagramView,
	findingsAnnouncement,
	findingsView,
	isStartState,
	keepDecision,
	linkDecision,
	needsAnalysis,
	noticeOffer,
	previousToOffer,
	sameState,
	saveNotice,
	startDecision,
	type Answer,
	type NoticeKey,
} from '../../../src/lib/compose/lab';
import {
	defaultOptions,
	type ComposeState,
	type HashRead,
	type StoredRead,
} from '../../../src/lib/compose/share';
import { severities, worstSeverity, type Severity } from '../../../src/lib/findings';
import { translator } from '../../../src/lib/i18n/strings';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';

const finding = (line: number, severity: Severity): Finding => ({
	rule: 'invalid-value',
	severity,
	message: { it: 'messaggio', en: 'message' },
	line,
	column: 1,
	path: [],
});
const drawn = (name: string): Analysis => ({
	findings: [],
	diagram: { tag: 'svg', attrs: { id: name } },
	description: [`${name} in words`],
});
/** A file that cannot be read at all: half-typed YAML. */
const unreadable: Analysis = { findings: [finding(1, 'error')] };
/** A file that can be read but not drawn (too many boxes). */
const undrawable: Analysis = { findings: [], description: ['too big to draw'] };

const start = { source: lectureExample.source, analysis: drawn('server') };
const state = (text: string, options = defaultOptions): ComposeState => ({ text, options });
const fromStart = state(lectureExample.source);
const mine = state('services:\n  mine:\n    image: alpine\n');
const shared = state('services:\n  shared:\n    image: nginx\n');

const options = fc.record({
	hideDefaultNetwork: fc.boolean(),
	hideVolumes: fc.boolean(),
	direction: fc.constantFrom<'LR' | 'TB'>('LR', 'TB'),
});
const states = fc.record({ text: fc.string(), options });
const analyses = fc.record(
	{
		findings: fc.array(
			fc
				.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom(...severities))
				.map(([line, severity]) => finding(line, severity))
		),
		diagram: fc.constant({ tag: 'svg', attrs: {} }),
		description: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
	},
	{ requiredKeys: ['findings'] }
);

describe('analysisOptions()', () => {
	test('names the diagram in the page’s language, with the island’s ids and the options', () => {
		const t = translator(italian);
		const options = { hideDefaultNetwork: true, hideVolumes: false, direction: 'TB' } as const;
		expect(analysisOptions('it', t, 'lab', options)).toEqual({
			lang: 'it',
			title: { it: 'Schema del file Compose', en: 'Schema del file Compose' },
			desc: { it: italian['compose.diagram.desc'], en: italian['compose.diagram.desc'] },
			idPrefix: 'lab-svg',
			...options,
		});
	});
});

describe('which analysis the learner sees', () => {
	const answerFor = (current: ComposeState): Answer => ({
		state: current,
		analysis: drawn(`browser: ${current.text}`),
	});
	const turned = state(lectureExample.source, { ...defaultOptions, direction: 'TB' });

	test.each([
		['the starting example, before any answer', fromStart, undefined, start.analysis, true],
		['the example turned top to bottom, before any answer', turned, undefined, undefined, false],
		['another text, before any answer', mine, undefined, undefined, false],
		[
			'the analyser’s answer for this very text',
			mine,
			answerFor(mine),
			answerFor(mine).analysis,
			true,
		],
		[
			'the answer for an earlier text, while the analyser works on this one',
			shared,
			answerFor(mine),
			answerFor(mine).analysis,
			false,
		],
		[
			'the same text with other options is another state',
			state(mine.text, { ...defaultOptions, hideVolumes: true }),
			answerFor(mine),
			answerFor(mine).analysis,
			false,
		],
		[
			'back to the starting example: the server’s, not an answer for another text',
			fromStart,
			answerFor(mine),
			start.analysis,
			true,
		],
	] as const)('%s', (_, current, answer, expected, upToDate) => {
		expect(currentAnalysis(current, start, answer)).toEqual({ analysis: expected, upToDate });
	});

	test('the server’s analysis stands for exactly the starting text with default options', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.constant(lectureExample.source), fc.string()),
				options,
				(text, opts) => {
					const expected =
						text === lectureExample.source &&
						JSON.stringify(opts) === JSON.stringify(defaultOptions);
					expect(isStartState(state(text, opts), lectureExample.source)).toBe(expected);
					expect(needsAnalysis(state(text, opts), lectureExample.source)).toBe(!expected);
					expect(currentAnalysis(state(text, opts), start, undefined).analysis).toBe(
						expected ? start.analysis : undefined
					);
				}
			)
		);
	});

	test('an answer is shown as up to date exactly for the state it is of', () => {
		fc.assert(
			fc.property(states, states, (current, answered) => {
				const answer = answerFor(answered);
				const seen = currentAnalysis(current, start, answer);
				const exact = sameState(current, answered);
				if (exact) expect(seen).toEqual({ analysis: answer.analysis, upToDate: true });
				else if (!isStartState(current, start.source))
					expect(seen).toEqual({ analysis: answer.analysis, upToDate: false });
			})
		);
	});
});

describe('diagramView()', () => {
	const before = drawn('before');

	test.each([
		['a drawn file is shown as it is', drawn('now'), before, 'now', false, 'now in words', 'now'],
		[
			'half-typed YAML keeps the last diagram, marked as old',
			unreadable,
			before,
			'before',
			true,
			'before in words',
			'before',
		],
		[
			'half-typed YAML before any diagram shows none',
			unreadable,
			undefined,
			undefined,
			false,
			undefined,
			undefined,
		],
		[
			'a file too big to draw shows no diagram but its own words',
			undrawable,
			before,
			undefined,
			false,
			'too big to draw',
			'before',
		],
		[
			'no analysis yet (the analyser is loading) shows nothing',
			undefined,
			before,
			undefined,
			false,
			undefined,
			'before',
		],
	] as const)('%s', (_, analysis, lastDrawn, shown, stale, words, kept) => {
		const view = diagramView(analysis, lastDrawn);
		expect(view.shown?.diagram?.attrs.id).toBe(shown);
		expect(view.stale).toBe(stale);
		expect(view.description?.[0]).toBe(words);
		expect(view.lastDrawn?.diagram?.attrs.id).toBe(kept);
	});

	test('shows the current diagram when there is one, and an old one only while the file cannot be read', () => {
		fc.assert(
			fc.property(
				fc.option(analyses, { nil: undefined }),
				fc.option(analyses, { nil: undefined }),
				(analysis, last) => {
					const lastDrawn = last?.diagram ? last : undefined;
					const view = diagramView(analysis, lastDrawn);
					expect([analysis, lastDrawn, undefined]).toContain(view.shown);
					if (analysis?.diagram)
						expect(view).toMatchObject({ shown: analysis, stale: false, lastDrawn: analysis });
					else expect(view.lastDrawn).toBe(lastDrawn);
					expect(view.stale).toBe(view.shown !== undefined && view.shown !== analysis);
					if (view.stale) expect(analysis?.description).toBeUndefined();
				}
			)
		);
	});
});

describe('findingsView()', () => {
	test('marks the worst severity of each line and counts each severity', () => {
		const view = findingsView({
			findings: [
				finding(2, 'info'),
				finding(2, 'error'),
				finding(5, 'warning'),
				finding(7, 'info'),
			],
		});
		expect([...view.markers]).toEqual([
			[2, 'error'],
			[5, 'warning'],
			[7, 'info'],
		]);
		expect(view.counts).toEqual({ errors: 1, warnings: 1, infos: 2 });
	});

	test('has no findings, markers or counts before there is an analysis', () => {
		const view = findingsView(undefined);
		expect(view.findings).toEqual([]);
		expect(view.markers.size).toBe(0);
		expect(view.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
	});

	test('counts every finding once, and marks every line that has one with its worst', () => {
		fc.assert(
			fc.property(analyses, (analysis) => {
				const { findings, markers, counts } = findingsView(analysis);
				expect(findings).toBe(analysis.findings);
				expect(counts.errors + counts.warnings + counts.infos).toBe(findings.length);
				expect(new Set(markers.keys())).toEqual(new Set(findings.map((f) => f.line)));
				for (const [line, severity] of markers)
					expect(severity).toBe(worstSeverity(findings.filter((f) => f.line === line)));
			})
		);
	});
});

describe('findingsAnnouncement()', () => {
	const title = 'Problemi trovati';
	test.each([
		['the same findings again stay quiet', 'Errori: 1', 'Errori: 1', '', undefined],
		[
			'an action that changes nothing leaves its own message alone',
			'Errori: 1',
			'Errori: 1',
			'Caricato: X.',
			undefined,
		],
		[
			'new findings after typing are told alone',
			'Errori: 0',
			'Errori: 1',
			'',
			'Problemi trovati: Errori: 0',
		],
		[
			'new findings after an action follow what the action said',
			'Errori: 0',
			'Errori: 1',
			'Caricato: X.',
			'Caricato: X. Problemi trovati: Errori: 0',
		],
	] as const)('%s', (_, summary, announced, action, expected) => {
		expect(findingsAnnouncement({ summary, announced, action, title })).toBe(expected);
	});
});

describe('startDecision()', () => {
	const none: HashRead & StoredRead = { kind: 'none' };
	const bad: HashRead & StoredRead = { kind: 'bad' };
	const cut: HashRead = { kind: 'cut' };
	const link = (state: ComposeState) => ({ kind: 'state', state }) as const;

	test.each([
		['nothing in the link nor on the device: the example', none, none, {}],
		['the device’s copy comes back', none, link(mine), { state: mine, from: 'device' }],
		[
			'an unreadable copy on the device: the example, with a notice',
			none,
			bad,
			{ notice: 'compose.notice.storage' },
		],
		[
			'a shared link opens, to be kept once analysed',
			link(shared),
			none,
			{ state: shared, from: 'link', dropHash: true },
		],
		[
			'a shared link wins, and the device’s own text stays one click away',
			link(shared),
			link(mine),
			{ state: shared, from: 'link', previous: mine, dropHash: true },
		],
		[
			'a shared link of the same text offers nothing to restore',
			link(shared),
			link(shared),
			{ state: shared, from: 'link', dropHash: true },
		],
		[
			'a shared link wins over an unreadable copy, quietly',
			link(shared),
			bad,
			{ state: shared, from: 'link', dropHash: true },
		],
		[
			'a broken link: the example, with a notice',
			bad,
			none,
			{ notice: 'compose.notice.hash', dropHash: true },
		],
		[
			'a broken link: the device’s copy, with a notice that says so',
			bad,
			link(mine),
			{ state: mine, from: 'device', notice: 'compose.notice.hashStored', dropHash: true },
		],
		[
			'a broken link and an unreadable copy: the notice of the link',
			bad,
			bad,
			{ notice: 'compose.notice.hash', dropHash: true },
		],
		[
			'a link cut short: the example, never half a file, with a notice',
			cut,
			none,
			{ notice: 'compose.notice.cut', dropHash: true },
		],
		[
			'a link cut short: the device’s copy, with a notice that says so',
			cut,
			link(mine),
			{ state: mine, from: 'device', notice: 'compose.notice.cutStored', dropHash: true },
		],
	] as const)('%s', (_, fromHash, stored, expected) => {
		expect(startDecision(fromHash, stored)).toEqual({ dropHash: false, ...expected });
	});

	test('takes the hash out of the address bar whenever it is ours; a state always says where from', () => {
		const reads = fc.oneof(
			fc.constant(none),
			fc.constant(bad),
			states.map((state) => link(state))
		);
		const hashes = fc.oneof(reads, fc.constant(cut));
		fc.assert(
			fc.property(hashes, reads, (fromHash, stored) => {
				const decision = startDecision(fromHash, stored);
				expect(decision.dropHash).toBe(fromHash.kind !== 'none');
				expect(decision.from).toBe(
					fromHash.kind === 'state' ? 'link' : stored.kind === 'state' ? 'device' : undefined
				);
				if (fromHash.kind === 'state') expect(decision.state).toBe(fromHash.state);
				if (decision.previous) expect(decision.previous.text).not.toBe(decision.state?.text);
			})
		);
	});
});

describe('linkDecision()', () => {
	test.each([
		['a heading’s anchor is not ours', { kind: 'none' }, { dropHash: false }],
		[
			'a broken link leaves the text alone and says so',
			{ kind: 'bad' },
			{ notice: 'compose.notice.hashKept', dropHash: true },
		],
		[
			'a link cut short leaves the text alone and says so',
			{ kind: 'cut' },
			{ notice: 'compose.notice.cutKept', dropHash: true },
		],
		[
			'a shared link replaces the text, which stays one click away',
			{ kind: 'state', state: shared },
			{ state: shared, previous: mine, dropHash: true },
		],
		[
			'a link to the same text offers nothing to restore',
			{ kind: 'state', state: mine },
			{ state: mine, dropHash: true },
		],
	] as const)('%s', (_, read, expected) => {
		expect(linkDecision(read, mine)).toEqual(expected);
	});
});

describe('keepDecision()', () => {
	const limit = (severity: Severity): Analysis => ({
		findings: [{ ...finding(1, severity), rule: 'input-limit' }],
	});

	test.each([
		['a shared file that was drawn is kept', 'link', drawn('ok'), { save: true }],
		['a shared file with mistakes is kept too', 'link', unreadable, { save: true }],
		[
			'a shared file too large to draw is not kept, and the learner hears why',
			'link',
			limit('info'),
			{ save: false, notice: 'compose.notice.linkTooBig' },
		],
		[
			'a shared file too large to read is not kept either',
			'link',
			limit('error'),
			{ save: false, notice: 'compose.notice.linkTooBig' },
		],
		['the device’s own copy needs no saving', 'device', drawn('ok'), { save: false }],
		[
			'the device’s copy too large to draw: the learner hears why',
			'device',
			limit('info'),
			{ save: false, notice: 'compose.notice.storedTooBig' },
		],
	] as const)('%s', (_, from, analysis, expected) => {
		expect(keepDecision(from, analysis)).toEqual(expected);
	});
});

describe('saveNotice()', () => {
	test.each([
		['a kept text says nothing', null, [], undefined],
		['no storage at all', 'unavailable', [], 'compose.notice.notKept'],
		['storage full', 'full', [], 'compose.notice.full'],
		['no storage, told before', 'unavailable', ['unavailable'], undefined],
		['storage full after no storage: a new reason', 'full', ['unavailable'], 'compose.notice.full'],
		['storage full, told before', 'full', ['full', 'unavailable'], undefined],
	] as const)('%s', (_, failure, told, expected) => {
		expect(saveNotice(failure, new Set(told))).toBe(expected);
	});
});

describe('noticeOffer()', () => {
	test('the notices about a text the device does not keep offer it as a download', () => {
		for (const notice of [
			'compose.notice.notKept',
			'compose.notice.full',
			'compose.notice.linkTooBig',
			'compose.notice.storedTooBig',
		] as const)
			expect(noticeOffer(notice), notice).toBe('text');
		expect(noticeOffer('compose.notice.storage')).toBe('stored');
		expect(noticeOffer('compose.notice.hash')).toBeUndefined();
		expect(noticeOffer('compose.notice.cut')).toBeUndefined();
	});

	test('every notice has its words in both languages', () => {
		for (const notice of [
			'compose.notice.hash',
			'compose.notice.hashKept',
			'compose.notice.hashStored',
			'compose.notice.cut',
			'compose.notice.cutKept',
			'compose.notice.cutStored',
			'compose.notice.storage',
			'compose.notice.notKept',
			'compose.notice.full',
			'compose.notice.linkTooBig',
			'compose.notice.storedTooBig',
			'compose.notice.download',
			'compose.notice.downloadStored',
		] satisfies (NoticeKey | `compose.notice.${string}`)[]) {
			expect(italian[notice], notice).toBeTruthy();
			expect(english[notice], notice).toBeTruthy();
			expect(italian[notice]).not.toBe(english[notice]);
		}
	});
});

describe('previousToOffer()', () => {
	test('offers the replaced state back exactly when its text differs', () => {
		fc.assert(
			fc.property(states, states, (current, next) => {
				expect(previousToOffer(current, next)).toBe(
					current.text === next.text ? undefined : current
				);
			})
		);
	});
});
