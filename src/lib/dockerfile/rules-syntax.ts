/**
 * Rules for what BuildKit refuses before it runs a single command: an empty file, instructions
 * without the arguments they need, flags an instruction does not have or has twice, durations,
 * signals, mounts and JSON arrays it cannot read, parser directives and heredocs. Each rule reads
 * the instruction as written, so it works on the lines the model keeps as raw text too, and its
 * message quotes the error Docker prints.
 */
import type { Hit, LintContext, Located, Rule } from './context.ts';
import { keywordOf, type Instruction, type SourceRange } from './model.ts';
import { continuationLength } from '../shell.ts';
import { continues, joinContinuations, skipBlanks, splitKeyValueWords } from './text.ts';

const docs = '/docker/dockerfile/';

/** A flag as BuildKit reads it: quotes and escapes gone, with where it is in the source text. */
interface WrittenFlag {
	/** The name without the dashes: `from`. */
	name: string;
	/** The text after `=`, or `null` without `=`. */
	value: string | null;
	start: number;
	end: number;
}

/** The flags of the many instructions that have none, shared. */
const noFlags: WrittenFlag[] = [];

/** An instruction split the way BuildKit splits it before reading its arguments. */
interface Written {
	node: Instruction;
	/** The keyword in upper case, as Docker dispatches on it. */
	keyword: string;
	/** The length of the keyword as written. */
	keywordLength: number;
	flags: WrittenFlag[];
	/** The arguments after the flags, continuations joined and trimmed; empty when there are none. */
	args: string;
	/** The arguments' first line: a heredoc's body, which follows it, is no argument. */
	line: string;
	/** Where the arguments start in the node's source text. */
	argsStart: number;
}

type FlagType = 'bool' | 'string' | 'strings';

/**
 * The flags each instruction accepts, as BuildKit registers them; `strings` flags may repeat.
 * An instruction that is listed with none still reads its flags, so any flag is unknown to it;
 * ARG and STOPSIGNAL never read theirs (and neither does `HEALTHCHECK NONE`), so they are absent.
 */
const flagTypes: Partial<Record<string, Readonly<Record<string, FlagType>>>> = {
	FROM: { platform: 'string' },
	RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
	COPY: {
		chown: 'string',
		from: 'string',
		chmod: 'string',
		link: 'bool',
		exclude: 'strings',
		parents: 'bool',
	},
	ADD: {
		chown: 'string',
		chmod: 'string',
		link: 'bool',
		'keep-git-dir': 'bool',
		checksum: 'string',
		unpack: 'bool',
		exclude: 'strings',
	},
	HEALTHCHECK: {
		interval: 'string',
		timeout: 'string',
		'start-period': 'string',
		'start-interval': 'string',
		retries: 'string',
	},
	...Object.fromEntries(
		['ENV', 'LABEL', 'MAINTAINER', 'ONBUILD', 'WORKDIR', 'CMD', 'ENTRYPOINT']
			.concat(['EXPOSE', 'USER', 'VOLUME', 'SHELL'])
			.map((keyword) => [keyword, {}])
	),
};

/** Instructions BuildKit refuses without an argument, and the word its error uses. */
const needsArguments: Readonly<Record<string, 'exactly one' | 'at least one'>> = {
	MAINTAINER: 'exactly one',
	WORKDIR: 'exactly one',
	USER: 'exactly one',
	STOPSIGNAL: 'exactly one',
	ENV: 'at least one',
	LABEL: 'at least one',
	ARG: 'at least one',
	ONBUILD: 'at least one',
	HEALTHCHECK: 'at least one',
	EXPOSE: 'at least one',
	VOLUME: 'at least one',
	SHELL: 'at least one',
};

/** Instructions whose arguments may be a JSON array (BuildKit then wants strings only). */
const jsonKeywords = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK'];

/** The signal names BuildKit's Linux frontend knows, without `SIG`. */
const signals = new Set([
	...['ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT'],
	...['KILL', 'PIPE', 'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM'],
	...['TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ'],
	'RTMIN',
	'RTMAX',
	...Array.from({ length: 15 }, (_, index) => `RTMIN+${index + 1}`),
	...Array.from({ length: 14 }, (_, index) => `RTMAX-${index + 1}`),
]);

/** Go's duration units, in nanoseconds. */
const durationUnits: Readonly<Record<string, number>> = {
	ns: 1,
	us: 1e3,
	'\u00b5s': 1e3,
	'\u03bcs': 1e3,
	ms: 1e6,
	s: 1e9,
	m: 60e9,
	h: 3600e9,
};

/** The values `RUN --network` and `RUN --security` accept. */
const runOptionValues: Partial<Record<string, readonly string[]>> = {
	network: ['default', 'none', 'host'],
	security: ['sandbox', 'insecure'],
};

const mountTypes = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const mountSharing = new Set(['shared', 'private', 'locked']);
const directiveNames = new Set(['syntax', 'escape', 'check']);

