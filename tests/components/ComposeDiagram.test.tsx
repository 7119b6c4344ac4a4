// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import ComposeLab, { debounceMs } from '../../src/components/Compose/ComposeLab';
import { loadAnalyzer } from '../../src/components/Compose/loadAnalyzer';
import { analyzeCompose } from '../../src/lib/compose/analyze';
import { examples, galleryExamples, lectureExample } from '../../src/lib/compose/examples';
import { analysisOptions } from '../../src/lib/compose/lab';
import { planFor } from '../../src/lib/compose/plan-view';
import {
	defaultOptions,
	encodeText,
	serializeState,
	stateToHash,
	storageKey,
} from '../../src/lib/compose/share';
import { translator } from '../../src/lib/i18n/strings';
import { planComposeUp } from '../../src/lib/simulator';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

/** What the island offered for download, in order: the real download needs a browser. */
const downloaded: { blob: Blob; filename: string }[] = [];
vi.mock('../../src/components/shared/download', () => ({
	download: (blob: Blob, filename: string) => downloaded.push({ blob, filename }),
}));

const only = (strings: Record<string, string>) =>
	Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('compose.')));
const strings = { it: only(italian), en: only(english) };

/** Renders the island as the wrapper does: with the starting example analysed beforehand. */
function renderLab(props: Partial<Parameters<typeof ComposeLab>[0]> = {}) {
	const lang = props.lang ?? 'it';
	const start = examples.find((example) => example.id === props.example) ?? lectureExample;
	const analysis = analyzeCompose(
		start.source,
		analysisOptions(lang, translator(strings[lang]), 'compose', defaultOptions)
	);
	const initial = { ...analysis, plan: planFor(start.source, analysis, planComposeUp) };
	return render(<ComposeLab lang={lang} strings={strings[lang]} initial={initial} {...props} />);
}

/**
 * Lets the analyser answer. Happy-dom has no workers, so the page analyses: once the analyser's
 * modules have loaded, its answer is a few promise turns away.
 */
async function analysed() {
	await act(async () => {
		await loadAnalyzer();
		for (let turn = 0; turn < 5; turn++) await Promise.resolve();
	});
}

/** Renders the island and lets it analyse what it opened with, as a reader's browser does. */
async function renderReady(props: Partial<Parameters<typeof ComposeLab>[0]> = {}) {
	const result = renderLab(props);
	await analysed();
	return result;
}

const editor = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: /File Compose/ });
const diagram = () => screen.getByRole('img', { name: /Schema del file Compose/ });
/** The first line of every box of a kind: a service's or a network's name. */
const boxes = (kind: string) =>
	[...diagram().querySelectorAll(`.cd-${kind} > .cd-title`)].map((text) => text.textContent);

/** Types into the editor, lets the debounce run out, and the analyser answer. */
async function type(text: string) {
	fireEvent.input(editor(), { target: { value: text } });
	void act(() => {
		vi.advanceTimersByTime(debounceMs + 10);
	});
	await analysed();
}

