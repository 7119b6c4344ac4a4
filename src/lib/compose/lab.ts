/**
 * What the Compose generator decides, apart from the island that wires it to the page: how the
 * text is analysed, which analysis the learner sees and whether it is out of date, what the editor
 * marks and the findings list counts, when the findings are announced, and what a shared link or
 * the device's copy opens with.
 */
import { countBySeverity, worstByLine, type Severity } from '../findings.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import type { Analysis, AnalyzeOptions } from './analyze.ts';
import type { Finding } from './finding.ts';
import {
	defaultOptions,
	type ComposeState,
	type DiagramOptions,
	type HashRead,
	type StoredRead,
} from './share.ts';

/** The analysis options, the same on the server and in the browser so the two drawings match. */
export function analysisOptions(
	lang: Locale,
	t: Translate,
	id: string,
	options: DiagramOptions
): AnalyzeOptions {
	// The page has one language: the diagram's name is in it whatever the analysis is asked for.
	const both = (key: string) => {
		const text = t(key);
		return { it: text, en: text };
	};
	return {
		lang,
		title: both('compose.diagram.title'),
		desc: both('compose.diagram.desc'),
		idPrefix: `${id}-svg`,
		...options,
	};
}

/** Whether the state is the starting example as the server analysed it: its text, default options. */
export function isStartState(state: ComposeState, startSource: string): boolean {
	return sameState(state, { text: startSource, options: defaultOptions });
}

/** Whether two states are the same text with the same options. */
export function sameState(a: ComposeState, b: ComposeState): boolean {
	return (
		a.text === b.text &&
		(Object.keys(defaultOptions) as (keyof DiagramOptions)[]).every(
			(name) => a.options[name] === b.options[name]
		)
	);
}

/** The starting example as the server drew it (with what else the island shows, `A`). */
export interface StartAnalysis<A extends Analysis = Analysis> {
	source: string;
	analysis: A;
}

/** What the analyser last answered: the state it analysed, and its analysis. */
export interface Answer<A extends Analysis = Analysis> {
	state: ComposeState;
	analysis: A;
}

/** The analysis to show, and whether it is of the state on screen. */
export interface CurrentAnalysis<A extends Analysis = Analysis> {
	/** `undefined` before the analyser has answered anything (except for the starting example). */
	analysis: A | undefined;
	/** Whether `analysis` is of this very state; else it is of an earlier one, until the answer. */
	upToDate: boolean;
}

/**
 * Whether the state needs the analyser: the starting example as the server analysed it does not,
 * so a learner who only reads the page never waits for it.
 */
export function needsAnalysis(state: ComposeState, startSource: string): boolean {
	return !isStartState(state, startSource);
}

/**
 * What the learner sees of the state. The analyser answers a moment after each pause in typing:
 * its answer for this very state, or the server's for the starting example, is exact; while the
 * analyser works, its answer for an earlier state stays on screen (the findings do not blink away
 * at every pause); before its first answer, only the starting example has one.
 */
export function currentAnalysis<A extends Analysis>(
	state: ComposeState,
	start: StartAnalysis<A>,
	answer: Answer<A> | undefined
): CurrentAnalysis<A> {
	if (answer && sameState(answer.state, state))
		return { analysis: answer.analysis, upToDate: true };
	if (isStartState(state, start.source)) return { analysis: start.analysis, upToDate: true };
	return { analysis: answer?.analysis, upToDate: false };
}

/** What the diagram pane shows for the current analysis. */
export interface DiagramView {
	/** The analysis whose diagram is drawn; `undefined` when there is none to draw. */
	shown: Analysis | undefined;
	/** Whether the drawing is of an earlier text, because the current one cannot be read. */
	stale: boolean;
	/** The topology in words: the current text's, else the drawing's. */
	description: readonly string[] | undefined;
	/** The last analysis with a diagram, to keep on screen the next time the file cannot be read. */
	lastDrawn: Analysis | undefined;
}

/**
 * What to draw. A text that cannot be read at all (half-typed YAML: no diagram, no description)
 * keeps the last diagram on screen, marked as old; a text that can be read but not drawn (too
 * many boxes) shows none, and no analysis yet (the analyser is loading) shows none either.
 */
