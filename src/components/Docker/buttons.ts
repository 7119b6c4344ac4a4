/**
 * A chapter's side of the playground: a "run this" button under each shell block of Docker
 * commands, and the playground itself loaded only when the reader scrolls to it or presses one
 * of those buttons.
 */
import { runEvent, runnableLines, type RunDetail } from './events.ts';

const mounts = (): HTMLElement[] => [...document.querySelectorAll<HTMLElement>('[data-dp-props]')];

function load(element: HTMLElement): Promise<void> {
	return import('./mount.ts').then(({ mountPlayground }) => mountPlayground(element));
}

/** The playground nearest after the block, else the last one before it. */
function nearest(block: Element, all: HTMLElement[]): HTMLElement | undefined {
	const after = all.find(
		(element) => block.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
	);
	return after ?? all.at(-1);
}

function send(target: HTMLElement, commands: string[]) {
	const id = target.getAttribute('data-dp-id') ?? '';
	const input = target.querySelector<HTMLInputElement>('input.dp-input');
	target.scrollIntoView({ block: 'start', behavior: 'smooth' });
	input?.focus({ preventScroll: true });
	if (target.querySelector('[data-ready]')) {
		document.dispatchEvent(
			new CustomEvent<RunDetail>(runEvent, { detail: { target: id, commands } })
		);
		return;
	}
	// Not here yet: the commands wait on the mount point, which the island reads when it starts.
	const queued = JSON.parse(target.getAttribute('data-dp-queue') ?? '[]') as string[];
	target.setAttribute('data-dp-queue', JSON.stringify([...queued, ...commands]));
	void load(target);
}

function addButtons() {
	const all = mounts();
	if (!all.length) return;
	for (const copy of document.querySelectorAll<HTMLElement>(
		'.expressive-code .copy button[data-code]'
	)) {
		const block = copy.closest('.expressive-code');
		const language = block?.querySelector('pre')?.getAttribute('data-language') ?? '';
		if (!block || !['sh', 'bash', 'shell', 'console'].includes(language)) continue;
		// Expressive Code writes the block's line breaks as U+007F in `data-code`.
		const commands = runnableLines((copy.getAttribute('data-code') ?? '').replace(/\u007f/g, '\n'));
		const target = nearest(block, all);
		if (!commands.length || !target) continue;
		const row = document.createElement('div');
		row.className = 'dp-run not-content';
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'dp-run-button';
		button.textContent = target.getAttribute('data-dp-run-label') ?? '';
		button.addEventListener('click', () => send(target, commands));
		row.append(button);
		block.after(row);
	}
}

function watch() {
	const all = mounts();
	if (!('IntersectionObserver' in window)) {
		all.forEach((element) => void load(element));
		return;
	}
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries)
				if (entry.isIntersecting) {
					observer.unobserve(entry.target);
					void load(entry.target as HTMLElement);
				}
		},
		{ rootMargin: '200px' }
	);
	all.forEach((element) => observer.observe(element));
}

/** Adds the run buttons and watches for the playgrounds coming into view. */
export function start(): void {
	addButtons();
	watch();
}
