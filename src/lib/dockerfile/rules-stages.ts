/**
 * Rules about the shape of the file and its stages: where FROM goes, image tags, stage names,
 * COPY --from, instructions that may appear once per stage, the final USER.
 */
import type { Hit, LintContext, Rule, StageContext } from './context.ts';
import type { CopyInstruction, FromInstruction, Instruction } from './model.ts';
import { variablesIn } from './text.ts';

const docs = '/docker/dockerfile/';

/** Build arguments Docker defines for every FROM. */
export const platformArgs: ReadonlySet<string> = new Set(
	['PLATFORM', 'OS', 'ARCH', 'VARIANT'].flatMap((part) => [`BUILD${part}`, `TARGET${part}`])
);

export const stageRules: Rule[] = [
	{
		id: 'first-instruction',
		counterpart: 'DL3061',
		severity: 'error',
		docs,
		message: {
			it: "Un Dockerfile deve cominciare con FROM: prima del FROM sono ammessi solo ARG (per le variabili usate nel FROM), commenti e direttive. Sposta quest'istruzione dopo il FROM.",
			en: 'A Dockerfile must start with FROM: only ARG (for variables used in FROM), comments and parser directives may come before it. Move this instruction after FROM.',
		},
		check({ preamble, stages }) {
			// A FROM the model could not read stays raw: its own rule reports it, and what follows
			// belongs to its stage, so nothing after it is out of place.
			const fromAt = preamble.findIndex(isRawFrom);
			const before = fromAt === -1 ? preamble : preamble.slice(0, fromAt);
			const misplaced = before.find((node) => !isArg(node));
			const first = misplaced ?? (stages.length || fromAt !== -1 ? undefined : preamble[0]);
			return first ? [{ node: first }] : [];
		},
	},
	{
		id: 'untagged-image',
		counterpart: 'DL3006',
		severity: 'warning',
		docs,
		message: {
			it: "L'immagine non ha un tag, quindi Docker usa «latest», che cambia nel tempo: la stessa build domani può dare un risultato diverso. Indica una versione precisa, per esempio ubuntu:24.04.",
			en: 'The image has no tag, so Docker uses `latest`, which moves over time: the same build may give a different result tomorrow. Pin a version, for example ubuntu:24.04.',
		},
		check: (context) =>
			eachFrom(context, (from, stage) => {
				const isStage = context.stageNamed(from.image.toLowerCase(), stage.index) !== null;
				const untagged = !from.tag && !from.digest && from.image !== 'scratch';
				return untagged && !isStage && !from.image.includes('$') ? imageHit(context, from) : null;
			}),
	},
	{
		id: 'latest-tag',
		counterpart: 'DL3007',
		severity: 'warning',
		docs,
		message: {
			it: "Il tag latest non è una versione: punta all'ultima immagine pubblicata e cambia senza avvisare. Usa un tag preciso (node:22-alpine, python:3.12-slim) per avere build ripetibili.",
			en: 'The latest tag is not a version: it points at whatever was published last and changes without notice. Use a specific tag (node:22-alpine, python:3.12-slim) for repeatable builds.',
		},
		check: (context) =>
			eachFrom(context, (from) =>
				from.tag === 'latest' ? { node: from, range: context.find(from, ':latest') } : null
			),
	},
	{
		id: 'duplicate-stage-name',
		counterpart: 'DuplicateStageName',
		aliases: ['DL3024'],
		// BuildKit warns and builds: a later stage of the same name replaces the earlier one.
		severity: 'warning',
		docs,
		message: {
			it: 'Esiste già uno stage con questo nome (Docker non distingue maiuscole e minuscole): COPY --from e --target non saprebbero quale scegliere. Dai a ogni stage un nome diverso.',
			en: 'Another stage already has this name (Docker ignores case): COPY --from and --target could not tell them apart. Give each stage its own name.',
		},
		check: (context) =>
			eachFrom(context, (from, stage) => {
				const duplicate = context.stageNamed(stage.name, stage.index) !== null;
				return duplicate ? stageNameHit(context, from) : null;
			}),
	},
	{
		id: 'reserved-stage-name',
		counterpart: 'ReservedStageName',
		aliases: ['DL3063'],
		severity: 'warning',
		docs,
		message: {
			it: '«scratch» e «context» sono nomi riservati da Docker e non si possono dare a uno stage. Scegli un altro nome, per esempio build.',
			en: '`scratch` and `context` are reserved by Docker and cannot name a stage. Pick another name, such as build.',
		},
		check: (context) =>
			eachFrom(context, (from, stage) =>
				stage.name === 'scratch' || stage.name === 'context' ? stageNameHit(context, from) : null
			),
	},
	{
		id: 'empty-stage-name',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: 'Dopo AS manca il nome dello stage. Docker conta le parole del FROM, ne trova due invece di una o tre e si ferma con «FROM requires either one or three arguments». Scrivi il nome (FROM alpine:3.20 AS build) oppure togli AS.',
			en: 'The stage name after AS is missing. Docker counts the words of the FROM, finds two instead of one or three and stops with "FROM requires either one or three arguments". Write the name (FROM alpine:3.20 AS build) or drop AS.',
		},
		check: (context) =>
			context.instructions.flatMap((node) => {
				if (!isRawFrom(node)) return [];
				const words = (node.source?.text ?? '')
					.replace(/^\S+/, '')
					.split(/\s+/)
					.filter((word) => word !== '' && !word.startsWith('--'));
				const as = words[1];
				if (words.length !== 2 || as?.toLowerCase() !== 'as') return [];
				return [{ node, range: context.findLast(node, as) }];
			}),
	},
	{
		id: 'invalid-stage-name',
		counterpart: null,
		severity: 'error',
		docs,
		message: {
			it: "Il nome di uno stage deve cominciare con una lettera e contenere solo lettere, cifre, -, _ e punti; altrimenti Docker si ferma con «invalid name for build stage: …, name can't start with a number or contain symbols». Scegli un nome come build o stage-2.",
			en: 'A stage name must start with a letter and hold only letters, digits, -, _ and dots; otherwise Docker stops with "invalid name for build stage: …, name can\'t start with a number or contain symbols". Pick a name such as build or stage-2.',
		},
		check: (context) =>
			eachFrom(context, (from, stage) =>
				stage.name !== '' && !/^[a-z][a-z0-9\-_.]*$/.test(stage.name)
					? stageNameHit(context, from)
					: null
			),
	},
	{
		id: 'stage-name-casing',
		counterpart: 'StageNameCasing',
		severity: 'warning',
		docs,
		message: {
			it: 'I nomi degli stage si scrivono in minuscolo: Docker li confronta ignorando le maiuscole, e un nome misto confonde chi legge COPY --from. Scrivi per esempio AS build.',
			en: 'Stage names are written in lower case: Docker compares them ignoring case, and a mixed-case name misleads whoever reads COPY --from. Write, for example, AS build.',
		},
		check: (context) =>
			eachFrom(context, (from) =>
				from.name !== from.name.toLowerCase() ? stageNameHit(context, from) : null
			),
	},
	{
		id: 'from-as-casing',
		counterpart: 'FromAsCasing',
		severity: 'warning',
		docs,
		message: {
			it: 'FROM e AS sono scritti uno in maiuscolo e uno in minuscolo. Funziona lo stesso, ma per coerenza scrivili allo stesso modo, di solito in maiuscolo: FROM … AS build.',
			en: 'FROM and AS are written one in upper and one in lower case. It still works, but for consistency write them alike, usually in upper case: FROM … AS build.',
		},
		check: (context) =>
			eachFrom(context, (from) => {
				const text = from.source?.text ?? '';
				const keyword = /^\S+/.exec(text)?.[0] ?? '';
				const as = /\s(as)\s+\S+$/i.exec(text);
				if (!as?.[1] || isUpper(as[1]) === isUpper(keyword)) return null;
				const start = as.index + 1;
				return { node: from, range: context.find(from, as[1], start) };
			}),
	},
	{
		id: 'undefined-arg-in-from',
		counterpart: 'UndefinedArgInFrom',
		severity: 'warning',
		docs,
		message: {
			it: "Questa variabile nel FROM non è dichiarata da un ARG prima del primo FROM, quindi resta vuota e il nome dell'immagine risulta sbagliato. Aggiungi in cima al file ARG NOME=valore.",
			en: 'This variable in FROM is not declared by an ARG before the first FROM, so it is empty and the image name comes out wrong. Add ARG NAME=value at the top of the file.',
		},
		check(context) {
			const globals = new Set(
				context.preamble.flatMap((node) =>
					node.kind === 'arg' ? node.pairs.map((p) => p.key) : []
				)
			);
			return context.stages.flatMap(({ stage: { from } }) =>
				variablesIn(from.source?.text ?? '', context.escape)
					.filter((use) => !use.hasDefault && !globals.has(use.name) && !platformArgs.has(use.name))
					.map((use) => ({ node: from, range: context.at(from, use.start, use.end) }))
			);
		},
	},
	{
		id: 'redundant-target-platform',
		counterpart: 'RedundantTargetPlatform',
		aliases: ['DL3065'],
		severity: 'warning',
		docs,
		message: {
			it: '--platform=$TARGETPLATFORM non cambia niente: è già la piattaforma predefinita di ogni stage. Toglilo, oppure usa $BUILDPLATFORM se vuoi che lo stage giri sulla macchina che fa la build.',
			en: '--platform=$TARGETPLATFORM changes nothing: it is already the default of every stage. Remove it, or use $BUILDPLATFORM if the stage should run on the machine doing the build.',
		},
		check: (context) =>
			eachFrom(context, (from) =>
				/^\$\{?TARGETPLATFORM\}?$/.test(from.platform)
					? { node: from, range: context.find(from, '--platform') }
					: null
			),
	},
	{
		id: 'copy-from-unknown-stage',
		counterpart: 'DL3022',
		severity: 'warning',
		docs,
		message: {
			it: 'COPY --from indica uno stage che non è definito prima di questo, quindi Docker lo cercherà come immagine su un registro. Controlla il nome scritto dopo AS nel FROM dello stage da cui vuoi copiare.',
			en: 'COPY --from names a stage not defined before this one, so Docker will look for an image of that name in a registry. Check the name after AS in the FROM of the stage you copy from.',
		},
		check: (context) => copyFromHits(context, 'unknown'),
	},
	{
		id: 'copy-from-own-stage',
		counterpart: 'DL3023',
		severity: 'error',
		docs,
		message: {
			it: 'COPY --from indica lo stage in cui si trova: uno stage non può copiare da sé stesso. Indica uno stage precedente, oppure usa RUN cp per copiare file dentro lo stesso stage.',
			en: 'COPY --from names the stage it is in: a stage cannot copy from itself. Name an earlier stage, or use RUN cp to copy files within the same stage.',
		},
		check: (context) => copyFromHits(context, 'own'),
	},
	{
		id: 'multiple-cmd',
		counterpart: 'DL4003',
		aliases: ['MultipleInstructionsDisallowed'],
		severity: 'warning',
		docs,
		message: {
			it: "In uno stage conta solo l'ultimo CMD: questo viene ignorato. Tieni un solo CMD; per avviare più processi usa più container (per esempio con Docker Compose).",
			en: 'Only the last CMD of a stage counts: this one is ignored. Keep a single CMD; to run several processes, use several containers (with Docker Compose, for example).',
		},
		check: (context) => allButLast(context, 'cmd'),
	},
	{
		id: 'multiple-entrypoint',
		counterpart: 'DL4004',
		aliases: ['MultipleInstructionsDisallowed'],
		severity: 'warning',
		docs,
		message: {
			it: "In uno stage conta solo l'ultimo ENTRYPOINT: questo viene ignorato. Tienine uno solo.",
			en: 'Only the last ENTRYPOINT of a stage counts: this one is ignored. Keep just one.',
		},
		check: (context) => allButLast(context, 'entrypoint'),
	},
	{
		id: 'multiple-healthcheck',
		counterpart: 'MultipleInstructionsDisallowed',
		aliases: ['DL3012'],
		severity: 'warning',
		docs,
		message: {
			it: "In uno stage conta solo l'ultimo HEALTHCHECK: questo viene ignorato. Riunisci i controlli in un solo comando, per esempio uno script.",
			en: 'Only the last HEALTHCHECK of a stage counts: this one is ignored. Combine the checks into one command, such as a script.',
		},
		check: (context) => allButLast(context, 'healthcheck'),
	},
	{
		id: 'last-user-root',
		counterpart: 'DL3002',
		severity: 'warning',
		docs,
		message: {
			it: "L'ultimo USER dell'immagine finale è root, quindi il container gira con tutti i permessi: chi riesce a entrarci può fare molti più danni. Crea un utente apposito e chiudi con USER app.",
			en: "The final image's last USER is root, so the container runs with full privileges: whoever breaks in can do far more damage. Create a dedicated user and end with USER app.",
		},
		check({ stages }) {
			const final = stages.at(-1);
			const user = final?.instructions.findLast((node) => node.kind === 'user');
			const isRoot = user?.kind === 'user' && (user.user === 'root' || user.user === '0');
			return user && isRoot ? [{ node: user }] : [];
		},
	},
	{
		id: 'maintainer-deprecated',
		counterpart: 'MaintainerDeprecated',
		aliases: ['DL4000'],
		severity: 'warning',
		docs,
		message: {
			it: 'MAINTAINER è deprecato. Indica l\'autore con un\'etichetta standard: LABEL org.opencontainers.image.authors="nome@esempio.it".',
			en: 'MAINTAINER is deprecated. Name the author with a standard label: LABEL org.opencontainers.image.authors="name@example.com".',
		},
		check: ({ instructions }) =>
			instructions.filter((node) => node.kind === 'maintainer').map((node) => ({ node })),
	},
];

