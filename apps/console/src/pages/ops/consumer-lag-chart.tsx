import * as Plot from '@observablehq/plot';
import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_TIME_ZONE, zoneLabel } from '../../format/formats';
import type { LagSample } from './use-consumer-lag';

/** Each consumer's lag over the window, one line per consumer, times in China Standard Time. */
export function ConsumerLagChart({ samples }: { readonly samples: readonly LagSample[] }) {
  const { t, i18n } = useTranslation('ops');
  const language = i18n.resolvedLanguage ?? 'en';
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const clock = new Intl.DateTimeFormat(language.startsWith('zh') ? 'zh-CN' : 'en-GB', {
      timeZone: LEGAL_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const chart = Plot.plot({
      ariaLabel: t('consumers.chartLabel'),
      ariaDescription: t('consumers.chartDescription'),
      width: holder.current?.clientWidth || 800,
      height: 280,
      marginLeft: 56,
      style: { fontSize: '12px', color: '#212529' },
      x: {
        type: 'time',
        label: t('consumers.time', { zone: zoneLabel(language) }),
        tickFormat: (d: Date) => clock.format(d),
      },
      // A log with no lag still gets a readable axis (a [0, 0] domain has no ticks).
      y: {
        label: t('consumers.lagAxis'),
        grid: true,
        domain: [0, Math.max(10, ...samples.map((s) => s.lagEvents))],
        nice: true,
      },
      color: { legend: true, scheme: 'dark2' },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(samples, { x: 'at', y: 'lagEvents', stroke: 'consumer', strokeWidth: 2 }),
        Plot.dot(samples, Plot.selectLast({ x: 'at', y: 'lagEvents', fill: 'consumer', z: 'consumer' })),
      ],
    });
    // Plot names each mark's <g> with aria-label, which a group without a role may not carry (axe):
    // the name moves to a data attribute; the chart as a whole keeps its label and description.
    for (const group of chart.querySelectorAll('g[aria-label]')) {
      group.setAttribute('data-mark', group.getAttribute('aria-label') ?? '');
      group.removeAttribute('aria-label');
    }
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [samples, language, t]);

  return <Box ref={holder} data-testid="consumer-lag-chart" />;
}
