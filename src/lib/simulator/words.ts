/**
 * Splits a command line into words and operators as a POSIX shell would for the simple lines
 * the course types: quotes, backslashes, `$(pwd)` and `$PWD`, and the operators `&&`, `||`,
 * `;`, `|`, `>` and `>>`. Other expansions are left as written.
 */

/** A word or an operator. */
export type Token = { op: false; text: string } | { op: true; text: string };

/** The tokens of a line; `pwd` is what `$(pwd)` and `$PWD` become. */
export function tokenize(line: string, pwd: string, env: Record<string, string> = {}): Token[] {
	const tokens: Token[] = [];
	let word = '';
	let inWord = false;
	const push = () => {
		if (inWord) tokens.push({ op: false, text: word });
		word = '';
		inWord = false;
	};
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (char === "'") {
			const end = line.indexOf("'", i + 1);
			const stop = end === -1 ? line.length : end;
			word += line.slice(i + 1, stop);
			inWord = true;
			i = stop;
		} else if (char === '"') {
			inWord = true;
			let j = i + 1;
			for (; j < line.length && line[j] !== '"'; j++) {
				if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) {
					word += line[++j];
				} else if (line[j] === '$') {
					const [value, length] = expand(line, j, pwd, env);
					word += value;
					j += length - 1;
				} else word += line[j];
			}
			i = j;
		} else if (char === '\\' && i + 1 < line.length) {
			word += line[++i];
			inWord = true;
		} else if (char === '$') {
			const [value, length] = expand(line, i, pwd, env);
			word += value;
			inWord = true;
			i += length - 1;
		} else if (char === ' ' || char === '\t' || char === '\n') {
			push();
		} else if (char === '#' && !inWord) {
			break;
		} else if ('&|;><'.includes(char)) {
			push();
			const two = line.slice(i, i + 2);
			const op = ['&&', '||', '>>'].includes(two) ? two : char;
			tokens.push({ op: true, text: op });
			i += op.length - 1;
		} else {
			word += char;
			inWord = true;
		}
	}
	push();
	return tokens;
}

/** What a `$…` at `index` stands for, and how many characters it took. */
function expand(
	line: string,
	index: number,
	pwd: string,
	env: Record<string, string>
): [string, number] {
	const rest = line.slice(index);
	if (rest.startsWith('$(pwd)')) return [pwd, 6];
	const braced = /^\$\{(\w+)\}/.exec(rest);
	const plain = /^\$(\w+)/.exec(rest);
	const match = braced ?? plain;
	if (!match) return ['$', 1];
	const name = match[1]!;
	if (name === 'PWD') return [pwd, match[0].length];
	if (name in env) return [env[name]!, match[0].length];
	// Unknown variables stay as written: the learner sees what they typed.
	return [match[0], match[0].length];
}

/** Simple commands between `&&`, `||` and `;`, with their redirections. */
export interface Pipeline {
	words: string[];
	/** `>` or `>>` and the file, when the output is redirected. */
	redirect?: { append: boolean; file: string };
	/** The operator after this command: `&&`, `||`, `;`, `|` or empty. */
	next: string;
}

/** Groups tokens into simple commands. */
export function commandsOf(tokens: Token[]): Pipeline[] {
	const commands: Pipeline[] = [];
	let current: Pipeline = { words: [], next: '' };
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (!token.op) current.words.push(token.text);
		else if (token.text === '>' || token.text === '>>') {
			const file = tokens[i + 1];
			if (file && !file.op) {
				current.redirect = { append: token.text === '>>', file: file.text };
				i++;
			}
		} else if (token.text === '<') i++;
		else {
			current.next = token.text;
			commands.push(current);
			current = { words: [], next: '' };
		}
	}
	if (current.words.length) commands.push(current);
	return commands.filter((command) => command.words.length);
}
