/**
 * Rules that read the shell commands of RUN, CMD and ENTRYPOINT: package managers, `cd`, `sudo`,
 * pipes, and services started in the background.
 */
import type { Localized } from '../i18n/locale.ts';
import type { Hit, LintContext, Rule, ShellView, StageContext } from './context.ts';
import type { RunInstruction, ShellInstruction } from './model.ts';
import {
	argumentsOf,
	programIndex,
	programOf,
	shellNames,
	type SimpleCommand,
	type Word,
} from '../shell.ts';

const docs = '/docker/dockerfile/';

/** How to pin an apt package, for the message. */
const aptPin: Localized<string> = {
	it: 'per esempio apache2=2.4.58-1ubuntu8',
	en: 'for example apache2=2.4.58-1ubuntu8',
};

/** apt-get options that take a value as the next word. */
const aptValueOptions = new Set([
	'-o',
	'-c',
	'-t',
	'--option',
	'--config-file',
	'--target-release',
]);

/** A RUN and what the rules need around it. */
export interface RunView {
	node: RunInstruction;
	stage: StageContext;
	view: ShellView;
	/** The SHELL instruction in effect, if the stage changed the default `/bin/sh -c`. */
	shell: ShellInstruction | null;
}

/** A simple command of a RUN with its program's word and arguments. */
export interface Call extends RunView {
	command: SimpleCommand;
	program: string;
	programWord: Word;
	args: Word[];
}

