import { describe, expect, test } from 'vitest';
import { normalizeShortAnswer, sameShortAnswer } from '../../../src/lib/quiz/short-answer';

describe('sameShortAnswer()', () => {
	test.each<[string, string, 'it' | 'en']>([
		// Case, spaces and what stands around the word.
		['Hypervisor', 'hypervisor', 'en'],
		['  HYPERVISOR  ', 'hypervisor', 'en'],
		['Hypervisor.', 'hypervisor', 'en'],
		['hypervisor!', 'hypervisor', 'en'],
		['"hypervisor"', 'hypervisor', 'en'],
		['«ipervisore»', 'ipervisore', 'it'],
		["'hypervisor'", 'hypervisor', 'en'],
		['`hypervisor`', 'hypervisor', 'en'],
		['(VMM)', 'VMM', 'it'],
		['virtual   machine\tmonitor', 'virtual machine monitor', 'en'],
		['virtual\u00a0machine monitor', 'virtual machine monitor', 'en'],
		['hyper\u200bvisor', 'hypervisor', 'en'],
		// Italian articles and elision, with a straight, a typographic or no apostrophe.
		["l'ipervisore", 'ipervisore', 'it'],
		['l ipervisore', 'ipervisore', 'it'],
		['L’ipervisore', 'ipervisore', 'it'],
		["l' ipervisore", 'ipervisore', 'it'],
		["L'hypervisor.", 'hypervisor', 'it'],
		['l hypervisor', 'hypervisor', 'it'],
		['lo hypervisor', 'hypervisor', 'it'],
		['il VMM', 'VMM', 'it'],
		['le hypercall', 'hypercall', 'it'],
		['gli hypervisor', 'hypervisor', 'it'],
		["un'immagine", 'immagine', 'it'],
		['un hypervisor', 'hypervisor', 'it'],
		['il tipo 1', 'tipo 1', 'it'],
		// English articles.
		['The hypervisor', 'hypervisor', 'en'],
		['a hypervisor', 'hypervisor', 'en'],
		['an hypervisor.', 'hypervisor', 'en'],
		// A final accent however it is typed.
		['perche', 'perche', 'it'],
		["perche'", 'perché', 'it'],
		['perchè', 'perché', 'it'],
		["modalita'", 'modalità', 'it'],
		["modalita'.", 'modalità', 'it'],
		['Modalità', 'modalità', 'it'],
	])('%j = %j (%s)', (answer, accepted, lang) => {
		expect(sameShortAnswer(answer, accepted, lang)).toBe(true);
	});

	test.each<[string, string, 'it' | 'en']>([
		// Still exact: another word, another number, another spelling.
		['hypervisors', 'hypervisor', 'en'],
		['ipervisori', 'ipervisore', 'it'],
		['hipervisor', 'hypervisor', 'en'],
		['tipo 2', 'tipo 1', 'it'],
		['e', 'è', 'it'],
		['perche', 'perché', 'it'],
		['hyper visor', 'hypervisor', 'en'],
		["l'hypervisor di tipo 2", 'hypervisor', 'it'],
		['hypervisor o VMM', 'hypervisor', 'it'],
		// English articles are not Italian ones, nor the other way round.
		['the hypervisor', 'hypervisor', 'it'],
		['il VMM', 'VMM', 'en'],
		// Nothing, or punctuation only.
		['', 'hypervisor', 'en'],
		['...', 'hypervisor', 'en'],
	])('%j ≠ %j (%s)', (answer, accepted, lang) => {
		expect(sameShortAnswer(answer, accepted, lang)).toBe(false);
	});
});

describe('normalizeShortAnswer()', () => {
	test.each<[string, 'it' | 'en', string]>([
		['  L’Ipervisore. ', 'it', 'ipervisore'],
		['The  Virtual Machine Monitor!', 'en', 'virtual machine monitor'],
		["«l'hypervisor»", 'it', 'hypervisor'],
		['perché?', 'it', "perche'"],
		['il', 'it', 'il'],
	])('%j (%s) → %j', (text, lang, expected) => {
		expect(normalizeShortAnswer(text, lang)).toBe(expected);
	});
});
