import type { FourPropertyId } from '../../catalogue/types.js';
import { FOUR_PROPERTIES } from '../../stages.js';
import { PROPERTY_LABELS, type ReportLang, STATUS_LABELS } from '../labels.js';
import { CHECK_STATUSES, type CheckStatus, type StatusCounts } from '../types.js';
import { escapeHtmlText } from './escape-html.js';

/** Fill of each status in the chart: a colour, and a pattern where colours alone could merge in grey. */
interface StatusFill {
  readonly colour: string;
  /** Pattern drawn over the colour (SVG markup in a 8×8 tile), or none. */
  readonly overlay?: string;
}

const FILLS: Readonly<Record<CheckStatus, StatusFill>> = {
  pass: { colour: '#81c784' },
  fail: { colour: '#b71c1c' },
  warning: {
    colour: '#ffca28',
    overlay: '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#5d4037" stroke-width="1.6"/>',
  },
  manual: {
    colour: '#90caf9',
    overlay: '<circle cx="2" cy="2" r="1.3" fill="#0d47a1"/><circle cx="6" cy="6" r="1.3" fill="#0d47a1"/>',
  },
  'not-applicable': {
    colour: '#eeeeee',
    overlay: '<path d="M0,4 h8" stroke="#9e9e9e" stroke-width="1"/>',
  },
  error: {
    colour: '#6a1b9a',
    overlay: '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" stroke-width="1.2"/>',
  },
};

function fillOf(status: CheckStatus): string {
  return FILLS[status].overlay === undefined ? FILLS[status].colour : `url(#dangan-pattern-${status})`;
}

function defs(): string {
  let out = '<defs>';
  for (const status of CHECK_STATUSES) {
    const fill = FILLS[status];
    if (fill.overlay === undefined) continue;
    out += `<pattern id="dangan-pattern-${status}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${fill.colour}"/>${fill.overlay}</pattern>`;
  }
  return `${out}</defs>`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';

/**
 * An inline SVG of item statuses per property (各性质检测结论分布): one horizontal stacked bar per property,
 * all on one scale (the largest property's item count), each status a colour and, where colours could
 * merge in a grey print, a pattern; counts written on segments wide enough, and a legend with the status
 * words. No scripts, no external references.
 *
 * @example
 * const svg = renderStatusChart(report.summary.byProperty, 'zh');
 */
export function renderStatusChart(
  byProperty: Readonly<Record<FourPropertyId, StatusCounts>>,
  lang: ReportLang,
): string {
  const labelWidth = lang === 'zh' ? 64 : 96;
  const barX = labelWidth + 8;
  const barWidth = 470;
  const rowHeight = 30;
  const barHeight = 20;
  const top = 8;
  const width = barX + barWidth + 84;
  const totals = FOUR_PROPERTIES.map((p) => CHECK_STATUSES.reduce((n, s) => n + byProperty[p.id][s], 0));
  const scale = barWidth / Math.max(1, ...totals);
  const legendTop = top + rowHeight * FOUR_PROPERTIES.length + 14;
  const legend: { status: CheckStatus; x: number; y: number }[] = [];
  let lx = barX;
  let ly = legendTop;
  for (const status of CHECK_STATUSES) {
    const entryWidth = 18 + STATUS_LABELS[status][lang].length * (lang === 'zh' ? 12 : 6.8) + 14;
    if (lx > barX && lx + entryWidth > width) {
      lx = barX;
      ly += 20;
    }
    legend.push({ status, x: lx, y: ly });
    lx += entryWidth;
  }
  const height = ly + 22;
  const title = lang === 'zh' ? '各性质检测结论分布' : 'Item statuses by property';
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="dangan-chart-title" font-size="12"><title id="dangan-chart-title">${title}</title>${defs()}`;
  FOUR_PROPERTIES.forEach((p, row) => {
    const y = top + row * rowHeight;
    const name = PROPERTY_LABELS[p.id][lang];
    out += `<text x="${labelWidth}" y="${y + barHeight / 2 + 4}" text-anchor="end" font-weight="bold">${name}</text>`;
    out += `<rect x="${barX}" y="${y}" width="${round(barWidth)}" height="${barHeight}" fill="none" stroke="#cccccc" stroke-dasharray="2,2"/>`;
    let x = barX;
    for (const status of CHECK_STATUSES) {
      const count = byProperty[p.id][status];
      if (count === 0) continue;
      const w = count * scale;
      const label = `${name} · ${STATUS_LABELS[status][lang]}${lang === 'zh' ? '：' : ': '}${count}`;
      out += `<rect x="${round(x)}" y="${y}" width="${round(w)}" height="${barHeight}" fill="${fillOf(status)}" stroke="#000000" stroke-width="0.6"><title>${escapeHtmlText(label)}</title></rect>`;
      if (w >= 18) {
        out += `<text x="${round(x + w / 2)}" y="${y + barHeight / 2 + 4}" text-anchor="middle" font-weight="bold" ${HALO}>${count}</text>`;
      }
      x += w;
    }
    const total = totals[row] ?? 0;
    let totalText: string;
    if (lang === 'zh') totalText = total === 0 ? '无检测项' : `共 ${total} 项`;
    else totalText = total === 0 ? 'no items' : `${total} item${total === 1 ? '' : 's'}`;
    out += `<text x="${round(barX + barWidth + 8)}" y="${y + barHeight / 2 + 4}">${totalText}</text>`;
  });
  for (const { status, x: ex, y: ey } of legend) {
    out += `<rect x="${round(ex)}" y="${ey}" width="14" height="14" fill="${fillOf(status)}" stroke="#000000" stroke-width="0.6"/>`;
    out += `<text x="${round(ex + 18)}" y="${ey + 11}">${STATUS_LABELS[status][lang]}</text>`;
  }
  return `${out}</svg>`;
}
