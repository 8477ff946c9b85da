/** The custom functions of §3, as main.ts exposes them to Sheets. */
export { KPIPROGRESS } from './kpiprogress';
export { OKREXPECTED } from './okrexpected';
export { OKRROLLUP } from './okrrollup';
export { OKRSCORE } from './okrscore';
export { OKRSTATUS } from './okrstatus';