export function diagramView(
	analysis: Analysis | undefined,
	lastDrawn: Analysis | undefined
): DiagramView {
	const drawn = analysis?.diagram ? analysis : lastDrawn;
	const unreadable =
		analysis !== undefined && analysis.diagram === undefined && analysis.description === undefined;
	const shown = analysis?.diagram ? analysis : unreadable ? lastDrawn : undefined;
	return {
		shown,
		stale: shown !== undefined && shown !== analysis,
		description: analysis?.description ?? shown?.description,
		lastDrawn: drawn,
	};
}

/** The values of the `compose.findings.count` string: how many findings of each severity. */
export type FindingCounts = Record<'errors' | 'warnings' | 'infos', number>;

/** The findings as the editor and the findings list show them. */
export interface FindingsView {
	/** Every finding, in the analysis's order (by position); none before there is an analysis. */
	findings: readonly Finding[];
	/** The worst severity of each line that has a finding, for the editor's gutter. */
	markers: ReadonlyMap<number, Severity>;
	counts: FindingCounts;
}

/** The findings of the analysis, their line markers and their counts. */
export function findingsView(analysis: Analysis | undefined): FindingsView {
	const findings = analysis?.findings ?? [];
	const { error, warning, info } = countBySeverity(findings);
	return {
		findings,
		markers: worstByLine(findings),
		counts: { errors: error, warnings: warning, infos: info },
	};
}

/** What the live region may say about the findings. */
export interface FindingsAnnouncement {
	/** The findings' summary now (`compose.findings.count`, filled in). */
	summary: string;
	/** The summary last announced. */
	announced: string;
	/** What the learner's last action said, if it said anything ("Loaded: …"); else empty. */
	action: string;
	/** The name of the findings list (`compose.findings.title`). */
	title: string;
}

/**
 * What to announce when the findings' summary changes: the learner's action, then the new count.
 * Nothing when the summary is the one last announced, so that analysing the same findings again
 * (each pause in typing) stays quiet.
 */
export function findingsAnnouncement({
	summary,
	announced,
	action,
	title,
}: FindingsAnnouncement): string | undefined {
	if (summary === announced) return undefined;
	return `${action} ${title}: ${summary}`.trim();
}

/** The notices the generator can show, by their full key in the UI strings. */
export type NoticeKey =
	| 'compose.notice.hash'
	| 'compose.notice.hashKept'
	| 'compose.notice.hashStored'
	| 'compose.notice.cut'
	| 'compose.notice.cutKept'
	| 'compose.notice.cutStored'
	| 'compose.notice.storage'
	| 'compose.notice.notKept'
	| 'compose.notice.full'
	| 'compose.notice.linkTooBig'
	| 'compose.notice.storedTooBig';

/**
 * What a notice offers to download, so that nothing is lost: the text on screen (`text`) when the
 * device does not keep it, or what the device held (`stored`) when it could not be read and the
 * learner's next edit would replace it.
 */
export function noticeOffer(notice: NoticeKey): 'text' | 'stored' | undefined {
	switch (notice) {
		case 'compose.notice.storage':
			return 'stored';
		case 'compose.notice.notKept':
		case 'compose.notice.full':
		case 'compose.notice.linkTooBig':
		case 'compose.notice.storedTooBig':
			return 'text';
		default:
			return undefined;
	}
}

/**
 * The state to offer back ("restore the previous text") when `next` replaces `current`: none
 * when the text stays the same, since there would be nothing to restore.
 */
export function previousToOffer(
	current: ComposeState,
	next: ComposeState
): ComposeState | undefined {
	return current.text === next.text ? undefined : current;
}

/** Where an opened state comes from: a shared link, or the device's own copy. */
export type OpenedFrom = 'link' | 'device';

