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
import { defaultOptions, encodeText, storageKey } from '../../src/lib/compose/share';
import { translator } from '../../src/lib/i18n/strings';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

const only = (strings: Record<string, string>) =>
	Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('compose.')));
const strings = { it: only(italian), en: only(english) };

/** Renders the island as the wrapper does: with the starting example analysed beforehand. */
function renderLab(props: Partial<Parameters<typeof ComposeLab>[0]> = {}) {
	const lang = props.lang ?? 'it';
	const start = examples.find((example) => example.id === props.example) ?? lectureExample;
	const initial = analyzeCompose(
		start.source,
		analysisOptions(lang, translator(strings[lang]), 'compose', defaultOptions)
	);
	return render(<ComposeLab lang={lang} strings={strings[lang]} initial={initial} {...props} />);
}

/** Renders the island and waits for its analyser, as a reader does after first paint. */
async function renderReady(props: Partial<Parameters<typeof ComposeLab>[0]> = {}) {
	const result = renderLab(props);
	await act(async () => {
		await loadAnalyzer();
	});
	return result;
}

const editor = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: /File Compose/ });
const diagram = () => screen.getByRole('img', { name: /Schema del file Compose/ });
/** The first line of every box of a kind: a service's or a network's name. */
const boxes = (kind: string) =>
	[...diagram().querySelectorAll(`.cd-${kind} > .cd-title`)].map((text) => text.textContent);

/** Types into the editor, then lets the debounce run out. */
function type(text: string) {
	fireEvent.input(editor(), { target: { value: text } });
	void act(() => {
		vi.advanceTimersByTime(debounceMs + 10);
	});
}

beforeEach(() => {
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
		await act(async () => {
			await loadAnalyzer();
		});
		check();
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
		void act(() => {
			vi.advanceTimersByTime(debounceMs + 10);
		});
		expect(boxes('service')).toContain('cache');
	});

	test('keeps the last diagram, marked as old, while the file cannot be read', async () => {
		await renderReady();
		vi.useFakeTimers();
		type('services: [');
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
		type('services:\n  "<img src=x onerror=alert(1)>":\n    image: nginx\n');
		expect(boxes('service')).toContain('<img src=x onerror=alert(1)>');
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(1);
	});

	test('the options hide the default network and turn the diagram', async () => {
		await renderReady({ example: 'web-database' });
		expect(boxes('network')).toContain('default');
		fireEvent.click(screen.getByRole('checkbox', { name: /Nascondi la rete predefinita/ }));
		expect(boxes('network')).not.toContain('default');
		const viewBox = diagram().getAttribute('viewBox');
		fireEvent.click(screen.getByRole('radio', { name: "Dall'alto in basso" }));
		expect(diagram().getAttribute('viewBox')).not.toBe(viewBox);
		fireEvent.click(screen.getByRole('checkbox', { name: /Nascondi volumi/ }));
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
		type(
			readFileSync(
				join(process.cwd(), 'tests/fixtures/compose-layout/fifteen-services.yaml'),
				'utf8'
			)
		);
		const [, , w15 = 0, h15 = 0] = numbers();
		expect(svg()).toBe(`0 0 ${w15} ${h15}`);
		expect(boxes('service')).toHaveLength(15);
		type(lectureExample.source);
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
		type('services:\n  saved:\n    image: alpine\n');
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
		type('services:\n  kept:\n    image: alpine\n');
		expect(screen.getByRole('status').textContent).toContain(
			'Il browser non salva il file su questo dispositivo'
		);
		fireEvent.click(screen.getByRole('button', { name: "Chiudi l'avviso" }));
		type('services:\n  again:\n    image: alpine\n');
		expect(screen.queryByRole('status')).toBeNull();
	});

	test('a shared link the device cannot keep says so at once', async () => {
		refuseStorage('QuotaExceededError');
		const text = 'services:\n  solo:\n    image: alpine\n';
		history.replaceState(null, '', `/lab/compose/#compose=${encodeText(text)}`);
		await renderReady();
		expect(editor().value).toBe(text);
		expect(screen.getByRole('status').textContent).toContain(
			'Il browser non salva il file su questo dispositivo'
		);
	});

	test('the share button puts the state in the link and in the address bar', async () => {
		await renderReady();
		fireEvent.click(screen.getByRole('button', { name: 'Copia il link' }));
		const hash = `#compose=${encodeText(lectureExample.source)}&dir=LR`;
		expect(location.hash).toBe(hash);
		const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link a questo schema' });
		expect(field.value).toBe(`${location.origin}/lab/compose/${hash}`);
	});

	test('from a chapter, the link leads to the lab page and leaves the chapter’s address alone', async () => {
		history.replaceState(null, '', '/docker/reti/');
		await renderReady({ example: 'host-network', shareTo: '/lab/compose/' });
		fireEvent.click(screen.getByRole('button', { name: 'Copia il link' }));
		const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link a questo schema' });
		expect(field.value).toMatch(new RegExp(`^${location.origin}/lab/compose/#compose=`));
		expect(location.pathname + location.hash).toBe('/docker/reti/');
	});
});