/** The rules for what BuildKit refuses, each an error unless the build still goes through. */
export const syntaxRules: Rule[] = [
	{
		id: 'empty-dockerfile',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Il Dockerfile non contiene nessuna istruzione, e Docker non ha niente da costruire: con il file vuoto risponde «the Dockerfile cannot be empty», con soli commenti «file with no instructions». Comincia con FROM e l'immagine di base, per esempio FROM ubuntu:24.04.",
			en: 'The Dockerfile has no instructions, so Docker has nothing to build: for an empty file it says "the Dockerfile cannot be empty", for one with only comments "file with no instructions". Start with FROM and the base image, for example FROM ubuntu:24.04.',
		},
		check: (context) =>
			context.instructions.length === 0 ? [{ node: firstNode(context) ?? { id: '' } }] : [],
	},
	{
		id: 'invalid-escape-directive',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "La direttiva escape accetta solo la barra rovesciata \\ o l'apice inverso `: con un altro carattere Docker rifiuta il file con «invalid escape token … does not match ` or \\». Scrivi # escape=` oppure togli la riga.",
			en: 'The escape directive only takes a backslash \\ or a backtick `: with any other character Docker refuses the file with "invalid escape token … does not match ` or \\". Write # escape=` or remove the line.',
		},
		check: ({ model }) =>
			leadingDirectives(model.directives)
				.filter(
					(directive) => directive.name === 'escape' && !['`', '\\'].includes(directive.value)
				)
				.map((node) => ({ node })),
	},
	{
		id: 'duplicate-directive',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Ogni direttiva (syntax, escape, check) può comparire una volta sola in cima al file: alla seconda Docker si ferma con «only one escape parser directive can be used» (o syntax, o check). Tieni una sola riga per direttiva.',
			en: 'Each directive (syntax, escape, check) may appear only once at the top of the file: at the second one Docker stops with "only one escape parser directive can be used" (or syntax, or check). Keep one line per directive.',
		},
		check({ model }) {
			const seen = new Set<string>();
			return leadingDirectives(model.directives).flatMap((node) => {
				const repeated = seen.has(node.name);
				seen.add(node.name);
				return repeated ? [{ node }] : [];
			});
		},
	},
	{
		id: 'missing-arguments',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Quest'istruzione non ha argomenti, e Docker la rifiuta prima di cominciare la build con «WORKDIR requires exactly one argument» oppure «… requires at least one argument». Scrivi dopo la parola chiave il valore che serve: WORKDIR /app, USER app, EXPOSE 80, ENV CHIAVE=valore.",
			en: 'This instruction has no arguments, and Docker refuses it before the build starts with "WORKDIR requires exactly one argument" or "… requires at least one argument". Write the value it needs after the keyword: WORKDIR /app, USER app, EXPOSE 80, ENV KEY=value.',
		},
		check: (context) =>
			withKeyword(context, ...Object.keys(needsArguments)).flatMap((item) => {
				const empty = item.keyword === 'SHELL' || item.keyword === 'VOLUME' ? isEmptyList : isBlank;
				return empty(item.args) ? [keywordHit(context, item)] : [];
			}),
	},
	{
		id: 'empty-command',
		counterpart: null,
		// BuildKit accepts it: the image records `/bin/sh -c ""`, which the container runs and leaves.
		severity: 'warning',
		docs,
		message: {
			it: 'CMD o ENTRYPOINT senza comando: Docker lo accetta, ma registra nell\'immagine /bin/sh -c con un comando vuoto, quindi il container parte ed esce subito senza fare nulla, e docker ps -a lo mostra «Exited (0)». Scrivi il comando, per esempio CMD ["apache2ctl", "-D", "FOREGROUND"]; per cancellare un ENTRYPOINT ereditato si scrive ENTRYPOINT [].',
			en: 'CMD or ENTRYPOINT without a command: Docker accepts it, but the image records /bin/sh -c with an empty command, so the container starts and exits at once doing nothing, and docker ps -a shows it as "Exited (0)". Write the command, for example CMD ["apache2ctl", "-D", "FOREGROUND"]; to clear an inherited ENTRYPOINT, write ENTRYPOINT [].',
		},
		check: (context) =>
			withKeyword(context, 'CMD', 'ENTRYPOINT')
				.filter((item) => isBlank(item.args))
				.map((item) => keywordHit(context, item)),
	},
	{
		id: 'from-arguments',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "FROM vuole l'immagine e, se vuoi dare un nome allo stage, AS seguito dal nome: FROM immagine oppure FROM immagine AS nome. Scritto così Docker si ferma con «FROM requires either one or three arguments». Controlla che non ci siano parole in più o uno spazio dentro il nome dell'immagine.",
			en: 'FROM takes the image and, to name the stage, AS followed by the name: FROM image or FROM image AS name. Written like this, Docker stops with "FROM requires either one or three arguments". Check for extra words or a space inside the image name.',
		},
		check: (context) =>
			withKeyword(context, 'FROM').flatMap((item) => {
				const words = wordsOf(item.line);
				const named = words.length === 3 && words[1]?.toLowerCase() === 'as';
				// `FROM image AS` has a rule of its own, with a clearer message.
				const unnamed = words.length === 2 && words[1]?.toLowerCase() === 'as';
				return words.length === 1 || named || unnamed ? [] : [keywordHit(context, item)];
			}),
	},
	{
		id: 'copy-missing-destination',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'COPY e ADD vogliono almeno una sorgente e una destinazione: con una parola sola Docker non sa dove copiare e si ferma con «COPY requires at least two arguments, but only one was provided. Destination could not be determined». Aggiungi la destinazione, per esempio COPY app.py /app/.',
			en: 'COPY and ADD need at least one source and a destination: with a single word Docker does not know where to copy and stops with "COPY requires at least two arguments, but only one was provided. Destination could not be determined". Add the destination, for example COPY app.py /app/.',
		},
		check: (context) =>
			withKeyword(context, 'COPY', 'ADD').flatMap((item) => {
				const json = jsonArray(item.line);
				const count = json ? json.length : wordsOf(item.line).length;
				return count < 2 ? [keywordHit(context, item)] : [];
			}),
	},
	{
		id: 'unknown-flag',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Docker legge come opzioni le parole che cominciano con -- subito dopo la parola chiave, ma quest\'istruzione non ne ha una con questo nome: si ferma con «unknown flag: --…». Controlla come è scritta (--from, --chown, --chmod per COPY; --mount, --network per RUN; --platform per FROM; --interval per HEALTHCHECK). Se è un argomento del tuo programma, usa la forma exec: CMD ["programma", "--verbose"].',
			en: 'Docker reads the words starting with -- right after the keyword as its options, but this instruction has none of this name: it stops with "unknown flag: --…". Check the spelling (--from, --chown, --chmod for COPY; --mount, --network for RUN; --platform for FROM; --interval for HEALTHCHECK). If it is an argument of your program, use the exec form: CMD ["program", "--verbose"].',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item, types }) =>
				item.flags
					.filter((flag) => !Object.hasOwn(types, flag.name))
					.map((flag) => flagHit(context, item, flag))
			),
	},
	{
		id: 'duplicate-flag',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Questa opzione compare due volte nella stessa istruzione e Docker si ferma con «duplicate flag specified: --from» (con il suo nome). Tienine una sola; solo --mount, --device ed --exclude si possono ripetere.',
			en: 'This flag appears twice in the same instruction, and Docker stops with "duplicate flag specified: --from" (with its name). Keep just one; only --mount, --device and --exclude may be repeated.',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item, types }) => {
				const seen = new Set<string>();
				return item.flags.flatMap((flag) => {
					const type = types[flag.name];
					const repeated = seen.has(flag.name) && type !== undefined && type !== 'strings';
					seen.add(flag.name);
					return repeated ? [flagHit(context, item, flag)] : [];
				});
			}),
	},
	{
		id: 'flag-missing-value',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Questa opzione vuole un valore attaccato con =, e se manca Docker si ferma con «missing a value on flag: --…». Scrivi per esempio --from=build, --chown=app:app o --platform=linux/amd64, senza spazi intorno all'=; le opzioni sì/no come --link si scrivono da sole o con =true.",
			en: 'This flag needs a value joined with =, and without it Docker stops with "missing a value on flag: --…". Write, for example, --from=build, --chown=app:app or --platform=linux/amd64, with no spaces around =; yes/no flags such as --link are written alone or with =true.',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item, types }) =>
				item.flags
					.filter((flag) => {
						const type = types[flag.name];
						if (type === 'bool') return flag.value === '';
						return type !== undefined && flag.value === null;
					})
					.map((flag) => flagHit(context, item, flag))
			),
	},
	{
		id: 'flag-not-boolean',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: '--link, --parents, --keep-git-dir e --unpack sono interruttori: si scrivono da soli oppure con =true o =false. Con un altro valore Docker si ferma con «expecting boolean value for flag --link, not: …».',
			en: '--link, --parents, --keep-git-dir and --unpack are switches: write them alone or with =true or =false. With any other value Docker stops with "expecting boolean value for flag --link, not: …".',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item, types }) =>
				item.flags
					.filter(
						(flag) =>
							types[flag.name] === 'bool' &&
							flag.value !== null &&
							flag.value !== '' &&
							!['true', 'false'].includes(flag.value.toLowerCase())
					)
					.map((flag) => flagHit(context, item, flag))
			),
	},
	{
		id: 'healthcheck-duration',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Le durate di HEALTHCHECK vogliono un numero seguito dall\'unità, come 30s, 1m30s o 500ms: Docker le legge con le regole del linguaggio Go e qui si ferma con «time: missing unit in duration "5"» (oppure «time: invalid duration …» o «time: unknown unit …»); sotto il millisecondo dice «Interval "interval" cannot be less than 1ms». Scrivi per esempio --interval=30s.',
			en: 'HEALTHCHECK durations need a number followed by a unit, such as 30s, 1m30s or 500ms: Docker reads them the way Go does, and here it stops with "time: missing unit in duration "5"" (or "time: invalid duration …" or "time: unknown unit …"); below a millisecond it says "Interval "interval" cannot be less than 1ms". Write, for example, --interval=30s.',
		},
		check: (context) =>
			healthcheckFlags(context).flatMap(({ item, flag }) =>
				flag.name !== 'retries' && flag.value !== null && !isDuration(flag.value)
					? [flagHit(context, item, flag)]
					: []
			),
	},
	{
		id: 'healthcheck-retries',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: '--retries vuole un numero intero, zero o positivo; altrimenti Docker si ferma con «strconv.ParseInt: parsing "…": invalid syntax» oppure «--retries cannot be negative». Scrivi per esempio --retries=3.',
			en: '--retries needs a whole number, zero or more; otherwise Docker stops with "strconv.ParseInt: parsing "…": invalid syntax" or "--retries cannot be negative". Write, for example, --retries=3.',
		},
		check: (context) =>
			healthcheckFlags(context).flatMap(({ item, flag }) => {
				if (flag.name !== 'retries' || flag.value === null || flag.value === '') return [];
				return isRetryCount(flag.value) ? [] : [flagHit(context, item, flag)];
			}),
	},
	{
		id: 'healthcheck-type',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Dopo le opzioni, HEALTHCHECK vuole CMD seguito dal comando, oppure NONE da solo. Con un\'altra parola Docker si ferma con «Unknown type "…" in HEALTHCHECK (try CMD)», e con NONE seguito da altro con «HEALTHCHECK NONE takes no arguments».',
			en: 'After its flags HEALTHCHECK wants CMD followed by the command, or NONE alone. With another word Docker stops with "Unknown type "…" in HEALTHCHECK (try CMD)", and with NONE followed by more with "HEALTHCHECK NONE takes no arguments".',
		},
		check: (context) =>
			withKeyword(context, 'HEALTHCHECK').flatMap((item) => {
				if (isBlank(item.args)) return [];
				const [type = '', ...rest] = healthcheckWords(item.args);
				const upper = type.toUpperCase();
				const wrong = upper === 'NONE' ? rest.length > 0 : upper !== 'CMD';
				return wrong ? [argumentsHit(context, item)] : [];
			}),
	},
	{
		id: 'healthcheck-missing-command',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Dopo HEALTHCHECK CMD manca il comando da eseguire e Docker si ferma con «Missing command after HEALTHCHECK CMD». Scrivi il controllo, per esempio HEALTHCHECK CMD curl -f http://localhost/ || exit 1.',
			en: 'The command to run is missing after HEALTHCHECK CMD, and Docker stops with "Missing command after HEALTHCHECK CMD". Write the check, for example HEALTHCHECK CMD curl -f http://localhost/ || exit 1.',
		},
		check: (context) =>
			withKeyword(context, 'HEALTHCHECK').flatMap((item) => {
				const [type = '', ...rest] = healthcheckWords(item.args);
				const command = rest.join(' ');
				const empty = command === '' || jsonArray(command)?.length === 0;
				return type.toUpperCase() === 'CMD' && empty ? [argumentsHit(context, item)] : [];
			}),
	},
	{
		id: 'invalid-stop-signal',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Questo non è un segnale che Docker conosca, e la build si ferma con «invalid signal: …». Usa il nome di un segnale Linux, con o senza SIG (SIGTERM, SIGINT, SIGQUIT, SIGUSR1…), oppure il suo numero: STOPSIGNAL SIGQUIT.',
			en: 'This is not a signal Docker knows, and the build stops with "invalid signal: …". Use the name of a Linux signal, with or without SIG (SIGTERM, SIGINT, SIGQUIT, SIGUSR1…), or its number: STOPSIGNAL SIGQUIT.',
		},
		check: (context) =>
			withKeyword(context, 'STOPSIGNAL').flatMap((item) => {
				if (isBlank(item.args)) return [];
				const signal = unquoted(item.args);
				return signal === null || isSignal(signal) ? [] : [argumentsHit(context, item)];
			}),
	},
	{
		id: 'onbuild-trigger',
		counterpart: 'DL3043',
		severity: 'error',
		docs,
		message: {
			it: "ONBUILD non può far scattare FROM, MAINTAINER o un altro ONBUILD: Docker si ferma con «FROM isn't allowed as an ONBUILD trigger» (o «MAINTAINER isn't allowed as an ONBUILD trigger», o «Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed»). Dopo ONBUILD metti un'istruzione come RUN, COPY o ENV.",
			en: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD: Docker stops with "FROM isn\'t allowed as an ONBUILD trigger" (or "MAINTAINER isn\'t allowed as an ONBUILD trigger", or "Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed"). After ONBUILD put an instruction such as RUN, COPY or ENV.',
		},
		check: (context) =>
			withKeyword(context, 'ONBUILD').flatMap((item) => {
				const trigger = (/^\S+/.exec(item.args)?.[0] ?? '').toUpperCase();
				return ['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger)
					? [
							{
								node: item.node,
								range: context.at(item.node, item.argsStart, item.argsStart + trigger.length),
							},
						]
					: [];
			}),
	},
	{
		id: 'shell-not-json',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'SHELL accetta solo la forma JSON: il programma e le sue opzioni tra parentesi quadre e virgolette doppie. Scritto così Docker si ferma con «SHELL requires the arguments to be in JSON form». Scrivi per esempio SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
			en: 'SHELL only takes the JSON form: the program and its options in square brackets and double quotes. Written like this, Docker stops with "SHELL requires the arguments to be in JSON form". Write, for example, SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
		},
		check: (context) =>
			withKeyword(context, 'SHELL').flatMap((item) =>
				!isBlank(item.args) && jsonArray(item.args) === null ? [argumentsHit(context, item)] : []
			),
	},
	{
		id: 'json-not-strings',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Nella forma exec ogni elemento dell\'array deve essere una stringa tra virgolette doppie: con un numero, true o null Docker si ferma con «when using JSON array syntax, arrays must be comprised of strings only». Metti tra virgolette anche i numeri: CMD ["sleep", "10"].',
			en: 'In the exec form every element of the array must be a string in double quotes: with a number, true or null Docker stops with "when using JSON array syntax, arrays must be comprised of strings only". Quote numbers too: CMD ["sleep", "10"].',
		},
		check: (context) =>
			withKeyword(context, ...jsonKeywords).flatMap((item) => {
				const text = item.keyword === 'HEALTHCHECK' ? afterFirstWord(item.args) : item.args;
				return holdsNonStrings(text) ? [argumentsHit(context, item)] : [];
			}),
	},
	{
		id: 'blank-name',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Prima dell'= manca il nome, e Docker si ferma con «ENV names can not be blank» (o ARG, o LABEL). Scrivi NOME=valore, senza spazi intorno all'=: ENV PORTA=8080.",
			en: 'The name before = is missing, and Docker stops with "ENV names can not be blank" (or ARG, or LABEL). Write NAME=value with no spaces around =: ENV PORT=8080.',
		},
		check: (context) =>
			withKeyword(context, 'ENV', 'LABEL', 'ARG').flatMap((item) => {
				// Only a word that starts with = can have a blank name.
				if (!/(^|\s)=/.test(item.args)) return [];
				const words = splitKeyValueWords(item.args, context.escape);
				// ENV and LABEL without = in the first word use the legacy `KEY value` form.
				const pairs = item.keyword === 'ARG' || words[0]?.includes('=') ? words : [];
				const blank = pairs.find((word) => word.startsWith('='));
				return blank === undefined
					? []
					: [{ node: item.node, range: findFrom(context, item, blank) }];
			}),
	},
	{
		id: 'empty-volume',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'VOLUME contiene un percorso vuoto e Docker si ferma con «VOLUME specified can not be an empty string». Togli la stringa vuota o scrivi il percorso: VOLUME ["/data"].',
			en: 'VOLUME holds an empty path, and Docker stops with "VOLUME specified can not be an empty string". Remove the empty string or write the path: VOLUME ["/data"].',
		},
		check: (context) =>
			withKeyword(context, 'VOLUME').flatMap((item) =>
				jsonArray(item.args)?.some((path) => path.trim() === '')
					? [argumentsHit(context, item)]
					: []
			),
	},
	{
		id: 'invalid-run-option',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: '--network accetta solo default, none e host, --security solo sandbox e insecure: con un altro valore Docker si ferma con «invalid network mode "…"» o «security "…" is not valid». Per isolare il RUN dalla rete scrivi --network=none.',
			en: '--network only takes default, none and host, and --security only sandbox and insecure: with any other value Docker stops with "invalid network mode "…"" or "security "…" is not valid". To cut the RUN off the network, write --network=none.',
		},
		check: (context) =>
			runFlags(context).flatMap(({ item, flag }) => {
				const allowed = runOptionValues[flag.name];
				return allowed && flag.value !== null && !allowed.includes(flag.value)
					? [flagHit(context, item, flag)]
					: [];
			}),
	},
	{
		id: 'run-device-labs',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'RUN --device funziona solo con il frontend sperimentale di Dockerfile: senza # syntax=docker/dockerfile:1-labs come prima riga Docker si ferma con «device feature is only supported in Dockerfile frontend 1.14.0-labs or later». Aggiungi la direttiva oppure togli --device.',
			en: 'RUN --device only works with the experimental Dockerfile frontend: without # syntax=docker/dockerfile:1-labs as the first line, Docker stops with "device feature is only supported in Dockerfile frontend 1.14.0-labs or later". Add the directive or drop --device.',
		},
		check(context) {
			const labs = context.model.directives.some(
				(directive) => directive.name === 'syntax' && directive.value.includes('labs')
			);
			return labs
				? []
				: runFlags(context)
						.filter(({ flag }) => flag.name === 'device')
						.map(({ item, flag }) => flagHit(context, item, flag));
		},
	},
	{
		id: 'invalid-mount',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Questo --mount non è scritto come Docker si aspetta e la build si ferma, per esempio con «unsupported mount type "…"» (i tipi sono bind, cache, tmpfs, secret e ssh), «unexpected key … in …» per un\'opzione che non esiste o che quel tipo non ha, o «invalid field … must be a key=value pair». Scrivi le opzioni come chiave=valore separate da virgole: --mount=type=cache,target=/root/.cache.',
			en: 'This --mount is not written the way Docker expects, and the build stops, for example with "unsupported mount type "…"" (the types are bind, cache, tmpfs, secret and ssh), "unexpected key … in …" for an option that does not exist or that the type lacks, or "invalid field … must be a key=value pair". Write the options as key=value separated by commas: --mount=type=cache,target=/root/.cache.',
		},
		check: (context) =>
			runFlags(context).flatMap(({ item, flag }) =>
				flag.name === 'mount' && flag.value !== null && !isValidMount(flag.value)
					? [flagHit(context, item, flag)]
					: []
			),
	},
	{
		id: 'from-flag-variable',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Docker non sostituisce le variabili in COPY --from e in from= di RUN --mount, e si ferma con «variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround» (per il mount «'from' doesn't support variable expansion, define alias stage instead»). Dichiara ARG prima del primo FROM, crea uno stage FROM ${IMMAGINE} AS sorgente e copia da quello: COPY --from=sorgente ….",
			en: 'Docker does not replace variables in COPY --from or in the from= of RUN --mount, and stops with "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround" (for the mount, "\'from\' doesn\'t support variable expansion, define alias stage instead"). Declare the ARG before the first FROM, make a stage FROM ${IMAGE} AS source and copy from it: COPY --from=source ….',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item }) =>
				item.flags
					.filter((flag) => {
						const value = flag.value ?? '';
						if (item.keyword === 'COPY' && flag.name === 'from') return /\$[A-Za-z_{]/.test(value);
						return item.keyword === 'RUN' && flag.name === 'mount' && mountFromHasVariable(value);
					})
					.map((flag) => flagHit(context, item, flag))
			),
	},
	{
		id: 'chmod-not-octal',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Scritto in cifre, --chmod vuole un numero ottale tra 0 e 7777, come 644 o 0755; altrimenti Docker si ferma con «invalid chmod parameter: …. it should be octal string and between 0 and 07777». In ottale le cifre 8 e 9 non esistono.',
			en: 'Written in digits, --chmod needs an octal number between 0 and 7777, such as 644 or 0755; otherwise Docker stops with "invalid chmod parameter: …. it should be octal string and between 0 and 07777". Octal has no digits 8 and 9.',
		},
		check: (context) =>
			parsedFlags(context).flatMap(({ item }) =>
				item.flags
					.filter(
						(flag) =>
							flag.name === 'chmod' &&
							(item.keyword === 'COPY' || item.keyword === 'ADD') &&
							/^\d+$/.test(flag.value ?? '') &&
							!(/^[0-7]+$/.test(flag.value ?? '') && Number.parseInt(flag.value ?? '', 8) <= 0o7777)
					)
					.map((flag) => flagHit(context, item, flag))
			),
	},
	{
		id: 'add-checksum-source',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "--checksum verifica un file scaricato, quindi vale solo con un'unica sorgente HTTP(S) o Git: con file locali o più sorgenti Docker si ferma con «checksum requires HTTP(S) or Git sources» o «checksum can't be specified for multiple sources». Togli --checksum, oppure scrivi un ADD per ogni URL.",
			en: '--checksum verifies a downloaded file, so it only works with a single HTTP(S) or Git source: with local files or several sources Docker stops with "checksum requires HTTP(S) or Git sources" or "checksum can\'t be specified for multiple sources". Drop --checksum, or write one ADD per URL.',
		},
		check: (context) =>
			withKeyword(context, 'ADD').flatMap((item) => {
				const flag = item.flags.find((each) => each.name === 'checksum');
				if (!flag?.value) return [];
				const words = jsonArray(item.line) ?? wordsOf(item.line);
				const sources = words.slice(0, -1);
				const local = sources.some(
					(source) => !source.includes('$') && !/^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(source)
				);
				return sources.length > 1 || local ? [flagHit(context, item, flag)] : [];
			}),
	},
	{
		id: 'copy-url-source',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "COPY copia solo dal contesto di build o da un altro stage: con un indirizzo web Docker si ferma con «source can't be a URL for COPY» (per un repository Git, «source can't be a git ref for COPY»). Per scaricare un file usa ADD, meglio con --checksum, oppure RUN curl.",
			en: 'COPY only copies from the build context or another stage: with a web address Docker stops with "source can\'t be a URL for COPY" (for a Git repository, "source can\'t be a git ref for COPY"). To download a file use ADD, preferably with --checksum, or RUN curl.',
		},
		check: (context) =>
			withKeyword(context, 'COPY').flatMap((item) => {
				const words = jsonArray(item.line) ?? wordsOf(item.line);
				const url = words.slice(0, -1).find((source) => /^https?:\/\//i.test(source));
				return url ? [{ node: item.node, range: findFrom(context, item, url) }] : [];
			}),
	},
	{
		id: 'unterminated-heredoc',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Questo heredoc non si chiude: dopo il testo manca una riga con la sola parola di chiusura, e Docker si ferma con «unterminated heredoc». Aggiungi la riga EOF (o la parola che hai scelto dopo <<), da sola e senza spazi.',
			en: 'This heredoc is never closed: after the text there is no line with just the closing word, and Docker stops with "unterminated heredoc". Add the line EOF (or the word you chose after <<), alone and with no spaces.',
		},
		check: (context) =>
			withKeyword(context, 'RUN', 'COPY', 'ADD').flatMap((item) => {
				if (!item.line.includes('<<')) return [];
				// dockerfile-ast runs an unclosed heredoc to the end of the file: it is the last instruction.
				if (jsonArray(item.line) || context.instructions.at(-1) !== item.node) return [];
				const open = unclosedHeredoc(item, context.escape);
				return open ? [{ node: item.node, range: findFrom(context, item, open) }] : [];
			}),
	},
];

