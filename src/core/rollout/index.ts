/** The pure half of "Generate rollout plan" (SPEC §4.4); src/actions does the sheet I/O. */
export * from './activities';
export * from './calendar';
export * from './merge';
export * from './parse';
export * from './plan';
export * from './table';
export * from './units';
export * from './week';
