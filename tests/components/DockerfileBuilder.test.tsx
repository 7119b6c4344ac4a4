// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { hydrate, render as renderInto } from 'preact';
import { renderToString } from 'preact-render-to-string';
import {
	afterEach,
	beforeAll,
	beforeEach,
	describe,
	expect,
	onTestFinished,
	test,
	vi,
} from 'vitest';
import DockerfileBuilder from '../../src/components/Dockerfile/Builder';
import { loadLinter } from '../../src/components/Dockerfile/offThread';
import { builderTemplates, PASTE_LIMITS } from '../../src/lib/dockerfile/builder';
import type { Item } from '../../src/lib/dockerfile/model';
import { parse } from '../../src/lib/dockerfile/parse';
import {
	decodeState,
	encodeState,
	STATE_KEY,
	STATE_LIMITS,
	withoutSources,
} from '../../src/lib/dockerfile/share';
import { templates } from '../../src/lib/dockerfile/templates';
import italian from '../../src/content/i18n/it.json';

const strings = Object.fromEntries(
	Object.entries(italian).filter(([key]) => key.startsWith('builder.'))
);
// What the Astro wrapper passes: the templates read into the model at build time.
const templateChoices = builderTemplates(templates, 'it', parse);
const apache = templates[0]!.dockerfile;

function renderBuilder() {
	return render(
		<DockerfileBuilder
			lang="it"
			strings={strings}
			templates={templateChoices}
			labUrl="/lab/dockerfile/"
		/>
	);
}

const preview = () => screen.getByRole('region', { name: 'Testo del Dockerfile generato' });
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });
const group = (name: RegExp, container: HTMLElement = document.body) =>
	within(container).getByRole('group', { name });

/** Adds an instruction to stage 1 from the palette, and returns its box. */
function addInstruction(kind: string, line: number, keyword: string) {
	fireEvent.change(screen.getByLabelText('Istruzione da aggiungere allo stage 1'), {
		target: { value: kind },
	});
	fireEvent.click(screen.getByRole('button', { name: 'Aggiungi allo stage 1' }));
	return group(new RegExp(`^${line}\\. ${keyword}`));
}

async function paste(text: string) {
	type(screen.getByLabelText('Testo del Dockerfile'), text);
	fireEvent.click(screen.getByRole('button', { name: 'Trasforma in modulo' }));
	// Hundreds of lines take happy-dom a while to read and draw, more so on a busy machine.
	await screen.findByText(/^Dockerfile letto:/, undefined, { timeout: 10_000 });
}

// The builder loads its linter after hydrating (DockerfileStart.test.tsx checks the time before):
// these tests check what the learner meets once it is there.
beforeAll(async () => {
	await loadLinter();
});