/** The instructions as written, by keyword, and those whose flags BuildKit reads. */
interface Reading {
	byKeyword: Map<string, Written[]>;
	flagged: { item: Written; types: Readonly<Record<string, FlagType>> }[];
}

/** Every instruction, read once per lint run and shared by the rules. */
const readingCache = new WeakMap<LintContext, Reading>();

function reading(context: LintContext): Reading {
	const cached = readingCache.get(context);
	if (cached) return cached;
	const byKeyword = new Map<string, Written[]>();
	const flagged: Reading['flagged'] = [];
	for (const node of context.instructions) {
		const item = readWritten(node, context.escape);
		const list = byKeyword.get(item.keyword);
		if (list) list.push(item);
		else byKeyword.set(item.keyword, [item]);
		const types = flagTypes[item.keyword];
		// `HEALTHCHECK NONE` returns before reading its flags.
		const none = item.keyword === 'HEALTHCHECK' && /^none(\s|$)/i.test(item.args);
		if (types && item.flags.length && !none) flagged.push({ item, types });
	}
	const result = { byKeyword, flagged };
	readingCache.set(context, result);
	return result;
}

/** The instructions with one of these keywords (rules sort nothing: lint orders the findings). */
function withKeyword(context: LintContext, ...keywords: string[]): Written[] {
	const { byKeyword } = reading(context);
	return keywords.flatMap((keyword) => byKeyword.get(keyword) ?? []);
}

