/** §4.6 Start next cycle as a pure plan: see plan.ts for the rules. */
export * from './cycle';
export * from './frozen';
export * from './plan';
export * from './wording';