let clipboard: string[] = [];
beforeEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/lab/dockerfile/');
	clipboard = [];
	Object.defineProperty(navigator, 'clipboard', {
		configurable: true,
		value: { writeText: vi.fn((text: string) => Promise.resolve(void clipboard.push(text))) },
	});
});
afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('<DockerfileBuilder>', () => {
	test('starts from the lecture example, and a template can be loaded again', async () => {
		renderBuilder();
		expect(preview().textContent).toBe(apache);
		fireEvent.change(screen.getByLabelText('Modello di partenza'), { target: { value: 'go' } });
		fireEvent.click(screen.getByRole('button', { name: 'Carica il modello' }));
		expect(preview().textContent).toContain('COPY --from=build /out/app /app');
		expect(screen.getByRole('group', { name: /^Stage 1: build/ })).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
		expect(preview().textContent).toBe(apache);
		expect(await screen.findByText('Ultima modifica annullata.')).toBeTruthy();
	});

	test('builds the apache2 example through the form, with its commands', async () => {
		renderBuilder();
		fireEvent.change(screen.getByLabelText('Modello di partenza'), { target: { value: 'empty' } });
		fireEvent.click(screen.getByRole('button', { name: 'Carica il modello' }));
		expect(preview().textContent).toBe('FROM \n');

		const stage = group(/^Stage 1/);
		type(within(stage).getByLabelText('Immagine di base'), 'ubuntu');
		type(within(stage).getByLabelText('Tag (versione)'), '24.04');

		const run = addInstruction('run', 2, 'RUN');
		const command = within(run).getByLabelText('Comando');
		// Adding an instruction moves focus to its main field.
		await waitFor(() => expect(document.activeElement).toBe(command));
		type(
			command,
			'apt-get update && apt-get install -y --no-install-recommends apache2 && rm -rf /var/lib/apt/lists/*'
		);

		const copy = addInstruction('copy', 3, 'COPY');
		type(within(copy).getByLabelText('Sorgente 1'), 'vh.conf');
		type(
			within(copy).getByLabelText("Destinazione nell'immagine"),
			'/etc/apache2/sites-available/000-default.conf'
		);

		const expose = addInstruction('expose', 4, 'EXPOSE');
		type(within(expose).getByLabelText('Porta 1'), '80');

		const cmd = addInstruction('cmd', 5, 'CMD');
		type(within(cmd).getByLabelText('Argomento 1'), 'apache2ctl');
		fireEvent.click(within(cmd).getByRole('button', { name: 'Aggiungi un argomento' }));
		type(within(cmd).getByLabelText('Argomento 2'), '-D');
		fireEvent.click(within(cmd).getByRole('button', { name: 'Aggiungi un argomento' }));
		type(within(cmd).getByLabelText('Argomento 3'), 'FOREGROUND');

		expect(preview().textContent).toBe(
			[
				'FROM ubuntu:24.04',
				'RUN apt-get update && apt-get install -y --no-install-recommends apache2 && rm -rf /var/lib/apt/lists/*',
				'COPY vh.conf /etc/apache2/sites-available/000-default.conf',
				'EXPOSE 80',
				'CMD ["apache2ctl", "-D", "FOREGROUND"]',
				'',
			].join('\n')
		);

		const commands = screen.getByRole('region', { name: 'I comandi per provarlo' });
		type(within(commands).getByLabelText("Nome dell'immagine"), 'my-apache');
		type(within(commands).getByLabelText('Nome del container, facoltativo'), 'web');
		type(within(commands).getByLabelText("Porta dell'host per 80"), '8080');
		expect(within(commands).getByText('docker build -t my-apache .')).toBeTruthy();
		expect(
			within(commands).getByText('docker run -d --name web -p 8080:80 my-apache')
		).toBeTruthy();

		fireEvent.click(within(commands).getByRole('button', { name: 'Copia i comandi' }));
		expect(await within(commands).findByText(/Comandi copiati negli appunti/)).toBeTruthy();
		expect(clipboard).toEqual([
			'docker build -t my-apache .\ndocker run -d --name web -p 8080:80 my-apache\n',
		]);
	});

	test('a pasted file with four known problems shows exactly those findings', async () => {
		renderBuilder();
		await paste('FROM ubuntu\nRUN apt install -y apache2\nCMD apache2ctl -D FOREGROUND\n');
		const checks = screen.getByRole('region', { name: /^Controlli/ });
		expect(within(checks).getByRole('heading').textContent).toContain('4 segnalazioni');
		const items = within(checks).getAllByRole('listitem');
		expect(items.map((item) => item.querySelector('code')?.textContent)).toEqual([
			'untagged-image',
			'apt-instead-of-apt-get',
			'apt-update-missing',
			'json-args-recommended',
		]);
		expect(items[0]!.textContent).toContain('Avviso');
		expect(items[0]!.textContent).toContain('hadolint DL3006');
		expect(items[3]!.textContent).toContain('docker build --check: JSONArgsRecommended');
		expect(
			within(items[0]!)
				.getByRole('link', { name: 'Approfondisci nel capitolo' })
				.getAttribute('href')
		).toBe('/docker/dockerfile/');

		// Choosing a finding moves focus to the field of the instruction it is about.
		fireEvent.click(within(items[1]!).getByRole('button', { name: "Vai all'istruzione (riga 2)" }));
		const runCommand = within(group(/^2\. RUN/)).getByLabelText('Comando');
		expect(document.activeElement).toBe(runCommand);
		expect((runCommand as HTMLTextAreaElement).value).toBe('apt install -y apache2');
	});

	test('what the form cannot break down stays as editable text', async () => {
		renderBuilder();
		await paste('# Server web\nFROM ubuntu:24.04\nFOO /app\nCOPY <<EOF /etc/motd\nCiao\nEOF\n');
		const comment = within(group(/^1\. Commento/)).getByLabelText('Testo del commento');
		expect((comment as HTMLTextAreaElement).value).toBe('Server web');
		const heredoc = within(group(/^4\. COPY/)).getByLabelText("Testo dell'istruzione");
		expect((heredoc as HTMLTextAreaElement).value).toBe('COPY <<EOF /etc/motd\nCiao\nEOF');

		const raw = group(/^3\. FOO/);
		expect(raw.textContent).toContain('1 segnalazione');
		type(within(raw).getByLabelText("Testo dell'istruzione"), 'WORKDIR /app');
		expect(preview().textContent).toContain('\nWORKDIR /app\n');
		fireEvent.click(within(raw).getByRole('button', { name: /^Riporta nel modulo/ }));
		const workdir = await screen.findByLabelText('Cartella di lavoro (percorso assoluto)');
		expect((workdir as HTMLInputElement).value).toBe('/app');
	});

	test('keeps the state in localStorage and in the URL across a reload', async () => {
		const first = renderBuilder();
		const run = within(group(/^2\. RUN/)).getByLabelText('Comando');
		type(run, 'echo ciao');
		type(screen.getByLabelText("Nome dell'immagine"), 'saluti');
		await waitFor(() => expect(location.hash).toMatch(/^#s=[\w-]+$/));
		expect(location.search).toBe('');
		first.unmount();

		renderBuilder();
		await waitFor(() => expect(preview().textContent).toContain('RUN echo ciao\n'));
		expect(screen.getByLabelText<HTMLInputElement>("Nome dell'immagine").value).toBe('saluti');
		cleanup();

		// The link alone (another browser) gives the same Dockerfile, and saves nothing until edited.
		localStorage.clear();
		renderBuilder();
		await waitFor(() => expect(preview().textContent).toContain('RUN echo ciao\n'));
		expect(localStorage.getItem(STATE_KEY)).toBeNull();
	});

	test('a shared link does not lose the Dockerfile saved in this browser', async () => {
		const inputs = { image: 'x', tag: '', containerName: '', detach: true, ports: {}, volumes: {} };
		const state = (text: string) => encodeState({ model: parse(text), inputs });
		localStorage.setItem(STATE_KEY, state('FROM alpine:3.21\nRUN echo mio\n'));
		history.replaceState(null, '', `/lab/dockerfile/?s=${state('FROM debian:12\nRUN echo tuo\n')}`);
		renderBuilder();
		expect(await screen.findByText(/Stai guardando il Dockerfile del link/)).toBeTruthy();
		expect(preview().textContent).toBe('FROM debian:12\nRUN echo tuo\n');
		fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
		expect(preview().textContent).toBe('FROM alpine:3.21\nRUN echo mio\n');
	});

	test('a broken link or a broken save falls back with a notice', async () => {
		localStorage.setItem(STATE_KEY, 'not a saved state!');
		history.replaceState(null, '', '/lab/dockerfile/?s=eyJ2IjoxfQ');
		renderBuilder();
		expect(await screen.findByText(/non contiene un Dockerfile valido/)).toBeTruthy();
		expect(screen.getByText(/salvato in questo browser non si può leggere/)).toBeTruthy();
		expect(preview().textContent).toBe(apache);
	});

	test('a device that keeps nothing says so at once, and one that is full at the first save', async () => {
		vi.stubGlobal('localStorage', undefined);
		renderBuilder();
		expect(await screen.findByText(/Questo browser non permette di salvare/)).toBeTruthy();
		cleanup();

		const refuse = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		vi.stubGlobal('localStorage', { getItem: () => null, setItem: refuse, removeItem: refuse });
		renderBuilder();
		expect(screen.queryByText(/memoria di questo browser/)).toBeNull();
		type(within(group(/^2\. RUN/)).getByLabelText('Comando'), 'echo ciao');
		expect(await screen.findByText(/La memoria di questo browser per i siti è piena/)).toBeTruthy();
		type(within(group(/^2\. RUN/)).getByLabelText('Comando'), 'echo ancora');
		expect(screen.getAllByText(/La memoria di questo browser/)).toHaveLength(1);
	});

	test('an empty paste box says what is missing, and leaves the Dockerfile alone', async () => {
		renderBuilder();
		fireEvent.click(screen.getByRole('button', { name: 'Trasforma in modulo' }));
		const error = await screen.findByText(/^Il riquadro è vuoto/, { selector: '.df-error' });
		const box = screen.getByLabelText('Testo del Dockerfile');
		expect(box.getAttribute('aria-describedby')).toBe(error.id);
		expect(preview().textContent).toBe(apache);
	});

	test('removing an instruction moves focus to the next one, and Undo brings it back', async () => {
		renderBuilder();
		fireEvent.click(screen.getByRole('button', { name: 'Rimuovi: RUN in posizione 1' }));
		expect(preview().textContent).not.toContain('RUN');
		await waitFor(() =>
			expect(document.activeElement).toBe(
				screen.getByRole('button', { name: 'Rimuovi: COPY in posizione 1' })
			)
		);
		expect(await screen.findByText(/^Hai rimosso: RUN in posizione 1\./)).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));
		expect(preview().textContent).toBe(apache);
	});

	test('the rows of a list move and go with their buttons, and say so', async () => {
		renderBuilder();
		const cmd = group(/^7\. CMD/);
		fireEvent.click(within(cmd).getByRole('button', { name: 'Sposta giù: Argomento 1' }));
		expect(preview().textContent).toContain('CMD ["-D", "apache2ctl", "FOREGROUND"]');
		expect(await screen.findByText('Argomento 1: ora in posizione 2 su 3.')).toBeTruthy();
		await waitFor(() =>
			expect(document.activeElement).toBe(
				within(cmd).getByRole('button', { name: 'Sposta giù: Argomento 2' })
			)
		);
		fireEvent.click(within(cmd).getByRole('button', { name: 'Rimuovi: Argomento 3' }));
		expect(preview().textContent).toContain('CMD ["-D", "apache2ctl"]');
		await waitFor(() =>
			expect(document.activeElement).toBe(within(cmd).getByLabelText('Argomento 2'))
		);
	});

	test('an instruction goes to text and back to its fields', async () => {
		renderBuilder();
		const expose = group(/^6\. EXPOSE/);
		fireEvent.click(within(expose).getByRole('button', { name: /^Modifica come testo/ }));
		const text = within(group(/^6\. EXPOSE/)).getByLabelText<HTMLTextAreaElement>(
			"Testo dell'istruzione"
		);
		expect(text.value).toBe('EXPOSE 80');
		await waitFor(() => expect(document.activeElement).toBe(text));
		type(text, 'EXPOSE 8080/udp');
		fireEvent.click(
			within(group(/^6\. EXPOSE/)).getByRole('button', { name: /^Riporta nel modulo/ })
		);
		expect(
			await screen.findByText("L'istruzione EXPOSE ora ha di nuovo i suoi campi.")
		).toBeTruthy();
		expect(within(group(/^6\. EXPOSE/)).getByLabelText<HTMLInputElement>('Porta 1').value).toBe(
			'8080'
		);
		expect(preview().textContent).toContain('\nEXPOSE 8080/udp\n');
	});

	test('reorders with the buttons, announces it and keeps focus on the moved instruction', async () => {
		renderBuilder();
		fireEvent.click(screen.getByRole('button', { name: 'Sposta giù: RUN in posizione 1' }));
		expect(preview().textContent).toMatch(/^FROM ubuntu:24\.04\nCOPY [^\n]+\nRUN /);
		expect(await screen.findByText('RUN in posizione 1: ora in posizione 2 su 4.')).toBeTruthy();
		await waitFor(() =>
			expect(document.activeElement).toBe(
				screen.getByRole('button', { name: 'Sposta giù: RUN in posizione 2' })
			)
		);
	});

	test('multi-stage: add a stage, name the first, and COPY --from it', () => {
		renderBuilder();
		type(screen.getByLabelText('Nome dello stage (AS), facoltativo'), 'base');
		fireEvent.click(screen.getByRole('button', { name: 'Aggiungi uno stage (nuovo FROM)' }));
		const second = group(/^Stage 2/);
		type(within(second).getByLabelText('Immagine di base'), 'alpine');
		type(within(second).getByLabelText('Tag (versione)'), '3.21');
		fireEvent.change(within(second).getByLabelText('Istruzione da aggiungere allo stage 2'), {
			target: { value: 'copy' },
		});
		fireEvent.click(within(second).getByRole('button', { name: 'Aggiungi allo stage 2' }));
		type(within(second).getByLabelText('Sorgente 1'), '/etc/apache2');
		type(within(second).getByLabelText("Destinazione nell'immagine"), '/backup/');
		type(within(second).getByLabelText('Copia da uno stage (--from), facoltativo'), 'base');
		expect(preview().textContent).toMatch(
			/^FROM ubuntu:24\.04 AS base\n[\s\S]+\n\nFROM alpine:3\.21\nCOPY --from=base \/etc\/apache2 \/backup\/\n$/
		);
	});

	test('copies and names the Dockerfile', async () => {
		renderBuilder();
		fireEvent.click(screen.getByRole('button', { name: 'Copia il Dockerfile' }));
		expect(await screen.findByText(/Dockerfile copiato negli appunti/)).toBeTruthy();
		expect(clipboard).toEqual([apache]);
		expect(screen.getByRole('button', { name: 'Scarica il file Dockerfile' })).toBeTruthy();
	});

	test('shows what the learner types as text, never as HTML, also once highlighted', async () => {
		renderBuilder();
		const attack = '<img src=x onerror=alert(1)>';
		type(within(group(/^2\. RUN/)).getByLabelText('Comando'), attack);
		expect(preview().textContent).toContain(`RUN ${attack}\n`);
		await waitFor(() => expect(preview().querySelector('.df-token')).toBeTruthy(), {
			timeout: 10_000,
		});
		expect(preview().textContent).toContain(`RUN ${attack}\n`);
		expect(document.querySelector('img')).toBeNull();
	});

	test('has no axe violations with every kind of instruction in the form', async () => {
		renderBuilder();
		await paste(
			[
				'# syntax=docker/dockerfile:1',
				'ARG VERSION=24.04',
				'FROM ubuntu:$VERSION AS base',
				'ONBUILD RUN echo hi',
				'RUN --mount=type=cache,target=/var/cache/apt apt install -y curl',
				'COPY --chown=app:app a.txt b.txt /srv/',
				'ADD https://example.com/x.tar.gz /opt/',
				'ENV LANG=C.UTF-8 TZ=Europe/Rome',
				'LABEL org.opencontainers.image.title=demo',
				'EXPOSE 80 53/udp',
				'USER app',
				'WORKDIR /app',
				'VOLUME /data',
				'SHELL ["/bin/bash", "-c"]',
				'HEALTHCHECK --interval=30s CMD curl -f http://localhost/',
				'STOPSIGNAL SIGTERM',
				'MAINTAINER me',
				'FOO bar',
				'# commento',
				'CMD apache2ctl -D FOREGROUND',
				'FROM alpine:3.21',
				'COPY --from=base /srv /srv',
				'EXPOSE 8080',
				'VOLUME /var/lib/data',
				'',
			].join('\n')
		);
		// Contrast needs a real browser, and landmarks a whole page: the end-to-end tests check both.
		const result = await axe.run(document.body, {
			rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
		});
		expect(result.violations.map((violation) => violation.id)).toEqual([]);
	});
});

