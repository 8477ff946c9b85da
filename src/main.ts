/**
 * The one list of entry points Apps Script may call. build.mjs writes a
 * top-level stub for each export; every export must be a function, and every
 * UPPERCASE export is a custom function with its docs.
 */
export { KPIPROGRESS, OKREXPECTED, OKRROLLUP, OKRSCORE, OKRSTATUS } from './functions/index';
export { showAbout } from './ui/about';
export { onInstall, onOpen } from './ui/menu';
