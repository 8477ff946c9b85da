/**
 * §6.1: the call that opens the sidebar carries what the sidebar shows, not the
 * workbook — at most 300 KB at 10,000 OKR rows, and no more at 50,000, whatever the
 * rows' text (src/shared/okr-lists.ts has the limits that bound it). The context is
 * built in memory here, as the server builds it once it has read the tabs;
 * test/integration/sidebar-lists.test.ts makes the same call through the built bundle.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook, type WorkbookGrids } from '../../../src/core/workbook/workbook';
import { jsonBytes } from '../../../src/shared/okr-lists';
import { type Selection, sidebarContextOf } from '../../../src/ui/sidebar/context';
import type { SidebarState } from '../../../src/ui/sidebar/state';
import { generatedWorkbook } from '../../support/workbook';

const TODAY = 46_433; // 2027-02-15
const BUDGET = 300_000;
/** A team key result: generatedWorkbook puts T-O<i> on row 2 + 3i and its key results below. */
const SELECTED: Selection = { tab: 'Team OKRs', row: 3 };

function openingBytes(grids: WorkbookGrids): number {
  const state = {
    ss: undefined as never, // sidebarContextOf reads the grids only
    timeZone: 'UTC',
    asOfDay: TODAY,
    grids: grids as SidebarState['grids'],
    workbook: readWorkbook(grids, TODAY),
  };
  return jsonBytes(sidebarContextOf(state, SELECTED));
}

describe('the call that opens the sidebar', () => {
  it('is at most 300 KB at 1,000, 10,000 and 50,000 rows, and does not grow with them', { timeout: 120_000 }, () => {
    const sizes = [1_000, 10_000, 50_000].map((rows) => openingBytes(generatedWorkbook(rows, TODAY)));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(BUDGET);
    const [small = 0, , large = 0] = sizes;
    // Longer IDs and row numbers only: the lists send their first rows, not all of them.
    expect(large - small).toBeLessThan(small * 0.05);
  });

  it('stays within 300 KB at 10,000 rows of long text in any script, with a name per row', { timeout: 60_000 }, () => {
    const grids = generatedWorkbook(10_000, TODAY);
    const long = (grid: WorkbookGrids['team']) =>
      grid?.map((cells, i) => {
        if (i === 0) return cells;
        const row = [...cells];
        row[3] = `Équipe ${i} ${'😀'.repeat(200)}`; // Unit
        row[4] = `${'漢字'.repeat(2_000)} ${i}`; // Title
        row[5] = `owner.${i}@${'ü'.repeat(300)}.example`; // Owner
        return row;
      });
    const size = openingBytes({
      ...grids,
      corporate: long(grids.corporate),
      department: long(grids.department),
      team: long(grids.team),
    });
    expect(size).toBeLessThanOrEqual(BUDGET);
  });
});
