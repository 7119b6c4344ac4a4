import { describe, expect, test } from 'vitest';
import {
	addStage,
	createInstruction,
	insertItem,
	moveItem,
	nextId,
	removeItem,
	removeStage,
	updateItem,
} from '../../../src/lib/dockerfile/edit';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';

const model = parse('ARG V=1\nFROM alpine:3\nRUN echo one\nRUN echo two\n');
const stageId = model.stages[0]?.id ?? '';
const [one, two] = model.stages[0]?.items ?? [];

describe('updateItem()', () => {
	test('changes one item, drops its source, and leaves the input alone', () => {
		const before = structuredClone(model);
		const next = updateItem(model, one?.id ?? '', (item) =>
			item.kind === 'run' ? { ...item, command: { form: 'exec', args: ['echo', '1'] } } : item
		);
		expect(print(next)).toBe('ARG V=1\n\nFROM alpine:3\nRUN ["echo", "1"]\nRUN echo two\n');
		expect(next.stages[0]?.items[0]?.source).toBeUndefined();
		expect(next.stages[0]?.items[1]).toBe(two);
		expect(model).toEqual(before);
	});

	test('changes a stage FROM', () => {
		const next = updateItem(model, model.stages[0]?.from.id ?? '', (from) => ({
			...from,
			tag: '3.20',
		}));
		expect(next.stages[0]?.from).toMatchObject({ tag: '3.20' });
	});
});

describe('insertItem(), removeItem() and moveItem()', () => {
	test('add, remove and reorder items by id', () => {
		const workdir = { ...createInstruction('workdir', nextId(model)), path: '/app' };
		const added = insertItem(model, workdir, { stageId, index: 0 });
		expect(print(added)).toContain('FROM alpine:3\nWORKDIR /app\nRUN echo one\n');
		const moved = moveItem(added, workdir.id, 1);
		expect(moved.stages[0]?.items.map((item) => item.id)).toEqual([one?.id, workdir.id, two?.id]);
		expect(moveItem(moved, two?.id ?? '', 1)).toEqual(moved);
		expect(print(removeItem(moved, workdir.id))).toBe(print(model));
		const global = insertItem(model, createInstruction('arg', 'g'), { stageId: null });
		expect(global.preamble.map((item) => item.id)).toEqual([model.preamble[0]?.id, 'g']);
	});
});

describe('addStage() and removeStage()', () => {
	test('add a stage with its FROM and remove it', () => {
		const from = { ...createInstruction('from', 'f'), image: 'nginx', tag: '1.27' };
		const added = addStage(model, from, 's9');
		expect(print(added)).toMatch(/\n\nFROM nginx:1\.27\n$/);
		expect(removeStage(added, 's9')).toEqual(model);
	});
});

describe('nextId()', () => {
	test('gives an id above every id in use', () => {
		expect(nextId(model)).toBe('i5');
		expect(nextId(model, 's')).toBe('s5');
	});
});

describe('createInstruction()', () => {
	test('gives independent blanks', () => {
		const a = createInstruction('copy', 'a');
		a.sources.push('x');
		expect(createInstruction('copy', 'b').sources).toEqual(['']);
	});
});
