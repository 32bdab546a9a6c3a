/**
 * Badge and alert colours of the auditor's and ops pages with white text at
 * WCAG AA for small text (≥ 4.5:1): Mantine's green.9 (4.4:1) and orange.9
 * (4.3:1) fall just short, so good and warning get darker shades of their own.
 */
export const STATUS_COLOURS = {
  good: '#1e6b2e',
  warning: '#a23b0a',
  bad: 'red.9',
  neutral: 'gray.8',
  busy: 'blue.9',
} as const;
