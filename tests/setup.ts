import fc from 'fast-check';

/**
 * Property tests draw new inputs on every local run, which is how they find bugs; in CI they draw
 * from one fixed seed, so that a run is repeatable and a change lands or fails on its own merits.
 * A failure prints its seed and path either way: pass them to `fc.assert` to replay it.
 */
if (process.env.CI) fc.configureGlobal({ seed: 1_412 });
