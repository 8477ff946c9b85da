/**
 * The look of each status everywhere the add-on colours one: §2.5 asks for Done
 * blue, On track green, Behind amber, At risk red. Cells get light tints with a
 * dark text of the same hue (readable); charts get the full-strength colour.
 */
import type { Status } from '../core/status';

export interface StatusStyle {
  readonly background: string;
  readonly font: string;
  readonly chart: string;
}

export const STATUS_STYLE: Readonly<Record<Status, StatusStyle>> = {
  Done: { background: '#cfe2f3', font: '#1c4587', chart: '#3d85c6' },
  'On track': { background: '#d9ead3', font: '#274e13', chart: '#6aa84f' },
  Behind: { background: '#fce5cd', font: '#7f4f00', chart: '#f6b26b' },
  'At risk': { background: '#f4cccc', font: '#990000', chart: '#e06666' },
};
