import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import PageTitle from '../../components/PageTitle';
import { useMe } from '../../hooks/MeContext';
import { useI18n } from '../../i18n';

function Status({ ok, on, off }: { ok: boolean; on: string; off: string }) {
  return (
    <Space>
      {ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ExclamationCircleTwoTone twoToneColor="#faad14" />}
      {ok ? on : off}
    </Space>
  );
}

/** Account information: identifiers and bound contacts, plus a security summary. */
export default function Overview() {
  const { t, formatTime } = useI18n();
  const { me } = useMe();
  const navigate = useNavigate();
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;

  const items = [
    { key: 'id', label: t('account.id'), children: <Typography.Text copyable className="gh-mono">{me.account.id}</Typography.Text> },
    { key: 'email', label: t('account.email'), children: me.account.email },
    { key: 'phone', label: t('account.phone'), children: me.contacts.phone ?? none },
    { key: 'securityEmail', label: t('account.securityEmail'), children: me.contacts.securityEmail ?? none },
  ];
  const realName = me.account.realNameStatus;
  if (realName) {
    const text = realName === 'verified' ? t('account.realName.verified')
      : realName === 'unverified' ? t('account.realName.unverified')
      : realName === 'pending' ? t('account.realName.pending') : realName;
    items.push({ key: 'realName', label: t('account.realName'), children: <>{text}</> });
  }
  if (me.account.createdAt) {
    items.push({ key: 'created', label: t('account.createdAt'), children: <>{formatTime(me.account.createdAt)}</> });
  }

  const s = me.security;
  return (
    <>
      <PageTitle title={t('nav.account')} />
      <Card title={t('account.basics')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      </Card>
      <Card title={t('account.securitySummary')}
        extra={<Button type="link" onClick={() => navigate('/security')}>{t('account.manageSecurity')}</Button>}>
        <Flex vertical gap={8}>
          <Status ok={s.loginProtection.enabled} on={t('protection.login.on')} off={t('protection.login.off')} />
          <Status ok={s.operationProtection.enabled} on={t('protection.operation.on')} off={t('protection.operation.off')} />
          <Status ok={s.remoteLoginProtection.enabled} on={t('protection.remote.on')} off={t('protection.remote.off')} />
          <Status ok={me.mfa.length > 0} on={t('account.mfaCount', { count: me.mfa.length })} off={t('account.noMfa')} />
          <Status ok={!!me.contacts.phone} on={t('account.phoneBound')} off={t('account.phoneUnbound')} />
        </Flex>
      </Card>
    </>
  );
}
