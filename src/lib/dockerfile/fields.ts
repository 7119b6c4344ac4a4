/**
 * Which field of an instruction a finding is about: the flag or argument its range starts in,
 * named as the model (and so the builder's form) names it, so that "go to" can focus that field
 * rather than the instruction's main one.
 */
import type { Located } from './context.ts';
import type { Item, Source, SourceRange } from './model.ts';

/** A field of an instruction: `{ name: 'from' }` for COPY's `--from`, `{ name: 'ports', index: 1 }`. */
export interface FindingField {
	/** The model's field: `image`, `tag`, `from`, `sources`, `destination`, `ports`, `pairs`… */
	name: string;
	/** The row of a list field (`sources`, `ports`, `pairs`, `flags`, `args`, `paths`). */
	index?: number;
	/** The part of that row: a pair's or a flag's `value`, a port's `protocol`. */
	part?: 'value' | 'protocol';
}

/**
 * Rules whose problem is a field other than where their range starts: an untagged image needs a
 * tag, a protocol in capitals is the port's protocol.
 */
const ruleFields: Readonly<Record<string, Partial<FindingField>>> = {
	'untagged-image': { name: 'tag' },
	'expose-protocol-casing': { part: 'protocol' },
};

interface Word {
	start: number;
	end: number;
	text: string;
}

/**
 * The field of `node` that `range` starts in; `undefined` when the range starts on the keyword
 * (the whole instruction) or the node has no fields to tell apart.
 */
export function fieldAt(
	node: Located,
	range: SourceRange,
	escape: string,
	rule = ''
): FindingField | undefined {
	const source = node.source;
	if (!source || !('kind' in node)) return undefined;
	const item = node as Item;
	const [, ...rest] = wordsOf(source.text, escape);
	const offset = offsetIn(source, range);
	const field = fieldOf(item, rest, offset);
	const wanted = ruleFields[rule];
	return field && wanted ? { ...field, ...wanted } : field;
}

function fieldOf(item: Item, words: Word[], offset: number): FindingField | undefined {
	const at = words.findIndex((word) => offset < word.end);
	const word = words[at];
	if (!word || offset < (words[0]?.start ?? 0)) return undefined;
	const flagCount = words.findIndex((each) => !each.text.startsWith('--'));
	const flags = flagCount === -1 ? words.length : flagCount;
	const args = at - flags;
	const inValue = word.text.indexOf('=') !== -1 && offset > word.start + word.text.indexOf('=');
	const row = (name: string, index: number, length: number, part?: FindingField['part']) => ({
		name,
		index: Math.max(0, Math.min(index, length - 1)),
		...(part ? { part } : {}),
	});
	switch (item.kind) {
		case 'from': {
			if (at < flags) return { name: 'platform' };
			if (args > 0) return { name: 'name' };
			const relative = offset - word.start;
			const digest = word.text.indexOf('@');
			const tag = word.text.lastIndexOf(':', digest === -1 ? undefined : digest);
			const slash = word.text.lastIndexOf('/');
			if (digest !== -1 && relative >= digest) return { name: 'digest' };
			if (tag > slash && relative >= tag) return { name: 'tag' };
			return { name: 'image' };
		}
		case 'copy':
		case 'add': {
			if (at < flags) {
				if (item.kind === 'copy' && word.text.startsWith('--from')) return { name: 'from' };
				// COPY's `--from` has a field of its own, not a row of the flags.
				const shown = words
					.slice(0, flags)
					.filter((flag) => item.kind !== 'copy' || !flag.text.startsWith('--from'));
				const index = shown.indexOf(word);
				return row('flags', index, shown.length, inValue ? 'value' : undefined);
			}
			const paths = words.length - flags;
			return args === paths - 1
				? { name: 'destination' }
				: row('sources', args, item.sources.length);
		}
		case 'expose': {
			const slash = word.text.indexOf('/');
			const protocol = slash !== -1 && offset > word.start + slash;
			return row('ports', at, item.ports.length, protocol ? 'protocol' : undefined);
		}
		case 'env':
		case 'arg':
		case 'label':
			return row('pairs', at, item.pairs.length, inValue ? 'value' : undefined);
		case 'run':
		case 'cmd':
		case 'entrypoint':
		case 'healthcheck': {
			if (item.kind !== 'cmd' && item.kind !== 'entrypoint' && at < flags) {
				return row('flags', at, flags, inValue ? 'value' : undefined);
			}
			const command = item.command;
			if (!command) return undefined;
			// HEALTHCHECK's `CMD` comes before its command.
			const skip = item.kind === 'healthcheck' ? 1 : 0;
			if (command.form === 'shell') return { name: 'command' };
			return row('args', args - skip, command.args.length);
		}
		case 'user': {
			const colon = word.text.indexOf(':');
			return colon !== -1 && offset > word.start + colon ? { name: 'group' } : { name: 'user' };
		}
		case 'volume':
			return row('paths', at, item.paths.length);
		case 'shell':
			return row('args', at, item.args.length);
		case 'workdir':
			return { name: 'path' };
		case 'stopsignal':
			return { name: 'signal' };
		case 'maintainer':
			return { name: 'name' };
		default:
			return undefined;
	}
}

/** The offset in the node's text where a range starts. */
function offsetIn(source: Source, range: SourceRange): number {
	const lines = source.text.split('\n');
	const line = range.line - source.range.line;
	if (line <= 0) return Math.max(0, range.column - source.range.column);
	let offset = 0;
	for (let index = 0; index < line && index < lines.length; index += 1) {
		offset += (lines[index] ?? '').length + 1;
	}
	return offset + range.column - 1;
}

/**
 * The words of an instruction's text: split on blanks outside quotes, line continuations and the
 * comment lines between them counting as blanks.
 */
function wordsOf(text: string, escape: string): Word[] {
	const words: Word[] = [];
	let start = -1;
	let quote = '';
	const close = (end: number) => {
		if (start !== -1) words.push({ start, end, text: text.slice(start, end) });
		start = -1;
	};
	for (let index = 0; index < text.length; index += 1) {
		const char = text.charAt(index);
		if (quote) {
			if (char === quote) quote = '';
			continue;
		}
		if (char === escape && /^[ \t]*\n/.test(text.slice(index + 1, index + 40))) {
			close(index);
			index = text.indexOf('\n', index);
			// Comment lines inside a continued instruction are not part of it.
			while (/^[ \t]*#/.test(text.slice(index + 1))) {
				const next = text.indexOf('\n', index + 1);
				if (next === -1) return words;
				index = next;
			}
		} else if (/\s/.test(char)) {
			close(index);
		} else {
			if (start === -1) start = index;
			if (char === '"' || char === "'") quote = char;
		}
	}
	close(text.length);
	return words;
}
