import { Alert, Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportNotMe } from '../../api/auth';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';

/**
 * Target of the "this wasn't me" link in security notices (`/not-me/<token>`). Nothing happens
 * on page load (mail scanners open links); the owner confirms with a button.
 */
export default function NotMe() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await reportNotMe(token);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result status="success" title={t('notMe.done')} subTitle={t('notMe.doneDetail')}
        extra={<Link to="/forgot-password"><Button type="primary">{t('reset.title')}</Button></Link>} />
    );
  }
  return (
    <>
      <PageTitle title={t('notMe.title')} />
      <Typography.Paragraph>{t('notMe.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('notMe.effects')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} />
      <Button type="primary" danger block size="large" loading={busy} onClick={confirm}>{t('notMe.confirm')}</Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>{t('notMe.wasMe')}</Typography.Paragraph>
    </>
  );
}
