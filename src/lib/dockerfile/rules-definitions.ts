/**
 * BuildKit's checks on how stages and build arguments are defined: a FROM whose image name the
 * global ARGs' defaults leave empty or invalid, a FROM tied to one platform by a constant
 * `--platform`, and comments above FROM and ARG that `docker build --call=outline` would take for
 * a description (experimental).
 */
import type { Localized } from '../i18n/locale.ts';
import type { LintContext, Rule } from './context.ts';
import type { FromInstruction, Instruction } from './model.ts';
import { imageReference } from './print.ts';
import { platformArgs } from './rules-stages.ts';
import { variablesIn } from './text.ts';

const docs = '/docker/dockerfile/';

/**
 * The platform arguments as BuildKit sets them for FROM when nothing is passed, on an amd64 Linux
 * machine (a variant is empty there).
 */
const platformDefaults: ReadonlyMap<string, string> = new Map([
	['BUILDPLATFORM', 'linux/amd64'],
	['BUILDOS', 'linux'],
	['BUILDOSVERSION', ''],
	['BUILDARCH', 'amd64'],
	['BUILDVARIANT', ''],
	['TARGETPLATFORM', 'linux/amd64'],
	['TARGETOS', 'linux'],
	['TARGETOSVERSION', ''],
	['TARGETARCH', 'amd64'],
	['TARGETVARIANT', ''],
]);

/** The operating systems and architectures containerd's `platforms.Parse` knows. */
const knownOses = new Set(
	'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(
		' '
	)
);
const knownArches = new Set(
	'386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'.split(
		' '
	)
);
const archAliases: ReadonlyMap<string, string> = new Map([
	['i386', '386'],
	['x86_64', 'amd64'],
	['x86-64', 'amd64'],
	['aarch64', 'arm64'],
	['armhf', 'arm'],
	['armel', 'arm'],
]);

/** An image reference as `distribution/reference` accepts it: lower-case path, tag, digest. */
const imageName = (() => {
	const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
	const label = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
	const domain = `(?:${label}(?:\\.${label})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
	const name = `(?:${domain}/)?${component}(?:/${component})*`;
	const tag = '[\\w][\\w.-]{0,127}';
	const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}';
	return new RegExp(`^(${name})(?::${tag})?(?:@${digest})?$`);
})();

/** BuildKit's checks on stage and argument definitions that we lacked. */
export const definitionRules: Rule[] = [
	{
		id: 'invalid-default-arg-in-from',
		counterpart: 'InvalidDefaultArgInFrom',
		severity: 'warning',
		docs,
		message: defaultArgMessage(null),
		check: (context) => {
			const globals = globalArgs(context);
			return context.stages.flatMap(({ stage: { from } }) => {
				const written = imageReference(from);
				if (!written.includes('$') || usesUndeclared(context, from)) return [];
				const name = expand(written, globals, context.escape);
				const wrongAnyway = !isImageName(withPlaceholders(written, context.escape));
				if (name === null || isImageName(name) || wrongAnyway) return [];
				const range = context.find(from, written, from.source?.text.indexOf(' ') ?? 0);
				return [{ node: from, range, message: defaultArgMessage(name) }];
			});
		},
	},
	{
		id: 'constant-platform',
		counterpart: 'FromPlatformFlagConstDisallowed',
		aliases: ['DL3029'],
		severity: 'warning',
		docs,
		message: constantPlatformMessage('linux/amd64', 'amd64'),
		check: (context) =>
			context.stages.flatMap(({ stage: { from } }) => {
				if (from.platform === '' || from.platform.includes('$')) return [];
				const platform = parsePlatform(from.platform);
				const name = from.name.toLowerCase();
				if (!platform || name.includes(platform.os) || name.includes(platform.arch)) return [];
				return [
					{
						node: from,
						range: context.find(from, `--platform=${from.platform}`),
						message: constantPlatformMessage(from.platform, platform.arch),
					},
				];
			}),
	},
	{
		id: 'invalid-description-comment',
		counterpart: 'InvalidDefinitionDescription',
		experimental: true,
		severity: 'warning',
		docs,
		message: descriptionMessage(['base']),
		check: (context) =>
			context.instructions.flatMap((node) => {
				const names = definedNames(node);
				const last = context.commentsAbove(node).at(-1);
				if (!names.length || !last || names.includes(last.text.split(' ')[0] ?? '')) return [];
				return [{ node, message: descriptionMessage(names) }];
			}),
	},
];

/** What `invalid-default-arg-in-from` says: about the name the defaults give, if known. */
function defaultArgMessage(name: string | null): Localized<string> {
	const result =
		name === null
			? { it: 'risulta vuoto o non valido', en: 'comes out empty or invalid' }
			: name === ''
				? { it: 'resta vuoto', en: 'is empty' }
				: {
						it: `diventa «${name}», che non è valido`,
						en: `comes out as "${name}", which is not valid`,
					};
	return {
		it: `Con i valori predefiniti degli ARG globali il nome dell'immagine di questo FROM ${result.it}: la build funziona solo se qualcuno passa --build-arg. Dai un valore predefinito all'ARG (per esempio ARG TAG=3.20), oppure scrivi nel FROM un valore di riserva come \${TAG:-3.20}.`,
		en: `With the global ARGs' default values this FROM's image name ${result.en}: the build only works if someone passes --build-arg. Give the ARG a default value (ARG TAG=3.20, for example), or write a fallback in FROM such as \${TAG:-3.20}.`,
	};
}

function constantPlatformMessage(platform: string, arch: string): Localized<string> {
	return {
		it: `--platform=${platform} lega lo stage a quella piattaforma: non puoi più costruire l'immagine per più piattaforme, e su una macchina di architettura diversa lo stage gira in emulazione. Togli --platform e scegli la piattaforma quando fai la build (docker build --platform …), oppure usa una variabile come $BUILDPLATFORM. Se lo stage serve davvero solo per quella piattaforma, dillo nel suo nome: AS build-${arch}.`,
		en: `--platform=${platform} ties the stage to that platform: you can no longer build the image for several platforms, and on a machine of another architecture the stage runs under emulation. Drop --platform and choose the platform when you build (docker build --platform …), or use a variable such as $BUILDPLATFORM. If the stage really is for that platform only, say so in its name: AS build-${arch}.`,
	};
}

