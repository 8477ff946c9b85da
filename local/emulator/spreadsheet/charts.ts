import { quoteSheetName, rectToA1 } from './a1.js';
import type { Ctx } from './context.js';
import { makeEnum } from './context.js';
import type { ChartSpec, SheetData } from './model.js';

/** https://developers.google.com/apps-script/reference/charts/chart-type */
export const ChartType = makeEnum([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const);

export const Charts = {
  ChartType,
  ChartHiddenDimensionStrategy: makeEnum(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const),
  ChartMergeStrategy: makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const),
  Position: makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const),
  Orientation: makeEnum(['HORIZONTAL', 'VERTICAL'] as const),
};

type RangeInfo = {
  _info(): { sheet: SheetData; rect: { row: number; col: number; numRows: number; numCols: number } };
};

function a1WithSheet(range: unknown): string {
  const { sheet, rect } = (range as RangeInfo)._info();
  return `${quoteSheetName(sheet.name)}!${rectToA1(rect)}`;
}

export function newChart(ctx: Ctx, sheet: SheetData, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const chart = {
    _spec: spec,
    getChartId: () => spec.id,
    getId: () => `chart-${spec.id}`,
    getType: () => spec.type,
    getRanges: () => spec.ranges.map((a1) => ctx.spreadsheet().getRange(a1)),
    getOptions: () => ctx.wrap({ get: (k: string) => spec.options[k] ?? null }, 'ChartOptions'),
    getNumHeaders: () => spec.numHeaders ?? -1,
    getContainerInfo: () =>
      ctx.wrap(
        {
          getAnchorRow: () => spec.position.row,
          getAnchorColumn: () => spec.position.col,
          getOffsetX: () => spec.position.offsetX,
          getOffsetY: () => spec.position.offsetY,
        },
        'ContainerInfo',
      ),
    modify: () => newChartBuilder(ctx, sheet, { ...spec, ranges: [...spec.ranges], options: { ...spec.options } }),
  };
  return ctx.wrap(chart, 'EmbeddedChart') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
}

/** Records a plain spec {type, ranges, position, options}; nothing is drawn. */
export function newChartBuilder(
  ctx: Ctx,
  sheet: SheetData,
  initial?: ChartSpec,
): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  const spec: ChartSpec = initial ?? {
    id: 0,
    type: '',
    ranges: [],
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
  let self: unknown;
  const chain =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => {
      f(...a);
      return self;
    };
  const as = (type: string) => chain(() => (spec.type = type));
  const b = {
    _spec: spec,
    setChartType: chain((t: unknown) => (spec.type = String(t))),
    addRange: chain((r: unknown) => spec.ranges.push(a1WithSheet(r))),
    removeRange: chain((r: unknown) => (spec.ranges = spec.ranges.filter((x) => x !== a1WithSheet(r)))),
    clearRanges: chain(() => (spec.ranges = [])),
    getRanges: () => spec.ranges.map((a1) => ctx.spreadsheet().getRange(a1)),
    getChartType: () => spec.type,
    setPosition: chain((row: number, col: number, offsetX: number, offsetY: number) => {
      spec.position = { row, col, offsetX: offsetX ?? 0, offsetY: offsetY ?? 0 };
    }),
    setOption: chain((k: string, v: unknown) => (spec.options[k] = v)),
    setNumHeaders: chain((n: number) => (spec.numHeaders = n)),
    setHiddenDimensionStrategy: chain((s: unknown) => (spec.hiddenDimensionStrategy = String(s))),
    setMergeStrategy: chain((s: unknown) => (spec.mergeStrategy = String(s))),
    setTransposeRowsAndColumns: chain((t: boolean) => (spec.transposeRowsAndColumns = t)),
    asAreaChart: as('AREA'),
    asBarChart: as('BAR'),
    asColumnChart: as('COLUMN'),
    asComboChart: as('COMBO'),
    asHistogramChart: as('HISTOGRAM'),
    asLineChart: as('LINE'),
    asPieChart: as('PIE'),
    asScatterChart: as('SCATTER'),
    asTableChart: as('TABLE'),
    // Options the typed builders (BarChartBuilder etc.) set; recorded under their option names.
    setTitle: chain((t: string) => (spec.options.title = t)),
    setStacked: chain(() => (spec.options.isStacked = true)),
    setColors: chain((c: string[]) => (spec.options.colors = [...c])),
    setLegendPosition: chain((p: unknown) => (spec.options['legend.position'] = String(p).toLowerCase())),
    setXAxisTitle: chain((t: string) => (spec.options['hAxis.title'] = t)),
    setYAxisTitle: chain((t: string) => (spec.options['vAxis.title'] = t)),
    set3D: chain(() => (spec.options.is3D = true)),
    setDimensions: chain((w: number, h: number) => {
      spec.options.width = w;
      spec.options.height = h;
    }),
    build: () => {
      if (!spec.type) throw new Error('Chart type is required.');
      return newChart(ctx, sheet, { ...spec, ranges: [...spec.ranges], options: { ...spec.options } });
    },
  };
  self = ctx.wrap(b, 'EmbeddedChartBuilder');
  return self as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
}
