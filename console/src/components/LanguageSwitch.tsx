import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { LOCALES, useI18n, type Locale } from '../i18n';

export default function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Select<Locale>
      aria-label={t('lang.label')}
      value={locale}
      onChange={setLocale}
      options={LOCALES}
      variant="borderless"
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
    />
  );
}
