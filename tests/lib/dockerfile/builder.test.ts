import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	builderTemplates,
	commandsPanel,
	CUSTOM_TEMPLATE,
	defaultHostPort,
	defaultInputs,
	emptyModel,
	findingFocus,
	findingsByNode,
	FORM_PAGE,
	formPart,
	formPosition,
	HIGHLIGHT_MAX_LINES,
	highlightable,
	imageNameFor,
	initialSession,
	itemName,
	lineCount,
	linkRefusal,
	locate,
	messageText,
	PASTE_LIMITS,
	pasteRefusal,
	readPaste,
	reduceBuilder,
	restoredState,
	setAsideName,
	templateOf,
	UNDO_LIMIT,
	type BuilderAction,
	type BuilderSession,
	type PaletteKind,
	type ParseDockerfile,
} from '../../../src/lib/dockerfile/builder';
import { lint } from '../../../src/lib/dockerfile/lint';
import { instructionsOf, type Stage } from '../../../src/lib/dockerfile/model';
import { parse } from '../../../src/lib/dockerfile/parse';
import { print } from '../../../src/lib/dockerfile/print';
import {
	decodeState,
	encodeState,
	isDockerfile,
	STATE_LIMITS,
	type BuilderState,
} from '../../../src/lib/dockerfile/share';
import { templates } from '../../../src/lib/dockerfile/templates';
import { translator } from '../../../src/lib/i18n/strings';
import italian from '../../../src/content/i18n/it.json';

// What the Astro wrapper passes: the templates read into the model at build time.
const templateChoices = builderTemplates(templates, 'it', parse);
const apache = templates[0]!.dockerfile;
const t = translator(italian);

/** The session after each action in turn. */
const after = (session: BuilderSession, ...actions: BuilderAction[]) =>
	actions.reduce(reduceBuilder, session);
/** A session showing this Dockerfile, as if pasted. */
const showing = (text: string) =>
	after(
		initialSession(templateChoices),
		{ type: 'typePaste', text },
		{ type: 'paste', read: readPaste(parse) }
	);
const textOf = (session: BuilderSession) => print(session.current.model);
/** What the last action left to say, in Italian. */
const said = (session: BuilderSession) =>
	session.outcome?.say ? messageText(t, session.outcome.say) : undefined;
const state = (text: string): BuilderState => ({
	model: showing(text).current.model,
	inputs: defaultInputs('x'),
});

describe('initialSession()', () => {
	test('starts from the first template, with nothing to undo and nothing to save', () => {
		const session = initialSession(templateChoices);
		expect(textOf(session)).toBe(apache);
		expect(session.current.inputs).toEqual(defaultInputs('my-apache'));
		expect(session).toMatchObject({ templateId: 'apache2', undo: [], edited: false, notices: [] });
	});

	test('without templates, starts from a lone FROM', () => {
		const session = initialSession([]);
		expect(session.current.model).toEqual(emptyModel());
		expect(session.templateId).toBe('empty');
		expect(session.current.inputs.image).toBe('my-app');
	});
});