function readWritten(node: Instruction, escape: string): Written {
	const text = node.source?.text ?? '';
	const keyword = keywordOf(node);
	const keywordLength = (/^\S*/.exec(text)?.[0] ?? '').length;
	let flags: WrittenFlag[] = noFlags;
	let index = skipBlanks(text, keywordLength, escape);
	if (text.startsWith('--', index)) flags = [];
	while (text.startsWith('--', index)) {
		const word = readFlagWord(text, index, escape);
		index = skipBlanks(text, word.end, escape);
		// A lone `--` ends the flags, as in a POSIX command line.
		if (word.text === '--') break;
		const equals = word.text.indexOf('=');
		flags.push({
			name: (equals === -1 ? word.text : word.text.slice(0, equals)).slice(2),
			value: equals === -1 ? null : word.text.slice(equals + 1),
			start: word.start,
			end: word.end,
		});
	}
	const args = joinContinuations(text.slice(index), escape).trim();
	const lineEnd = args.indexOf('\n');
	const line = lineEnd === -1 ? args : args.slice(0, lineEnd).trim();
	return { node, keyword, keywordLength, flags, args, line, argsStart: index };
}

/** A flag word with its quotes and escapes removed, as BuildKit's flag reader sees it. */
function readFlagWord(
	text: string,
	start: number,
	escape: string
): { text: string; start: number; end: number } {
	let value = '';
	let quote = '';
	let index = start;
	while (index < text.length) {
		const continuation = continuationLength(text, index, escape);
		if (continuation) {
			index += continuation;
			continue;
		}
		const char = text.charAt(index);
		if (char === '\n' || (!quote && (char === ' ' || char === '\t'))) break;
		if (char === escape) {
			value += text.charAt(index + 1);
			index += 2;
		} else if (quote) {
			if (char !== quote) value += char;
			else quote = '';
			index += 1;
		} else if (char === '"' || char === "'") {
			quote = char;
			index += 1;
		} else {
			value += char;
			index += 1;
		}
	}
	return { text: value, start, end: index };
}