export const shellRules: Rule[] = [
	{
		id: 'cd-in-run',
		counterpart: 'DL3003',
		severity: 'warning',
		docs,
		message: {
			it: "cd vale solo dentro questo RUN: l'istruzione successiva riparte dalla cartella di prima. Per cambiare cartella in modo stabile usa WORKDIR.",
			en: 'cd only lasts for this RUN: the next instruction starts again from the previous folder. To change folder for good, use WORKDIR.',
		},
		check: (context) =>
			calls(context)
				.filter((call) => call.program === 'cd')
				.map((call) => wordHit(call, call.programWord)),
	},
	{
		id: 'sudo',
		counterpart: 'DL3004',
		severity: 'error',
		docs,
		message: {
			it: "Durante la build i comandi girano già come root (o come l'utente scelto con USER), e sudo spesso non è installato o chiede una password. Togli sudo; se servono i permessi di root, metti USER root prima del RUN e torna all'utente normale dopo.",
			en: 'Build commands already run as root (or as the user set with USER), and sudo is often missing or asks for a password. Drop sudo; if you need root, put USER root before the RUN and switch back afterwards.',
		},
		check: (context) =>
			calls(context).flatMap((call) => {
				const [first] = call.command.words;
				return first?.text === 'sudo' ? [wordHit(call, first)] : [];
			}),
	},
	{
		id: 'apt-instead-of-apt-get',
		counterpart: 'DL3027',
		severity: 'warning',
		docs,
		message: {
			it: "apt è pensato per l'uso interattivo e il suo output e le sue opzioni possono cambiare tra versioni. Negli script e nei Dockerfile usa apt-get.",
			en: 'apt is meant for interactive use, and its output and options may change between versions. In scripts and Dockerfiles, use apt-get.',
		},
		check: (context) =>
			calls(context)
				.filter((call) => call.program === 'apt')
				.map((call) => wordHit(call, call.programWord)),
	},
	{
		id: 'apt-get-missing-yes',
		counterpart: 'DL3014',
		severity: 'warning',
		docs,
		message: {
			it: 'Senza -y apt-get install chiede conferma e, visto che durante la build nessuno può rispondere, si interrompe. Aggiungi -y: apt-get install -y pacchetto.',
			en: 'Without -y, apt-get install asks for confirmation, and since nobody can answer during a build, it aborts. Add -y: apt-get install -y package.',
		},
		check: (context) =>
			aptGetCalls(context, 'install')
				.filter(({ args }) => !args.some((arg) => isYesOption(arg.text)))
				.map(subcommandHit),
	},
	{
		id: 'apt-get-recommends',
		counterpart: 'DL3015',
		severity: 'info',
		docs,
		message: {
			it: "Senza --no-install-recommends apt-get installa anche i pacchetti «consigliati», che di solito non servono e ingrossano l'immagine. Aggiungi --no-install-recommends.",
			en: 'Without --no-install-recommends, apt-get also installs "recommended" packages, which are usually not needed and make the image bigger. Add --no-install-recommends.',
		},
		check: (context) =>
			aptGetCalls(context, 'install')
				.filter(
					({ args }) =>
						!args.some(
							(arg) =>
								arg.text === '--no-install-recommends' ||
								/Install-Recommends=(false|0)/i.test(arg.text)
						)
				)
				.map(subcommandHit),
	},
	{
		id: 'apt-lists-not-removed',
		counterpart: 'DL3009',
		severity: 'info',
		docs,
		message: {
			it: "Le liste dei pacchetti scaricate da apt-get update restano nell'immagine finale e occupano decine di MB. Cancellale nello stesso RUN: … && rm -rf /var/lib/apt/lists/*, oppure, con apt 2.7.8 o successivo (Debian 13, Ubuntu 24.04), … && apt-get dist-clean.",
			en: 'The package lists fetched by apt-get update stay in the final image and take up tens of MB. Delete them in the same RUN: … && rm -rf /var/lib/apt/lists/*, or, with apt 2.7.8 or later (Debian 13, Ubuntu 24.04), … && apt-get dist-clean.',
		},
		check: (context) =>
			aptGetCalls(context, 'update')
				.filter(
					(call) =>
						call.stage.isFinal &&
						!removesAptLists(call) &&
						!hasCacheMount(call.node, '/var/lib/apt')
				)
				.map(subcommandHit),
	},
	{
		id: 'apt-get-update-alone',
		counterpart: null,
		severity: 'warning',
		docs,
		message: {
			it: "apt-get update da solo in un RUN viene messo in cache come layer a sé: i RUN successivi possono installare pacchetti da liste vecchie. Uniscilo all'installazione: RUN apt-get update && apt-get install -y ….",
			en: 'apt-get update alone in a RUN is cached as a layer of its own: later RUNs may install packages from stale lists. Join it to the install: RUN apt-get update && apt-get install -y ….',
		},
		check: (context) =>
			aptGetCalls(context, 'update')
				.filter((call) => !installsInSameRun(call))
				.map(subcommandHit),
	},
	{
		id: 'apt-get-unpinned',
		counterpart: 'DL3008',
		severity: 'info',
		docs,
		message: unpinnedMessage([], aptPin),
		check: (context) =>
			aptGetCalls(context, 'install').flatMap((call) =>
				unpinnedHit(
					call,
					packagesOf(call).filter(
						(word) => !word.text.includes('=') && !/(^\.?\/|\.deb$)/.test(word.text)
					),
					aptPin
				)
			),
	},
	{
		id: 'pipefail',
		counterpart: 'DL4006',
		severity: 'warning',
		docs,
		message: {
			it: 'In una pipe la shell guarda solo l\'esito dell\'ultimo comando: se il primo fallisce (per esempio curl), il RUN riesce lo stesso. Comincia con set -o pipefail && …, oppure metti prima SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
			en: 'In a pipe the shell only checks the last command: if the first one fails (curl, say), the RUN still succeeds. Start with set -o pipefail && …, or put SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it.',
		},
		check: (context) =>
			runs(context).flatMap((run) => {
				if (run.node.command.form !== 'shell' || shellHandlesPipes(run)) return [];
				const { commands } = run.view;
				const pipe = commands.findIndex((command) => command.next === '|');
				const setsPipefail = commands
					.slice(0, Math.max(pipe, 0))
					.some(
						(command) =>
							programOf(command) === 'set' && command.words.some((w) => w.text === 'pipefail')
					);
				const hit = pipe === -1 || setsPipefail ? null : pipeHit(run, pipe);
				return hit ? [hit] : [];
			}),
	},
	{
		id: 'curl-pipe-shell',
		counterpart: null,
		severity: 'warning',
		docs,
		message: {
			it: 'Scaricare uno script e passarlo subito alla shell vuol dire eseguirlo senza alcun controllo: se il server o la connessione sono compromessi, esegui codice di qualcun altro. Scarica il file, verificane il checksum, poi eseguilo.',
			en: "Downloading a script and piping it straight into a shell runs it unchecked: if the server or the connection is compromised, you run someone else's code. Download the file, verify its checksum, then run it.",
		},
		check: (context) =>
			runs(context).flatMap((run) =>
				run.view.commands.flatMap((command, index) => {
					const next = run.view.commands[index + 1];
					const downloads = ['curl', 'wget'].includes(programOf(command)) && command.next === '|';
					return downloads && next && shellNames.has(programOf(next))
						? (pipeHit(run, index) ?? [])
						: [];
				})
			),
	},
	{
		id: 'pip-no-cache-dir',
		counterpart: 'DL3042',
		severity: 'warning',
		docs,
		message: {
			it: "pip conserva una cache dei pacchetti scaricati, che nell'immagine non serve e la appesantisce. Aggiungi --no-cache-dir: pip install --no-cache-dir -r requirements.txt.",
			en: 'pip keeps a cache of downloaded packages, which is useless in an image and makes it bigger. Add --no-cache-dir: pip install --no-cache-dir -r requirements.txt.',
		},
		check: (context) =>
			calls(context)
				.filter(
					(call) => isPipInstall(call) && !call.args.some((arg) => arg.text === '--no-cache-dir')
				)
				.filter(
					(call) =>
						!hasCacheMount(call.node, '/root/.cache') &&
						!hasCacheMount(call.node, '.cache/pip') &&
						!stageSets(call.stage, 'PIP_NO_CACHE_DIR') &&
						!setsInRun(call, 'PIP_NO_CACHE_DIR')
				)
				.map((call) => wordHit(call, call.programWord)),
	},
	{
		id: 'npm-install-ci',
		counterpart: null,
		severity: 'info',
		docs,
		message: {
			it: "npm install può aggiornare le dipendenze e riscrivere package-lock.json. In un'immagine usa npm ci, che installa esattamente le versioni del lockfile ed è più veloce.",
			en: "npm install may update dependencies and rewrite package-lock.json. In an image use npm ci, which installs exactly the lockfile's versions and is faster.",
		},
		check: (context) =>
			calls(context).flatMap((call) => {
				const [subcommand, ...rest] = call.args.filter((arg) => !arg.text.startsWith('-'));
				const installsLockfile =
					['install', 'i'].includes(subcommand?.text ?? '') && rest.length === 0;
				return call.program === 'npm' && subcommand && installsLockfile
					? [spanHit(call, subcommand)]
					: [];
			}),
	},
	{
		id: 'apk-no-cache',
		counterpart: 'DL3019',
		severity: 'info',
		docs,
		message: {
			it: "apk add senza --no-cache lascia nell'immagine l'indice dei pacchetti. Usa apk add --no-cache, che tra l'altro rende inutile apk update.",
			en: 'apk add without --no-cache leaves the package index in the image. Use apk add --no-cache, which also makes apk update unnecessary.',
		},
		check: (context) =>
			calls(context).flatMap((call) => {
				const subcommand = call.args.find((arg) => !arg.text.startsWith('-'));
				const cached =
					!call.args.some((arg) => arg.text === '--no-cache') &&
					!hasCacheMount(call.node, '/var/cache/apk');
				return call.program === 'apk' && subcommand?.text === 'add' && cached
					? [spanHit(call, subcommand)]
					: [];
			}),
	},
	{
		id: 'background-service',
		counterpart: null,
		severity: 'error',
		docs: '/docker/immagini-container/',
		message: {
			it: 'Questo comando avvia il servizio in background e termina subito, ma un container vive finché vive il suo processo principale: si chiuderà appena avviato. Avvia il programma in primo piano, per esempio apache2ctl -D FOREGROUND oppure nginx -g "daemon off;".',
			en: 'This command starts the service in the background and returns at once, but a container lives only as long as its main process: it will exit right after starting. Run the program in the foreground, for example apache2ctl -D FOREGROUND or nginx -g "daemon off;".',
		},
		check(context) {
			const final = context.stages.at(-1);
			return (final?.instructions ?? []).flatMap((node) => {
				if (node.kind !== 'cmd' && node.kind !== 'entrypoint') return [];
				const view = context.shell(node, node.command);
				const last = view.commands.at(-1);
				const [first] = last?.words ?? [];
				const lastWord = last?.words.at(-1);
				if (!last || !first || !lastWord || !(last.next === '&' || startsService(last))) return [];
				return [{ node, range: view.span(first, lastWord) }];
			});
		},
	},
];

