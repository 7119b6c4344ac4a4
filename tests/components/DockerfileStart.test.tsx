// @vitest-environment happy-dom
/**
 * The builder before its linter has loaded: the starting template's findings come from the build,
 * and a change made meanwhile is checked as soon as the linter arrives. A file of its own, so that
 * no other test has loaded the linter first.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import DockerfileBuilder from '../../src/components/Dockerfile/Builder';
import { lintOnce } from '../../src/components/Dockerfile/offThread';
import { builderTemplates, emptyModel } from '../../src/lib/dockerfile/builder';
import { lint } from '../../src/lib/dockerfile/lint';
import { parse } from '../../src/lib/dockerfile/parse';
import { templates } from '../../src/lib/dockerfile/templates';
import italian from '../../src/content/i18n/it.json';

const strings = Object.fromEntries(
	Object.entries(italian).filter(([key]) => key.startsWith('builder.'))
);
const templateChoices = builderTemplates(templates, 'it', parse);
const startFindings = lint(templateChoices[0]!.model, { silenced: true });
const checks = () => screen.getByRole('region', { name: /^Controlli/ });

describe('<DockerfileBuilder> before its linter has loaded', () => {
	test('shows the template findings of the build at once, then checks each change', async () => {
		// What the Astro wrapper passes: the templates as JSON text, and the first one's findings.
		render(
			<DockerfileBuilder
				lang="it"
				strings={strings}
				templates={JSON.stringify(templateChoices)}
				startFindings={startFindings}
				labUrl="/lab/dockerfile/"
			/>
		);
		// Nothing here has loaded the linter yet: the page does not lint on its own.
		expect(lintOnce(emptyModel())).toBeUndefined();
		const shown = startFindings.filter((finding) => !finding.silenced);
		expect(shown.length).toBeGreaterThan(0);
		expect(within(checks()).getAllByRole('listitem')).toHaveLength(shown.length);

		// A change made before the linter is there is checked once it is.
		const [firstRun] = screen.getAllByRole('group', { name: /^\d+\. RUN/ });
		const run = within(firstRun!).getByLabelText('Comando');
		fireEvent.input(run, { target: { value: 'apt install curl' } });
		await waitFor(() =>
			expect(
				within(checks())
					.getAllByRole('listitem')
					.map((item) => item.querySelector('code')?.textContent)
			).toContain('apt-instead-of-apt-get')
		);
	});
});
