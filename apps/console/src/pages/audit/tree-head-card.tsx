import { Alert, Badge, Button, Card, Code, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { isAllowed } from '@licensing/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ProblemError } from '../../api/client';
import { useSession } from '../../auth/require-session';
import { formatInstant, formatNumber } from '../../format/formats';
import type { LogPublicKey, SignedTreeHead } from './audit-types';
import { keyIdOf, treeHeadSignatureHolds } from './log-proofs';
import { STATUS_COLOURS } from './status-colours';

/** The head's signature checked here, with the published key, not taken on the service's word. */
async function checkedHead(): Promise<{ head: SignedTreeHead | null; signatureHolds: boolean; keyMatches: boolean }> {
  const key = await api<LogPublicKey>('/audit/public-key');
  let head: SignedTreeHead;
  try {
    head = await api<SignedTreeHead>('/audit/tree-heads/latest');
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404)
      return { head: null, signatureHolds: false, keyMatches: false };
    throw error;
  }
  const keyMatches = (await keyIdOf(key.publicKeyPem)) === head.keyId;
  return { head, keyMatches, signatureHolds: keyMatches && (await treeHeadSignatureHolds(head, key.publicKeyPem)) };
}

/** The latest signed tree head: size, root, signature, when; and a button to sign one now. */
export function TreeHeadCard() {
  const { t, i18n } = useTranslation('audit');
  const language = i18n.resolvedLanguage ?? 'en';
  const { role } = useSession();
  const queries = useQueryClient();
  const latest = useQuery({ queryKey: ['tree-head-latest'], queryFn: checkedHead });
  const sign = useMutation({
    mutationFn: () => api<SignedTreeHead>('/audit/tree-heads', { method: 'POST' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tree-head-latest'] }),
  });

  const head = latest.data?.head;
  const signatureHolds = latest.data?.signatureHolds ?? false;
  return (
    <Card withBorder component="section" aria-labelledby="tree-head-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} id="tree-head-title" size="h3">
            {t('verification.headTitle')}
          </Title>
          {isAllowed('SignTreeHead', role) && (
            <Button variant="default" onClick={() => sign.mutate()} loading={sign.isPending}>
              {t('verification.signNow')}
            </Button>
          )}
        </Group>
        {(latest.isError || sign.isError) && (
          <Alert role="alert" color="red.9" title={t('problem')}>
            {(latest.error ?? sign.error)?.message}
          </Alert>
        )}
        {latest.isPending && <Loader aria-label={t('loading')} />}
        {latest.data && head === null && <Alert color="gray.8">{t('verification.noHead')}</Alert>}
        {head && (
          <Table variant="vertical" withTableBorder data-testid="tree-head">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('verification.treeSize')}</Table.Th>
                <Table.Td>{formatNumber(head.treeSize, language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verification.rootHash')}</Table.Th>
                <Table.Td>
                  <Code>{head.rootHash}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verification.signedAt')}</Table.Th>
                <Table.Td>{formatInstant(head.timestamp, language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verification.signature')}</Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    <Code style={{ wordBreak: 'break-all' }}>{head.signature}</Code>
                    <Group gap="xs">
                      <Badge miw="max-content" color={signatureHolds ? STATUS_COLOURS.good : 'red.9'}>
                        {t(signatureHolds ? 'verification.signatureHolds' : 'verification.signatureFails')}
                      </Badge>
                      <Code>{t('verification.keyId', { keyId: head.keyId.slice(0, 16) })}</Code>
                    </Group>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
