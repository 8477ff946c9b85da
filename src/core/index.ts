/** The pure domain of §2: cell reading, scoring, roll-up, expected progress and status. */
export * from './expected';
export * from './metric';
export * from './result';
export * from './rollup';
export * from './score';
export * from './status';
export * from './values';