/** The instructions that read their flags, with the flags each accepts. */
function parsedFlags(context: LintContext): Reading['flagged'] {
	return reading(context).flagged;
}

function healthcheckFlags(context: LintContext): { item: Written; flag: WrittenFlag }[] {
	return parsedFlags(context).flatMap(({ item }) =>
		item.keyword === 'HEALTHCHECK' && !isBlank(item.args)
			? item.flags
					.filter((flag) => Object.hasOwn(flagTypes.HEALTHCHECK ?? {}, flag.name))
					.map((flag) => ({ item, flag }))
			: []
	);
}

function runFlags(context: LintContext): { item: Written; flag: WrittenFlag }[] {
	return parsedFlags(context).flatMap(({ item }) =>
		item.keyword === 'RUN' ? item.flags.map((flag) => ({ item, flag })) : []
	);
}

/** The directives BuildKit reads: those at the top, up to the first name it does not know. */
function leadingDirectives<T extends { name: string }>(directives: readonly T[]): T[] {
	const unknown = directives.findIndex((directive) => !directiveNames.has(directive.name));
	return unknown === -1 ? [...directives] : directives.slice(0, unknown);
}

/** The first node of the file, so an empty file's finding has somewhere to be. */
function firstNode(context: LintContext): Located | undefined {
	return context.model.directives[0] ?? context.model.preamble[0];
}

