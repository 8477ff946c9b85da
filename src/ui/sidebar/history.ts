/**
 * §5.1/§5.2 an item's recent check-ins, for the Edit and Check-in panels: read from the
 * Check-ins log only when the sidebar shows an item, so opening it stays one small call
 * (§6.1). Newest first, at most RECENT of them.
 */
import { normalizeId } from '../../core/rollup';
import { parseCheckIns } from '../../core/workbook/logs';
import type { Grid } from '../../core/workbook/table';
import type { CheckInHistory } from '../../shared/sidebar-api';
import { wireValue } from './fields';

export const RECENT = 5;

export function checkInHistoryOf(grid: Grid | undefined, id: string): CheckInHistory {
  const key = normalizeId(id);
  const own = parseCheckIns(grid)
    .checkIns.filter((c) => c.key === key)
    .sort((a, b) => b.at - a.at || b.row - a.row);
  return {
    id,
    total: own.length,
    entries: own.slice(0, RECENT).map((c) => ({
      at: c.at,
      oldValue: wireValue(c.oldValue),
      newValue: wireValue(c.newValue),
      confidence: wireValue(c.confidence),
      comment: c.comment,
      user: c.user,
    })),
  };
}
