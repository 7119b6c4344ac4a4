/**
 * Rules about installing software in RUN, after hadolint's: apk and pip packages without a
 * version, downloads with wget and curl, and RUNs in a row that could be one layer.
 */
import type { Hit, LintContext, Rule } from './context.ts';
import type { Flag, Instruction, RunInstruction } from './model.ts';
import { printFlag } from './print.ts';
import { calls, unpinnedHit, unpinnedMessage, type Call } from './rules-shell.ts';
import { programIndex, type Word } from '../shell.ts';

const docs = '/docker/dockerfile/';

const apkPin = {
	it: "per esempio curl=8.9.1-r2, oppure curl~8.9 per accettare qualsiasi 8.9.x: i repository di Alpine di solito tengono solo l'ultima versione di ogni pacchetto, e una versione esatta prima o poi non si trova più",
	en: "for example curl=8.9.1-r2, or curl~8.9 to accept any 8.9.x: Alpine's repositories usually keep only the latest version of each package, so an exact one sooner or later disappears",
};

const pipPin = {
	it: 'per esempio flask==3.0.3, oppure elenca le versioni in un requirements.txt e installa con pip install -r requirements.txt',
	en: 'for example flask==3.0.3, or list the versions in a requirements.txt and install with pip install -r requirements.txt',
};

/** apk options whose value is the next word (`-t .build-deps`), as hadolint lists them. */
const apkValueOptions = new Set(['t', 'virtual', 'repository', 'X']);

/** pip install options whose value is the next word, as hadolint lists them. */
const pipValueOptions = new Set([
	'abi',
	'b',
	'build',
	'e',
	'editable',
	'extra-index-url',
	'f',
	'find-links',
	'i',
	'index-url',
	'implementation',
	'no-binary',
	'only-binary',
	'platform',
	'prefix',
	'progress-bar',
	'proxy',
	'python',
	'python-version',
	'root',
	'root-user-action',
	'src',
	't',
	'target',
	'trusted-host',
	'upgrade-strategy',
]);

/** pip's version-control schemes: such a requirement is pinned by an `@` revision. */
const vcsPrefixes = ['git', 'hg+', 'svn', 'bzr+'];

/** The package and download rules, in the order the linter runs them. */
export const packageRules: Rule[] = [
	{
		id: 'apk-unpinned',
		counterpart: 'DL3018',
		severity: 'info',
		docs,
		message: unpinnedMessage([], apkPin),
		check: (context) =>
			calls(context)
				.filter((call) => call.program === 'apk' && call.args.some((arg) => arg.text === 'add'))
				.flatMap((call) =>
					unpinnedHit(
						call,
						operands(call.args, apkValueOptions).filter(
							(word) => word.text !== 'add' && !/[=~<>]|\.apk$/.test(word.text)
						),
						apkPin
					)
				),
	},
	{
		id: 'pip-unpinned',
		counterpart: 'DL3013',
		severity: 'info',
		docs,
		message: unpinnedMessage([], pipPin),
		check: (context) =>
			calls(context).flatMap((call) => {
				const install = pipInstallArgs(call);
				if (!install || usesRequirements(install)) return [];
				const words = operands(install, pipValueOptions);
				const packages = words.slice(words.findIndex((word) => word.text === 'install') + 1);
				return unpinnedHit(call, packages.filter(isUnpinnedRequirement), pipPin);
			}),
	},
	{
		id: 'wget-progress',
		counterpart: 'DL3047',
		severity: 'info',
		docs,
		message: {
			it: "Quando l'output non è un terminale, come durante la build, wget mostra l'avanzamento con una fila di puntini ogni 50 KB: per un file grande il log della build si riempie di migliaia di righe. Aggiungi --progress=dot:giga, oppure -nv o -q per un output minimo.",
			en: 'When its output is not a terminal, as during a build, wget shows progress as a row of dots for every 50 KB: for a large file the build log fills with thousands of lines. Add --progress=dot:giga, or -nv or -q for minimal output.',
		},
		check: (context) =>
			calls(context)
				.filter((call) => call.program === 'wget' && !call.args.some(quietsWget))
				.map((call) => ({ node: call.node, range: call.view.rangeOf(call.programWord) })),
	},
	{
		id: 'curl-and-wget',
		counterpart: 'DL4001',
		severity: 'warning',
		docs,
		message: {
			it: "In questo stage usi sia curl sia wget, che fanno lo stesso lavoro: scegline uno e usalo per tutti gli scaricamenti, così l'immagine non deve installarli entrambi.",
			en: 'This stage uses both curl and wget, which do the same job: pick one for every download, so the image need not install both.',
		},
		check(context) {
			// One finding per stage, where the second tool first appears (hadolint repeats it on
			// every later RUN that downloads).
			const first = new Map<number, string>();
			const reported = new Set<number>();
			return calls(context).flatMap((call): Hit[] => {
				const { index } = call.stage;
				if (call.program !== 'curl' && call.program !== 'wget') return [];
				const seen = first.get(index);
				if (seen === undefined) first.set(index, call.program);
				if (seen === undefined || seen === call.program || reported.has(index)) return [];
				reported.add(index);
				return [{ node: call.node, range: call.view.rangeOf(call.programWord) }];
			});
		},
	},
	{
		id: 'consecutive-run',
		counterpart: 'DL3059',
		severity: 'info',
		docs,
		message: {
			it: "Questo RUN viene subito dopo un altro RUN: ognuno aggiunge un layer all'immagine. Se i comandi vanno insieme, uniscili in un solo RUN con && (tienili separati solo se vuoi che la cache di Docker li riusi uno per uno).",
			en: "This RUN comes right after another one: each adds a layer to the image. If the commands belong together, join them in one RUN with && (keep them apart only if you want Docker's cache to reuse them one by one).",
		},
		check: (context) =>
			context.stages.flatMap((stage) => {
				let previous: RunInstruction | null = null;
				return stage.instructions.flatMap((node): Hit[] => {
					const before = previous;
					previous = node.kind === 'run' ? node : null;
					if (node.kind !== 'run' || !before || !mergeable(context, before, node)) return [];
					return [keywordHit(context, node)];
				});
			}),
	},
];

