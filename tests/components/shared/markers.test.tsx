// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { LiveRegion } from '../../../src/components/shared/LiveRegion';
import { SeverityMarker } from '../../../src/components/shared/SeverityMarker';

afterEach(cleanup);

describe('<LiveRegion>', () => {
	test('is a polite status that screen readers read whole', () => {
		render(<LiveRegion message="Link copiato" />);
		const region = screen.getByText('Link copiato');
		expect(region.getAttribute('aria-live')).toBe('polite');
		expect(region.getAttribute('aria-atomic')).toBe('true');
		expect(region.classList.contains('sr-only')).toBe(true);
	});
});

describe('<SeverityMarker>', () => {
	test('shows a glyph hidden from screen readers, then the severity by name', () => {
		const { container } = render(<SeverityMarker severity="error" label="Errore" class="x" />);
		const marker = container.querySelector('.x');
		expect(marker?.textContent).toBe('✖ Errore');
		expect(marker?.querySelector('[aria-hidden="true"]')?.textContent).toBe('✖');
	});

	test('without a label, is the glyph alone', () => {
		const { container } = render(<SeverityMarker severity="warning" />);
		expect(container.textContent).toBe('▲');
	});
});
