import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, LicenseStatus } from './case-views';

// Filled badges in shades dark enough for white text to pass WCAG AA (axe checks every page).
const APPLICATION_COLOURS: Record<ApplicationStatus, string> = {
  drafted: 'gray.7',
  submitted: 'blue.9',
  accepted: 'indigo.8',
  under_review: 'violet.8',
  reviewed: 'grape.8',
  approved: 'teal.9',
  rejected: 'red.9',
  withdrawn: 'gray.7',
  deadline_missed: 'red.9',
};

const LICENSE_COLOURS: Record<LicenseStatus, string> = {
  not_yet_valid: 'blue.9',
  active: 'teal.9',
  suspended: 'grape.8',
  exhausted: 'gray.7',
  revoked: 'red.9',
  expired: 'gray.7',
};

export function ApplicationStatusBadge({ status }: { readonly status: ApplicationStatus }) {
  const { t } = useTranslation('officer');
  return (
    <Badge variant="filled" color={APPLICATION_COLOURS[status]} data-status={status}>
      {t(`applicationStatus.${status}`)}
    </Badge>
  );
}

export function LicenseStatusBadge({ status }: { readonly status: LicenseStatus }) {
  const { t } = useTranslation('officer');
  return (
    <Badge variant="filled" color={LICENSE_COLOURS[status]} data-status={status}>
      {t(`licenseStatus.${status}`)}
    </Badge>
  );
}