/**
 * The words that are not options nor the value of an option in `withValue` (named without
 * dashes): `apk add -t .deps gcc` gives `add` and `gcc`. A short cluster such as `-qt` takes a
 * value when one of its letters does, as in hadolint.
 */
function operands(args: readonly Word[], withValue: ReadonlySet<string>): Word[] {
	const found: Word[] = [];
	for (let index = 0; index < args.length; index += 1) {
		const word = args[index];
		if (!word) continue;
		if (!isOption(word.text)) {
			found.push(word);
			continue;
		}
		if (word.text.includes('=')) continue;
		const long = word.text.startsWith('--');
		const names = long ? [word.text.slice(2)] : [...word.text.slice(1)];
		if (names.some((name) => withValue.has(name))) index += 1;
	}
	return found;
}

function isOption(text: string): boolean {
	return text.startsWith('-') && text !== '-' && text !== '--';
}

/** The options of a word: `--no-verbose` gives `no-verbose`, `-qO-` gives `q`, `O` and `-`. */
function optionNames(text: string): string[] {
	if (!isOption(text)) return [];
	if (text.startsWith('--')) return [text.slice(2).split('=')[0] ?? ''];
	return [...text.slice(1)];
}

/** `pip install …` or `python -m pip install …`: the words from `install` on, or `null`. */
function pipInstallArgs(call: Call): Word[] | null {
	const viaPython =
		/^python[\d.]*$/.test(call.program) &&
		call.args[0]?.text === '-m' &&
		/^pip[\d.]*$/.test(call.args[1]?.text ?? '');
	if (!viaPython && !/^pip[\d.]*$/.test(call.program)) return null;
	const args = viaPython ? call.args.slice(2) : call.args;
	return args.some((arg) => arg.text === 'install') ? args : null;
}

/** Installs from a requirements file, a constraints file or the project itself. */
function usesRequirements(args: readonly Word[]): boolean {
	return args.some(
		(arg) =>
			['-r', '--requirement', '.'].includes(arg.text) ||
			arg.text.startsWith('--requirement=') ||
			optionNames(arg.text).some((name) => name === 'c' || name === 'constraint')
	);
}

/** A requirement with no version: not `flask==3.0`, `flask>=3`, a path, a URL, a wheel. */
function isUnpinnedRequirement(word: Word): boolean {
	const { text } = word;
	const versioned = /[=<>!~]=|[<>]/.test(text);
	const vcs = vcsPrefixes.some((prefix) => text.startsWith(prefix));
	const local = text.endsWith('.whl') || text.endsWith('.tar.gz');
	const path = !vcs && text.includes('/');
	return !versioned && !(vcs && text.includes('@')) && !local && !path;
}

/** wget's switches that keep its progress out of the log: hadolint's list. */
function quietsWget(word: Word): boolean {
	if (word.text === '-nv') return true;
	return optionNames(word.text).some((name) =>
		['progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose'].includes(
			name
		)
	);
}

/**
 * Whether two RUNs in a row could be one, as hadolint's DL3059 sees it: the same flags, and
 * neither a chain of more than two commands (that split is likely on purpose).
 */
function mergeable(context: LintContext, first: RunInstruction, second: RunInstruction): boolean {
	const short = (node: RunInstruction) =>
		context.shell(node, node.command).commands.filter((command) => programIndex(command) !== -1)
			.length <= 2;
	return sameFlags(first.flags, second.flags) && short(first) && short(second);
}

function sameFlags(a: readonly Flag[], b: readonly Flag[]): boolean {
	const key = (flags: readonly Flag[]) => flags.map(printFlag).sort().join(' ');
	return key(a) === key(b);
}

function keywordHit(context: LintContext, node: Instruction): Hit {
	const word = /^\S+/.exec(node.source?.text ?? '')?.[0] ?? '';
	return { node, range: context.at(node, 0, word.length) };
}
