import { describe, expect, test } from 'vitest';
import { createInstruction, insertItem, updateItem } from '../../../src/lib/dockerfile/edit';
import { lint, rules } from '../../../src/lib/dockerfile/lint';
import { parse } from '../../../src/lib/dockerfile/parse';
import { syntaxRules } from '../../../src/lib/dockerfile/rules-syntax';
import { failureCases, file, stage, ubuntu } from './build-failure-cases';

const findings = (text: string) => lint(parse(text));
const ruleIds = (text: string) => findings(text).map((finding) => finding.rule);

/** The new rules that report something the build or the container survives. */
const warnings = new Set(['empty-command', 'apt-update-maybe-missing']);

describe('the rules about what fails', () => {
	test('are all registered, errors unless the build goes through', () => {
		for (const id of Object.keys(failureCases)) {
			const rule = rules.find((each) => each.id === id);
			expect(rule, id).toBeDefined();
			expect(rule?.severity, id).toBe(warnings.has(id) ? 'warning' : 'error');
		}
	});

	test('rules-syntax.ts holds rules with a case each and no counterpart but DL3043', () => {
		for (const rule of syntaxRules) {
			expect(Object.keys(failureCases)).toContain(rule.id);
			expect(rule.counterpart).toBe(rule.id === 'onbuild-trigger' ? 'DL3043' : null);
		}
	});

	test('quote what Docker prints, in both languages', () => {
		for (const id of Object.keys(failureCases)) {
			const rule = rules.find((each) => each.id === id);
			expect(rule?.message.it, id).toMatch(/«[^»]+»/);
			expect(rule?.message.en, id).toMatch(/"[^"]+"/);
		}
	});
});

describe.each(Object.entries(failureCases))('%s', (id, { bad, good }) => {
	test.each(bad)('flags %j on line %i', (text, line, column) => {
		const finding = findings(text).find((each) => each.rule === id);
		expect(finding, text).toBeDefined();
		expect(finding?.line, text).toBe(line);
		if (column !== undefined) expect(finding?.column, text).toBe(column);
	});

	test.each(good)('leaves %j alone', (text) => {
		expect(ruleIds(text)).not.toContain(id);
	});
});

describe('apt-get-missing-yes, now an error that covers apt too', () => {
	const rule = 'apt-get-missing-yes';

	test.each([
		ubuntu('RUN apt-get update && apt install apache2'),
		ubuntu('RUN apt-get update && apt-get install -q curl'),
		ubuntu('RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install curl'),
		ubuntu('RUN apt-get update && apt-get install -o Dpkg::Options::=--force-confnew curl'),
	])('flags %j', (text) => {
		const finding = findings(text).find((each) => each.rule === rule);
		expect(finding).toMatchObject({ severity: 'error', line: 2 });
	});

	test.each([
		ubuntu('RUN apt-get update && apt install -y apache2'),
		ubuntu('RUN apt-get update && apt-get install -yq curl'),
		ubuntu('RUN apt-get update && apt-get -qq install curl'),
		ubuntu('RUN apt-get update && apt-get -q -q install curl'),
		ubuntu('RUN apt-get update && apt-get -q=2 install curl'),
		ubuntu('RUN apt-get update && apt-get install --assume-yes curl'),
		ubuntu('RUN apt-get update && apt-get -o APT::Get::Assume-Yes=true install curl'),
		ubuntu('RUN apt-get update && yes | apt-get install curl'),
	])('leaves %j alone', (text) => {
		expect(ruleIds(text)).not.toContain(rule);
	});
});

describe('placing findings on lines the model cannot hold', () => {
	test('a raw instruction gets the finding, on its own line and node', () => {
		const model = parse(stage('RUN true', 'COPY app.py', 'USER app'));
		const copy = model.stages[0]?.items[1];
		expect(copy?.kind).toBe('raw');
		expect(lint(model).find((each) => each.rule === 'copy-missing-destination')).toMatchObject({
			line: 3,
			column: 1,
			endColumn: 5,
			nodeId: copy?.id,
		});
	});

	test('a FROM without its stage name is not also called misplaced, nor is what follows', () => {
		const errors = findings(file('FROM alpine:3.20 AS', 'RUN echo hi', 'CMD ["sh"]'))
			.filter((finding) => finding.severity === 'error')
			.map((finding) => [finding.rule, finding.line]);
		expect(errors).toEqual([['empty-stage-name', 1]]);
	});

	test('an instruction that only ARGs precede is still misplaced before a broken FROM', () => {
		const ids = ruleIds(file('ARG A=1', 'RUN echo', 'FROM alpine:3.20 AS'));
		expect(ids).toContain('first-instruction');
		expect(ids).toContain('empty-stage-name');
	});

	test('a flag broken across lines is pointed at where it is written', () => {
		const finding = findings(stage('COPY --from=a \\', '    --from=b x /y')).find(
			(each) => each.rule === 'duplicate-flag'
		);
		expect(finding).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 13 });
	});

	test('an empty file has its finding at the start', () => {
		expect(lint(parse(''))).toMatchObject([
			{ rule: 'empty-dockerfile', severity: 'error', line: 1, column: 1, nodeId: '' },
		]);
	});
});

describe('in the builder, on the printed text', () => {
	test('an empty WORKDIR added in the form is refused on its line', () => {
		const model = parse(stage('RUN true'));
		const added = insertItem(
			model,
			{ ...createInstruction('workdir', 'new'), path: '' },
			{ stageId: model.stages[0]?.id ?? '', index: 1 }
		);
		expect(lint(added).find((each) => each.rule === 'missing-arguments')).toMatchObject({
			line: 3,
			nodeId: 'new',
		});
	});

	test('a CMD argument given a trailing space in the form is found in the printed JSON', () => {
		const model = parse(ubuntu('CMD ["apache2ctl", "-D", "FOREGROUND"]'));
		const cmdId = model.stages[0]?.items[0]?.id ?? '';
		const edited = updateItem(model, cmdId, (item) =>
			item.kind === 'cmd'
				? { ...item, command: { form: 'exec', args: ['apache2ctl', '-D', 'FOREGROUND '] } }
				: item
		);
		expect(lint(edited).find((each) => each.rule === 'exec-argument-spaces')).toMatchObject({
			line: 2,
			column: 26,
			endColumn: 39,
			nodeId: cmdId,
		});
	});
});
