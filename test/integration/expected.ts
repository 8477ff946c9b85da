/**
 * What the pushed script must expose, pinned by hand: if the bundle loses an
 * entry point, these lists still name it and the tests fail.
 */
export const CUSTOM_FUNCTIONS = {
  OKRSCORE: ['start', 'target', 'current', 'type'],
  KPIPROGRESS: ['baseline', 'target', 'actual', 'direction'],
  OKRROLLUP: ['ids', 'parents', 'scores', 'weights', 'lookup_ids'],
  OKREXPECTED: ['start_date', 'end_date', 'as_of'],
  OKRSTATUS: ['progress', 'expected', 'on_track', 'behind'],
} as const;

export const LIFECYCLE_FUNCTIONS = ['onOpen', 'onInstall'] as const;

/** What `clasp push` sends (clasp status --json, paths relative to the repo). */
export const PUSHED_FILES = [
  'dist/Code.js',
  'dist/about.html',
  'dist/appsscript.json',
  'dist/rhythm.html',
  'dist/sidebar.html',
];

/** The Weekly rhythm dialog's google.script.run targets (src/shared/rhythm-api.ts). */
export const RHYTHM_SERVER_FUNCTIONS = ['rhythmDialogState', 'saveWeeklyRhythm'] as const;

/** What the rhythm's installable trigger calls: renaming it would orphan every installed trigger. */
export const RHYTHM_TRIGGER_FUNCTION = 'weeklyRhythmRun';

/** The sidebar page's google.script.run targets (src/shared/sidebar-api.ts). */
export const SIDEBAR_SERVER_FUNCTIONS = [
  'sidebarContext',
  'selectedRow',
  'searchOkrs',
  'rowDetail',
  'saveOkr',
  'recordCheckIn',
  'checkInHistory',
  'kpiSummaries',
] as const;
