/**
 * Rules that read the shell commands of RUN, CMD and ENTRYPOINT: package managers, `cd`, `sudo`,
 * pipes, services started in the background, and programs started without what they need.
 */
import type { Localized } from '../i18n/locale.ts';
import type { Hit, LintContext, Rule, ShellView, StageContext } from './context.ts';
import type { Command, Instruction, RunInstruction, ShellInstruction } from './model.ts';
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
		severity: 'error',
		docs,
		message: {
			it: "Senza -y, apt-get install (e apt install) chiede conferma appena deve installare più di quanto hai elencato, cioè quasi sempre, perché arrivano anche le dipendenze. Durante la build nessuno può rispondere: la domanda legge la fine dell'input e apt si ferma con «Do you want to continue? [Y/n] Abort.», facendo fallire il RUN. Aggiungi -y: apt-get install -y pacchetto. DEBIAN_FRONTEND=noninteractive non basta, perché riguarda le domande di configurazione dei pacchetti, non questa.",
			en: 'Without -y, apt-get install (and apt install) asks for confirmation as soon as it has more to install than you listed, which is nearly always, since dependencies come along. Nobody can answer during a build: the question reads the end of the input and apt stops with "Do you want to continue? [Y/n] Abort.", failing the RUN. Add -y: apt-get install -y package. DEBIAN_FRONTEND=noninteractive is not enough: it is about the packages\' configuration questions, not this one.',
		},
		check: (context) =>
			aptCalls(context, 'install')
				.filter((call) => !answersYes(call.args) && !readsFromPipe(call))
				.map(subcommandHit),
	},
	{
		id: 'apt-update-missing',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Le immagini Debian e Ubuntu, e quelle ufficiali costruite su di esse come python, node o nginx, arrivano senza le liste dei pacchetti, e in questo stage nessun apt-get update le ha ancora scaricate (oppure un rm -rf /var/lib/apt/lists/* le ha cancellate). apt non trova il pacchetto e si ferma, per esempio con «E: Unable to locate package apache2». Aggiorna le liste nello stesso RUN: RUN apt-get update && apt-get install -y apache2.',
			en: 'Debian and Ubuntu images, and the official images built on them such as python, node or nginx, come without the package lists, and no apt-get update in this stage has fetched them yet (or an rm -rf /var/lib/apt/lists/* deleted them). apt cannot find the package and stops, for example with "E: Unable to locate package apache2". Update the lists in the same RUN: RUN apt-get update && apt-get install -y apache2.',
		},
		check: (context) =>
			aptInstalls(context)
				.filter((install) => install.lists === 'empty')
				.map(({ call }) => subcommandHit(call)),
	},
	{
		id: 'apt-update-maybe-missing',
		counterpart: null,
		// The base image is not one we know: its package lists may be there.
		severity: 'warning',
		docs,
		message: {
			it: "In questo stage nessun apt-get update ha scaricato le liste dei pacchetti, e dall'immagine di base non si capisce se le contiene: le immagini Debian e Ubuntu di solito no, e allora apt si ferma con «E: Unable to locate package …». Per sicurezza aggiorna nello stesso RUN: RUN apt-get update && apt-get install -y ….",
			en: 'No apt-get update in this stage has fetched the package lists, and the base image does not tell whether it has them: Debian and Ubuntu images usually do not, and then apt stops with "E: Unable to locate package …". To be safe, update in the same RUN: RUN apt-get update && apt-get install -y ….',
		},
		check: (context) =>
			aptInstalls(context)
				.filter((install) => install.lists === 'unknown')
				.map(({ call }) => subcommandHit(call)),
	},
	{
		id: 'apt-on-alpine',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Le immagini Alpine non hanno né apt né apt-get: i pacchetti si installano con apk. Il RUN fallisce subito con «/bin/sh: apt-get: not found» (o apt). Scrivi RUN apk add --no-cache pacchetto (a volte il nome del pacchetto è diverso), oppure parti da un'immagine Debian o Ubuntu.",
			en: 'Alpine images have neither apt nor apt-get: packages are installed with apk. The RUN fails at once with "/bin/sh: apt-get: not found" (or apt). Write RUN apk add --no-cache package (the package name is sometimes different), or start from a Debian or Ubuntu image.',
		},
		// Once per RUN, at its first apt: the RUN stops there, so the later ones never run.
		check: (context) => {
			const first = new Map<RunInstruction, Call>();
			for (const call of calls(context)) {
				const apt = call.program === 'apt' || call.program === 'apt-get';
				if (apt && familyOf(call.stage) === 'alpine' && !first.has(call.node))
					first.set(call.node, call);
			}
			return [...first.values()].map((call) => wordHit(call, call.programWord));
		},
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
	{
		id: 'apache-without-envvars',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Su Debian e Ubuntu la configurazione di Apache usa variabili come ${APACHE_RUN_DIR}, definite in /etc/apache2/envvars, che apache2 lanciato direttamente non legge: all\'avvio stampa «AH00111: Config variable ${APACHE_RUN_DIR} is not defined», si ferma con «DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot» e il container esce. Usa apache2ctl, che carica envvars prima di avviarlo: CMD ["apache2ctl", "-D", "FOREGROUND"].',
			en: 'On Debian and Ubuntu the Apache configuration uses variables such as ${APACHE_RUN_DIR}, set in /etc/apache2/envvars, which apache2 started directly does not read: at start-up it prints "AH00111: Config variable ${APACHE_RUN_DIR} is not defined", stops with "DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot", and the container exits. Use apache2ctl, which loads envvars before starting it: CMD ["apache2ctl", "-D", "FOREGROUND"].',
		},
		check(context) {
			const final = context.stages.at(-1);
			if (!final || apacheVariables.every((name) => stageEnv(final).has(name))) return [];
			return final.instructions.flatMap((node) => {
				if (node.kind !== 'cmd' && node.kind !== 'entrypoint') return [];
				const { commands } = context.shell(node, node.command);
				return commands.flatMap((command, index) => {
					const word = command.words[programIndex(command)];
					const sourced = commands.slice(0, index).some(sourcesApacheEnvvars);
					return word && programOf(command) === 'apache2' && !sourced
						? [commandWordHit(context, node, node.command, word)]
						: [];
				});
			});
		},
	},
	{
		id: 'exec-argument-spaces',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Nella forma exec ogni stringa arriva al programma così com\'è, spazi compresi: "FOREGROUND " non è FOREGROUND. Con apache2 -D, per esempio, Apache definisce un parametro che si chiama «FOREGROUND » e, non trovando FOREGROUND, passa in background: il processo principale termina e il container si ferma subito, senza nessun errore. Togli lo spazio dentro le virgolette: ["apache2ctl", "-D", "FOREGROUND"].',
			en: 'In the exec form each string reaches the program exactly as written, spaces included: "FOREGROUND " is not FOREGROUND. With apache2 -D, for instance, Apache defines a parameter called "FOREGROUND " and, not finding FOREGROUND, goes into the background: the main process ends and the container stops at once, without any error. Remove the space inside the quotes: ["apache2ctl", "-D", "FOREGROUND"].',
		},
		check(context) {
			const hits: Hit[] = [];
			for (const node of context.instructions) {
				const args = execArguments(node);
				args?.forEach((arg, index) => {
					// The script after -c is the shell's to read: blanks around it do no harm.
					if (args[index - 1] !== '-c' && isPadded(arg))
						hits.push({ node, range: context.find(node, JSON.stringify(arg)) });
				});
			}
			return hits;
		},
	},
];

/** What Debian's /etc/apache2/envvars sets and apache2.conf needs to start. */
const apacheVariables = [
	'APACHE_RUN_DIR',
	'APACHE_PID_FILE',
	'APACHE_RUN_USER',
	'APACHE_RUN_GROUP',
	'APACHE_LOG_DIR',
];

/**
 * Official images that are Debian or Ubuntu and ship without package lists: their Dockerfiles
 * (docker-library, nginx, nodejs) end each install by removing /var/lib/apt/lists.
 */
const debianImages = new Set([
	'ubuntu',
	'debian',
	'buildpack-deps',
	'python',
	'node',
	'golang',
	'ruby',
	'php',
	'httpd',
	'nginx',
	'postgres',
]);

/** What `rm -rf` deletes when it empties apt's package lists. */
const aptListsPath = /^\/var\/lib\/apt(\/lists)?\/?\*?$/;

/** What a base image's system is, as far as its name tells. */
type Family = 'debian' | 'alpine' | 'unknown';

/** Whether apt's package lists are in place: fetched, absent, or not known. */
type Lists = 'fresh' | 'empty' | 'unknown';

/** An apt install that runs without fresh lists, and what the lists are then. */
interface AptInstall {
	call: Call & { subcommand: Word };
	lists: Exclude<Lists, 'fresh'>;
}

/** RUNs and their calls are read once per lint run and shared by the rules. */
const runCache = new WeakMap<LintContext, RunView[]>();
const callCache = new WeakMap<LintContext, Call[]>();
const installCache = new WeakMap<LintContext, AptInstall[]>();

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

/** `apt` and `apt-get` calls whose subcommand is the one given. */
function aptCalls(context: LintContext, subcommand: string): (Call & { subcommand: Word })[] {
	return calls(context).flatMap((call) => {
		const word = aptSubcommand(call.program, call.args);
		return word?.text === subcommand ? [{ ...call, subcommand: word }] : [];
	});
}

/** The subcommand of an `apt` or `apt-get` command; nothing for other programs. */
function aptSubcommand(program: string, args: readonly Word[]): Word | undefined {
	return program === 'apt-get' || program === 'apt' ? subcommandOf(args) : undefined;
}

/**
 * The installs that run before any `apt-get update` of their stage (or of the stage it is built
 * FROM), or after the lists were deleted. An update under a cache mount of /var/lib/apt is not
 * kept in the image, and an install under one is left alone: the cache may hold the lists.
 */
function aptInstalls(context: LintContext): AptInstall[] {
	const cached = installCache.get(context);
	if (cached) return cached;
	const found: AptInstall[] = [];
	const byStage = new Map<StageContext, RunView[]>();
	for (const run of runs(context)) {
		const list = byStage.get(run.stage);
		if (list) list.push(run);
		else byStage.set(run.stage, [run]);
	}
	const after = new Map<StageContext, Lists>();
	for (const stage of context.stages) {
		let lists: Lists = stage.parent
			? (after.get(stage.parent) ?? 'unknown')
			: familyOf(stage) === 'debian'
				? 'empty'
				: 'unknown';
		for (const run of byStage.get(stage) ?? []) {
			const mounted = hasCacheMount(run.node, '/var/lib/apt');
			let inRun: Lists = lists;
			for (const command of run.view.commands) {
				const program = programOf(command);
				const args = argumentsOf(command);
				const subcommand = aptSubcommand(program, args);
				if (subcommand?.text === 'update') inRun = 'fresh';
				else if (subcommand && ['distclean', 'dist-clean'].includes(subcommand.text))
					inRun = 'empty';
				else if (program === 'rm' && args.some((arg) => aptListsPath.test(arg.text)))
					inRun = 'empty';
				else if (subcommand?.text === 'install' && inRun !== 'fresh' && !mounted) {
					const programWord = command.words[programIndex(command)];
					const call = programWord && { ...run, command, program, programWord, args, subcommand };
					if (call && familyOf(stage) !== 'alpine' && installsFromLists(call))
						found.push({ call, lists: inRun });
				}
			}
			if (!mounted) lists = inRun;
		}
		after.set(stage, lists);
	}
	installCache.set(context, found);
	return found;
}

/** The system of a stage's base image: its own image's, or that of the stage it is built FROM. */
function familyOf(stage: StageContext): Family {
	if (stage.parent) return familyOf(stage.parent);
	const { image, tag } = stage.stage.from;
	const name = image.replace(/^((index\.)?docker\.io\/)?(library\/)?/, '');
	if (name.includes('/') || name.includes('$') || tag.includes('$')) return 'unknown';
	if (name === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
	return debianImages.has(name) && !/windows|nanoserver/.test(tag) ? 'debian' : 'unknown';
}

/** Whether an install names a package to fetch, not only local .deb files. */
function installsFromLists(call: Call & { subcommand: Word }): boolean {
	return packagesOf(call).some((word) => !/(^\.{0,2}\/|\.deb$)/.test(word.text));
}

/** Whether an option answers apt's question: -y in any form, or quiet level 2, which implies it. */
function answersYes(args: readonly Word[]): boolean {
	let quiet = 0;
	const yes = args.some((arg, index) => {
		const text = arg.text;
		const option = /^(-o|--option)=?(.*)$/.exec(text);
		const value = option?.[2] || (option ? args[index + 1]?.text : '') || '';
		if (/^(APT::Get::Assume-Yes=(1|true|yes)|quiet=2)$/i.test(value)) return true;
		if (/^(--yes|--assume-yes|--quiet=2|-q=2)$/.test(text)) return true;
		if (text === '--quiet') quiet += 1;
		if (!/^-[a-z]+$/.test(text) || option) return false;
		quiet += text.split('q').length - 1;
		return text.includes('y');
	});
	return yes || quiet >= 2;
}

/** Whether something is piped into the command (`yes | apt-get install …` answers for it). */
function readsFromPipe(call: Call): boolean {
	const index = call.view.commands.indexOf(call.command);
	return call.view.commands[index - 1]?.next === '|';
}

/** The names ENV sets in a stage and in the stages it is built FROM. */
function stageEnv(stage: StageContext): Set<string> {
	const names = stage.parent ? stageEnv(stage.parent) : new Set<string>();
	for (const node of stage.instructions)
		if (node.kind === 'env') node.pairs.forEach((pair) => names.add(pair.key));
	return names;
}

function sourcesApacheEnvvars(command: SimpleCommand): boolean {
	const program = programOf(command);
	return (
		(program === '.' || program === 'source') &&
		argumentsOf(command).some((arg) => arg.text.endsWith('apache2/envvars'))
	);
}

/** The exec-form arguments an instruction passes to a program, if it has any. */
function execArguments(node: Instruction): readonly string[] | undefined {
	if (node.kind === 'shell') return node.args;
	const command =
		node.kind === 'run' ||
		node.kind === 'cmd' ||
		node.kind === 'entrypoint' ||
		node.kind === 'healthcheck'
			? node.command
			: null;
	return command?.form === 'exec' ? command.args : undefined;
}

/** A single word with a blank before or after it, inside its quotes. */
function isPadded(arg: string): boolean {
	const trimmed = arg.trim();
	return trimmed !== arg && trimmed !== '' && !/\s/.test(trimmed);
}

/** Where a command's word is: in the exec form, its JSON string in the text. */
function commandWordHit(
	context: LintContext,
	node: Instruction,
	command: Command,
	word: Word
): Hit {
	if (command.form === 'shell') return { node, range: context.shell(node, command).rangeOf(word) };
	return { node, range: context.find(node, JSON.stringify(word.text)) };
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