function descriptionMessage(names: readonly string[]): Localized<string> {
	const name = names.length === 1 ? (names[0] ?? '') : null;
	return {
		it: `docker build --call=outline prende il commento subito sopra un FROM o un ARG come descrizione dello stage o dell'argomento, ma solo se comincia con il suo nome, e questo non comincia ${name === null ? `né con ${names.join(' né con ')}` : `con ${name}`}. Se è una descrizione, scrivi # ${name ?? names[0] ?? ''} seguito dal testo; se non lo è, separalo dall'istruzione con una riga che contiene solo #.`,
		en: `docker build --call=outline takes the comment right above a FROM or an ARG as the description of the stage or argument, but only if it starts with its name, and this one does not start with ${names.join(' or ')}. If it is a description, write # ${name ?? names[0] ?? ''} followed by the text; if it is not, separate it from the instruction with a line holding just #.`,
	};
}

/** The stage name of a FROM (lower case, as BuildKit compares it) or the keys of an ARG. */
function definedNames(node: Instruction): string[] {
	if (node.kind === 'from') return node.name ? [node.name.toLowerCase()] : [];
	return node.kind === 'arg' ? node.pairs.map((pair) => pair.key) : [];
}

/**
 * The global ARGs with their defaults worked out in order, as BuildKit does with no --build-arg:
 * an ARG without a default is not set; `null` is a value this linter cannot work out.
 */
function globalArgs(context: LintContext): Map<string, string | null> {
	const values = new Map<string, string | null>(platformDefaults);
	for (const node of context.preamble) {
		if (node.kind !== 'arg') continue;
		for (const { key, value } of node.pairs)
			if (value !== null) values.set(key, expand(value, values, context.escape));
	}
	return values;
}

/** Whether FROM uses a variable no global ARG declares (`undefined-arg-in-from` says so). */
function usesUndeclared(context: LintContext, from: FromInstruction): boolean {
	const declared = new Set(
		context.preamble.flatMap((node) => (node.kind === 'arg' ? node.pairs.map((p) => p.key) : []))
	);
	return variablesIn(imageReference(from), context.escape).some(
		(use) => !use.hasDefault && !declared.has(use.name) && !platformArgs.has(use.name)
	);
}