describe('reduceBuilder()', () => {
	const start = initialSession(templateChoices);

	test.each<[PaletteKind, string | null, object, string]>([
		['workdir', 's1', { id: 'i6', kind: 'workdir', path: '' }, 'allo stage 1: WORKDIR.'],
		['comment', 's1', { id: 'i6', kind: 'comment', text: '' }, 'allo stage 1: Commento.'],
		['onbuild', 's1', { kind: 'onbuild', trigger: { id: 'i6-trigger' } }, 'allo stage 1: ONBUILD.'],
		['arg', null, { id: 'i6', kind: 'arg', pairs: [{ key: '', value: null }] }, 'FROM: ARG.'],
	])(
		'add %s: a blank item at the end of its list, focused and announced',
		(kind, stageId, item, end) => {
			const next = after(start, { type: 'add', kind, place: { stageId } });
			const list = stageId ? next.current.model.stages[0]?.items : next.current.model.preamble;
			expect(list?.at(-1)).toMatchObject(item);
			expect(next.outcome?.focus).toEqual(['i6']);
			expect(said(next)).toMatch(new RegExp(`^Nuova riga (in fondo|prima del primo) .*${end}$`));
			expect(next.undo).toEqual([start.current]);
			expect(next.edited).toBe(true);
		}
	);

	test('add: never to a stage that is not there, and never changes the session it is given', () => {
		expect(after(start, { type: 'add', kind: 'run', place: { stageId: 's9' } })).toBe(start);
		after(start, { type: 'add', kind: 'run', place: { stageId: 's1', index: 0 } });
		expect(start.current.model.stages[0]?.items).toHaveLength(4);
	});

	test('move: swaps with a neighbour, keeps focus on a button that still works', () => {
		const down = after(start, { type: 'move', id: 'i2', offset: 1 });
		expect(down.current.model.stages[0]?.items.map((item) => item.kind)).toEqual([
			'copy',
			'run',
			'expose',
			'cmd',
		]);
		expect(down.outcome?.focus).toEqual(['i2', 'down']);
		expect(said(down)).toBe('RUN in posizione 1: ora in posizione 2 su 4.');
		// At the top the "up" button is disabled: focus goes to "down".
		const top = after(down, { type: 'move', id: 'i2', offset: -1 });
		expect(top.outcome?.focus).toEqual(['i2', 'down']);
		const bottom = after(start, { type: 'move', id: 'i4', offset: 1 });
		expect(bottom.outcome?.focus).toEqual(['i4', 'up']);
		expect(after(start, { type: 'move', id: 'i2', offset: -1 })).toBe(start);
		expect(after(start, { type: 'move', id: 'nope', offset: 1 })).toBe(start);
	});

	test('moveTo: drops an item at a place in its list or in another stage', () => {
		const same = after(start, { type: 'moveTo', id: 'i2', place: { stageId: 's1', index: 2 } });
		expect(same.current.model.stages[0]?.items.map((item) => item.id)).toEqual([
			'i3',
			'i4',
			'i2',
			'i5',
		]);
		expect(said(same)).toBe('RUN in posizione 1: ora in posizione 3 su 4.');
		expect(same.outcome?.focus).toBeUndefined();
		expect(same.undo).toHaveLength(1);

		const two = after(start, { type: 'addStage' });
		const across = after(two, { type: 'moveTo', id: 'i5', place: { stageId: 's6' } });
		expect(across.current.model.stages.map((stage) => stage.items.map((item) => item.id))).toEqual([
			['i2', 'i3', 'i4'],
			['i5'],
		]);
		expect(said(across)).toBe('CMD in posizione 4: ora in posizione 1 su 1.');
		// A place that does not exist must not lose the item.
		expect(after(start, { type: 'moveTo', id: 'i5', place: { stageId: 's9' } })).toBe(start);
		expect(after(start, { type: 'moveTo', id: 'nope', place: { stageId: 's1' } })).toBe(start);
	});

	test('remove: focuses the next item, the one before, or the palette, and says what went', () => {
		const first = after(start, { type: 'remove', id: 'i2' });
		expect(first.current.model.stages[0]?.items.map((item) => item.id)).toEqual(['i3', 'i4', 'i5']);
		expect(first.outcome?.focus).toEqual(['i3', 'remove']);
		expect(said(first)).toBe(
			'Hai rimosso: RUN in posizione 1. Puoi tornare indietro con «Annulla».'
		);
		const last = after(start, { type: 'remove', id: 'i5' });
		expect(last.outcome?.focus).toEqual(['i4', 'remove']);
		const empty = after(
			initialSession([]),
			{ type: 'add', kind: 'run', place: { stageId: 's1' } },
			{ type: 'remove', id: 'i2' }
		);
		expect(empty.outcome?.focus).toEqual(['s1', 'palette']);
		const global = after(
			start,
			{ type: 'add', kind: 'arg', place: { stageId: null } },
			{ type: 'remove', id: 'i6' }
		);
		expect(global.outcome?.focus).toEqual(['add-global-arg']);
		expect(after(start, { type: 'remove', id: 'nope' })).toBe(start);
	});

	test('update: changes an item or a FROM as the learner types, without a step for Undo', () => {
		const next = after(
			start,
			{
				type: 'update',
				id: 'i1',
				change: (item) => (item.kind === 'from' ? { ...item, tag: '22.04' } : item),
			},
			{
				type: 'update',
				id: 'i4',
				change: (item) =>
					item.kind === 'expose' ? { ...item, ports: [{ port: '8080', protocol: '' }] } : item,
			}
		);
		expect(textOf(next)).toMatch(/^FROM ubuntu:22\.04\n[\s\S]*\nEXPOSE 8080\n/);
		expect(next.undo).toEqual([]);
		expect(next.edited).toBe(true);
		expect(next.outcome).toBeNull();
	});

	test('toText: an instruction becomes its raw line, in the file’s escape character', () => {
		const next = after(start, { type: 'toText', id: 'i2' });
		expect(next.current.model.stages[0]?.items[0]).toEqual({
			id: 'i2',
			kind: 'raw',
			keyword: 'RUN',
			text: apache.split('\n').slice(1, 4).join('\n'),
		});
		expect(textOf(next)).toBe(apache);
		expect(next.outcome?.focus).toEqual(['i2']);
		expect(next.undo).toHaveLength(1);
		const backtick = showing('# escape=`\nFROM alpine\nRUN echo a `\n  b\n');
		const raw = after(backtick, { type: 'toText', id: 'i2' });
		expect(raw.current.model.stages[0]?.items[0]).toMatchObject({ text: 'RUN echo a `\n  b' });
		// A comment and a raw line have no other text form.
		const comment = showing('FROM alpine\n# note\nFOO bar\n');
		expect(after(comment, { type: 'toText', id: 'i2' })).toBe(comment);
		expect(after(comment, { type: 'toText', id: 'i3' })).toBe(comment);
	});

	test('toForm: a raw line that reads as one instruction gets its fields back, with its id', () => {
		const raw = showing('FROM alpine\nFOO /app\n');
		const typed = after(raw, {
			type: 'update',
			id: 'i2',
			change: (item) => (item.kind === 'raw' ? { ...item, text: 'WORKDIR /app' } : item),
		});
		const next = after(typed, { type: 'toForm', id: 'i2', parse });
		expect(next.current.model.stages[0]?.items).toEqual([
			{ id: 'i2', kind: 'workdir', path: '/app' },
		]);
		expect(next.outcome?.focus).toEqual(['i2']);
		expect(said(next)).toBe("L'istruzione WORKDIR ora ha di nuovo i suoi campi.");
		expect(next.undo.at(-1)).toBe(typed.current);

		const onbuild = after(
			typed,
			{
				type: 'update',
				id: 'i2',
				change: (item) => (item.kind === 'raw' ? { ...item, text: 'ONBUILD RUN make' } : item),
			},
			{ type: 'toForm', id: 'i2', parse }
		);
		expect(onbuild.current.model.stages[0]?.items[0]).toMatchObject({
			id: 'i2',
			kind: 'onbuild',
			trigger: { id: 'i2-trigger', kind: 'run' },
		});
	});

	test('toForm: a line that is still not one whole instruction stays text, and says so', () => {
		for (const text of ['FOO /app', 'RUN a\nRUN b', 'FROM alpine', '']) {
			const raw = after(showing('FROM alpine\nFOO /app\n'), {
				type: 'update',
				id: 'i2',
				change: (item) => (item.kind === 'raw' ? { ...item, text } : item),
			});
			const next = after(raw, { type: 'toForm', id: 'i2', parse });
			expect(next.current).toBe(raw.current);
			expect(next.undo).toBe(raw.undo);
			expect(next.outcome?.focus).toEqual(['i2', 'text']);
			expect(said(next)).toMatch(/^Questa riga non è ancora un'istruzione completa/);
		}
		const form = showing('FROM alpine\nRUN make\n');
		expect(after(form, { type: 'toForm', id: 'i2', parse })).toBe(form);
	});

	test('chooseTemplate and loadTemplate: the chosen template, its image, one step for Undo', () => {
		const chosen = after(start, { type: 'chooseTemplate', id: 'go' });
		expect(chosen.templateId).toBe('go');
		expect(chosen.current).toBe(start.current);
		const loaded = after(chosen, { type: 'loadTemplate' });
		expect(textOf(loaded)).toBe(templates.find((template) => template.id === 'go')?.dockerfile);
		expect(loaded.current.inputs).toEqual(defaultInputs('my-go-app'));
		expect(loaded.undo).toEqual([start.current]);
		expect(said(loaded)).toMatch(`Caricato il modello «${templateChoices[3]?.title}»`);
		// The template's own model is never shared with the state the learner edits.
		expect(loaded.current.model).not.toBe(templateChoices[3]?.model);

		// A template is a fresh start, inputs included: the empty one has no app to name the image
		// after (it kept the Apache example's `my-apache`).
		const named = after(start, { type: 'setInputs', change: { image: 'sito' } });
		const empty = after(named, { type: 'chooseTemplate', id: 'empty' }, { type: 'loadTemplate' });
		expect(empty.current.model).toEqual(emptyModel());
		expect(empty.current.inputs).toEqual(defaultInputs('my-app'));
		expect(empty.templateId).toBe('empty');
		for (const [id, image] of [
			['apache2', 'my-apache'],
			['node', 'my-node-app'],
			['python', 'my-python-app'],
			['go', 'my-go-app'],
		] as const) {
			const next = after(named, { type: 'chooseTemplate', id }, { type: 'loadTemplate' });
			expect(next.current.inputs.image).toBe(image);
			expect(commandsPanel(next.current).commands.build).toBe(`docker build -t ${image} .`);
		}
		expect(said(empty)).toBe(
			'Caricato il modello «Dockerfile vuoto». Con «Annulla» torni al Dockerfile di prima.'
		);
	});

	test('paste: the text becomes the model, without sources, one step for Undo', () => {
		const typed = after(start, {
			type: 'typePaste',
			text: 'FROM ubuntu\nRUN apt install -y apache2\n',
		});
		expect(typed.pasteText).toBe('FROM ubuntu\nRUN apt install -y apache2\n');
		const pasted = after(typed, { type: 'paste', read: readPaste(parse) });
		expect(textOf(pasted)).toBe('FROM ubuntu\nRUN apt install -y apache2\n');
		expect(JSON.stringify(pasted.current.model)).not.toContain('"source"');
		// The image name follows the file (the Apache example's name was the builder's own)…
		expect(pasted.current.inputs).toEqual({ ...start.current.inputs, image: 'my-app' });
		expect(pasted.undo).toEqual([start.current]);
		expect(pasted.pasteError).toBeNull();
		expect(said(pasted)).toBe(
			'Dockerfile letto: 2 istruzioni nel modulo. Con «Annulla» torni a quello di prima.'
		);
	});

	test('paste: an empty box changes nothing but the error, which is also said', () => {
		const refused = after(
			start,
			{ type: 'typePaste', text: '  \n' },
			{ type: 'paste', read: readPaste(parse) }
		);
		expect(refused.current).toBe(start.current);
		expect(refused.undo).toEqual([]);
		expect(refused.pasteError && messageText(t, refused.pasteError)).toBe(
			'Il riquadro è vuoto: incolla prima il testo di un Dockerfile.'
		);
		expect(said(refused)).toBe(messageText(t, refused.pasteError!));
		const mended = after(refused, { type: 'typePaste', text: 'FROM alpine\n' });
		expect(mended.pasteError).not.toBeNull();
		expect(after(mended, { type: 'paste', read: readPaste(parse) }).pasteError).toBeNull();
	});

	test('updateDirective and removeDirective', () => {
		const session = showing('# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\n');
		const typed = after(session, { type: 'updateDirective', id: 'd1', text: ' CHECK = skip=all ' });
		expect(typed.current.model.directives[0]).toEqual({
			id: 'd1',
			name: 'check',
			value: 'skip=all',
		});
		expect(
			after(typed, { type: 'updateDirective', id: 'd1', text: 'syntax' }).current.model
		).toMatchObject({ directives: [{ id: 'd1', name: 'syntax', value: '' }, { id: 'd2' }] });
		expect(typed.undo).toEqual(session.undo);
		const removed = after(typed, { type: 'removeDirective', id: 'd2' });
		expect(removed.current.model.directives.map((directive) => directive.id)).toEqual(['d1']);
		expect(removed.outcome?.focus).toEqual(['add-stage']);
		expect(removed.undo.at(-1)).toBe(typed.current);
		expect(after(removed, { type: 'removeDirective', id: 'd2' })).toBe(removed);
	});

	test('addStage and removeStage', () => {
		const added = after(start, { type: 'addStage' });
		expect(added.current.model.stages.map((stage) => stage.id)).toEqual(['s1', 's6']);
		expect(added.current.model.stages[1]?.from).toMatchObject({
			id: 'i6',
			kind: 'from',
			image: '',
		});
		expect(added.outcome?.focus).toEqual(['i6']);
		expect(said(added)).toBe('Aggiunto lo stage 2: scegli la sua immagine di base.');
		const removed = after(added, { type: 'removeStage', id: 's1' });
		expect(removed.current.model.stages.map((stage) => stage.id)).toEqual(['s6']);
		expect(removed.outcome?.focus).toEqual(['add-stage']);
		expect(said(removed)).toBe('Stage 1 rimosso. Con «Annulla» lo recuperi.');
		expect(after(removed, { type: 'removeStage', id: 's1' })).toBe(removed);
	});

	test('setInputs, setHostPort and setVolume: the command inputs, without a step for Undo', () => {
		const next = after(
			start,
			{ type: 'setInputs', change: { image: 'my-web', tag: '1.0', containerName: 'web' } },
			{ type: 'setInputs', change: { detach: false } },
			{ type: 'setHostPort', port: '80', host: '8080' },
			{ type: 'setVolume', path: '/data', name: 'dati' }
		);
		expect(next.current.inputs).toEqual({
			image: 'my-web',
			tag: '1.0',
			containerName: 'web',
			detach: false,
			ports: { '80': '8080' },
			volumes: { '/data': 'dati' },
		});
		expect(next.current.model).toBe(start.current.model);
		expect(next.undo).toEqual([]);
		expect(next.edited).toBe(true);
	});
});

describe('undo', () => {
	const start = initialSession(templateChoices);

	test('goes back one step at a time, and says so; with nothing to undo nothing changes', () => {
		const edited = after(
			start,
			{ type: 'remove', id: 'i2' },
			{ type: 'addStage' },
			{ type: 'setInputs', change: { image: 'y' } }
		);
		const once = after(edited, { type: 'undo' });
		expect(once.current.model.stages).toHaveLength(1);
		// Typing is no step of its own: Undo takes it back with the step before it.
		expect(once.current.inputs.image).toBe('my-apache');
		expect(said(once)).toBe('Ultima modifica annullata.');
		const twice = after(once, { type: 'undo' });
		expect(twice.current).toBe(start.current);
		expect(twice.undo).toEqual([]);
		expect(twice.edited).toBe(true);
		expect(after(twice, { type: 'undo' })).toBe(twice);
	});

	test(`keeps at most ${UNDO_LIMIT} steps, the latest ones`, () => {
		let session = start;
		for (let step = 0; step < UNDO_LIMIT + 10; step++) {
			session = after(session, { type: 'add', kind: 'comment', place: { stageId: 's1' } });
		}
		expect(session.undo).toHaveLength(UNDO_LIMIT);
		const items = (state: BuilderState) => state.model.stages[0]?.items.length;
		expect(items(session.undo[0]!)).toBe(4 + 10);
		for (let step = 0; step < UNDO_LIMIT; step++) session = after(session, { type: 'undo' });
		expect(items(session.current)).toBe(4 + 10);
		expect(after(session, { type: 'undo' })).toBe(session);
	});
});

describe('restoredState()', () => {
	const mine = state('FROM alpine:3.21\nRUN echo mio\n');
	const yours = state('FROM debian:12\nRUN echo tuo\n');

	test('nothing saved, no link: the first template, no notices', () => {
		expect(restoredState({ saved: null, shared: null, storageAvailable: true })).toEqual({
			state: null,
			undo: [],
			notices: [],
			unreadable: null,
			setAside: [],
		});
	});

	test('a fresh start changes nothing: the session stays the very object the server drew', () => {
		const start = initialSession(templateChoices);
		const nothing = restoredState({ saved: null, shared: null, storageAvailable: true });
		expect(reduceBuilder(start, { type: 'restore', restored: nothing })).toBe(start);
		// Without storage there is a notice to show, so the session changes.
		const unavailable = restoredState({ saved: null, shared: null, storageAvailable: false });
		expect(reduceBuilder(start, { type: 'restore', restored: unavailable }).notices).toEqual([
			'unavailable',
		]);
	});

	test('the saved state comes back as it was', () => {
		const restored = restoredState({
			saved: encodeState(mine),
			shared: null,
			storageAvailable: true,
		});
		expect(restored).toEqual({
			state: mine,
			undo: [],
			notices: [],
			unreadable: null,
			setAside: [],
		});
	});

	test('a shared link wins, and a different saved file stays one Undo away', () => {
		const restored = restoredState({
			saved: encodeState(mine),
			shared: encodeState(yours),
			storageAvailable: true,
		});
		expect(restored).toEqual({
			state: yours,
			undo: [mine],
			notices: ['shared'],
			unreadable: null,
			setAside: [],
		});
	});

	test('a link to the file already saved needs no notice', () => {
		const restored = restoredState({
			saved: encodeState(mine),
			shared: encodeState(mine),
			storageAvailable: true,
		});
		expect(restored).toEqual({
			state: mine,
			undo: [],
			notices: [],
			unreadable: null,
			setAside: [],
		});
	});

	test('a broken link falls back on the saved file, a broken save is kept aside', () => {
		const link = { from: 'url', dockerfile: false, text: 'eyJ2IjoxfQ' };
		const save = { from: 'storage', dockerfile: false, text: 'not a saved state!' };
		expect(
			restoredState({ saved: encodeState(mine), shared: 'eyJ2IjoxfQ', storageAvailable: true })
		).toEqual({ state: mine, undo: [], notices: ['url'], unreadable: null, setAside: [link] });
		expect(
			restoredState({ saved: 'not a saved state!', shared: 'eyJ2IjoxfQ', storageAvailable: true })
		).toEqual({
			state: null,
			undo: [],
			notices: ['storage', 'url'],
			unreadable: 'not a saved state!',
			setAside: [save, link],
		});
		expect(
			restoredState({
				saved: 'not a saved state!',
				shared: encodeState(yours),
				storageAvailable: true,
			})
		).toEqual({
			state: yours,
			undo: [],
			notices: ['storage'],
			unreadable: 'not a saved state!',
			setAside: [save],
		});
	});

	test('no storage at all: the link still opens, and the learner is told nothing is kept', () => {
		expect(
			restoredState({ saved: null, shared: encodeState(yours), storageAvailable: false })
		).toEqual({
			state: yours,
			undo: [],
			notices: ['unavailable'],
			unreadable: null,
			setAside: [],
		});
	});

	test('the restore action shows the decision and saves nothing yet', () => {
		const restored = restoredState({
			saved: encodeState(mine),
			shared: encodeState(yours),
			storageAvailable: true,
		});
		const session = after(initialSession(templateChoices), { type: 'restore', restored });
		expect(session.current).toEqual(yours);
		expect(session.notices).toEqual(['shared']);
		expect(session.edited).toBe(false);
		expect(after(session, { type: 'undo' }).current).toEqual(mine);
		const fresh = initialSession(templateChoices);
		const none = restoredState({ saved: null, shared: null, storageAvailable: false });
		expect(after(fresh, { type: 'restore', restored: none })).toMatchObject({
			current: fresh.current,
			notices: ['unavailable'],
		});
	});

	test('notSaved: a refused write adds its notice once', () => {
		const start = initialSession(templateChoices);
		const full = after(start, { type: 'notSaved', reason: 'full' });
		expect(full.notices).toEqual(['full']);
		expect(after(full, { type: 'notSaved', reason: 'full' })).toBe(full);
		expect(after(full, { type: 'notSaved', reason: 'unavailable' }).notices).toEqual([
			'full',
			'unavailable',
		]);
	});
});

describe('commandsPanel()', () => {
	test('the final stage’s ports and volumes, each once, with what the learner typed', () => {
		const session = after(
			showing(
				'FROM alpine AS build\nEXPOSE 9000\nFROM nginx\nEXPOSE 80 53/udp 80 $PORT\nVOLUME /data /data /logs\n'
			),
			{ type: 'setHostPort', port: '53/udp', host: ' 5353 ' },
			{ type: 'setVolume', path: '/logs', name: 'registri' },
			{ type: 'setInputs', change: { image: ' ', containerName: 'web ', tag: '1.0' } }
		);
		const panel = commandsPanel(session.current);
		expect(panel.ports).toEqual([
			{ port: '80', host: '80' },
			{ port: '53/udp', host: ' 5353 ' },
			{ port: '$PORT', host: '' },
		]);
		expect(panel.volumes).toEqual([
			{ path: '/data', name: '' },
			{ path: '/logs', name: 'registri' },
		]);
		expect(panel.commands).toEqual({
			build: 'docker build -t my-app:1.0 .',
			run: 'docker run -d --name web -p 80:80 -p 5353:53/udp -v web-data:/data -v registri:/logs my-app:1.0',
		});
	});

	test('a host port left empty publishes nothing', () => {
		const session = after(initialSession(templateChoices), {
			type: 'setHostPort',
			port: '80',
			host: '',
		});
		expect(commandsPanel(session.current).commands.run).toBe('docker run -d my-apache');
	});

	test('defaultHostPort() is the container port’s number, if it is one', () => {
		expect(defaultHostPort('8080')).toBe('8080');
		expect(defaultHostPort('53/udp')).toBe('53');
		expect(defaultHostPort('$PORT')).toBe('');
	});
});

describe('locate(), itemName(), messageText() and findingsByNode()', () => {
	const model = showing('ARG V=1\nFROM alpine\n# note\nRUN echo\n').current.model;

	test('locate() finds an item in the preamble or a stage, never a FROM', () => {
		expect(locate(model, 'i1')).toMatchObject({ stageId: null, index: 0, item: { kind: 'arg' } });
		expect(locate(model, 'i4')).toMatchObject({ stageId: 's1', index: 1, item: { kind: 'run' } });
		expect(locate(model, 'i2')).toBeNull();
	});

	test('itemName() names instructions by keyword, comments in words', () => {
		const [comment, run] = model.stages[0]!.items;
		expect(messageText(t, itemName(run!, 1))).toBe('RUN in posizione 2');
		expect(messageText(t, itemName(comment!, 0))).toBe('Commento in posizione 1');
		expect(messageText(t, { key: 'builder.undone' })).toBe('Ultima modifica annullata.');
	});

	test('findingsByNode() groups the findings by the node they are about', () => {
		const findings = lint(showing('FROM ubuntu\nRUN apt install -y x\n').current.model);
		const byNode = findingsByNode(findings);
		expect([...byNode.values()].flat()).toHaveLength(findings.length);
		for (const [nodeId, list] of byNode) {
			expect(list.every((finding) => finding.nodeId === nodeId)).toBe(true);
		}
	});
});

describe('reduceBuilder(): which actions are a step for Undo', () => {
	const start = initialSession(templateChoices);
	test.each<[string, BuilderAction, boolean]>([
		['add', { type: 'add', kind: 'run', place: { stageId: 's1' } }, true],
		['move', { type: 'move', id: 'i3', offset: -1 }, true],
		['moveTo', { type: 'moveTo', id: 'i3', place: { stageId: 's1', index: 0 } }, true],
		['remove', { type: 'remove', id: 'i3' }, true],
		['toText', { type: 'toText', id: 'i3' }, true],
		['loadTemplate', { type: 'loadTemplate' }, true],
		['addStage', { type: 'addStage' }, true],
		['removeStage', { type: 'removeStage', id: 's1' }, true],
		['update', { type: 'update', id: 'i3', change: (item) => ({ ...item }) }, false],
		['setInputs', { type: 'setInputs', change: { tag: '2' } }, false],
		['setHostPort', { type: 'setHostPort', port: '80', host: '81' }, false],
		['setVolume', { type: 'setVolume', path: '/x', name: 'x' }, false],
	])('%s: a step for Undo is %s', (_, action, undoable) => {
		const next = after(start, action);
		expect(next.undo).toEqual(undoable ? [start.current] : []);
		expect(next.edited).toBe(true);
		if (undoable) expect(after(next, { type: 'undo' }).current).toBe(start.current);
	});

	test.each<[string, BuilderAction]>([
		['chooseTemplate', { type: 'chooseTemplate', id: 'go' }],
		['typePaste', { type: 'typePaste', text: 'FROM alpine' }],
		['notSaved', { type: 'notSaved', reason: 'unavailable' }],
	])('%s changes neither the Dockerfile nor Undo, and saves nothing', (_, action) => {
		const next = after(start, action);
		expect(next.current).toBe(start.current);
		expect(next.undo).toBe(start.undo);
		expect(next.edited).toBe(false);
	});
});

/** An action picked at random, made concrete against the session it applies to. */
const actionRecipe = fc.record({
	type: fc.constantFrom(
		'add',
		'move',
		'moveTo',
		'remove',
		'update',
		'toText',
		'toForm',
		'addStage',
		'removeStage',
		'undo',
		'loadTemplate',
		'setInputs'
	),
	pick: fc.nat(),
	place: fc.nat(),
	offset: fc.constantFrom<-1 | 1>(-1, 1),
	kind: fc.constantFrom<PaletteKind>(
		'run',
		'copy',
		'expose',
		'volume',
		'onbuild',
		'comment',
		'raw'
	),
	text: fc.constantFrom('WORKDIR /app', 'FOO bar', 'RUN a\nRUN b', 'EXPOSE 80/udp', ''),
});

type Recipe = typeof actionRecipe extends fc.Arbitrary<infer T> ? T : never;

function concrete(session: BuilderSession, recipe: Recipe): BuilderAction {
	const { model } = session.current;
	const items = [...model.preamble, ...model.stages.flatMap((stage) => stage.items)];
	const places = [null, ...model.stages.map((stage) => stage.id)];
	const id = items[recipe.pick % Math.max(1, items.length)]?.id ?? 'none';
	const place = { stageId: places[recipe.place % places.length] ?? null, index: recipe.place % 4 };
	switch (recipe.type) {
		case 'add':
			return { type: 'add', kind: recipe.kind, place };
		case 'move':
			return { type: 'move', id, offset: recipe.offset };
		case 'moveTo':
			return { type: 'moveTo', id, place };
		case 'remove':
		case 'toText':
			return { type: recipe.type, id };
		case 'update':
			return {
				type: 'update',
				id,
				change: (item) => (item.kind === 'raw' ? { ...item, text: recipe.text } : item),
			};
		case 'toForm':
			return { type: 'toForm', id, parse };
		case 'removeStage':
			return { type: 'removeStage', id: places[1 + (recipe.pick % model.stages.length)] ?? 's1' };
		case 'setInputs':
			return { type: 'setInputs', change: { image: recipe.text } };
		default:
			return { type: recipe.type };
	}
}

describe('reduceBuilder() on any sequence of actions', () => {
	test('never throws, never changes its input, and keeps a state a link can carry', () => {
		fc.assert(
			fc.property(fc.array(actionRecipe, { maxLength: 40 }), (recipes) => {
				let session = initialSession(templateChoices);
				for (const recipe of recipes) {
					const before = structuredClone(session.current);
					const next = reduceBuilder(session, concrete(session, recipe));
					expect(session.current).toEqual(before);
					session = next;
				}
				expect(isDockerfile(session.current.model)).toBe(true);
				expect(decodeState(encodeState(session.current))).toEqual(session.current);
				expect(session.undo.length).toBeLessThanOrEqual(UNDO_LIMIT);
			}),
			{ numRuns: 60 }
		);
	});

	test('Undo right after a step gives back the state before it', () => {
		fc.assert(
			fc.property(fc.array(actionRecipe, { maxLength: 20 }), actionRecipe, (recipes, last) => {
				const session = recipes.reduce(
					(current, recipe) => reduceBuilder(current, concrete(current, recipe)),
					initialSession(templateChoices)
				);
				const next = reduceBuilder(session, concrete(session, last));
				// Only where the action was a step: the state before it is now the last one to go back to.
				if (last.type !== 'undo' && next.undo.at(-1) === session.current) {
					expect(reduceBuilder(next, { type: 'undo' }).current).toBe(session.current);
				}
			}),
			{ numRuns: 60 }
		);
	});
});

describe('a paste too long for the form', () => {
	/** A Dockerfile of `count` lines: a FROM, then the same line again and again. */
	const lines = (count: number, line = 'RUN echo hi') =>
		`FROM alpine:3.21\n${`${line}\n`.repeat(count - 1)}`;
	const unread: ParseDockerfile = () => {
		throw new Error('a refused paste is never read');
	};

	test('lineCount() counts every line, the last one with or without its newline', () => {
		expect([
			lineCount(''),
			lineCount('a'),
			lineCount('a\n'),
			lineCount('a\nb'),
			lineCount('\n\n'),
		]).toEqual([0, 1, 1, 2, 2]);
		expect(lineCount(lines(PASTE_LIMITS.maxLines))).toBe(PASTE_LIMITS.maxLines);
	});

	test('pasteRefusal(): up to each limit the text is read, past either it is refused', () => {
		expect(pasteRefusal(lines(PASTE_LIMITS.maxLines))).toBeNull();
		expect(pasteRefusal(`FROM a\nRUN ${'x'.repeat(PASTE_LIMITS.maxChars - 12)}\n`)).toBeNull();
		expect(pasteRefusal(lines(PASTE_LIMITS.maxLines + 1))?.values).toEqual({
			lines: PASTE_LIMITS.maxLines + 1,
			kb: 71,
			maxLines: PASTE_LIMITS.maxLines,
			maxKb: 256,
		});
		expect(pasteRefusal(`FROM a\nRUN ${'x'.repeat(PASTE_LIMITS.maxChars - 11)}\n`)?.values).toEqual(
			{
				lines: 2,
				kb: 257,
				maxLines: PASTE_LIMITS.maxLines,
				maxKb: 256,
			}
		);
	});

	test('paste: refused before it is read, the text stays in the box, the message says what to do', () => {
		const text = lines(50_000);
		const typed = after(initialSession(templateChoices), { type: 'typePaste', text });
		const refused = after(typed, { type: 'paste', read: readPaste(unread) });
		expect(refused.current).toBe(typed.current);
		expect(refused.undo).toBe(typed.undo);
		expect(refused.edited).toBe(false);
		expect(refused.pasteText).toBe(text);
		expect(messageText(t, refused.pasteError!)).toBe(
			'Il testo è troppo lungo per il modulo: 50000 righe e 586 KB, mentre il massimo è 6000 righe e 256 KB. Il testo resta nel riquadro: incollane una parte alla volta (per esempio uno stage), oppure controlla il file intero dal terminale, nel repository del corso, con `npm run -s dockerfile -- lint Dockerfile`.'
		);
		expect(said(refused)).toBe(messageText(t, refused.pasteError!));
		// Cut to size, the same box is read, and the error goes.
		const cut = after(refused, { type: 'typePaste', text: lines(PASTE_LIMITS.maxLines) });
		const read = after(cut, { type: 'paste', read: readPaste(parse) });
		expect(read.pasteError).toBeNull();
		expect(instructionsOf(read.current.model)).toHaveLength(PASTE_LIMITS.maxLines);
	});

	test('highlightable(): colours up to HIGHLIGHT_MAX_LINES lines, not one more', () => {
		expect(highlightable(lines(HIGHLIGHT_MAX_LINES))).toBe(true);
		expect(highlightable(lines(HIGHLIGHT_MAX_LINES + 1))).toBe(false);
	});
});

describe('the part of a long form on screen', () => {
	// 450 positions: 2 global ARGs (0–1), stage 1's FROM (2) and 300 RUNs (3–302), stage 2's FROM
	// (303) and 146 COPYs (304–449).
	const long = showing(
		`ARG A=1\nARG B=2\nFROM alpine AS one\n${'RUN a\n'.repeat(300)}FROM alpine\n${'COPY a /\n'.repeat(146)}`
	);
	const { model } = long.current;
	const [one, two] = model.stages as [Stage, Stage];

	test('a short file is shown whole, in one part', () => {
		const short = initialSession(templateChoices).current.model;
		expect(formPart(short, 0)).toEqual({
			start: 0,
			end: 5,
			total: 5,
			preamble: null,
			stages: [{ from: 0, to: 4 }],
		});
		expect(formPart(emptyModel(), 7)).toMatchObject({ start: 0, end: 1, total: 1 });
	});

	test('a long one, in parts of FORM_PAGE, each stage with what falls in the part', () => {
		expect(FORM_PAGE).toBe(100);
		expect(formPart(model, 0)).toEqual({
			start: 0,
			end: 100,
			total: 450,
			preamble: { from: 0, to: 2 },
			stages: [{ from: 0, to: 97 }, null],
		});
		// A stage begun on the part before shows its FROM again, with the rest of its items.
		expect(formPart(model, 300)).toEqual({
			start: 300,
			end: 400,
			total: 450,
			preamble: null,
			stages: [
				{ from: 297, to: 300 },
				{ from: 0, to: 96 },
			],
		});
		expect(formPart(model, 449)).toEqual({
			start: 400,
			end: 450,
			total: 450,
			preamble: null,
			stages: [null, { from: 96, to: 146 }],
		});
		// Any position gives the part that holds it; past either end, the first or the last.
		expect(formPart(model, 257).start).toBe(200);
		expect(formPart(model, -3).start).toBe(0);
		expect(formPart(model, 10_000).start).toBe(400);
	});

	test('formPosition(): items, FROMs and stages in file order, a trigger at its ONBUILD', () => {
		expect(formPosition(model, model.preamble[1]!.id)).toBe(1);
		expect(formPosition(model, one.id)).toBe(2);
		expect(formPosition(model, one.from.id)).toBe(2);
		expect(formPosition(model, one.items[0]!.id)).toBe(3);
		expect(formPosition(model, two.id)).toBe(303);
		expect(formPosition(model, two.items.at(-1)!.id)).toBe(449);
		expect(formPosition(model, 'nope')).toBe(-1);
		const onbuild = showing('FROM a\nRUN x\nONBUILD RUN y\n').current.model;
		const trigger = onbuild.stages[0]!.items[1]!;
		expect(trigger.kind === 'onbuild' && formPosition(onbuild, trigger.trigger.id)).toBe(2);
	});

	test('showPart: the part comes on screen, its first node gets focus, and it is said', () => {
		const next = after(long, { type: 'showPart', start: 200 });
		expect(next.formStart).toBe(200);
		expect(next.outcome?.focus).toEqual([one.items[197]!.id]);
		expect(said(next)).toBe('Il modulo ora mostra le istruzioni 201–300 di 450.');
		expect(next.current).toBe(long.current);
		expect(next.undo).toBe(long.undo);
		expect(next.edited).toBe(long.edited);
		expect(after(next, { type: 'showPart', start: 0 }).outcome?.focus).toEqual([
			model.preamble[0]!.id,
		]);
	});

	test('an action that focuses a node off screen brings its part; a paste starts at the top', () => {
		const added = after(long, { type: 'add', kind: 'run', place: { stageId: two.id } });
		expect(added.formStart).toBe(400);
		const found = after(long, { type: 'goTo', id: two.items[120]!.id });
		expect(found).toMatchObject({ formStart: 400, outcome: { focus: [two.items[120]!.id] } });
		expect(found.current).toBe(long.current);
		// On screen already: the part stays.
		const second = after(long, { type: 'showPart', start: 250 });
		expect(after(second, { type: 'goTo', id: one.items[250]!.id }).formStart).toBe(200);
		expect(after(second, { type: 'goTo', id: 'not-a-node' }).formStart).toBe(200);
		// Moving the part's last instruction down carries the part along with it.
		const last = one.items[96]!.id;
		expect(after(long, { type: 'move', id: last, offset: 1 }).formStart).toBe(100);
		// A shorter file puts the part back within it; a new paste starts at its top.
		expect(after(added, { type: 'undo' }, { type: 'undo' }).formStart).toBe(0);
		expect(
			after(
				second,
				{ type: 'typePaste', text: 'FROM a\n' },
				{ type: 'paste', read: readPaste(parse) }
			).formStart
		).toBe(0);
	});

	test('on any sequence of actions, the node that gets focus is on screen', () => {
		fc.assert(
			fc.property(fc.array(actionRecipe, { maxLength: 25 }), fc.nat(449), (recipes, start) => {
				let session = after(long, { type: 'showPart', start });
				for (const recipe of recipes) {
					session = reduceBuilder(session, concrete(session, recipe));
					const { formStart, current, outcome } = session;
					expect(formStart % FORM_PAGE).toBe(0);
					expect(formPart(current.model, formStart).start).toBe(formStart);
					const target = outcome?.focus?.[0];
					const position = target ? formPosition(current.model, target) : -1;
					if (position !== -1) {
						expect(position).toBeGreaterThanOrEqual(formStart);
						expect(position).toBeLessThan(formStart + FORM_PAGE);
					}
				}
			}),
			{ numRuns: 30 }
		);
	});
});

describe('what could not be opened is set aside, and saving says what it could not keep', () => {
	/** A Dockerfile whose state is just over a place's limit: one RUN with a long command. */
	const longer = (limit: number) =>
		`FROM alpine:3.21\nRUN ${'x'.repeat(Math.ceil((limit * 3) / 4))}\n`;
	/** Its state, read straight (longer than any paste), as an older version could have saved it. */
	const over = (limit: number) =>
		encodeState({ model: parse(longer(limit)), inputs: defaultInputs('x') });
	const mine = state('FROM alpine:3.21\nRUN echo mio\n');

	test('a save too large to open: a notice, and its Dockerfile to download', () => {
		const saved = over(STATE_LIMITS.device);
		expect(saved.length).toBeGreaterThan(STATE_LIMITS.device);
		const restored = restoredState({ saved, shared: null, storageAvailable: true });
		expect(restored).toMatchObject({
			state: null,
			notices: ['storageTooLarge'],
			unreadable: saved,
		});
		expect(restored.setAside).toEqual([
			{ from: 'storage', dockerfile: true, text: longer(STATE_LIMITS.device) },
		]);
		expect(setAsideName(restored.setAside[0]!)).toBe('Dockerfile');
	});

	test('a link too large to open: the saved file instead, and the link’s Dockerfile to download', () => {
		const shared = over(STATE_LIMITS.link);
		const restored = restoredState({ saved: encodeState(mine), shared, storageAvailable: true });
		expect(restored).toMatchObject({ state: mine, notices: ['urlTooLarge'], unreadable: null });
		expect(restored.setAside).toEqual([
			{ from: 'url', dockerfile: true, text: longer(STATE_LIMITS.link) },
		]);
	});

	test('text that is no state at all is set aside as it was, under a name that says so', () => {
		const [link, save] = [
			{ from: 'url', dockerfile: false, text: 'abc' },
			{ from: 'storage', dockerfile: false, text: '{' },
		] as const;
		expect(setAsideName(link)).toBe('dockerfile-builder-url-set-aside.txt');
		expect(setAsideName(save)).toBe('dockerfile-builder-storage-set-aside.txt');
		// An empty link (`#s=`) has nothing to keep.
		expect(restoredState({ saved: null, shared: '', storageAvailable: true })).toMatchObject({
			notices: ['url'],
			setAside: [],
		});
	});

	test('the restore action offers the set-aside text and starts at the top of the form', () => {
		const restored = restoredState({ saved: '{', shared: null, storageAvailable: true });
		const session = after(after(initialSession(templateChoices), { type: 'showPart', start: 3 }), {
			type: 'restore',
			restored,
		});
		expect(session).toMatchObject({ setAside: restored.setAside, formStart: 0, edited: false });
	});

	test('notSaved tooLarge says so once; a save that succeeds takes back what said it failed', () => {
		const start = initialSession(templateChoices);
		const tooLarge = after(start, { type: 'notSaved', reason: 'tooLarge' });
		expect(tooLarge.notices).toEqual(['tooLarge']);
		expect(after(tooLarge, { type: 'notSaved', reason: 'tooLarge' })).toBe(tooLarge);
		const both = after(
			tooLarge,
			{ type: 'notSaved', reason: 'full' },
			{ type: 'notSaved', reason: 'unavailable' }
		);
		expect(after(both, { type: 'saved' }).notices).toEqual(['unavailable']);
		expect(after(start, { type: 'saved' })).toBe(start);
	});

	test('a link refused for its size says how long it would be, and whether the device kept it', () => {
		expect(messageText(t, linkRefusal(672_047, true))).toBe(
			'Nessun link: questo Dockerfile è troppo grande per stare in un link (672047 caratteri, il massimo è 200000). Resta salvato in questo browser; per passarlo a qualcuno, scarica il file.'
		);
		expect(linkRefusal(1, false).key).toBe('builder.shareTooLargeUnsaved');
	});
});

describe('the image name and the template picker follow the file', () => {
	test('imageNameFor(): the kind of app from the base images, else my-app', () => {
		const image = (text: string) => imageNameFor(parse(text));
		expect(image('FROM node:22-alpine\n')).toBe('my-node-app');
		expect(image('FROM docker.io/library/python:3.12\n')).toBe('my-python-app');
		expect(image('FROM golang:1.23 AS build\nFROM gcr.io/distroless/static\n')).toBe('my-go-app');
		expect(image('FROM httpd:2.4\n')).toBe('my-apache-app');
		expect(image('FROM ubuntu:24.04\n')).toBe('my-app');
		expect(imageNameFor(emptyModel())).toBe('my-app');
	});

	test('a paste names the image after the file, unless the learner named it', () => {
		const node = showing('FROM node:22\nCMD ["node", "a.js"]\n');
		expect(node.current.inputs.image).toBe('my-node-app');
		expect(commandsPanel(node.current).commands.build).toBe('docker build -t my-node-app .');
		const named = after(
			initialSession(templateChoices),
			{ type: 'setInputs', change: { image: 'sito', containerName: 'web' } },
			{ type: 'typePaste', text: 'FROM python:3.12\n' },
			{ type: 'paste', read: readPaste(parse) }
		);
		expect(named.current.inputs).toMatchObject({ image: 'sito', containerName: 'web' });
	});

	test('the picker says "your file" once the form holds no template, and again a template after Undo', () => {
		const start = initialSession(templateChoices);
		const pasted = showing('FROM alpine:3.21\nRUN echo hi\n');
		expect(pasted.templateId).toBe(CUSTOM_TEMPLATE);
		// Nothing to load: the form already holds it.
		expect(after(pasted, { type: 'loadTemplate' })).toBe(pasted);
		// Pasting a template's own text is that template.
		expect(showing(apache).templateId).toBe('apache2');
		const from = start.current.model.stages[0]!.from;
		const edited = after(start, {
			type: 'update',
			id: from.id,
			change: (item) => (item.kind === 'from' ? { ...item, tag: '22.04' } : item),
		});
		expect(edited.templateId).toBe(CUSTOM_TEMPLATE);
		// Only the command inputs changed: still the template.
		expect(after(start, { type: 'setInputs', change: { tag: '1.0' } }).templateId).toBe('apache2');
		const loaded = after(pasted, { type: 'chooseTemplate', id: 'node' }, { type: 'loadTemplate' });
		expect(loaded.templateId).toBe('node');
		expect(after(loaded, { type: 'undo' }).templateId).toBe(CUSTOM_TEMPLATE);
		const removed = after(start, {
			type: 'remove',
			id: start.current.model.stages[0]!.items[0]!.id,
		});
		expect(removed.templateId).toBe(CUSTOM_TEMPLATE);
		expect(after(removed, { type: 'undo' }).templateId).toBe('apache2');
		expect(templateOf(templateChoices, emptyModel())).toBe('empty');
		const restored = after(start, {
			type: 'restore',
			restored: restoredState({
				saved: encodeState(pasted.current),
				shared: null,
				storageAvailable: true,
			}),
		});
		expect(restored.templateId).toBe(CUSTOM_TEMPLATE);
	});
});

describe('findingFocus(): the id parts of the field a finding is about', () => {
	const focusOf = (text: string, rule: string) => {
		const finding = lint(showing(text).current.model).find((each) => each.rule === rule);
		return finding && [finding.nodeId, ...findingFocus(finding)];
	};
	test('COPY --from an unknown stage: the --from field', () => {
		const text =
			'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.21\nCOPY --from=buidl /out/app /app\n';
		expect(focusOf(text, 'copy-from-unknown-stage')).toEqual(['i4', 'from']);
	});
	test('FROM without a tag or with latest: the tag; EXPOSE: the port at fault', () => {
		expect(focusOf('FROM ubuntu\n', 'untagged-image')).toEqual(['i1', 'tag']);
		expect(focusOf('FROM ubuntu:latest\n', 'latest-tag')).toEqual(['i1', 'tag']);
		expect(focusOf('FROM alpine:3.21\nEXPOSE 80 8080:80\n', 'expose-host-mapping')).toEqual([
			'i2',
			'ports',
			'1',
		]);
		expect(focusOf('FROM alpine:3.21\nEXPOSE 53/UDP\n', 'expose-protocol-casing')).toEqual([
			'i2',
			'ports',
			'0',
			'protocol',
		]);
	});
	test('a finding about the whole instruction names no field', () => {
		const finding = lint(showing('FROM alpine:3.21\nMAINTAINER me\n').current.model)[0]!;
		expect(finding.field).toBeUndefined();
		expect(findingFocus(finding)).toEqual([]);
	});
});
