import { Badge, Card, Group, List, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatLegalDate } from '../../format/formats';
import type { DecisionReplay, DecisionWhatIf } from './decision-types';
import { STATUS_COLOURS } from './status-colours';

function Facts({ rows }: { readonly rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <Table variant="vertical" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SideCard({ title, badge, children }: { title: string; badge: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {title}
          </Title>
          {badge}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** The replay: the recorded decision re-evaluated on the policy as known then, its chains and proofs. */
export function ReplaySide({ replay }: { readonly replay: DecisionReplay }) {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const verdict = replay.differences.verdict;
  return (
    <SideCard
      title={t('decisions.replayTitle')}
      badge={
        <Badge miw="max-content" color={replay.matches ? STATUS_COLOURS.good : 'red.9'} data-testid="replay-verdict">
          {t(replay.matches ? 'decisions.matches' : 'decisions.doesNotMatch')}
        </Badge>
      }
    >
      <Facts
        rows={[
          [t('decisions.outcome'), t(`decisions.decided.${replay.outcome}`)],
          [t('decisions.validOn'), formatLegalDate(replay.validOn, language)],
          [t('decisions.knownAt'), formatInstant(replay.knownAt, language)],
          [t('decisions.recordedVerdict'), t(`decisions.verdicts.${verdict.before.verdict}`)],
          [t('decisions.replayedVerdict'), t(`decisions.verdicts.${verdict.after.verdict}`)],
          [t('decisions.chains'), t(replay.integrity.ok ? 'decisions.chainsHold' : 'decisions.chainsBroken')],
          [t('decisions.proofs'), `${t(`decisions.proofStatus.${replay.proofs.status}`)} — ${replay.proofs.detail}`],
        ]}
      />
      <List size="sm">
        {replay.findings.map((finding) => (
          <List.Item key={finding}>{finding}</List.Item>
        ))}
      </List>
    </SideCard>
  );
}

/** The what-if: the recorded inputs at another legal date or knowledge time. */
export function WhatIfSide({ whatIf }: { readonly whatIf: DecisionWhatIf }) {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <SideCard
      title={t('decisions.whatIfTitle')}
      badge={
        <Badge
          miw="max-content"
          color={whatIf.changed ? STATUS_COLOURS.warning : STATUS_COLOURS.good}
          data-testid="what-if-verdict"
        >
          {t(whatIf.changed ? 'decisions.changed' : 'decisions.unchanged')}
        </Badge>
      }
    >
      <Facts
        rows={[
          [t('decisions.validOn'), formatLegalDate(whatIf.whatIf.validOn, language)],
          [t('decisions.knownAt'), formatInstant(whatIf.whatIf.knownAt, language)],
          [t('decisions.recordedVerdict'), t(`decisions.verdicts.${whatIf.recorded.verdict}`)],
          [t('decisions.whatIfVerdict'), t(`decisions.verdicts.${whatIf.whatIf.verdict}`)],
          [t('decisions.chains'), t(whatIf.integrity.ok ? 'decisions.chainsHold' : 'decisions.chainsBroken')],
        ]}
      />
      <List size="sm">
        {whatIf.findings.map((finding) => (
          <List.Item key={finding}>{finding}</List.Item>
        ))}
      </List>
    </SideCard>
  );
}
