/**
 * What a chapter with a playground runs at load, kept to a few bytes: once the page is idle, the
 * run buttons and the watch for the playground, which load apart.
 */
const load = () => void import('./buttons.ts').then(({ start }) => start());
if (typeof requestIdleCallback === 'function') requestIdleCallback(load);
else setTimeout(load, 1);
