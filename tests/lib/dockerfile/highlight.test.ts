import { describe, expect, test } from 'vitest';
import { createHighlight } from '../../../src/lib/dockerfile/highlight';

describe('createHighlight()', () => {
	test('splits a Dockerfile into coloured tokens that add up to the same text', async () => {
		const highlight = await createHighlight();
		const text = 'FROM ubuntu:24.04\n# commento\nRUN echo "<img src=x onerror=alert(1)>"\n';
		const { lines, light, dark } = highlight(text);
		expect(lines.map((line) => line.map((token) => token.content).join('')).join('\n')).toBe(text);
		const from = lines[0]![0]!;
		expect(from).toMatchObject({ content: 'FROM', fontStyle: 0 });
		expect(from.light).toMatch(/^#[0-9a-f]{6}$/i);
		expect(from.dark).not.toBe(from.light);
		expect(light.bg.toLowerCase()).toBe('#ffffff');
		expect(dark.bg).not.toBe(light.bg);
	});
});
