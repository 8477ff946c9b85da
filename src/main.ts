/**
 * The one list of entry points Apps Script may call. build.mjs writes a
 * top-level stub for each export; every export must be a function, and every
 * UPPERCASE export is a custom function with its docs.
 */

export { startNextCycle } from './actions/next-cycle';
export { weeklyRhythmRun } from './actions/rhythm/run';
export { generateRolloutPlan } from './actions/rollout';
export { buildRollup } from './actions/rollup';
export { insertSampleOkrs } from './actions/sample';
export { setUpWorkbook } from './actions/setup';
export { recordSnapshot } from './actions/snapshot';
export { validateWorkbook } from './actions/validate';
export { KPIPROGRESS, OKREXPECTED, OKRROLLUP, OKRSCORE, OKRSTATUS } from './functions/index';
export { showAbout } from './ui/about';
export { onInstall, onOpen } from './ui/menu';
export { onEdit } from './ui/on-edit';
export { showWeeklyRhythm } from './ui/rhythm/open';
export { rhythmDialogState, saveWeeklyRhythm } from './ui/rhythm/server';
export { showSidebar } from './ui/sidebar/open';
export {
  checkInHistory,
  kpiSummaries,
  recordCheckIn,
  rowDetail,
  saveOkr,
  searchOkrs,
  selectedRow,
  sidebarContext,
} from './ui/sidebar/server';
