import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLegalDate } from '../../format/formats';
import { type Band, dateDomain, DRAWN_STATES, legalDateToUtc, STATE_COLOURS } from './timeline-bands';

/** Room for the longest measure name at 12px: CJK characters are about twice as wide as Latin ones. */
function labelMargin(labels: readonly string[], language: string): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.min(360, Math.max(120, longest * (language.startsWith('zh') ? 13 : 7.2) + 16));
}

/** Month ticks as Chinese readers write them: 2026年1月 at a year's start, 4月 within it. */
function chineseMonth(date: Date): string {
  const month = date.getUTCMonth() + 1;
  return month === 1 ? `${date.getUTCFullYear()}年1月` : `${month}月`;
}

interface TimelineChartProps {
  readonly bands: readonly Band[];
  /** Measure ids in drawing order, and each one's label. */
  readonly measureLabels: ReadonlyMap<string, string>;
  readonly today: string;
}

/**
 * Each measure on a legal-date axis, one bar per band coloured by state.
 * Every bar carries a title (read by tooltips and the tests); the table
 * below says the same for screen readers.
 */
export function TimelineChart({ bands, measureLabels, today }: TimelineChartProps) {
  const { t, i18n } = useTranslation('policy');
  const language = i18n.resolvedLanguage ?? 'en';
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const [start, end] = dateDomain(bands, today);
    const labelOf = (measureId: string) => measureLabels.get(measureId) ?? measureId;
    const stateLabel = (status: string) => t(`states.${status}` as 'states.in_force');
    const bars = bands.map((band) => ({
      measure: labelOf(band.measureId),
      state: stateLabel(band.status),
      x1: band.from === null ? start : new Date(Math.max(start.getTime(), legalDateToUtc(band.from).getTime())),
      x2: band.until === null ? end : legalDateToUtc(band.until),
      title: t('timeline.bandTitle', {
        measure: labelOf(band.measureId),
        state: stateLabel(band.status),
        from: band.from === null ? '…' : formatLegalDate(band.from, language),
        until: band.until === null ? t('timeline.openEnded') : formatLegalDate(band.until, language),
      }),
    }));
    // A suspension's last day is the point of the picture: mark where each one ends.
    const suspensionEnds = bars.filter((bar, index) => bands[index]!.status === 'suspended' && bands[index]!.until);
    const chart = Plot.plot({
      width: 1000,
      height: 60 + measureLabels.size * 30,
      marginLeft: labelMargin([...measureLabels.values()], language),
      marginBottom: 50,
      marginRight: 20,
      marginTop: 30,
      style: { fontSize: '12px' },
      x: {
        type: 'utc',
        domain: [start, end],
        grid: true,
        label: t('timeline.dateAxis'),
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 42,
        ...(language.startsWith('zh') ? { tickFormat: chineseMonth } : {}),
      },
      y: { domain: [...measureLabels.keys()].map(labelOf), label: null },
      color: {
        type: 'ordinal',
        domain: DRAWN_STATES.map(stateLabel),
        range: DRAWN_STATES.map((state) => STATE_COLOURS[state]),
        legend: true,
      },
      marks: [
        Plot.barX(bars, { x1: 'x1', x2: 'x2', y: 'measure', fill: 'state', title: 'title', inset: 3 }),
        Plot.ruleX([legalDateToUtc(today)], { stroke: '#212529', strokeDasharray: '4,3' }),
        Plot.text([legalDateToUtc(today)], {
          x: (d: Date) => d,
          frameAnchor: 'top',
          dy: -6,
          text: () => t('timeline.today'),
        }),
        Plot.tickX(suspensionEnds, { x: 'x2', y: 'measure', stroke: '#212529', strokeWidth: 2 }),
      ],
    });
    // The table below is the accessible form: the picture is one image to assistive technology,
    // and Plot's labels on its inner groups (not allowed on a role-less <g>) go.
    for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', t('timeline.chartLabel'));
    container.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [bands, measureLabels, today, t, language]);

  return <div ref={container} data-testid="rule-timeline-chart" />;
}