/** RUNs and their calls are read once per lint run and shared by the rules. */
const runCache = new WeakMap<LintContext, RunView[]>();
const callCache = new WeakMap<LintContext, Call[]>();

/** Every RUN of every stage, with the SHELL in effect. */
export function runs(context: LintContext): RunView[] {
	const cached = runCache.get(context);
	if (cached) return cached;
	const found: RunView[] = [];
	for (const stage of context.stages) {
		let shell: ShellInstruction | null = null;
		for (const node of stage.instructions) {
			if (node.kind === 'shell') shell = node;
			if (node.kind === 'run')
				found.push({ node, stage, view: context.shell(node, node.command), shell });
		}
	}
	runCache.set(context, found);
	return found;
}

/** Every simple command of every RUN that names a program. */
export function calls(context: LintContext): Call[] {
	const cached = callCache.get(context);
	if (cached) return cached;
	const found = runs(context).flatMap((run) =>
		run.view.commands.flatMap((command) => {
			const programWord = command.words[programIndex(command)];
			if (!programWord) return [];
			return [
				{ ...run, command, program: programOf(command), programWord, args: argumentsOf(command) },
			];
		})
	);
	callCache.set(context, found);
	return found;
}

/** `apt-get` calls whose subcommand is the one given. */
function aptGetCalls(context: LintContext, subcommand: string): (Call & { subcommand: Word })[] {
	return calls(context).flatMap((call) => {
		const word = aptGetSubcommand(call.program, call.args);
		return word?.text === subcommand ? [{ ...call, subcommand: word }] : [];
	});
}