// Hundreds of boxes take happy-dom a few seconds to draw.
describe('<DockerfileBuilder>: go to the field, one numbering, names that follow the file', () => {
	/** Comments, blank lines and two stages: the printed file's lines are not the boxes' positions. */
	const multiStage = readFileSync(
		join(import.meta.dirname, '../fixtures/dockerfiles/multi-stage-stage-typo.Dockerfile'),
		'utf8'
	);
	const finding = (rule: string) => {
		const checks = screen.getByRole('region', { name: /^Controlli/ });
		return within(checks)
			.getAllByRole('listitem')
			.find((item) => item.querySelector('code')?.textContent === rule)!;
	};
	const goTo = (rule: string) => within(finding(rule)).getByRole('button', { name: /^Vai all/ });

	test("a finding's go-to focuses the field at fault: --from, the tag, the port", async () => {
		renderBuilder();
		await paste(multiStage);
		const copy = screen.getByRole('group', { name: /^\d+\. COPY.*segnalazion/ });
		fireEvent.click(goTo('copy-from-unknown-stage'));
		await waitFor(() =>
			expect(document.activeElement).toBe(
				within(copy).getByLabelText('Copia da uno stage (--from), facoltativo')
			)
		);
		fireEvent.click(goTo('untagged-image'));
		const final = group(/^Stage 2/);
		await waitFor(() =>
			expect(document.activeElement).toBe(within(final).getByLabelText('Tag (versione)'))
		);
		fireEvent.click(goTo('expose-host-mapping'));
		const expose = screen.getByRole('group', { name: /^\d+\. EXPOSE/ });
		await waitFor(() =>
			expect(document.activeElement).toBe(within(expose).getByLabelText('Porta 1'))
		);
	});

	test('boxes are numbered by the line of the printed file, as the findings and the preview', async () => {
		renderBuilder();
		await paste(multiStage);
		const lines = preview().textContent.split('\n');
		const copyLine = lines.findIndex((line) => line.startsWith('COPY --from=buidl')) + 1;
		expect(copyLine).toBe(11);
		expect(within(finding('copy-from-unknown-stage')).getByRole('button').textContent).toBe(
			"Vai all'istruzione (riga 11)"
		);
		expect(group(/^11\. COPY/)).toBeTruthy();
		// Every box, FROMs included, has the number of its line in the preview.
		const numbered = [...document.querySelectorAll('.df-form .df-keyword')].map(
			(keyword) => keyword.textContent
		);
		expect(numbered.length).toBe(10);
		for (const label of numbered) {
			const [, line, keyword] = /^(\d+)\. (.+)$/.exec(label)!;
			const text = lines[Number(line) - 1]!;
			expect(keyword === 'Commento' ? text.startsWith('#') : text.startsWith(keyword!)).toBe(true);
		}
		expect(numbered).toContain('10. FROM');
	});

	test('the image name follows the template or the file, and stays editable', async () => {
		renderBuilder();
		const commands = () => screen.getByRole('region', { name: 'I comandi per provarlo' });
		const choose = (value: string) => {
			fireEvent.change(screen.getByLabelText('Modello di partenza'), { target: { value } });
			fireEvent.click(screen.getByRole('button', { name: 'Carica il modello' }));
		};
		choose('node');
		expect(within(commands()).getByText('docker build -t my-node-app .')).toBeTruthy();
		choose('python');
		expect(within(commands()).getByText('docker build -t my-python-app .')).toBeTruthy();
		choose('empty');
		expect(within(commands()).getByText('docker build -t my-app .')).toBeTruthy();
		type(within(commands()).getByLabelText("Nome dell'immagine"), 'sito');
		expect(within(commands()).getByText('docker build -t sito .')).toBeTruthy();
		await paste('FROM node:22\n');
		expect(within(commands()).getByText('docker build -t sito .')).toBeTruthy();
	});

	test('without EXPOSE the run command says why it publishes no port', async () => {
		renderBuilder();
		const commands = () => screen.getByRole('region', { name: 'I comandi per provarlo' });
		const hint = /^Nessuna porta pubblicata: il Dockerfile non ha EXPOSE/;
		expect(within(commands()).queryByText(hint)).toBeNull();
		await paste('FROM alpine:3.21\nCMD ["sh"]\n');
		expect(within(commands()).getByText('docker run -d my-app')).toBeTruthy();
		const said = within(commands()).getByText((_, element) =>
			Boolean(element?.matches('p') && hint.test(element.textContent ?? ''))
		);
		expect(said.querySelector('code')?.textContent).toBe('EXPOSE');
	});

	test('after a paste the template picker says "your file", and cannot load it', async () => {
		renderBuilder();
		const picker = screen.getByLabelText<HTMLSelectElement>('Modello di partenza');
		expect(picker.selectedOptions[0]?.textContent).toBe('Apache su Ubuntu (esempio della lezione)');
		await paste(multiStage);
		expect(picker.selectedOptions[0]?.textContent).toBe('Il tuo file');
		expect(screen.getByText(/^Il modulo contiene il tuo Dockerfile/)).toBeTruthy();
		const load = screen.getByRole<HTMLButtonElement>('button', { name: 'Carica il modello' });
		expect(load.disabled).toBe(true);
		fireEvent.change(picker, { target: { value: 'node' } });
		expect(load.disabled).toBe(false);
		fireEvent.click(load);
		expect(picker.selectedOptions[0]?.textContent).toBe('App Node.js');
		// Editing the template's file makes it the learner's own.
		type(within(group(/^Stage 1/)).getByLabelText('Tag (versione)'), '20-alpine');
		expect(picker.selectedOptions[0]?.textContent).toBe('Il tuo file');
	});

	test('the preview can be pinned under the form and unpinned, with a pressed button', async () => {
		renderBuilder();
		const pin = screen.getByRole('button', {
			name: 'Tieni il Dockerfile in vista mentre modifichi',
		});
		const formSection = document.getElementById('df-form-heading')!.closest('section')!;
		expect(pin.getAttribute('aria-pressed')).toBe('false');
		expect(formSection.contains(preview())).toBe(false);
		fireEvent.click(pin);
		expect(pin.getAttribute('aria-pressed')).toBe('true');
		expect(formSection.contains(preview())).toBe(true);
		expect(preview().textContent).toBe(apache);
		expect(screen.getByText(/^Il Dockerfile è fissato in fondo allo schermo/)).toBeTruthy();
		fireEvent.click(screen.getByRole('button', { name: 'Chiudi il Dockerfile fissato' }));
		expect(formSection.contains(preview())).toBe(false);
		await waitFor(() => expect(document.activeElement).toBe(pin));
		expect(pin.getAttribute('aria-pressed')).toBe('false');
	});
});