function isBlank(args: string): boolean {
	return args === '';
}

/** No arguments, or an empty JSON array (`SHELL []`, `VOLUME []`). */
function isEmptyList(args: string): boolean {
	return args === '' || jsonArray(args)?.length === 0;
}

/** Words split on blanks, as BuildKit splits FROM, COPY and ADD when they are not JSON. */
function wordsOf(text: string): string[] {
	return text.split(/[ \t\v\f\r]+/).filter((word) => word !== '');
}

/** The words of HEALTHCHECK: its type, then the command as written. */
function healthcheckWords(args: string): string[] {
	const type = /^\S*/.exec(args)?.[0] ?? '';
	const command = args.slice(type.length).trim();
	return command === '' ? [type] : [type, command];
}

function afterFirstWord(text: string): string {
	return text.replace(/^\S*\s*/, '');
}

/** A JSON array of strings, or `null` for anything else (Docker then reads plain words). */
function jsonArray(text: string): string[] | null {
	const value = parsedJson(text);
	return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

/** Whether the text is a JSON array with something other than a string in it. */
function holdsNonStrings(text: string): boolean {
	const value = parsedJson(text);
	return Array.isArray(value) && value.some((item) => typeof item !== 'string');
}

function parsedJson(text: string): unknown {
	if (!text.startsWith('[')) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** A single word without its quotes, or `null` when it holds a variable Docker fills in later. */
function unquoted(word: string): string | null {
	if (word.includes('$')) return null;
	const quoted = /^(["'])(.*)\1$/.exec(word);
	return quoted ? (quoted[2] ?? '') : word;
}

/** Whether Docker's signal parser accepts it: a non-zero number, or a Linux signal's name. */
function isSignal(signal: string): boolean {
	if (/^[+-]?\d+$/.test(signal)) return Number(signal) !== 0;
	const upper = signal.toUpperCase();
	return signals.has(upper.startsWith('SIG') ? upper.slice(3) : upper);
}

/**
 * Whether Go's duration parser accepts the value and BuildKit keeps it: `0`, empty, or a signed
 * sequence of decimal numbers each with a unit, not below one millisecond unless it is zero.
 */
function isDuration(value: string): boolean {
	if (value === '') return true;
	const sign = /^[+-]/.test(value) ? (value.charAt(0) === '-' ? -1 : 1) : 1;
	const rest = value.replace(/^[+-]/, '');
	if (rest === '0') return true;
	const part = /(\d*)(?:\.(\d*))?([^\d.]*)/y;
	let total = 0;
	let index = 0;
	if (rest === '') return false;
	while (index < rest.length) {
		part.lastIndex = index;
		const match = part.exec(rest);
		const [whole = '', integer = '', fraction, unit = ''] = match ?? [];
		const unitSize = durationUnits[unit];
		if (whole === '' || (integer === '' && !fraction) || unitSize === undefined) return false;
		total += Number(`${integer || '0'}.${fraction ?? ''}`) * unitSize;
		index += whole.length;
	}
	// Go refuses more than 2^63-1 nanoseconds; a negative one falls under BuildKit's minimum.
	return total <= 9.2233720368547758e18 && (total === 0 || (sign > 0 && total >= 1e6));
}

/** Whether Go reads the value as a 32-bit integer that is not negative. */
function isRetryCount(value: string): boolean {
	return /^[+-]?\d+$/.test(value) && Number(value) >= 0 && Number(value) <= 2 ** 31 - 1;
}

/** `from=` of a mount with a variable that is not its very last character. */
function mountFromHasVariable(mount: string): boolean {
	return mount.split(',').some((field) => {
		const [key = '', value = ''] = splitOnce(field);
		const dollar = value.indexOf('$');
		return key.toLowerCase() === 'from' && dollar !== -1 && dollar !== value.length - 1;
	});
}

/**
 * Whether BuildKit accepts a `--mount` value, read option by option as it does (the order matters:
 * `required` and `size` are judged by the type set so far). A mount with quotes or variables is
 * left alone, since only the build knows its final text.
 */
function isValidMount(mount: string): boolean {
	if (/["$]/.test(mount)) return true;
	let type = 'bind';
	const set = new Map<string, string>();
	for (const field of mount.split(',')) {
		const equals = field.indexOf('=');
		const key = (equals === -1 ? field : field.slice(0, equals)).toLowerCase();
		const value = equals === -1 ? null : field.slice(equals + 1);
		const secretLike = type === 'secret' || type === 'ssh';
		if (value === null) {
			if (key === 'required' ? !secretLike : !['readonly', 'ro', 'readwrite', 'rw'].includes(key))
				return false;
			continue;
		}
		if (!isValidMountOption(key, value, type)) return false;
		if (key === 'type') type = value.toLowerCase();
		set.set(key === 'src' ? 'source' : key, value);
	}
	const fileInfo = ['secret', 'ssh', 'cache'].includes(type);
	if (!fileInfo && ['mode', 'uid', 'gid'].some((key) => set.has(key))) return false;
	if (set.has('sharing') && type !== 'cache') return false;
	if (type === 'secret') {
		const source = set.get('source') ?? '';
		const target = set.get('target') ?? set.get('dst') ?? set.get('destination') ?? '';
		const id = set.get('id') ?? '';
		if (set.get('from') || (source === '' && target === '' && id === '')) return false;
		if (source !== '' && id !== '') return false;
	}
	return true;
}

function isValidMountOption(key: string, value: string, type: string): boolean {
	switch (key) {
		case 'type':
			return mountTypes.has(value.toLowerCase());
		case 'from':
		case 'source':
		case 'src':
		case 'target':
		case 'dst':
		case 'destination':
		case 'id':
		case 'env':
			return true;
		case 'readonly':
		case 'ro':
		case 'readwrite':
		case 'rw':
			return isGoBool(value);
		case 'required':
			return (type === 'secret' || type === 'ssh') && isGoBool(value);
		case 'size':
			return type === 'tmpfs' && isSize(value);
		case 'sharing':
			return mountSharing.has(value.toLowerCase());
		case 'mode':
			return /^[0-7]+$/.test(value) && Number.parseInt(value, 8) <= 0xffffffff;
		case 'uid':
		case 'gid':
			return /^\d+$/.test(value) && Number(value) <= 0xffffffff;
		default:
			return false;
	}
}

function isGoBool(value: string): boolean {
	return ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(
		value
	);
}

/**
 * Whether a tmpfs `size` reads as Docker's sizes do: a number, then at most `b` or one of
 * `k m g t p` with `b` or `ib` (`64m`, `1.5GiB`). Numbers in exponent or hex notation, which Go
 * also reads, are given the benefit of the doubt.
 */
function isSize(value: string): boolean {
	const last = Math.max(...[...'0123456789. '].map((char) => value.lastIndexOf(char)));
	if (last === -1) return false;
	const number = value.slice(0, value.charAt(last) === ' ' ? last : last + 1);
	const suffix = value.slice(last + 1).toLowerCase();
	if (!/^\+?(\d+\.?\d*|\.\d+)$/.test(number))
		return /^\+?((\d+\.?\d*|\.\d+)[eE][+-]?\d+|0[xX][\da-fA-F.]+([pP][+-]?\d+)?)$/.test(number);
	return /^([kmgtp](i?b)?|b)?$/.test(suffix);
}

function splitOnce(field: string): [string, string] {
	const equals = field.indexOf('=');
	return equals === -1 ? [field, ''] : [field.slice(0, equals), field.slice(equals + 1)];
}

/**
 * The first heredoc word (`<<EOF`) whose closing line never comes, or `null`. Bodies follow the
 * instruction's first line in order, each up to a line with just its word (tabs stripped for
 * `<<-`).
 */
function unclosedHeredoc(item: Written, escape: string): string | null {
	const text = item.node.source?.text ?? '';
	const body = text.slice(logicalLineEnd(text, 0, escape) + 1).split('\n');
	let next = 0;
	for (const word of item.line.split(/\s+/)) {
		const heredoc = /^\d*<<(-?)(["']?)([^<"']+)\2$/.exec(word);
		if (!heredoc) continue;
		const [, chomp, , name] = heredoc;
		const close = body.findIndex(
			(line, index) => index >= next && (chomp ? line.replace(/^\t+/, '') : line) === name
		);
		if (close === -1) return word;
		next = close + 1;
	}
	return null;
}

function keywordHit(context: LintContext, item: Written): Hit {
	return { node: item.node, range: context.at(item.node, 0, item.keywordLength) };
}

/** The arguments of an instruction up to the end of its line, or its keyword when it has none. */
function argumentsHit(context: LintContext, item: Written): Hit {
	const text = item.node.source?.text ?? '';
	const lineEnd = logicalLineEnd(text, item.argsStart, context.escape);
	const end = item.argsStart + text.slice(item.argsStart, lineEnd).trimEnd().length;
	return end > item.argsStart
		? { node: item.node, range: context.at(item.node, item.argsStart, end) }
		: keywordHit(context, item);
}

function flagHit(context: LintContext, item: Written, flag: WrittenFlag): Hit {
	return { node: item.node, range: context.at(item.node, flag.start, flag.end) };
}

/** The first `needle` in the arguments, else the whole instruction. */
function findFrom(context: LintContext, item: Written, needle: string): SourceRange {
	return context.find(item.node, needle, item.argsStart);
}

/** Where the line holding `from` ends, following line continuations. */
function logicalLineEnd(text: string, from: number, escape: string): number {
	let end = text.indexOf('\n', from);
	while (end !== -1 && continues(text.slice(text.lastIndexOf('\n', end - 1) + 1, end), escape)) {
		end = text.indexOf('\n', end + 1);
	}
	return end === -1 ? text.length : end;
}
