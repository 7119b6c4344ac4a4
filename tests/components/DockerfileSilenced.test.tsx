// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import DockerfileBuilder from '../../src/components/Dockerfile/Builder';
import { builderTemplates } from '../../src/lib/dockerfile/builder';
import { parse } from '../../src/lib/dockerfile/parse';
import { templates } from '../../src/lib/dockerfile/templates';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

const builderStrings = (all: Record<string, string>) =>
	Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('builder.')));

function renderBuilder(lang: 'it' | 'en') {
	return render(
		<DockerfileBuilder
			lang={lang}
			strings={builderStrings(lang === 'it' ? italian : english)}
			templates={builderTemplates(templates, lang, parse)}
			labUrl="/lab/dockerfile/"
		/>
	);
}

async function paste(label: string, button: string, text: string, done: RegExp) {
	fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
	fireEvent.click(screen.getByRole('button', { name: button }));
	await screen.findByText(done);
}

/** Three findings: one on, two turned off by a directive and a hadolint comment. */
const dockerfile = [
	'# check=skip=JSONArgsRecommended',
	'# hadolint ignore=DL3006',
	'FROM ubuntu',
	'WORKDIR app',
	'CMD echo hi',
	'',
].join('\n');

beforeEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/lab/dockerfile/');
});
afterEach(cleanup);

describe('<DockerfileBuilder> silenced findings', () => {
	test('are folded under the active ones, each saying which comment turns it off', async () => {
		renderBuilder('it');
		await paste('Testo del Dockerfile', 'Trasforma in modulo', dockerfile, /^Dockerfile letto:/);
		const checks = screen.getByRole('region', { name: /^Controlli/ });
		// The linter loads on its own the first time: its findings come a moment after the form.
		await waitFor(() =>
			expect(within(checks).getByRole('heading').textContent).toContain('1 segnalazione')
		);
		const folded = checks.querySelector('details');
		expect(folded?.open).toBe(false);
		const summary = within(checks).getByText('2 controlli disattivati nel file');
		expect(summary.tagName).toBe('SUMMARY');

		const lists = within(checks).getAllByRole('list');
		const rulesOf = (list: HTMLElement) =>
			within(list)
				.getAllByRole('listitem')
				.map((item) => item.querySelector('code')?.textContent);
		expect(rulesOf(lists[0]!)).toEqual(['relative-workdir']);
		expect(rulesOf(lists[1]!)).toEqual(['untagged-image', 'json-args-recommended']);
		const [untagged, json] = within(lists[1]!).getAllByRole('listitem');
		// The printed file puts a blank line after the directive: the comment is on line 3.
		expect(untagged?.textContent).toContain('Lo disattiva # hadolint ignore alla riga 3.');
		expect(json?.textContent).toContain('Lo disattiva # check=skip alla riga 1.');
		expect(
			within(untagged!).getByRole('button', { name: "Vai all'istruzione (riga 4)" })
		).toBeTruthy();
	});

	test('say it in English too, and the folded list is gone once nothing is turned off', async () => {
		renderBuilder('en');
		await paste('Dockerfile text', 'Turn into a form', dockerfile, /^Dockerfile read:/);
		const checks = screen.getByRole('region', { name: /^Checks/ });
		expect((await within(checks).findByText('2 checks turned off in the file')).tagName).toBe(
			'SUMMARY'
		);
		expect(checks.textContent).toContain('Turned off by # check=skip on line 1.');
		expect(checks.textContent).toContain('Turned off by # hadolint ignore on line 3.');

		await paste('Dockerfile text', 'Turn into a form', 'FROM ubuntu:24.04\n', /^Dockerfile read:/);
		await waitFor(() => expect(screen.getByText('No problems found.')).toBeTruthy());
		expect(screen.getByRole('region', { name: /^Checks/ }).querySelector('details')).toBeNull();
	});
});