describe('<DockerfileBuilder> with a long file', { timeout: 30_000 }, () => {
	/** A Dockerfile of a FROM and `runs` RUN lines. */
	const runs = (count: number) => `FROM alpine:3.21\n${'RUN echo hi\n'.repeat(count)}`;
	// Plain selectors here: role queries over hundreds of boxes take seconds in happy-dom.
	const form = () => document.getElementById('df-form-heading')!.closest('section')!;
	const boxes = () => [...form().querySelectorAll<HTMLElement>('.df-item fieldset.df-node')];
	/** The legends of the instruction boxes on screen, in order, without their findings' mark. */
	const legends = () =>
		boxes().map((box) => {
			const legend = box.querySelector('legend')?.cloneNode(true) as HTMLElement | undefined;
			legend?.querySelector('.df-mark')?.remove();
			return legend?.textContent?.trim();
		});
	/** The box on screen whose legend starts so: `100. RUN`. */
	const box = (legend: string) =>
		boxes().find((element) =>
			element.querySelector('legend')?.textContent?.trim().startsWith(legend)
		)!;
	const button = (name: string) => screen.getByText(name, { selector: 'button' });

	test('a paste over the limits is refused with the limits and what to do, and stays in the box', async () => {
		renderBuilder();
		const text = runs(PASTE_LIMITS.maxLines);
		type(screen.getByLabelText('Testo del Dockerfile'), text);
		fireEvent.click(screen.getByRole('button', { name: 'Trasforma in modulo' }));
		const error = await screen.findByText(/^Il testo è troppo lungo per il modulo: 6001 righe e/, {
			selector: '.df-error',
		});
		expect(error.textContent).toContain('il massimo è 6000 righe e 256 KB');
		expect(error.textContent).toContain('incollane una parte alla volta');
		// The command to check the whole file is code, as text: nothing typed becomes markup.
		expect(error.querySelector('code')?.textContent).toBe(
			'npm run -s dockerfile -- lint Dockerfile'
		);
		const box = screen.getByLabelText<HTMLTextAreaElement>('Testo del Dockerfile');
		expect(box.value).toBe(text);
		expect(box.getAttribute('aria-describedby')).toBe(error.id);
		expect(preview().textContent).toBe(apache);
		expect(localStorage.getItem(STATE_KEY)).toBeNull();
	});

	test('the form shows 100 instructions at a time; the next ones come by keyboard, focus follows', async () => {
		renderBuilder();
		await paste(runs(149));
		// The preview and the checks cover the whole file; the form, its first part.
		expect(preview().textContent).toBe(runs(149));
		expect(form().textContent).toContain('ora le istruzioni 1–100 di 150');
		expect(legends()).toHaveLength(99);
		expect(legends()[0]).toBe('2. RUN');
		const next = button('Mostra le istruzioni successive (101–150)');
		// A native, enabled button in the tab order: Enter and Space press it in any browser (the
		// end-to-end test presses Enter in Chromium).
		expect(next.tagName).toBe('BUTTON');
		expect(next.tabIndex).toBe(0);
		expect((next as HTMLButtonElement).disabled).toBe(false);
		next.focus();
		expect(document.activeElement).toBe(next);
		fireEvent.click(next);
		// Focus goes to the first instruction now on screen, never back to the page.
		await waitFor(() =>
			expect(document.activeElement).toBe(within(box('101. RUN')).getByLabelText('Comando'))
		);
		expect(
			await screen.findByText('Il modulo ora mostra le istruzioni 101–150 di 150.')
		).toBeTruthy();
		expect(legends()).toHaveLength(50);
		expect([legends()[0], legends().at(-1)]).toEqual(['101. RUN', '150. RUN']);
		// The stage the part continues keeps its FROM on screen.
		expect(within(form()).getByLabelText<HTMLInputElement>('Immagine di base').value).toBe(
			'alpine'
		);
		fireEvent.click(button('Mostra le istruzioni precedenti (1–100)'));
		await waitFor(() =>
			expect(document.activeElement).toBe(within(form()).getByLabelText('Immagine di base'))
		);
		expect(legends()).toHaveLength(99);
	});

	test('a finding about an instruction off screen brings its part and focuses it', async () => {
		renderBuilder();
		await paste(`${runs(300)}CMD a\nCMD b\n`);
		// With every RUN flagged by DL3059 the list has over 300 findings, drawn a task later.
		const [goTo] = await screen.findAllByText("Vai all'istruzione (riga 302)", {
			selector: 'button',
		});
		fireEvent.click(goTo!);
		await waitFor(() => expect(box('302. CMD')).toBeTruthy());
		const cmd = box('302. CMD');
		await waitFor(() => expect(document.activeElement).toBe(within(cmd).getByLabelText('Comando')));
		expect(form().textContent).toContain('ora le istruzioni 301–303 di 303');
	});

	test('past 1,000 lines the preview stays plain, and says so', async () => {
		renderBuilder();
		// Wait for Shiki on the short template, so the long file is plain by choice, not by delay.
		await waitFor(() => expect(preview().querySelector('.df-token')).toBeTruthy(), {
			timeout: 10_000,
		});
		await paste(runs(1000));
		expect(preview().textContent).toBe(runs(1000));
		expect(preview().querySelector('.df-token')).toBeNull();
		expect(
			screen.getByText(
				'Senza colori: il file supera le 1000 righe, e colorarlo rallenterebbe la pagina.'
			)
		).toBeTruthy();
	});

	test('the link lives in the hash; an older ?s= link opens once and moves there', async () => {
		const encoded = encodeState({
			model: parse('FROM debian:12\nRUN echo vecchio\n'),
			inputs: { image: 'x', tag: '', containerName: '', detach: true, ports: {}, volumes: {} },
		});
		history.replaceState(null, '', `/lab/dockerfile/?s=${encoded}`);
		renderBuilder();
		await waitFor(() => expect(preview().textContent).toBe('FROM debian:12\nRUN echo vecchio\n'));
		expect(location.search).toBe('');
		expect(location.hash).toBe(`#s=${encoded}`);
	});

	test('too large for a link: no link, and a message that says why and that the file is kept', async () => {
		renderBuilder();
		// Within the paste limits, but its state is over a link's 200,000 characters.
		const long = `FROM alpine:3.21\nRUN ${'x'.repeat(160_000)}\n`;
		await paste(long);
		await waitFor(() => expect(localStorage.getItem(STATE_KEY)).not.toBeNull());
		fireEvent.click(screen.getByRole('button', { name: 'Copia il link a questo Dockerfile' }));
		expect(
			await screen.findByText(
				/^Nessun link: questo Dockerfile è troppo grande per stare in un link \([\d.]+ caratteri, il massimo è 200\.000\)\. Resta salvato in questo browser/
			)
		).toBeTruthy();
		expect(screen.queryByLabelText('Link da condividere')).toBeNull();
		expect(clipboard).toEqual([]);
		// Nor in the address bar, where an older, smaller one would open instead of this file.
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(location.hash).toBe('');
		expect(decodeState(localStorage.getItem(STATE_KEY)!, 'device')?.model).toEqual(
			withoutSources(parse(long))
		);
	});

	test('a state the loader would refuse is not saved: a notice, and the last good save stays', async () => {
		renderBuilder();
		const run = within(group(/^2\. RUN/)).getByLabelText('Comando');
		type(run, 'echo piccolo');
		await waitFor(() => expect(localStorage.getItem(STATE_KEY)).not.toBeNull());
		const small = localStorage.getItem(STATE_KEY);
		type(run, 'x'.repeat(STATE_LIMITS.device));
		expect(
			await screen.findByText(/^Questo Dockerfile è troppo grande per salvarlo in questo browser/)
		).toBeTruthy();
		expect(localStorage.getItem(STATE_KEY)).toBe(small);
		// Back under the limit, it is saved again and the notice goes.
		type(run, 'echo di nuovo piccolo');
		await waitFor(() => expect(screen.queryByText(/troppo grande per salvarlo/)).toBeNull());
		expect(decodeState(localStorage.getItem(STATE_KEY)!, 'device')).not.toBeNull();
	});

	test('a save too large to open is offered as a Dockerfile to download', async () => {
		const saved = encodeState({
			model: parse(`FROM alpine:3.21\nRUN ${'x'.repeat(STATE_LIMITS.device)}\n`),
			inputs: { image: 'x', tag: '', containerName: '', detach: true, ports: {}, volumes: {} },
		});
		localStorage.setItem(STATE_KEY, saved);
		const downloads = captureDownloads();
		renderBuilder();
		expect(
			await screen.findByText(/^Il Dockerfile salvato in questo browser è troppo grande/)
		).toBeTruthy();
		expect(preview().textContent).toBe(apache);
		fireEvent.click(screen.getByRole('button', { name: 'Scarica il Dockerfile messo da parte' }));
		expect(downloads).toHaveLength(1);
		expect(downloads[0]!.name).toBe('Dockerfile');
		expect(await downloads[0]!.blob.text()).toBe(
			`FROM alpine:3.21\nRUN ${'x'.repeat(STATE_LIMITS.device)}\n`
		);
		// Kept aside on the device too, until the learner has mended it.
		expect(localStorage.getItem(`${STATE_KEY}:unreadable`)).toBe(saved);
	});

	test('the Dockerfile downloads as `Dockerfile`, in a type Chromium gives no extension', async () => {
		const downloads = captureDownloads();
		renderBuilder();
		fireEvent.click(screen.getByRole('button', { name: 'Scarica il file Dockerfile' }));
		expect(downloads.map(({ name, blob }) => [name, blob.type])).toEqual([
			['Dockerfile', 'application/octet-stream'],
		]);
		expect(await downloads[0]!.blob.text()).toBe(apache);
	});

	test('ids from a crafted link never repeat in the page', async () => {
		const model = parse('FROM alpine:3.21\nRUN a\nRUN b\n');
		const [first, second] = model.stages[0]!.items as [Item, Item];
		const crafted = {
			...model,
			stages: [
				{
					...model.stages[0]!,
					items: [
						{ ...first, id: 'i99999999999999999999' },
						{ ...second, id: 'i99999999999999999999' },
					],
				},
			],
		};
		const inputs = { image: 'x', tag: '', containerName: '', detach: true, ports: {}, volumes: {} };
		const link = Buffer.from(JSON.stringify({ v: 1, model: crafted, inputs })).toString(
			'base64url'
		);
		history.replaceState(null, '', `/lab/dockerfile/#s=${link}`);
		renderBuilder();
		await waitFor(() => expect(preview().textContent).toBe('FROM alpine:3.21\nRUN a\nRUN b\n'));
		addInstruction('run', 4, 'RUN');
		const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	});
});

