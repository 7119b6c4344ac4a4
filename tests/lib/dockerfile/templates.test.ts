import { describe, expect, test } from 'vitest';
import { lint } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { templates } from '../../../src/lib/dockerfile/templates';

describe('templates', () => {
	test('are the lecture example, Node.js, Python and a multi-stage Go build', () => {
		expect(templates.map((template) => template.id)).toEqual(['apache2', 'node', 'python', 'go']);
		expect(
			parse(templates.find((template) => template.id === 'go')?.dockerfile ?? '').stages
		).toHaveLength(2);
	});

	test('have a title and a description in both languages', () => {
		for (const { title, description } of templates) {
			for (const text of [title.it, title.en, description.it, description.en])
				expect(text.trim()).not.toBe('');
			expect(title.it).not.toBe(title.en);
		}
	});

	test('the lecture example runs Apache in the foreground with only info findings', () => {
		const apache = templates.find((template) => template.id === 'apache2')?.dockerfile ?? '';
		expect(apache).toContain('apt-get install -y --no-install-recommends apache2');
		expect(apache).toContain('COPY vh.conf');
		expect(apache).toContain('EXPOSE 80\n');
		expect(apache).toContain('CMD ["apache2ctl", "-D", "FOREGROUND"]');
		expect(lint(parse(apache)).map((finding) => [finding.rule, finding.severity])).toEqual([
			['apt-get-unpinned', 'info'],
		]);
	});
});