/** The subcommand of an `apt-get` command (`install`, `update`); nothing for other programs. */
function aptGetSubcommand(program: string, args: readonly Word[]): Word | undefined {
	return program === 'apt-get' ? subcommandOf(args) : undefined;
}

/** The first argument that is not an option nor an option's value. */
function subcommandOf(args: readonly Word[]): Word | undefined {
	return args.find(
		(arg, index) => !arg.text.startsWith('-') && !aptValueOptions.has(args[index - 1]?.text ?? '')
	);
}

/** The packages of an `apt-get install`: the words after `install` that are not options. */
function packagesOf(call: Call & { subcommand: Word }): Word[] {
	const after = call.args.slice(call.args.indexOf(call.subcommand) + 1);
	return after.filter(
		(arg, index) => !arg.text.startsWith('-') && !aptValueOptions.has(after[index - 1]?.text ?? '')
	);
}

function isYesOption(option: string): boolean {
	return (
		/^(--yes|--assume-yes|-qq|-q=?2|--quiet=2)$/.test(option) || /^-[a-z]*y[a-z]*$/i.test(option)
	);
}

/** `rm` of /var/lib/apt/lists, or apt's own `dist-clean` (apt 2.7.8 and later). */
function removesAptLists(call: Call): boolean {
	return call.view.commands.some((command) => {
		const program = programOf(command);
		const subcommand = subcommandOf(argumentsOf(command))?.text ?? '';
		const distClean =
			(program === 'apt-get' || program === 'apt') &&
			(subcommand === 'dist-clean' || subcommand === 'distclean');
		const removes =
			program === 'rm' && command.words.some((word) => word.text.startsWith('/var/lib/apt/lists'));
		return distClean || removes;
	});
}

function installsInSameRun(call: Call): boolean {
	return call.view.commands.some((command) => {
		const subcommand = aptGetSubcommand(programOf(command), argumentsOf(command));
		return ['install', 'upgrade', 'dist-upgrade'].includes(subcommand?.text ?? '');
	});
}

/**
 * Whether a cache or tmpfs mount (whose files stay out of the image) has a target containing
 * `fragment`, as hadolint checks it.
 */
function hasCacheMount(node: RunInstruction, fragment: string): boolean {
	return node.flags.some((flag) => {
		if (flag.name !== 'mount') return false;
		const fields = new Map(
			(flag.value ?? '').split(',').map((field) => {
				const equals = field.indexOf('=');
				return equals === -1 ? [field, ''] : [field.slice(0, equals), field.slice(equals + 1)];
			})
		);
		const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? '';
		return /^(cache|tmpfs)$/.test(fields.get('type') ?? '') && target.includes(fragment);
	});
}

/** Whether the RUN assigns the variable itself: `PIP_NO_CACHE_DIR=1 pip install …`. */
function setsInRun(call: RunView, name: string): boolean {
	return call.view.commands.some((command) =>
		command.words.some((word) => word.text.startsWith(`${name}=`))
	);
}