beforeEach(() => {
	downloaded.length = 0;
	localStorage.clear();
	history.replaceState(null, '', '/lab/compose/');
});
afterEach(() => {
	cleanup();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** A device that reads but refuses every write, as a browser does when full or forbidden. */
function refuseStorage(reason: 'SecurityError' | 'QuotaExceededError') {
	vi.stubGlobal('localStorage', {
		getItem: () => null,
		setItem: () => {
			throw new DOMException('refused', reason);
		},
		removeItem: () => undefined,
	});
}

describe('<ComposeLab>', () => {
	test('starts from the lecture’s file, with its invalid-cidr finding and a marker on line 29', async () => {
		const { container } = renderLab();
		// Before the analyser loads, the island shows what the server drew.
		const check = () => {
			expect(editor().value).toBe(lectureExample.source);
			const findings = screen.getByRole('region', { name: 'Problemi trovati' });
			const finding = within(findings).getByRole('button', { name: /invalid-cidr/ });
			expect(finding.textContent).toContain('Errore');
			expect(finding.textContent).toContain('riga 29');
			expect(finding.textContent).toContain('192.168.100.0/24');
			expect(container.querySelector('[data-line="29"] .cd-marker-error')?.textContent).toBe('✖');
			expect(container.querySelectorAll('.cd-gutter .cd-marker-error')).toHaveLength(1);
			expect(boxes('service')).toEqual(expect.arrayContaining(['app', 'db']));
		};
		check();
		await analysed();
		check();
	});

	test('says what docker compose up will do with the starting example: order, names, ports', () => {
		renderLab({ example: 'three-tiers' });
		const plan = screen.getByRole('region', { name: 'Cosa farà docker compose up' });
		const lists = within(plan).getAllByRole('list');
		const items = (list: HTMLElement) =>
			within(list)
				.getAllByRole('listitem')
				.map((item) => item.textContent);
		expect(lists[0]?.tagName).toBe('OL');
		expect(items(lists[0]!)).toEqual([
			'Rete progetto_frontend creata',
			"Rete progetto_backend creata, interna: i suoi container non raggiungono l'esterno né l'host",
			'Volume progetto_db-data creato',
			'db avviato (container progetto-db-1)',
			'api aspetta che db sia in salute (healthcheck), poi parte (container progetto-api-1)',
			'proxy aspetta che api sia avviato, poi parte (container progetto-proxy-1)',
		]);
		expect(within(plan).getByText('Sulla rete backend (progetto_backend, interna)')).toBeTruthy();
		expect(within(plan).getByText('api raggiunge db come db o progetto-db-1')).toBeTruthy();
		expect(items(lists.at(-1)!)).toEqual([
			'http://localhost:80 → proxy, porta 80',
			'http://localhost:443 → proxy, porta 443',
			"db non pubblica porte: dall'host non si raggiunge",
			"api non pubblica porte: dall'host non si raggiunge",
		]);
	});

	test('the lecture’s file has an error: the plan says it needs a valid file', () => {
		renderLab({ lang: 'en' });
		const plan = screen.getByRole('region', { name: 'What docker compose up will do' });
		expect(plan.textContent).toContain(
			'The plan needs a valid file: fix the errors among the problems found.'
		);
		expect(within(plan).queryAllByRole('listitem')).toHaveLength(0);
	});

	test('redraws the diagram once typing pauses, not before', async () => {
		await renderReady();
		vi.useFakeTimers();
		fireEvent.input(editor(), {
			target: {
				value: lectureExample.source.replace('  db:\n', '  cache:\n    image: redis\n  db:\n'),
			},
		});
		expect(boxes('service')).not.toContain('cache');
		await analysed();
		expect(boxes('service')).not.toContain('cache');
		void act(() => {
			vi.advanceTimersByTime(debounceMs + 10);
		});
		await analysed();
		expect(boxes('service')).toContain('cache');
	});

	test('keeps the last diagram, marked as old, while the file cannot be read', async () => {
		await renderReady();
		vi.useFakeTimers();
		await type('services: [');
		expect(screen.getByText(/lo schema mostra l'ultima versione leggibile/)).toBeTruthy();
		expect(boxes('service')).toContain('app');
		expect(screen.getByRole('button', { name: /yaml-syntax/ })).toBeTruthy();
	});

	test('choosing a finding puts the cursor on its line in the editor', async () => {
		await renderReady();
		fireEvent.click(screen.getByRole('button', { name: /invalid-cidr/ }));
		const textarea = editor();
		expect(document.activeElement).toBe(textarea);
		const before = textarea.value.slice(0, textarea.selectionStart);
		expect(before.split('\n')).toHaveLength(29);
		expect(textarea.value.slice(textarea.selectionStart)).toMatch(/^192\.168\.100\/24/);
	});

	test('shows a service named like markup as text, never as an element', async () => {
		const { container } = await renderReady();
		vi.useFakeTimers();
		await type('services:\n  "<img src=x onerror=alert(1)>":\n    image: nginx\n');
		expect(boxes('service')).toContain('<img src=x onerror=alert(1)>');
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(1);
	});

	test('the options hide the default network and turn the diagram', async () => {
		await renderReady({ example: 'web-database' });
		expect(boxes('network')).toContain('default');
		fireEvent.click(screen.getByRole('checkbox', { name: /Nascondi la rete predefinita/ }));
		await analysed();
		expect(boxes('network')).not.toContain('default');
		const viewBox = diagram().getAttribute('viewBox');
		fireEvent.click(screen.getByRole('radio', { name: "Dall'alto in basso" }));
		await analysed();
		expect(diagram().getAttribute('viewBox')).not.toBe(viewBox);
		fireEvent.click(screen.getByRole('checkbox', { name: /Nascondi volumi/ }));
		await analysed();
		expect(boxes('volume')).not.toContain('db-data');
	});

	test('the gallery loads an example, and the previous text can come back', async () => {
		await renderReady();
		const wordpress = galleryExamples.find((example) => example.id === 'wordpress-mysql')!;
		fireEvent.change(screen.getByRole('combobox', { name: 'Esempi' }), {
			target: { value: 'wordpress-mysql' },
		});
		expect(editor().value).toBe(lectureExample.source);
		fireEvent.click(screen.getByRole('button', { name: "Carica l'esempio" }));
		expect(editor().value).toBe(wordpress.source);
		await analysed();
		expect(boxes('service')).toEqual(expect.arrayContaining(['wordpress', 'db']));
		expect(
			screen.getByText(/^Caricato: WordPress e MySQL\. Problemi trovati: Errori: 0/)
		).toBeTruthy();
		expect(screen.getByText('Nessun problema trovato.')).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Ripristina il testo di prima' }));
		expect(editor().value).toBe(lectureExample.source);
	});

	test('Tab indents by two spaces; after Escape, Tab is left to the browser', () => {
		renderLab();
		const textarea = editor();
		textarea.setSelectionRange(0, 0);
		expect(fireEvent.keyDown(textarea, { key: 'Tab' })).toBe(false);
		expect(textarea.value.startsWith('  services:')).toBe(true);
		expect(textarea.selectionStart).toBe(2);
		fireEvent.keyDown(textarea, { key: 'Escape' });
		expect(fireEvent.keyDown(textarea, { key: 'Tab' })).toBe(true);
		expect(screen.getByText(/premi Esc e poi Tab/)).toBeTruthy();
	});

	test('the gutter of a long file draws the rows near those in view, and follows the scroll', () => {
		renderLab();
		const long = Array.from({ length: 3000 }, (_, i) => `# riga ${i + 1}`).join('\n');
		fireEvent.input(editor(), { target: { value: long } });
		const rows = () =>
			[...document.querySelectorAll('.cd-gutter-row')].map((row) =>
				Number(row.getAttribute('data-line'))
			);
		expect(rows()[0]).toBe(1);
		expect(rows().length).toBeLessThanOrEqual(300);
		// Scrolled to line 2,001 (22 pixels a line where nothing is measured).
		editor().scrollTop = 22 * 2000;
		fireEvent.scroll(editor());
		expect(rows()).toContain(2001);
		expect(rows()).not.toContain(1);
		expect(rows().length).toBeLessThanOrEqual(300);
	});

	test('describes the topology in sentences under the diagram, in the page’s language', async () => {
		await renderReady({ lang: 'en', example: 'host-network' });
		const list = screen.getByRole('heading', { name: 'The diagram in words' })
			.nextElementSibling as HTMLElement;
		expect(within(list).getByText(/monitor .*uses the host's network directly/)).toBeTruthy();
		expect(screen.getByRole('img', { name: /Compose file diagram/ })).toBeTruthy();
		const region = screen.getByRole('region', { name: 'Compose file diagram' });
		expect(region.getAttribute('tabindex')).toBe('0');
		expect(
			document.getElementById(region.getAttribute('aria-describedby') ?? '')?.textContent
		).toMatch(/arrow keys move it/);
	});

	test('zooms, moves and shows all of the diagram, by buttons and by keys, in its viewBox only', async () => {
		await renderReady();
		const region = screen.getByRole('region', { name: 'Schema del file Compose' });
		const svg = () => diagram().getAttribute('viewBox') ?? '';
		const numbers = () => svg().split(' ').map(Number);
		const [, , width = 0, height = 0] = numbers();
		const whole = svg();
		expect(whole).toBe(`0 0 ${width} ${height}`);
		const level = screen.getByText(/^Ingrandimento: \d+%$/);
		expect(level.textContent).toBe('Ingrandimento: 100%');
		const zoomOut = screen.getByRole('button', { name: 'Riduci' });
		expect(zoomOut.getAttribute('aria-disabled')).toBe('true');

		fireEvent.click(screen.getByRole('button', { name: 'Ingrandisci' }));
		const [x, y, w, h] = numbers();
		expect(w).toBeCloseTo(width / 1.5, 1);
		expect(h).toBeCloseTo(height / 1.5, 1);
		// Closer in on the centre of the diagram.
		expect((x ?? 0) + (w ?? 0) / 2).toBeCloseTo(width / 2, 1);
		expect((y ?? 0) + (h ?? 0) / 2).toBeCloseTo(height / 2, 1);
		expect(level.textContent).toBe('Ingrandimento: 150%');
		expect(zoomOut.getAttribute('aria-disabled')).toBeNull();

		fireEvent.keyDown(region, { key: 'ArrowRight' });
		expect(numbers()[0]).toBeGreaterThan(x ?? 0);
		fireEvent.keyDown(region, { key: 'ArrowUp' });
		expect(numbers()[1]).toBeLessThan(y ?? 0);
		fireEvent.keyDown(region, { key: '+' });
		expect(numbers()[2]).toBeCloseTo(width / 2, 1);
		fireEvent.keyDown(region, { key: '0' });
		expect(svg()).toBe(whole);

		fireEvent.click(screen.getByRole('button', { name: 'Ingrandisci' }));
		fireEvent.click(screen.getByRole('button', { name: 'Mostra tutto' }));
		expect(svg()).toBe(whole);
		// Another file starts again from the whole of its diagram.
		fireEvent.click(screen.getByRole('button', { name: 'Ingrandisci' }));
		expect(svg()).not.toBe(whole);
		vi.useFakeTimers();
		await type(
			readFileSync(
				join(process.cwd(), 'tests/fixtures/compose-layout/fifteen-services.yaml'),
				'utf8'
			)
		);
		const [, , w15 = 0, h15 = 0] = numbers();
		expect(svg()).toBe(`0 0 ${w15} ${h15}`);
		expect(boxes('service')).toHaveLength(15);
		await type(lectureExample.source);
		// The drawing exported is the whole diagram whatever the view.
		expect(diagram().querySelectorAll('.cd-nodes > .cd-service').length).toBe(2);
	});

	test('loads the state of a shared link and takes it out of the address bar', async () => {
		const text = 'services:\n  solo:\n    image: alpine\n';
		history.replaceState(null, '', `/lab/compose/#compose=${encodeText(text)}&dir=TB&hide=volumes`);
		await renderReady();
		expect(editor().value).toBe(text);
		expect(boxes('service')).toEqual(['solo']);
		const topToBottom = screen.getByRole<HTMLInputElement>('radio', { name: "Dall'alto in basso" });
		expect(topToBottom.checked).toBe(true);
		const hideVolumes = screen.getByRole<HTMLInputElement>('checkbox', { name: /Nascondi volumi/ });
		expect(hideVolumes.checked).toBe(true);
		expect(location.hash).toBe('');
	});

	test('a broken link or stored state falls back to the example with a notice', async () => {
		history.replaceState(null, '', '/lab/compose/#compose=%%%');
		const { unmount } = await renderReady();
		expect(screen.getByRole('status').textContent).toContain(
			'Il link non contiene un file leggibile'
		);
		expect(editor().value).toBe(lectureExample.source);
		unmount();
		localStorage.setItem(storageKey('lecture'), '{not json');
		await renderReady();
		expect(screen.getByRole('status').textContent).toContain('salvato su questo dispositivo');
		expect(editor().value).toBe(lectureExample.source);
		expect(screen.getByRole('button', { name: /invalid-cidr/ })).toBeTruthy();
	});

	test('saves the work on the device and brings it back', async () => {
		const { unmount } = await renderReady();
		vi.useFakeTimers();
		await type('services:\n  saved:\n    image: alpine\n');
		unmount();
		vi.useRealTimers();
		await renderReady();
		expect(editor().value).toContain('saved:');
		expect(boxes('service')).toEqual(['saved']);
	});

	test('tells once that the text is not kept when the device refuses to store it', async () => {
		refuseStorage('SecurityError');
		await renderReady();
		vi.useFakeTimers();
		expect(screen.queryByRole('status')).toBeNull();
		await type('services:\n  kept:\n    image: alpine\n');
		expect(screen.getByRole('status').textContent).toContain(
			'Il browser non salva il file su questo dispositivo'
		);
		fireEvent.click(screen.getByRole('button', { name: "Chiudi l'avviso" }));
		await type('services:\n  again:\n    image: alpine\n');
		expect(screen.queryByRole('status')).toBeNull();
	});

	test('a full storage says so, apart from none at all, and offers the text as a file', async () => {
		refuseStorage('QuotaExceededError');
		await renderReady();
		vi.useFakeTimers();
		const text = 'services:\n  full:\n    image: alpine\n';
		await type(text);
		const notice = screen.getByRole('status');
		expect(notice.textContent).toContain('La memoria che il browser riserva a questo sito è piena');
		expect(notice.textContent).not.toContain('Il browser non salva il file');
		fireEvent.click(within(notice).getByRole('button', { name: 'Scarica il file (compose.yaml)' }));
		expect(downloaded).toHaveLength(1);
		expect(downloaded[0]?.filename).toBe('compose.yaml');
		expect(await downloaded[0]?.blob.text()).toBe(text);
	});

	test('a shared link the device cannot keep says so once it is read', async () => {
		refuseStorage('QuotaExceededError');
		const text = 'services:\n  solo:\n    image: alpine\n';
		history.replaceState(null, '', `/lab/compose/#compose=${encodeText(text)}`);
		await renderReady();
		expect(editor().value).toBe(text);
		expect(screen.getByRole('status').textContent).toContain(
			'La memoria che il browser riserva a questo sito è piena'
		);
	});

	test('a shared link is kept on the device once it has been analysed, not before', async () => {
		const text = 'services:\n  solo:\n    image: alpine\n';
		history.replaceState(
			null,
			'',
			`/lab/compose/${stateToHash({ text, options: defaultOptions })}`
		);
		renderLab();
		expect(editor().value).toBe(text);
		expect(localStorage.getItem(storageKey('lecture'))).toBeNull();
		await analysed();
		expect(boxes('service')).toEqual(['solo']);
		expect(JSON.parse(localStorage.getItem(storageKey('lecture')) ?? '{}')).toMatchObject({ text });
	});

	test('the device’s file waits for its drawing in the example’s box, never in the example’s drawing', async () => {
		const mine = { text: 'services:\n  mine:\n    image: alpine\n', options: defaultOptions };
		localStorage.setItem(storageKey('lecture'), serializeState(mine));
		const { container } = renderLab();
		expect(editor().value).toBe(mine.text);
		// The box is there, with the example's size, its drawing hidden and out of the accessibility
		// tree (CSS), and says why.
		const waiting = container.querySelector('.cd-viewport.cd-pending');
		expect(waiting?.getAttribute('style')).toMatch(/aspect-ratio/);
		expect(waiting?.querySelector('.cd-drawing')?.textContent).toBe('Disegno dello schema…');
		expect(container.querySelector('.cd-zoom')?.hasAttribute('inert')).toBe(true);
		await analysed();
		expect(container.querySelector('.cd-pending')).toBeNull();
		expect(boxes('service')).toEqual(['mine']);
	});

	test('a shared file too large to draw is shown, but does not replace the device’s copy', async () => {
		const mine = { text: 'services:\n  mine:\n    image: alpine\n', options: defaultOptions };
		localStorage.setItem(storageKey('lecture'), serializeState(mine));
		// 60 services each on 10 networks: 600 lines, past the limit.
		const networks = Array.from({ length: 10 }, (_, i) => `n${i}`);
		const big = [
			'services:',
			...Array.from({ length: 60 }, (_, i) => [
				`  s${i}:`,
				'    image: alpine',
				`    networks: [${networks.join(', ')}]`,
			]).flat(),
			'networks:',
			...networks.map((name) => `  ${name}:`),
			'',
		].join('\n');
		history.replaceState(
			null,
			'',
			`/lab/compose/${stateToHash({ text: big, options: defaultOptions })}`
		);
		await renderReady();
		expect(editor().value).toBe(big);
		expect(screen.getByRole('button', { name: /input-limit/ }).textContent).toContain(
			'600 collegamenti'
		);
		const notice = screen.getByRole('status');
		expect(notice.textContent).toContain('Il file del link è troppo grande per questo strumento');
		expect(localStorage.getItem(storageKey('lecture'))).toBe(serializeState(mine));
		fireEvent.click(within(notice).getByRole('button', { name: 'Scarica il file (compose.yaml)' }));
		expect(await downloaded[0]?.blob.text()).toBe(big);
		// The learner's own text is one click away; once they edit the big one, it is theirs.
		expect(screen.getByRole('button', { name: 'Ripristina il testo di prima' })).toBeTruthy();
		vi.useFakeTimers();
		await type(big.replace('  s0:', '  primo:'));
		expect(localStorage.getItem(storageKey('lecture'))).toContain('primo');
	});

	test('a link cut short opens none of its text, and says so', async () => {
		const text = 'services:\n  cut:\n    image: alpine\n';
		const hash = stateToHash({ text, options: defaultOptions });
		history.replaceState(null, '', `/lab/compose/${hash.slice(0, -6)}`);
		await renderReady();
		expect(screen.getByRole('status').textContent).toContain('Il link è incompleto');
		expect(editor().value).toBe(lectureExample.source);
		expect(location.hash).toBe('');
	});

	test('what the device held and could not read can be downloaded before it is replaced', async () => {
		localStorage.setItem(storageKey('lecture'), '{"version":9,"text":"services: {}"}');
		await renderReady();
		const notice = screen.getByRole('status');
		fireEvent.click(within(notice).getByRole('button', { name: 'Scarica ciò che era salvato' }));
		expect(downloaded[0]?.filename).toBe('compose-saved.txt');
		expect(await downloaded[0]?.blob.text()).toBe('{"version":9,"text":"services: {}"}');
	});

	test('the share button puts the state in the link and in the address bar', async () => {
		await renderReady();
		fireEvent.click(screen.getByRole('button', { name: 'Copia il link' }));
		const hash = stateToHash({ text: lectureExample.source, options: defaultOptions });
		expect(hash).toMatch(/^#dir=LR&compose=\d+\./);
		expect(location.hash).toBe(hash);
		const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link a questo schema' });
		expect(field.value).toBe(`${location.origin}/lab/compose/${hash}`);
	});

	test('from a chapter, the link leads to the lab page and leaves the chapter’s address alone', async () => {
		history.replaceState(null, '', '/docker/reti/');
		await renderReady({ example: 'host-network', shareTo: '/lab/compose/' });
		fireEvent.click(screen.getByRole('button', { name: 'Copia il link' }));
		const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link a questo schema' });
		expect(field.value).toMatch(new RegExp(`^${location.origin}/lab/compose/#dir=LR&compose=`));
		expect(location.pathname + location.hash).toBe('/docker/reti/');
	});
});
