import { LockOutlined, MailOutlined, PhoneOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import PageTitle from '../../components/PageTitle';
import { useMe } from '../../hooks/MeContext';
import { useI18n } from '../../i18n';
import EmailModal from './EmailModal';
import MfaSection from './MfaSection';
import PasswordModal from './PasswordModal';
import PhoneModal from './PhoneModal';
import ProtectionSection from './ProtectionSection';
import RecoveryCodes from './RecoveryCodes';
import SettingRow from './SettingRow';

type Dialog = 'password' | 'phone' | 'accountEmail' | 'securityEmail' | null;

/** Security Settings: credentials and contacts, MFA, recovery codes, protections. */
export default function SecurityPage() {
  const { t } = useI18n();
  const { me, reload } = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = () => void reload();
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;

  return (
    <>
      <PageTitle title={t('nav.security')} intro={t('security.intro')} />
      <Card title={t('security.credentials')} style={{ marginBottom: 16 }}>
        <SettingRow icon={<LockOutlined />} label={t('security.password.label')} value="••••••••"
          description={t('security.password.desc')}
          action={<Button onClick={() => setDialog('password')}>{t('common.change')}</Button>} />
        <SettingRow icon={<PhoneOutlined />} label={t('account.phone')} value={me.contacts.phone ?? none}
          description={t('security.phone.desc')}
          action={<Button onClick={() => setDialog('phone')}>{me.contacts.phone ? t('common.change') : t('common.bind')}</Button>} />
        <SettingRow icon={<MailOutlined />} label={t('account.email')} value={me.account.email}
          description={t('security.accountEmail.desc')}
          action={<Button onClick={() => setDialog('accountEmail')}>{t('common.change')}</Button>} />
        <SettingRow icon={<SafetyOutlined />} label={t('account.securityEmail')} value={me.contacts.securityEmail ?? none}
          description={t('security.securityEmail.desc')}
          action={<Button onClick={() => setDialog('securityEmail')}>{me.contacts.securityEmail ? t('common.change') : t('common.set')}</Button>} />
        <RecoveryCodes />
      </Card>
      <MfaSection />
      <ProtectionSection />
      <PasswordModal open={dialog === 'password'} onClose={close} />
      <PhoneModal open={dialog === 'phone'} onClose={close} onDone={done} bound={!!me.contacts.phone} />
      <EmailModal kind="account" open={dialog === 'accountEmail'} onClose={close} onDone={done} />
      <EmailModal kind="security" open={dialog === 'securityEmail'} onClose={close} onDone={done} />
    </>
  );
}
