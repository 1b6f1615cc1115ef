/**
 * Property tests explore new random cases on every local run; on CI they replay one fixed seed, so that a
 * submission's result does not depend on the draw. A failure found locally prints its seed to replay.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261126 });
