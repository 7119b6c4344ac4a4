/**
 * How a number typed into a numeric question is read: the way people write it in either language
 * (`0,5` and `0.5`, `8080`, `8.080` and `8 080` when the grouping is clear), with the question's
 * unit after it or not (`40`, `40%`, `40 %`, `4 GB`, `4GB`, `4gb`). When the text cannot be read
 * the reading says why, so the page can tell the learner instead of silently refusing the entry.
 */
import type { Locale } from '../i18n/locale.ts';

/** Why a typed entry is not a number the question can take. */
export type NumberProblem =
	/** Nothing typed. */
	| { kind: 'empty' }
	/** Not a number at all (`tanti`, `4,`, `1/4`). */
	| { kind: 'notNumber' }
	/**
	 * A number followed by another unit than the question's (`4 MB` for GB), or by one where the
	 * question has none; `expected` is the question's unit, if it has one.
	 */
	| { kind: 'unit'; given: string; expected?: string }
	/**
	 * A single `.` or `,` followed by exactly three digits, written the other language's way:
	 * `8.080` may be eight thousand and eighty or eight point zero eight. Both readings are given.
	 */
	| { kind: 'ambiguous'; readings: [grouped: number, decimal: number] };

/** What a typed entry reads as: a number, or why it is not one. */
export type NumberReading = { value: number } | { problem: NumberProblem };

/** Other ways of writing a unit, by the unit in lower case. */
const unitWords: Record<string, string[]> = {
	'%': ['percento', 'per cento', 'percent', 'per cent'],
	kb: ['kilobyte', 'kilobytes'],
	mb: ['megabyte', 'megabytes'],
	gb: ['gigabyte', 'gigabytes', 'giga'],
	tb: ['terabyte', 'terabytes'],
};

/** A unit as it is looked up: lower case, no spaces. */
const unitKey = (unit: string) => unit.toLowerCase().replace(/\s+/g, '');

/**
 * Reads a typed number in the page's language with the question's unit.
 * @example readNumber('40 %', { lang: 'it', unit: '%' }) // { value: 40 }
 * @example readNumber('0,5', { lang: 'it' }) // { value: 0.5 }
 * @example readNumber('4 MB', { lang: 'it', unit: 'GB' }) // { problem: { kind: 'unit', given: 'MB', expected: 'GB' } }
 */
export function readNumber(
	text: string,
	{ lang, unit }: { lang: Locale; unit?: string | undefined }
): NumberReading {
	const clean = text
		.normalize('NFKC')
		.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
		.replace(/\s+/g, ' ')
		.replace(/[\u2212\u2012\u2013]/g, '-')
		.trim();
	if (clean === '') return { problem: { kind: 'empty' } };
	// Without a full stop ending the sentence, and without the question's unit if it is there.
	const entry = clean.replace(/\.$/, '').trim();
	const withoutUnit = unit ? stripUnit(entry, unit) : undefined;
	if (withoutUnit !== undefined) return readDigits(withoutUnit, lang);
	const lastDigit = entry.search(/\d(?!.*\d)/);
	if (lastDigit === -1) return { problem: { kind: 'notNumber' } };
	const after = entry.slice(lastDigit + 1).trim();
	if (after !== '') {
		// `4,` still being written, or `4 +`, is not a unit.
		if (!/[\p{L}%°$€£]/u.test(after)) return { problem: { kind: 'notNumber' } };
		return {
			problem: unit
				? { kind: 'unit', given: after, expected: unit }
				: { kind: 'unit', given: after },
		};
	}
	return readDigits(entry, lang);
}

/** The entry without the question's unit (or a word for it) at its end; `undefined` if it has none. */
function stripUnit(entry: string, unit: string): string | undefined {
	const lower = entry.toLowerCase();
	const forms = [unit, ...(unitWords[unitKey(unit)] ?? [])].sort((a, b) => b.length - a.length);
	for (const form of forms) {
		const key = form.toLowerCase();
		if (lower.endsWith(key) && lower.length > key.length) {
			const number = entry.slice(0, -key.length).trim();
			// `4GB` and `4 GB`, but not `44GB` read as `4` + `4GB`: the number must end in a digit.
			if (/\d$/.test(number)) return number;
		}
	}
	return undefined;
}

/** Groups of three digits after a first group of one to three: `8.080`, `1,000,000`. */
const grouped = (separator: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${separator}\\d{3})+$`);

/** Reads the number itself: a sign, digits, at most one decimal separator and clear grouping. */
function readDigits(text: string, lang: Locale): NumberReading {
	const notNumber: NumberReading = { problem: { kind: 'notNumber' } };
	const sign = /^[+-]\s?/.exec(text)?.[0] ?? '';
	let body = text.slice(sign.length);
	const negative = sign.startsWith('-');
	const signed = (value: number) => (negative ? -value : value) + 0;
	const number = (value: number): NumberReading => ({ value: signed(value) });
	if (!/^[\d.,' ]+$/.test(body)) return notNumber;
	// Spaces and apostrophes may group thousands (`8 080`, `8'080`), never split digits otherwise.
	if (/[ ']/.test(body)) {
		const [whole = '', ...fraction] = body.split(/[.,](?=\d+$)/);
		if (!/^[1-9]\d{0,2}(?:[ ']\d{3})+$/.test(whole) || fraction.length > 1) return notNumber;
		body = whole.replace(/[ ']/g, '') + (fraction.length ? `.${fraction[0]}` : '');
		return number(Number(body));
	}
	const dots = body.split('.').length - 1;
	const commas = body.split(',').length - 1;
	if (dots === 0 && commas === 0) return /^\d+$/.test(body) ? number(Number(body)) : notNumber;
	if (dots && commas) {
		// Both: the last one is the decimal separator, and the other one groups thousands.
		const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
		const group = decimal === '.' ? ',' : '.';
		const [whole = '', fraction = '', ...more] = body.split(decimal);
		if (more.length || !grouped(group).test(whole) || !/^\d+$/.test(fraction)) return notNumber;
		return number(Number(`${whole.replaceAll(group, '')}.${fraction}`));
	}
	const separator = dots ? '.' : ',';
	if (dots + commas > 1) {
		return grouped(separator).test(body)
			? number(Number(body.replaceAll(separator, '')))
			: notNumber;
	}
	const [whole = '', fraction = ''] = body.split(separator);
	if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return notNumber;
	const decimal = Number(`${whole || '0'}.${fraction}`);
	// The page's own decimal separator is a decimal separator; the other one, before exactly three
	// digits, may be either language's thousands separator, so the learner is asked which.
	const ownDecimal = lang === 'it' ? ',' : '.';
	if (separator !== ownDecimal && grouped(separator).test(body)) {
		return {
			problem: { kind: 'ambiguous', readings: [signed(Number(whole + fraction)), signed(decimal)] },
		};
	}
	return number(decimal);
}

/** The number a reading gives, or `null` when the entry cannot be read. */
export function numberOf(reading: NumberReading): number | null {
	return 'value' in reading ? reading.value : null;
}
