// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, test, vi } from 'vitest';
import ExampleZip, { type ExampleZipLabels } from '../../src/components/Compose/ExampleZip';
import { download } from '../../src/components/shared/download';
import { translator } from '../../src/lib/i18n/strings';
import english from '../../src/content/i18n/en.json';
import italian from '../../src/content/i18n/it.json';

vi.mock('../../src/components/shared/download', () => ({ download: vi.fn() }));
const saved = vi.mocked(download);

/** The labels the wrapper gives, from the i18n files. */
const labels = (all: Record<string, string>): ExampleZipLabels => {
	const t = translator(all);
	const keys = ['download', 'preparing', 'ready', 'failed'].map((key) => `folderZip.${key}`);
	return Object.fromEntries(
		keys.map((key) => [key, t(key, { file: 'lab.zip' })])
	) as ExampleZipLabels;
};
const files = [
	{ path: 'compose.yaml', text: 'services:\n  app:\n    image: nginx\n' },
	{ path: 'app/index.html', text: '<p>perché…</p>\n' },
];
const props = { folder: 'lab', file: 'lab.zip', files };

afterEach(() => {
	cleanup();
	saved.mockReset();
});

describe('<ExampleZip>', () => {
	test('zips the folder on a click, hands it to the browser and says so', async () => {
		render(<ExampleZip {...props} labels={labels(italian)} />);
		const status = screen.getByRole('status');
		expect(status.textContent).toBe('');
		fireEvent.click(screen.getByRole('button', { name: 'Scarica la cartella come lab.zip' }));
		await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
		const [blob, name] = saved.mock.calls[0]!;
		expect(name).toBe('lab.zip');
		expect(blob.type).toBe('application/zip');
		const unzipped = unzipSync(new Uint8Array(await blob.arrayBuffer()));
		expect(Object.keys(unzipped).sort()).toEqual(['lab/app/index.html', 'lab/compose.yaml']);
		expect(new TextDecoder().decode(unzipped['lab/app/index.html'])).toBe(files[1]!.text);
		await waitFor(() =>
			expect(status.textContent).toBe('Fatto: il browser sta scaricando lab.zip.')
		);
	});

	test('tells the reader, in English too, when the zip cannot be made', async () => {
		saved.mockImplementation(() => {
			throw new Error('no downloads here');
		});
		render(<ExampleZip {...props} labels={labels(english)} />);
		fireEvent.click(screen.getByRole('button', { name: 'Download the folder as lab.zip' }));
		await waitFor(() =>
			expect(screen.getByRole('status').textContent).toMatch(/^The zip could not be prepared/)
		);
		expect(screen.getByRole('status').textContent).toContain('copy the files from this page');
	});

	test('a second click after the download makes a new archive', async () => {
		render(<ExampleZip {...props} labels={labels(english)} />);
		const button = screen.getByRole('button', { name: 'Download the folder as lab.zip' });
		fireEvent.click(button);
		await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
		await screen.findByText('Done: your browser is saving lab.zip.');
		fireEvent.click(button);
		await waitFor(() => expect(saved).toHaveBeenCalledTimes(2));
	});
});
