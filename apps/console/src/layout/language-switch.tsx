import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 中文 / English; i18next remembers the choice in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage?.startsWith('zh') ? 'zh' : 'en';
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="xs"
      value={current}
      onChange={(language) => void i18n.changeLanguage(language)}
      data={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