/** The reference with each variable replaced by a letter: if that is invalid, no ARG is to blame. */
function withPlaceholders(written: string, escape: string): string {
	let result = '';
	let from = 0;
	for (const use of variablesIn(written, escape)) {
		result += `${written.slice(from, use.start)}a`;
		from = use.end;
	}
	return result + written.slice(from);
}

/**
 * Replaces `$NAME` and `${NAME}` (with `:-`, `-`, `:+` or `+` and a word) and removes quotes and
 * escapes, as BuildKit's shell lexer does for FROM; `null` for other forms or unknown values.
 */
export function expand(
	text: string,
	values: ReadonlyMap<string, string | null>,
	escape: string
): string | null {
	let result = '';
	let quote = '';
	for (let index = 0; index < text.length; index += 1) {
		const char = text.charAt(index);
		if (quote === "'") {
			if (char === "'") quote = '';
			else result += char;
		} else if (char === escape && index + 1 < text.length) {
			index += 1;
			result += text.charAt(index);
		} else if (char === '"') {
			quote = quote === '"' ? '' : '"';
		} else if (char === "'" && quote === '') {
			quote = "'";
		} else if (char === '$') {
			const variable = readVariable(text, index, values, escape);
			if (!variable) return null;
			result += variable.value;
			index = variable.end - 1;
		} else {
			result += char;
		}
	}
	return quote === '' ? result : null;
}

function readVariable(
	text: string,
	start: number,
	values: ReadonlyMap<string, string | null>,
	escape: string
): { value: string; end: number } | null {
	const bare = /^\$([A-Za-z_]\w*)/.exec(text.slice(start));
	if (bare?.[1]) {
		const value = values.get(bare[1]);
		return value === null ? null : { value: value ?? '', end: start + bare[0].length };
	}
	const braced = /^\$\{([A-Za-z_]\w*)(:?[-+])?/.exec(text.slice(start));
	if (!braced?.[1]) return text.charAt(start + 1) === '{' ? null : { value: '$', end: start + 1 };
	const close = matchingBrace(text, start + 1);
	const word = text.slice(start + braced[0].length, close);
	if (close === -1 || (!braced[2] && word !== '')) return null;
	const value = values.get(braced[1]);
	if (value === null) return null;
	const set = value !== undefined;
	const filled = set && value !== '';
	const operator = braced[2] ?? '';
	const useWord =
		operator === ':-' ? !filled : operator === '-' ? !set : operator === ':+' ? filled : set;
	if (operator === '') return { value: value ?? '', end: close + 1 };
	const replacement = useWord ? expand(word, values, escape) : operator.endsWith('+') ? '' : value;
	return replacement === null ? null : { value: replacement ?? '', end: close + 1 };
}

/** The index of the `}` closing the `{` at `open`, nested `${…}` included; -1 if none. */
function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index += 1) {
		if (text.charAt(index) === '{') depth += 1;
		if (text.charAt(index) === '}') depth -= 1;
		if (depth === 0) return index;
	}
	return -1;
}

/** Whether `distribution/reference` would accept the name (at most 255 characters before a tag). */
export function isImageName(name: string): boolean {
	const match = imageName.exec(name);
	return match !== null && (match[1]?.length ?? 0) <= 255;
}

/**
 * `os[/arch[/variant]]`, an OS alone or an architecture alone, as containerd's `platforms.Parse`
 * reads it (a missing OS or architecture is the machine's: Linux, amd64); `null` if invalid.
 */
function parsePlatform(text: string): { os: string; arch: string } | null {
	const parts = text.toLowerCase().split('/');
	if (parts.length > 3 || parts.some((part) => !/^[a-z0-9_.-]+$/.test(part))) return null;
	const arch = (name: string) => archAliases.get(name) ?? name;
	const [first = '', second] = parts;
	if (second !== undefined) return { os: first, arch: arch(second) };
	if (knownOses.has(first)) return { os: first, arch: 'amd64' };
	return knownArches.has(arch(first)) ? { os: 'linux', arch: arch(first) } : null;
}
