/**
 * How the command-line tools read the file they check, from a path or (for `-`) from standard
 * input: at most `maxInputBytes`, and only UTF-8 text. A binary or UTF-16 file, or one far larger
 * than a Dockerfile or a Compose file, is refused with one message, in the user's language,
 * rather than read into a list of meaningless findings.
 */
import { read } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Localized } from '../src/lib/i18n/locale.ts';

/**
 * The most bytes read by default: the builder's paste box's order of magnitude (the Compose CLI
 * gives the Compose checker's own limit instead). Real Dockerfiles are a few kilobytes.
 */
export const maxInputBytes = 256 * 1024;

/** The text read, or why it was refused (the message names the file). */
export type TextInput = { ok: true; text: string } | { ok: false; message: Localized<string> };

/** What the tool expects, for the messages: `{ it: 'un Dockerfile', en: 'a Dockerfile' }`. */
export type Expected = Localized<string>;

/** How much to read; tests and the other tools give their own limit. */
export interface ReadOptions {
	/** Bytes past which the input is refused; `maxInputBytes` by default. */
	maxBytes?: number;
	/**
	 * How large the expected file usually is, to end the refusal of a larger one: "un Dockerfile"
	 * + "è di pochi KB" (the default).
	 */
	usualSize?: Localized<string>;
}

/**
 * Reads `file` (`-` for standard input) as UTF-8 text, without its byte-order mark. Never throws:
 * a missing or unreadable file, or one that is too large or not UTF-8 text, gives a message.
 * At most `maxBytes + 1` bytes are read from a file or from standard input, so `/dev/zero`, an
 * endless pipe or a disk image is refused as soon as it is known to be too large.
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
		bytes = file === '-' ? await readStandardInput(maxBytes) : await readFile(file, maxBytes);
	} catch (error) {
		return { ok: false, message: unreadable(name, error) };
	}
	if (!bytes) return refuse(name, tooLarge(maxBytes, expected, options.usualSize ?? fewKilobytes));
	const refusal = encodingProblem(bytes, expected);
	if (refusal) return refuse(name, refusal);
	try {
		// `fatal` makes a malformed sequence an error rather than a silent U+FFFD; the BOM is dropped.
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return refuse(name, notUtf8);
	}
}

/** Reads into `buffer` from `offset`; gives the bytes read, 0 at the end. */
type Reader = (buffer: Uint8Array, offset: number) => Promise<number>;

/**
 * Fills a buffer one byte larger than allowed: one byte more is enough to know the input is too
 * large, however large it is. Gives the bytes read, or `null` when the buffer filled up.
 */
async function readAtMost(read: Reader, buffer: Uint8Array, start = 0): Promise<Uint8Array | null> {
	let length = start;
	while (length < buffer.length) {
		const bytesRead = await read(buffer, length);
		if (bytesRead === 0) return buffer.subarray(0, length);
		length += bytesRead;
	}
	return null;
}

/** The first `maxBytes` bytes of a file, or `null` when it has more. */
async function readFile(path: string, maxBytes: number): Promise<Uint8Array | null> {
	const handle = await open(path, 'r');
	try {
		return await readAtMost(
			async (buffer, offset) =>
				(await handle.read(buffer, offset, buffer.length - offset, null)).bytesRead,
			new Uint8Array(maxBytes + 1)
		);
	} finally {
		await handle.close();
	}
}

/**
 * Standard input, read from its descriptor rather than through `process.stdin`, whose chunks of
 * 64 KB would read past the limit. A descriptor in non-blocking mode (a terminal or a pipe some
 * other program set so) cannot be read this way: what is left then comes through the stream.
 */
async function readStandardInput(maxBytes: number): Promise<Uint8Array | null> {
	const buffer = new Uint8Array(maxBytes + 1);
	let length = 0;
	try {
		return await readAtMost(async (target, offset) => {
			const bytesRead = await readDescriptor(0, target, offset);
			length = offset + bytesRead;
			return bytesRead;
		}, buffer);
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EAGAIN')) throw error;
	}
	return readStream(process.stdin, buffer, length);
}

function readDescriptor(fd: number, buffer: Uint8Array, offset: number): Promise<number> {
	return new Promise((resolve, reject) => {
		read(fd, buffer, offset, buffer.length - offset, null, (error, bytesRead) => {
			if (error) reject(error);
			else resolve(bytesRead);
		});
	});
}

/** The rest of a stream after the `start` bytes already in `buffer`; `null` past the limit. */
async function readStream(
	stream: AsyncIterable<Uint8Array | string>,
	buffer: Uint8Array,
	start: number
): Promise<Uint8Array | null> {
	let length = start;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
		// Leaving the loop early closes the stream: the rest is never read.
		if (length + bytes.length > buffer.length - 1) return null;
		buffer.set(bytes, length);
		length += bytes.length;
	}
	return buffer.subarray(0, length);
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

const fewKilobytes: Localized<string> = { it: 'è di pochi KB', en: 'is a few KB' };

function tooLarge(
	maxBytes: number,
	expected: Expected,
	usual: Localized<string>
): Localized<string> {
	const kilobytes = Math.round(maxBytes / 1024);
	const size = kilobytes % 1024 === 0 ? `${kilobytes / 1024} MB` : `${kilobytes} KB`;
	return {
		it: `è più grande di ${size}, il massimo che questo comando legge, mentre ${expected.it} ${usual.it}. Controlla di aver indicato il file giusto.`,
		en: `it is larger than ${size}, the most this command reads, while ${expected.en} ${usual.en}. Check that you gave the right file.`,
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
