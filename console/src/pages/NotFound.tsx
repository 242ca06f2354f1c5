import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result status="404" title="404" subTitle={t('notFound.text')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('notFound.home')}</Button>} />
  );
}
