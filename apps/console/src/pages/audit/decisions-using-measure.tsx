import { Alert, Anchor, Loader, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatInstant, formatLegalDate } from '../../format/formats';
import { decisionPage, type DecisionSubject } from './decision-subject';
import type { DecisionsUsingMeasure, DecisionUsingMeasure } from './decision-types';
import { CursorPager, useCursorPages } from '../../paging/cursor-pager';

const PAGE_SIZE = 50;

/** Every decision that evaluated the measure, each a link to its replay. */
const subjectOfRow = (row: DecisionUsingMeasure): DecisionSubject =>
  row.licenseId && row.amendmentRequestId
    ? { kind: 'amendment', licenseId: row.licenseId, amendmentRequestId: row.amendmentRequestId }
    : { kind: 'application', applicationId: row.applicationId };

/** The first and last instant of legal dates (China Standard Time), as the API's UTC instants. */
const startOf = (date: string) => (date === '' ? undefined : new Date(`${date}T00:00:00+08:00`).toISOString());
const endOf = (date: string) => (date === '' ? undefined : new Date(`${date}T23:59:59.999+08:00`).toISOString());

interface Props {
  readonly measureId: string;
  /** Legal dates, inclusive; empty: unbounded. */
  readonly from: string;
  readonly to: string;
}

export function DecisionsUsingMeasureTable({ measureId, from, to }: Props) {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const pages = useCursorPages(JSON.stringify([measureId, from, to]));
  const found = useQuery({
    queryKey: ['decisions-using-measure', measureId, from, to, pages.cursor],
    // Newest first, a page at a time: a measure may have decided a hundred thousand cases.
    queryFn: ({ signal }) =>
      api<DecisionsUsingMeasure>('/audit/decisions', {
        query: {
          measureId,
          from: startOf(from),
          to: endOf(to),
          sort: '-position',
          limit: PAGE_SIZE,
          cursor: pages.cursor,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  if (found.isPending) return <Loader aria-label={t('loading')} mt="md" />;
  if (found.isError)
    return (
      <Alert role="alert" color="red.9" title={t('problem')} mt="md">
        {found.error.message}
      </Alert>
    );
  if (found.data.decisions.length === 0) return <Text mt="md">{t('decisions.noneUsing', { measureId })}</Text>;
  const { decisions, nextCursor } = found.data;
  return (
    <Table.ScrollContainer minWidth={800} mt="md">
      <Table striped>
        <Table.Caption c="gray.9">{t('decisions.usingCaption', { measureId })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('decisions.applicationId')}</Table.Th>
            <Table.Th>{t('decisions.exporter')}</Table.Th>
            <Table.Th>{t('decisions.outcome')}</Table.Th>
            <Table.Th>{t('decisions.version')}</Table.Th>
            <Table.Th>{t('decisions.statusOnDate')}</Table.Th>
            <Table.Th>{t('decisions.validOn')}</Table.Th>
            <Table.Th>{t('decisions.decidedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((decision) => (
            <Table.Tr key={`${decision.applicationId}/${decision.amendmentRequestId ?? ''}`}>
              <Table.Td>
                <Anchor component={Link} to={decisionPage(subjectOfRow(decision))}>
                  {decision.amendmentRequestId
                    ? t('decisions.amendmentOf', {
                        amendmentRequestId: decision.amendmentRequestId,
                        licenseId: decision.licenseId,
                      })
                    : decision.applicationId}
                </Anchor>
              </Table.Td>
              <Table.Td>{decision.exporterId}</Table.Td>
              <Table.Td>{t(`decisions.decided.${decision.outcome}`)}</Table.Td>
              <Table.Td>{decision.version}</Table.Td>
              <Table.Td>
                {t(`decisions.statuses.${decision.status}`)}
                {decision.applies ? '' : ` (${t('decisions.doesNotApply')})`}
              </Table.Td>
              <Table.Td>{formatLegalDate(decision.validOn, language)}</Table.Td>
              <Table.Td>{formatInstant(decision.decidedAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CursorPager page={pages.page} nextCursor={nextCursor} onNext={pages.next} onPrevious={pages.previous} />
    </Table.ScrollContainer>
  );
}
