/**
 * Rules about single instructions and their arguments: paths, ports, ENV and LABEL pairs,
 * variables, the exec form, the way instructions are written.
 */
import type { Hit, LintContext, Rule, StageContext } from './context.ts';
import { keywordOf, keywords, type Instruction, type KeyValue } from './model.ts';
import { printPort } from './print.ts';
import { platformArgs } from './rules-stages.ts';
import { assignmentIndex, joinContinuations, splitKeyValueWords, variablesIn } from './text.ts';

const docs = '/docker/dockerfile/';

/** Instructions in which Docker itself replaces `$VARIABLES` (RUN and CMD leave it to the shell). */
const expanding = new Set([
	'add',
	'copy',
	'env',
	'expose',
	'label',
	'stopsignal',
	'user',
	'volume',
	'workdir',
]);

/** Variables every build has: proxy and platform arguments, and what base images usually set. */
const predefined = new Set([
	...['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [
		name,
		name.toLowerCase(),
	]),
	...platformArgs,
	...['PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LC_ALL', 'PWD'],
]);

const knownKeywords = new Set<string>(Object.values(keywords));

/** The words that make a name look secret to BuildKit, and those that clear it. */
const secretWords = new Set(
	'apikey auth credential credentials key password passwd pword secret token'.split(' ')
);
const allowedWords = new Set(['public', 'file', 'version']);

