/**
 * A small reading of Go templates for `docker inspect -f`: `{{.A.B}}`, `{{range .X}}…{{end}}`
 * over maps and lists, `{{json .X}}`, `{{index .X "key"}}`, `{{println}}`. Anything else prints
 * as Go would print a missing value, `<no value>`.
 */

type Node = { text: string } | { action: string } | { range: string; body: Node[] };

function parseTemplate(text: string): Node[] {
	const root: Node[] = [];
	const stack: { body: Node[] }[] = [{ body: root }];
	const pattern = /\{\{-?\s*(.*?)\s*-?\}\}/g;
	let last = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const body = stack.at(-1)!.body;
		if (match.index > last) body.push({ text: text.slice(last, match.index) });
		last = pattern.lastIndex;
		const action = match[1]!;
		if (action.startsWith('range ')) {
			const node = { range: action.slice(6).trim(), body: [] as Node[] };
			body.push(node);
			stack.push(node);
		} else if (action === 'end') {
			if (stack.length > 1) stack.pop();
		} else body.push({ action });
	}
	if (last < text.length) stack.at(-1)!.body.push({ text: text.slice(last) });
	return root;
}

function lookUp(dot: unknown, path: string): unknown {
	if (path === '.') return dot;
	let value = dot;
	for (const key of path.split('.').filter(Boolean)) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function show(value: unknown): string {
	if (value === undefined) return '<no value>';
	if (value === null) return '<nil>';
	if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
	if (typeof value === 'object')
		return `map[${Object.entries(value)
			.map(([k, v]) => `${k}:${show(v)}`)
			.join(' ')}]`;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function evaluate(nodes: Node[], dot: unknown): string {
	let out = '';
	for (const node of nodes) {
		if ('text' in node) out += node.text;
		else if ('range' in node) {
			const value = lookUp(dot, node.range);
			const items = Array.isArray(value)
				? value
				: value && typeof value === 'object'
					? Object.values(value)
					: [];
			for (const item of items) out += evaluate(node.body, item);
		} else {
			const words = node.action.split(/\s+/);
			if (words[0] === 'json') out += JSON.stringify(lookUp(dot, words[1] ?? '.') ?? null);
			else if (words[0] === 'println')
				out += `${words
					.slice(1)
					.map((w) => show(lookUp(dot, w)))
					.join(' ')}\n`;
			else if (words[0] === 'index') {
				const base = lookUp(dot, words[1] ?? '.');
				const key = (words[2] ?? '').replace(/^"|"$/g, '');
				out += show(
					base && typeof base === 'object' ? (base as Record<string, unknown>)[key] : undefined
				);
			} else out += show(lookUp(dot, words[0]!));
		}
	}
	return out;
}

/** The template applied to one object. */
export function applyTemplate(template: string, dot: unknown): string {
	return evaluate(parseTemplate(template), dot);
}
