/**
 * How the command-line tools read the file they check, from a path or (for `-`) from standard
 * input: at most `maxInputBytes`, and only UTF-8 text. A binary or UTF-16 file, or one far larger
 * than a Dockerfile or a Compose file, is refused with one message, in the user's language,
 * rather than read into a list of meaningless findings.
 */
import { open } from 'node:fs/promises';
import type { Localized } from '../src/lib/i18n/locale.ts';

/**
 * The most bytes read: the Compose checker's character limit and the builder's paste box's order
 * of magnitude. Real Dockerfiles and Compose files are a few kilobytes.
 */
export const maxInputBytes = 256 * 1024;

/** The text read, or why it was refused (the message names the file). */
export type TextInput = { ok: true; text: string } | { ok: false; message: Localized<string> };

/** What the tool expects, for the messages: `{ it: 'un Dockerfile', en: 'a Dockerfile' }`. */
export type Expected = Localized<string>;

/** Where to read from and how much; tests give their own stream and limit. */
export interface ReadOptions {
	/** What `-` reads; `process.stdin` by default. */
	stdin?: AsyncIterable<Uint8Array | string>;
	/** Bytes past which the input is refused; `maxInputBytes` by default. */
	maxBytes?: number;
}

/**
 * Reads `file` (`-` for standard input) as UTF-8 text, without its byte-order mark. Never throws:
 * a missing or unreadable file, or one that is too large or not UTF-8 text, gives a message.
 */
export async function readTextInput(
	file: string,
	expected: Expected,
	options: ReadOptions = {}
): Promise<TextInput> {
	const maxBytes = options.maxBytes ?? maxInputBytes;
	const name = file === '-' ? 'standard input' : file;
	let bytes: Uint8Array | null;
	try {
		bytes =
			file === '-'
				? await readStream(options.stdin ?? process.stdin, maxBytes)
				: await readFile(file, maxBytes);
	} catch (error) {
		return { ok: false, message: unreadable(name, error) };
	}
	if (!bytes) return refuse(name, tooLarge(maxBytes, expected));
	const refusal = encodingProblem(bytes, expected);
	if (refusal) return refuse(name, refusal);
	try {
		// `fatal` makes a malformed sequence an error rather than a silent U+FFFD; the BOM is dropped.
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return refuse(name, notUtf8);
	}
}

/** The first `maxBytes` bytes of a file, or `null` when it has more. */
async function readFile(path: string, maxBytes: number): Promise<Uint8Array | null> {
	const handle = await open(path, 'r');
	try {
		// One byte more than allowed is enough to know the file is too large, however large it is.
		const buffer = new Uint8Array(maxBytes + 1);
		let length = 0;
		for (;;) {
			const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
			if (bytesRead === 0) break;
			length += bytesRead;
			if (length === buffer.length) return null;
		}
		return buffer.subarray(0, length);
	} finally {
		await handle.close();
	}
}

/** A whole stream, or `null` as soon as it has given more than `maxBytes` bytes. */
async function readStream(
	stream: AsyncIterable<Uint8Array | string>,
	maxBytes: number
): Promise<Uint8Array | null> {
	const chunks: Uint8Array[] = [];
	let length = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
		length += bytes.length;
		// Leaving the loop early closes the stream: the rest is never read.
		if (length > maxBytes) return null;
		chunks.push(bytes);
	}
	const all = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		all.set(chunk, offset);
		offset += chunk.length;
	}
	return all;
}

/** Why these bytes are not UTF-8 text, when a look at them is enough to tell. */
function encodingProblem(bytes: Uint8Array, expected: Expected): Localized<string> | null {
	const [first, second] = bytes;
	const utf16Mark = (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
	if (utf16Mark) return utf16;
	const nul = bytes.indexOf(0);
	if (nul === -1) return null;
	return looksLikeUtf16(bytes) ? utf16 : binary(expected);
}

/** Text in UTF-16 without a byte-order mark: mostly ASCII, so every other byte is a zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 512);
	let even = 0;
	let odd = 0;
	for (const [index, byte] of sample.entries()) {
		if (byte === 0) {
			if (index % 2 === 0) even += 1;
			else odd += 1;
		}
	}
	const pairs = Math.floor(sample.length / 2);
	return pairs > 0 && Math.max(even, odd) >= pairs * 0.9 && Math.min(even, odd) === 0;
}

function refuse(name: string, reason: Localized<string>): TextInput {
	return { ok: false, message: { it: `${name}: ${reason.it}`, en: `${name}: ${reason.en}` } };
}

function unreadable(name: string, error: unknown): Localized<string> {
	const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
	const reasons: Record<string, Localized<string>> = {
		ENOENT: { it: 'il file non esiste', en: 'no such file' },
		EISDIR: { it: 'è una cartella, non un file', en: 'it is a folder, not a file' },
		EACCES: { it: 'permesso negato', en: 'permission denied' },
	};
	const reason = reasons[code] ?? { it: code, en: code };
	return {
		it: `Impossibile leggere ${name}: ${reason.it}.`,
		en: `Cannot read ${name}: ${reason.en}.`,
	};
}

function tooLarge(maxBytes: number, expected: Expected): Localized<string> {
	const size = `${Math.round(maxBytes / 1024)} KB`;
	return {
		it: `è più grande di ${size}, il massimo che questo comando legge, mentre ${expected.it} è di pochi KB. Controlla di aver indicato il file giusto.`,
		en: `it is larger than ${size}, the most this command reads, while ${expected.en} is a few KB. Check that you gave the right file.`,
	};
}

const utf16: Localized<string> = {
	it: "il testo è in UTF-16, ma questo comando legge solo UTF-8. Salvalo in UTF-8 (dall'editor, oppure in PowerShell con Out-File -Encoding utf8) e riprova.",
	en: 'the text is UTF-16, but this command only reads UTF-8. Save it as UTF-8 (from your editor, or in PowerShell with Out-File -Encoding utf8) and try again.',
};

function binary(expected: Expected): Localized<string> {
	return {
		it: `contiene byte nulli, quindi non è un file di testo (forse un'immagine o un archivio). Indica ${expected.it}, che è testo UTF-8.`,
		en: `it contains NUL bytes, so it is not a text file (an image or an archive, perhaps). Give ${expected.en}, which is UTF-8 text.`,
	};
}

const notUtf8: Localized<string> = {
	it: "non è testo UTF-8 valido: è un file binario, oppure testo salvato in un'altra codifica (come Latin-1). Salvalo in UTF-8 e riprova.",
	en: 'not valid UTF-8 text: it is a binary file, or text saved in another encoding (such as Latin-1). Save it as UTF-8 and try again.',
};