/** How the generator starts, from the link it was opened with and what the device kept. */
export interface StartDecision {
	/** The state to show instead of the starting example; `undefined` keeps the example. */
	state?: ComposeState;
	/** Where `state` comes from: it is kept on the device only once analysed (`keepDecision`). */
	from?: OpenedFrom;
	/** The notice to show, if any. */
	notice?: NoticeKey;
	/** What to offer back with one click; none withdraws an earlier offer. */
	previous?: ComposeState;
	/** Whether the hash is ours, so it leaves the address bar (a reload must not undo later edits). */
	dropHash: boolean;
}

/**
 * A shared link wins over the device's copy, which stays one click away; else the device's copy
 * wins over the example. What cannot be read is reported, and so is a link cut short, saying
 * what was loaded instead: half a file is never opened as if it were whole.
 */
export function startDecision(fromHash: HashRead, stored: StoredRead): StartDecision {
	const dropHash = fromHash.kind !== 'none';
	if (fromHash.kind === 'state') {
		const previous =
			stored.kind === 'state' ? previousToOffer(stored.state, fromHash.state) : undefined;
		return { state: fromHash.state, from: 'link', ...(previous && { previous }), dropHash };
	}
	const cut = fromHash.kind === 'cut';
	if (stored.kind === 'state')
		return {
			state: stored.state,
			from: 'device',
			...(fromHash.kind !== 'none' && {
				notice: cut
					? ('compose.notice.cutStored' as const)
					: ('compose.notice.hashStored' as const),
			}),
			dropHash,
		};
	if (fromHash.kind !== 'none')
		return { notice: cut ? 'compose.notice.cut' : 'compose.notice.hash', dropHash };
	if (stored.kind === 'bad') return { notice: 'compose.notice.storage', dropHash };
	return { dropHash };
}

/** What a link opened while the generator is on screen (the hash changed) does. */
export interface LinkDecision {
	/** The state to show, kept on the device once analysed; `undefined` leaves the text alone. */
	state?: ComposeState;
	/** The notice to show, if any. */
	notice?: NoticeKey;
	/** What to offer back with one click; none withdraws an earlier offer. */
	previous?: ComposeState;
	/** Whether the hash is ours, so it leaves the address bar. */
	dropHash: boolean;
}

/**
 * A link of ours replaces the text on screen, which stays one click away; a link that cannot be
 * read, or was cut short, leaves the text alone and says so; any other hash (a heading's anchor)
 * is not ours.
 */
export function linkDecision(read: HashRead, current: ComposeState): LinkDecision {
	if (read.kind === 'none') return { dropHash: false };
	if (read.kind === 'bad') return { notice: 'compose.notice.hashKept', dropHash: true };
	if (read.kind === 'cut') return { notice: 'compose.notice.cutKept', dropHash: true };
	const previous = previousToOffer(current, read.state);
	return { state: read.state, ...(previous && { previous }), dropHash: true };
}

/** What to do with an opened state once the analyser has read it. */
export interface KeepDecision {
	/** Whether the device keeps it now. */
	save: boolean;
	notice?: NoticeKey;
}

/**
 * A shared link replaces the device's copy only once it has been analysed and found within the
 * analyser's limits: a file too large to draw, or to read at all, stays in the editor with a
 * notice (and a download), while the device keeps what it had, until the learner edits the text.
 * The device's own copy needs no saving; if it is past the limits, the learner hears why.
 */
export function keepDecision(from: OpenedFrom, analysis: Analysis): KeepDecision {
	const tooBig = analysis.findings.some((finding) => finding.rule === 'input-limit');
	if (!tooBig) return { save: from === 'link' };
	return {
		save: false,
		notice: from === 'link' ? 'compose.notice.linkTooBig' : 'compose.notice.storedTooBig',
	};
}

/** Why the device refused to keep the text: no storage at all, or storage full. */
export type SaveFailure = 'unavailable' | 'full';

/**
 * The notice a write calls for: none when it was kept, and each reason is told only once (the
 * learner is saving at every pause in typing), storage full apart from no storage at all, since
 * a full storage can be freed.
 */
export function saveNotice(
	failure: SaveFailure | null,
	told: ReadonlySet<SaveFailure>
): NoticeKey | undefined {
	if (!failure || told.has(failure)) return undefined;
	return failure === 'full' ? 'compose.notice.full' : 'compose.notice.notKept';
}
