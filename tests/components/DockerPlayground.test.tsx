// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadRuntime } from '../../src/components/Docker/loadRuntime';
import Playground from '../../src/components/Docker/Playground';
import { createHost } from '../../src/lib/simulator/host';
import { sessionToHash, storageKey } from '../../src/lib/simulator/share';
import { hostView } from '../../src/lib/simulator/view';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

const only = (strings: Record<string, string>) =>
	Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('docker.')));
const strings = { it: only(italian), en: only(english) };

/** Renders the island as its wrapper does, with a fresh host drawn beforehand. */
function renderPlayground(lang: 'it' | 'en' = 'it') {
	const initial = hostView(createHost(), { lang, title: 'Host', idPrefix: 'dp-svg' });
	return render(
		<Playground lang={lang} strings={strings[lang]} id="dp" initial={initial} place="test" />
	);
}

/** Lets the engine load and answer: a few promise turns once its module is in. */
async function settle() {
	await act(async () => {
		await loadRuntime();
		for (let turn = 0; turn < 5; turn++) await Promise.resolve();
	});
}

async function type(input: HTMLElement, line: string) {
	fireEvent.input(input, { target: { value: line } });
	fireEvent.keyDown(input, { key: 'Enter' });
	await settle();
}

beforeEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/lab/docker/');
});
afterEach(cleanup);

describe('<Playground>', () => {
	test('runs a typed command and shows its output as text; ↑ recalls it', async () => {
		renderPlayground();
		await settle();
		const input = screen.getByLabelText('Comando');
		await type(input, 'docker network create --subnet 172.20.0.0/16 retedocker');
		const log = screen.getByRole('log');
		expect(
			within(log).getByText('docker network create --subnet 172.20.0.0/16 retedocker')
		).toBeTruthy();
		expect(log.textContent).toMatch(/[0-9a-f]{64}/);
		expect((input as HTMLInputElement).value).toBe('');
		fireEvent.keyDown(input, { key: 'ArrowUp' });
		expect((input as HTMLInputElement).value).toBe(
			'docker network create --subnet 172.20.0.0/16 retedocker'
		);
		fireEvent.keyDown(input, { key: 'ArrowDown' });
		expect((input as HTMLInputElement).value).toBe('');
		// The host's drawing and its sentences follow.
		expect(screen.getByRole('region', { name: /Schema dell'host/ }).textContent).toContain(
			'retedocker'
		);
		expect(
			screen.getByText(/La rete retedocker \(bridge, sottorete 172\.20\.0\.0\/16/, {
				selector: 'li',
			})
		).toBeTruthy();
		// The device keeps the lines.
		expect(localStorage.getItem(storageKey('test'))).toContain('retedocker');
	});

	test('Tab completes docker ne to docker network, and lets focus go on an empty line', async () => {
		renderPlayground();
		await settle();
		const input = screen.getByLabelText<HTMLInputElement>('Comando');
		fireEvent.focus(input);
		await settle();
		expect(fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
		fireEvent.input(input, { target: { value: 'docker ne' } });
		input.setSelectionRange(9, 9);
		expect(fireEvent.keyDown(input, { key: 'Tab' })).toBe(false);
		expect(input.value).toBe('docker network ');
		// Nothing more to complete once the word is whole and nothing follows: focus moves on.
		fireEvent.input(input, { target: { value: 'docker zzz' } });
		input.setSelectionRange(10, 10);
		expect(fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
	});

	test('an error shows its explanation in the page’s language', async () => {
		renderPlayground();
		await settle();
		await type(screen.getByLabelText('Comando'), 'docker rm nessuno');
		expect(
			screen.getByText(/Non esiste un container con il nome o l'id nessuno/, { selector: 'p' })
		).toBeTruthy();
		expect(screen.getByText('Codice di uscita: 1')).toBeTruthy();
	});

	test('in English, the strings and the explanation are English', async () => {
		renderPlayground('en');
		await settle();
		await type(screen.getByLabelText('Command'), 'docker rm nobody');
		expect(
			screen.getByText(/No container has the name or id nobody/, { selector: 'p' })
		).toBeTruthy();
	});

	test('nothing typed becomes markup', async () => {
		const { container } = renderPlayground();
		await settle();
		await type(screen.getByLabelText('Comando'), '<img src=x onerror=alert(1)>');
		await type(screen.getByLabelText('Comando'), 'docker run -d --name "<img src=x>" nginx');
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getByRole('log').textContent).toContain('<img src=x onerror=alert(1)>');
	});

	test('undo takes back the last command and reset starts over', async () => {
		renderPlayground();
		await settle();
		const input = screen.getByLabelText('Comando');
		await type(input, 'docker network create uno');
		await type(input, 'docker network create due');
		fireEvent.click(screen.getByRole('button', { name: "Annulla l'ultimo comando" }));
		await settle();
		const region = () => screen.getByRole('region', { name: /Schema dell'host/ }).textContent;
		expect(region()).toContain('uno');
		expect(region()).not.toContain('due');
		fireEvent.click(screen.getByRole('button', { name: 'Ricomincia' }));
		await settle();
		expect(region()).not.toContain('uno');
	});

	test('a broken shared link says so, and the device’s session opens instead', async () => {
		localStorage.setItem(
			storageKey('test'),
			JSON.stringify({ version: 1, commands: ['docker network create salvata'] })
		);
		history.replaceState(null, '', '/lab/docker/#docker=8.AAAAAAAA');
		renderPlayground();
		await settle();
		expect(screen.getByRole('status').textContent).toContain('non si può leggere');
		expect(screen.getByRole('region', { name: /Schema dell'host/ }).textContent).toContain(
			'salvata'
		);
		expect(location.hash).toBe('');
	});

	test('a shared link opens in place of the device’s session, which stays one click away', async () => {
		localStorage.setItem(
			storageKey('test'),
			JSON.stringify({ version: 1, commands: ['docker network create mia'] })
		);
		const hash = sessionToHash({
			commands: ['docker network create condivisa'],
			files: {},
			seed: 1,
		});
		history.replaceState(null, '', `/lab/docker/${hash}`);
		renderPlayground();
		await settle();
		const region = () => screen.getByRole('region', { name: /Schema dell'host/ }).textContent;
		expect(region()).toContain('condivisa');
		expect(localStorage.getItem(storageKey('test'))).toContain('condivisa');
		fireEvent.click(screen.getByRole('button', { name: 'Riapri la mia sessione' }));
		await settle();
		expect(region()).toContain('mia');
		expect(region()).not.toContain('condivisa');
		expect(localStorage.getItem(storageKey('test'))).toContain('mia');
	});
});