function isArg(node: Instruction): boolean {
	return node.kind === 'arg' || (node.kind === 'raw' && node.keyword === 'ARG');
}

function isRawFrom(node: Instruction): boolean {
	return node.kind === 'raw' && node.keyword === 'FROM';
}

function isUpper(word: string): boolean {
	return word === word.toUpperCase();
}

function eachFrom(
	context: LintContext,
	check: (from: FromInstruction, stage: StageContext) => Hit | null
): Hit[] {
	return context.stages.flatMap((stage) => check(stage.stage.from, stage) ?? []);
}

function imageHit(context: LintContext, from: FromInstruction): Hit {
	return { node: from, range: context.find(from, from.image, from.source?.text.indexOf(' ') ?? 0) };
}

function stageNameHit(context: LintContext, from: FromInstruction): Hit {
	const text = from.source?.text ?? '';
	return { node: from, range: context.find(from, from.name, text.length - from.name.length) };
}

/** Every CMD, ENTRYPOINT or HEALTHCHECK of a stage but the last, which is the one that counts. */
function allButLast(context: LintContext, kind: Instruction['kind']): Hit[] {
	return context.stages.flatMap((stage) =>
		stage.instructions
			.filter((node) => node.kind === kind)
			.slice(0, -1)
			.map((node) => ({ node }))
	);
}

/** COPY --from values that name no earlier stage (`unknown`) or the stage itself (`own`). */
function copyFromHits(context: LintContext, problem: 'unknown' | 'own'): Hit[] {
	return context.stages.flatMap((stage) =>
		stage.instructions.flatMap((node) => {
			const value = node.kind === 'copy' ? fromFlag(node) : null;
			// An empty `--from=` copies from the build context, as if there were none.
			if (!value || /[:/@$]/.test(value)) return [];
			const found = stageReferenced(context, value);
			const isOwn = found === stage.index;
			const isUnknown = found === null || found > stage.index;
			const matches = problem === 'own' ? isOwn : isUnknown && !isOwn;
			return matches ? [{ node, range: context.find(node, `--from=${value}`) }] : [];
		})
	);
}

function fromFlag(node: CopyInstruction): string | null {
	return node.flags.find((flag) => flag.name === 'from')?.value ?? null;
}

/** The index of the stage a `--from` value names (by name or number), or `null`. */
function stageReferenced(context: LintContext, value: string): number | null {
	if (/^\d+$/.test(value)) return Number(value) < context.stages.length ? Number(value) : null;
	return context.stageNamed(value.toLowerCase())?.index ?? null;
}