export const instructionRules: Rule[] = [
	{
		id: 'relative-workdir',
		counterpart: 'WorkdirRelativePath',
		aliases: ['DL3000'],
		severity: 'warning',
		docs,
		message: {
			it: "Un WORKDIR relativo si aggiunge alla cartella di lavoro dell'immagine di base, che non vedi e che può cambiare. Usa un percorso assoluto, per esempio WORKDIR /app.",
			en: "A relative WORKDIR is appended to the base image's working directory, which you cannot see and which may change. Use an absolute path, for example WORKDIR /app.",
		},
		// As in BuildKit, only the first WORKDIR of a stage and the stages it builds on counts: a
		// relative one after it is relative to a folder this file chose.
		check: (context) =>
			context.stages.flatMap((stage) => {
				let set = ancestry(stage).some((node) => node.kind === 'workdir');
				return stage.instructions.flatMap((node) => {
					if (node.kind !== 'workdir') return [];
					const relative = !isAbsolute(node.path) && !set;
					set = true;
					return relative ? [{ node, range: context.findLast(node, node.path) }] : [];
				});
			}),
	},
	{
		id: 'copy-relative-without-workdir',
		counterpart: 'DL3045',
		severity: 'warning',
		docs,
		message: {
			it: "La destinazione è relativa, ma nello stage non c'è ancora un WORKDIR: i file finiscono nella cartella di lavoro dell'immagine di base, spesso la radice /. Metti prima WORKDIR /app, oppure usa un percorso assoluto.",
			en: "The destination is relative but the stage has no WORKDIR yet: the files land in the base image's working directory, often the root /. Set WORKDIR /app first, or use an absolute path.",
		},
		check: (context) =>
			context.stages.flatMap((stage) => {
				let hasWorkdir = ancestry(stage).some((node) => node.kind === 'workdir');
				return stage.instructions.flatMap((node) => {
					hasWorkdir ||= node.kind === 'workdir';
					const isTransfer = node.kind === 'copy' || node.kind === 'add';
					if (!isTransfer || hasWorkdir || isAbsolute(node.destination)) return [];
					return [{ node, range: context.findLast(node, node.destination) }];
				});
			}),
	},
	{
		id: 'add-instead-of-copy',
		counterpart: 'DL3020',
		severity: 'warning',
		docs,
		message: {
			it: 'Con file locali ADD fa lo stesso di COPY, ma ha comportamenti in più (estrae gli archivi, scarica URL) che possono sorprendere. Per copiare file e cartelle usa COPY.',
			en: 'With local files ADD does what COPY does, but it has extra behaviour (it unpacks archives, downloads URLs) that can surprise. To copy files and folders, use COPY.',
		},
		check: (context) =>
			context.instructions
				.filter((node) => node.kind === 'add' && node.sources.every(isPlainLocalFile))
				.map((node) => keywordHit(context, node)),
	},
	{
		id: 'copy-destination-slash',
		counterpart: 'DL3021',
		severity: 'error',
		docs,
		message: {
			it: 'Con più sorgenti la destinazione deve essere una cartella e finire con /, altrimenti la build fallisce. Scrivi per esempio COPY a.txt b.txt /app/.',
			en: 'With several sources the destination must be a folder ending in /, otherwise the build fails. Write, for example, COPY a.txt b.txt /app/.',
		},
		check: (context) =>
			context.instructions.flatMap((node) => {
				const isTransfer = node.kind === 'copy' || node.kind === 'add';
				if (!isTransfer || node.sources.length < 2 || node.destination.endsWith('/')) return [];
				return [{ node, range: context.findLast(node, node.destination) }];
			}),
	},
	{
		id: 'json-args-recommended',
		counterpart: 'JSONArgsRecommended',
		aliases: ['DL3025'],
		severity: 'warning',
		docs,
		message: {
			it: 'Nella forma shell il comando parte come figlio di /bin/sh -c, che non gli passa i segnali: docker stop non arriva al tuo programma e il container viene ucciso dopo 10 secondi. Usa la forma exec: CMD ["programma", "argomento"].',
			en: 'In shell form the command runs as a child of /bin/sh -c, which does not pass signals on: docker stop never reaches your program and the container is killed after 10 seconds. Use the exec form: CMD ["program", "argument"].',
		},
		// A SHELL instruction before it says the shell form is chosen on purpose: BuildKit is silent.
		check: (context) =>
			context.stages.flatMap((stage) => {
				let shell = ancestry(stage).some((node) => node.kind === 'shell');
				return stage.instructions.flatMap((node) => {
					shell ||= node.kind === 'shell';
					const isStart = node.kind === 'cmd' || node.kind === 'entrypoint';
					if (!isStart || node.command.form !== 'shell' || shell) return [];
					return [{ node, range: context.findLast(node, node.command.text) }];
				});
			}),
	},
	{
		id: 'expose-invalid-port',
		counterpart: 'DL3011',
		severity: 'error',
		docs,
		message: {
			it: 'Questa non è una porta valida: EXPOSE accetta numeri da 0 a 65535 (o intervalli come 8000-8010), seguiti se serve da /tcp, /udp o /sctp.',
			en: 'This is not a valid port: EXPOSE takes numbers from 0 to 65535 (or ranges such as 8000-8010), optionally followed by /tcp, /udp or /sctp.',
		},
		check: (context) =>
			exposedPorts(context, ({ port, protocol }) => {
				if (port.includes('$') || port.includes(':')) return false;
				const numbers = /^(\d+)(?:-(\d+))?$/.exec(port);
				const [low, high] = [Number(numbers?.[1]), Number(numbers?.[2] ?? numbers?.[1])];
				const validProtocol = protocol === '' || /^(tcp|udp|sctp)$/i.test(protocol);
				return !numbers || high > 65535 || low > high || !validProtocol;
			}),
	},
	{
		id: 'expose-host-mapping',
		counterpart: 'ExposeInvalidFormat',
		severity: 'warning',
		docs,
		message: {
			it: "EXPOSE documenta solo la porta del container: la porta dell'host (o l'indirizzo IP) si sceglie all'avvio con docker run -p 8080:80. Scrivi soltanto EXPOSE 80.",
			en: "EXPOSE only documents the container's port: the host port (or IP address) is chosen at start time with docker run -p 8080:80. Write just EXPOSE 80.",
		},
		check: (context) => exposedPorts(context, ({ port }) => port.includes(':')),
	},
	{
		id: 'expose-protocol-casing',
		counterpart: 'ExposeProtoCasing',
		severity: 'warning',
		docs,
		message: {
			it: 'Il protocollo di EXPOSE si scrive in minuscolo: 80/tcp, 53/udp.',
			en: 'EXPOSE protocols are written in lower case: 80/tcp, 53/udp.',
		},
		check: (context) =>
			exposedPorts(
				context,
				({ protocol }) => protocol !== protocol.toLowerCase() && /^(tcp|udp|sctp)$/i.test(protocol)
			),
	},
	{
		id: 'missing-value',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Questa chiave non ha un valore: in ENV e LABEL ogni voce è chiave=valore. Se il valore contiene spazi mettilo tra virgolette (ENV SALUTO="ciao mondo"), altrimenti la parola dopo lo spazio diventa una nuova chiave senza valore.',
			en: 'This key has no value: every entry of ENV and LABEL is key=value. Quote a value with spaces (ENV GREETING="hello world"), otherwise the word after the space becomes a new key with no value.',
		},
		check: (context) => pairsOf(context, ['env', 'label'], (pair) => pair.value === null),
	},
	{
		id: 'legacy-key-value',
		counterpart: 'LegacyKeyValueFormat',
		severity: 'warning',
		docs,
		message: {
			it: 'La forma «ENV CHIAVE valore», senza =, è deprecata ed è ambigua quando il valore contiene spazi. Scrivi ENV CHIAVE=valore.',
			en: 'The `ENV KEY value` form, without =, is deprecated and ambiguous when the value has spaces. Write ENV KEY=value.',
		},
		check: (context) =>
			context.instructions.flatMap((node) => {
				const keyword = keywordOf(node);
				if (keyword !== 'ENV' && keyword !== 'LABEL') return [];
				const rest = (node.source?.text ?? '').replace(/^\S+\s+/, '');
				const words = splitKeyValueWords(joinContinuations(rest, context.escape), context.escape);
				const [first = ''] = words;
				const legacy = words.length > 1 && assignmentIndex(first, context.escape) === -1;
				return legacy ? [{ node, range: context.find(node, first, keyword.length) }] : [];
			}),
	},
	{
		id: 'secrets-in-arg-env',
		counterpart: 'SecretsUsedInArgOrEnv',
		aliases: ['DL3064'],
		severity: 'warning',
		docs,
		message: {
			it: "Il nome fa pensare a un segreto. I valori di ARG ed ENV restano nell'immagine e nella sua cronologia (docker history), dove chiunque abbia l'immagine può leggerli. Passa i segreti con RUN --mount=type=secret, oppure al container quando parte.",
			en: 'The name suggests a secret. ARG and ENV values stay in the image and its history (docker history), readable by anyone who has the image. Pass secrets with RUN --mount=type=secret, or to the container when it starts.',
		},
		// Global ARGs (before the first FROM) stay out of the image: BuildKit checks only stages.
		check: (context) =>
			pairsOf(context, ['arg', 'env'], (pair) => isSecretName(pair.key)).filter(
				(hit) => !context.preamble.some((node) => node === hit.node)
			),
	},
	{
		id: 'undefined-var',
		counterpart: 'UndefinedVar',
		severity: 'warning',
		docs,
		message: {
			it: "Questa variabile non è definita da un ARG o da un ENV precedente nello stage, quindi Docker la sostituisce con un testo vuoto. Dichiarala prima, controlla come l'hai scritta, oppure dai un valore di riserva con ${NOME:-valore}. Un ARG dichiarato prima del FROM va ripetuto dentro lo stage.",
			en: 'This variable is not defined by an earlier ARG or ENV in the stage, so Docker replaces it with empty text. Declare it first, check its spelling, or give a fallback with ${NAME:-value}. An ARG declared before FROM must be repeated inside the stage.',
		},
		check: (context) => context.stages.flatMap((stage) => undefinedVariables(context, stage)),
	},
	{
		id: 'empty-continuation',
		counterpart: 'NoEmptyContinuation',
		severity: 'warning',
		docs,
		message: {
			it: "C'è una riga vuota dentro un'istruzione spezzata su più righe: Docker per ora la salta, ma in futuro sarà un errore, ed è facile scambiarla per la fine del comando. Togli la riga vuota.",
			en: 'There is an empty line inside an instruction split over several lines: Docker skips it for now, but it will become an error, and it is easily mistaken for the end of the command. Remove the empty line.',
		},
		check: (context) =>
			context.instructions.flatMap((node) => {
				const text = node.source?.text ?? '';
				const blank = /\n[ \t]*\n/.exec(text);
				// A heredoc's body may have blank lines of its own.
				if (!blank || text.includes('<<')) return [];
				return [
					{ node, range: context.at(node, blank.index + 1, blank.index + blank[0].length - 1) },
				];
			}),
	},
	{
		id: 'instruction-casing',
		counterpart: 'ConsistentInstructionCasing',
		severity: 'warning',
		docs,
		message: {
			it: 'Le istruzioni non sono scritte tutte allo stesso modo. Docker le accetta comunque, ma per convenzione si scrivono in maiuscolo (RUN, COPY, FROM), così si distinguono dai loro argomenti.',
			en: 'The instructions are not all written the same way. Docker accepts them anyway, but by convention they are upper case (RUN, COPY, FROM), so they stand out from their arguments.',
		},
		// As BuildKit: the stages' instructions (not the global ARGs), any Docker knows.
		check(context) {
			const written = context.stages
				.flatMap((stage) => [stage.stage.from, ...stage.instructions])
				.filter((node) => node.kind !== 'raw' || knownKeywords.has(node.keyword))
				.map((node) => ({ node, word: /^\S+/.exec(node.source?.text ?? '')?.[0] ?? '' }));
			const upper = written.filter(({ word }) => word === word.toUpperCase()).length;
			const lower = written.filter(({ word }) => word === word.toLowerCase()).length;
			const expected = (word: string) => (upper >= lower ? word.toUpperCase() : word.toLowerCase());
			return written
				.filter(({ word }) => word !== expected(word))
				.map(({ node, word }) => ({ node, range: context.at(node, 0, word.length) }));
		},
	},
	{
		id: 'unknown-instruction',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Docker non conosce quest'istruzione e la build si fermerà qui. Controlla come è scritta (COPY, non COPPY) e se alla riga prima manca un \\ per andare a capo.",
			en: 'Docker does not know this instruction and the build will stop here. Check its spelling (COPY, not COPPY) and whether the line before is missing a \\ to continue.',
		},
		check: (context) =>
			context.instructions
				.filter((node) => node.kind === 'raw' && !knownKeywords.has(node.keyword))
				.map((node) => keywordHit(context, node)),
	},
];