/** What `download()` is asked to save, by file name: the link it clicks, caught before the browser. */
function captureDownloads() {
	const downloads: { name: string; blob: Blob }[] = [];
	const blobs = new Map<string, Blob>();
	vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
		const url = `blob:test/${blobs.size}`;
		blobs.set(url, blob as Blob);
		return url;
	});
	vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
		this: HTMLAnchorElement
	) {
		downloads.push({ name: this.download, blob: blobs.get(this.href)! });
	});
	return downloads;
}

describe('<DockerfileBuilder> hydrating the server’s markup', () => {
	test('keeps the elements; the form, the preview and the commands wait until every part is live', async () => {
		const props = {
			lang: 'it',
			strings,
			templates: templateChoices,
			labUrl: '/lab/dockerfile/',
			deferParts: true,
		} as const;
		const container = document.createElement('div');
		document.body.append(container);
		onTestFinished(() => {
			renderInto(null, container);
			container.remove();
		});
		// What the server sends: rendered without a window.
		vi.stubGlobal('window', undefined);
		container.innerHTML = renderToString(<DockerfileBuilder {...props} />);
		vi.unstubAllGlobals();
		const waiting = () =>
			['.df-form', '.df-output-body', '.df-commands-part'].map(
				(selector) => container.querySelector<HTMLElement>(selector)!.inert
			);
		// Without JavaScript the preview and the commands stay readable, screen readers included.
		expect(waiting()).toEqual([true, false, false]);
		const serverPreview = container.querySelector('.df-output pre');
		const serverAdd = container.querySelector('.df-palette button');
		expect(serverPreview?.textContent).toBe(apache);

		hydrate(<DockerfileBuilder {...props} />, container);
		// Hydration moves nothing: the server's elements are still there, unusable for now.
		expect(container.querySelector('.df-output pre')).toBe(serverPreview);
		expect(container.querySelector('.df-palette button')).toBe(serverAdd);
		expect(waiting()).toEqual([true, true, true]);
		await waitFor(() => expect(waiting()).toEqual([false, false, false]));
		expect(container.querySelector('.df-form')!.hasAttribute('aria-busy')).toBe(false);
		expect(container.querySelector('.df-output pre')?.textContent).toBe(apache);
		// Once live, each part has its handlers.
		fireEvent.click(within(container).getByRole('button', { name: 'Aggiungi allo stage 1' }));
		await waitFor(() =>
			expect(container.querySelector('.df-output pre')?.textContent).not.toBe(apache)
		);
	});
});