function stageSets(stage: StageContext, name: string): boolean {
	return stage.instructions.some(
		(node) => node.kind === 'env' && node.pairs.some((pair) => pair.key === name)
	);
}

function isPipInstall(call: Call): boolean {
	const viaPython =
		/^python[\d.]*$/.test(call.program) &&
		call.args[0]?.text === '-m' &&
		/^pip[\d.]*$/.test(call.args[1]?.text ?? '');
	const args = viaPython ? call.args.slice(2) : call.args;
	const isPip = viaPython || /^pip[\d.]*$/.test(call.program);
	return isPip && args.find((arg) => !arg.text.startsWith('-'))?.text === 'install';
}

/** Whether the SHELL in effect makes pipes fail (pipefail) or is not a POSIX shell. */
function shellHandlesPipes({ shell }: RunView): boolean {
	if (!shell) return false;
	const program = shell.args[0]?.split('/').at(-1) ?? '';
	return shell.args.includes('pipefail') || !shellNames.has(program);
}

function startsService(command: SimpleCommand): boolean {
	const program = programOf(command);
	const path = command.words[programIndex(command)]?.text ?? '';
	const args = argumentsOf(command).map((word) => word.text);
	const starts = args.some((arg) => arg === 'start' || arg === 'restart');
	return (
		program === 'systemctl' ||
		((program === 'service' || path.startsWith('/etc/init.d/')) && starts) ||
		(/^apache2?ctl$/.test(program) && (starts || args.includes('graceful')))
	);
}

/**
 * One hit for a command's unpinned packages, from the first to the last, its message naming them;
 * none when every package is pinned.
 */
export function unpinnedHit(
	call: RunView,
	unpinned: readonly Word[],
	pin: Localized<string>
): Hit[] {
	const [first] = unpinned;
	const last = unpinned.at(-1);
	if (!first || !last) return [];
	const names = unpinned.map((word) => word.text);
	return [
		{ node: call.node, range: call.view.span(first, last), message: unpinnedMessage(names, pin) },
	];
}

/**
 * What the unpinned-package rules say, naming the packages (up to six, then how many more);
 * with no names, the wording of the rules list. `pin` says how to pin one.
 */
export function unpinnedMessage(
	names: readonly string[],
	pin: Localized<string>
): Localized<string> {
	const many = names.length !== 1;
	const it =
		names.length === 0
			? 'Alcuni pacchetti non hanno'
			: many
				? `I pacchetti ${listOf(names, 'it')} non hanno`
				: `Il pacchetto ${names[0]} non ha`;
	const en =
		names.length === 0
			? 'Some packages have'
			: many
				? `The packages ${listOf(names, 'en')} have`
				: `The package ${names[0]} has`;
	return {
		it: `${it} una versione fissata, quindi ogni build può installarne ${many ? 'versioni diverse' : 'una diversa'}. Se ti serve ripetibilità, indica la versione: ${pin.it}.`,
		en: `${en} no pinned version, so each build may install ${many ? 'different ones' : 'a different one'}. If you need repeatable builds, pin ${many ? 'them' : 'it'}: ${pin.en}.`,
	};
}

/** «a, b e c» / "a, b and c"; past six names «a, …, f e altri 3» / "a, …, f and 3 more". */
function listOf(names: readonly string[], lang: 'it' | 'en'): string {
	const cut = names.length > 6;
	const shown = cut ? names.slice(0, 6) : names.slice(0, -1);
	const more = names.length - 6;
	const last = cut ? (lang === 'it' ? `altri ${more}` : `${more} more`) : (names.at(-1) ?? '');
	return `${shown.join(', ')} ${lang === 'it' ? 'e' : 'and'} ${last}`;
}

function wordHit(call: RunView, word: Word): Hit {
	return { node: call.node, range: call.view.rangeOf(word) };
}

/** From the program to the given word: `apt-get install`. */
function spanHit(call: Call, to: Word): Hit {
	return { node: call.node, range: call.view.span(call.programWord, to) };
}

function subcommandHit(call: Call & { subcommand: Word }): Hit {
	return spanHit(call, call.subcommand);
}

/** From the first word before the pipe to the last word after it. */
function pipeHit(run: RunView, index: number): Hit | null {
	const first = run.view.commands[index]?.words[0];
	const last = run.view.commands[index + 1]?.words.at(-1);
	return first && last ? { node: run.node, range: run.view.span(first, last) } : null;
}