/** Every instruction of the file, FROMs included. */
export function everyInstruction(context: LintContext): Instruction[] {
	return [
		...context.preamble,
		...context.stages.flatMap((stage) => [stage.stage.from, ...stage.instructions]),
	];
}

/** The instructions of the stages this one is built FROM, nearest last. */
function ancestry(stage: StageContext): Instruction[] {
	return stage.parent ? [...ancestry(stage.parent), ...stage.parent.instructions] : [];
}

function isAbsolute(path: string): boolean {
	// A variable may hold an absolute path: only flag what is certainly relative.
	return /^(["']?\/|\$|[A-Za-z]:[\\/])/.test(path);
}

function isPlainLocalFile(source: string): boolean {
	const remote = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i.test(source);
	const archive = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$/i.test(source);
	return !remote && !archive && !source.includes('$');
}

function keywordHit(context: LintContext, node: Instruction): Hit {
	const word = /^\S+/.exec(node.source?.text ?? '')?.[0] ?? '';
	return { node, range: context.at(node, 0, word.length) };
}

function exposedPorts(
	context: LintContext,
	isWrong: (port: { port: string; protocol: string }) => boolean
): Hit[] {
	return context.instructions.flatMap((node) =>
		node.kind === 'expose'
			? node.ports.filter(isWrong).map((port) => {
					return { node, range: context.find(node, printPort(port), 'EXPOSE'.length) };
				})
			: []
	);
}

function pairsOf(
	context: LintContext,
	kinds: readonly Instruction['kind'][],
	isWrong: (pair: KeyValue) => boolean
): Hit[] {
	return context.instructions.flatMap((node) =>
		(node.kind === 'env' || node.kind === 'arg' || node.kind === 'label') &&
		kinds.includes(node.kind)
			? node.pairs
					.filter(isWrong)
					.map((pair) => ({ node, range: context.find(node, pair.key, node.kind.length) }))
			: []
	);
}

/**
 * BuildKit's test: one of the `_`-separated words of the name (any case) is API key, auth,
 * credential(s), key, password, passwd, pword, secret or token, and none is public, file or version.
 */
function isSecretName(key: string): boolean {
	const words = key.toLowerCase().split('_');
	return (
		words.some((word) => secretWords.has(word)) && !words.some((word) => allowedWords.has(word))
	);
}

function undefinedVariables(context: LintContext, stage: StageContext): Hit[] {
	const defined = new Set(predefined);
	for (const node of ancestry(stage))
		if (node.kind === 'env') node.pairs.forEach((pair) => defined.add(pair.key));
	const hits: Hit[] = [];
	for (const node of stage.instructions) {
		if (expanding.has(node.kind)) {
			const uses = variablesIn(node.source?.text ?? '', context.escape);
			const missing = uses.filter((use) => !use.hasDefault && !defined.has(use.name));
			hits.push(...missing.map((use) => ({ node, range: context.at(node, use.start, use.end) })));
		}
		if (node.kind === 'arg' || node.kind === 'env')
			node.pairs.forEach((pair) => defined.add(pair.key));
	}
	return hits;
}
