/**
 * Property tests explore new random inputs on every local run, and have found rare counterexamples that way
 * (each is kept as an example in its test). CI runs them with a fixed seed, so that a submission is judged
 * on its own changes and not on the luck of a draw; the seed is printed with any failure, as fast-check does.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261201 });
