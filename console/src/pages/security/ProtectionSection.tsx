import { App, Card, Select, Switch } from 'antd';
import { useState } from 'react';
import { isApiError, STEP_UP_CANCELLED } from '../../api/client';
import { updateSecurity } from '../../api/me';
import type { SecurityPatch, VerifyMethod } from '../../api/types';
import { METHOD_LABEL } from '../../components/methods';
import { useMe } from '../../hooks/MeContext';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../util/errors';
import SettingRow from './SettingRow';

type Key = 'loginProtection' | 'operationProtection' | 'remoteLoginProtection';

/** Login, operation and remote-login protection (changing them may itself need a step-up). */
export default function ProtectionSection() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me, reload } = useMe();
  const [busy, setBusy] = useState<Key | null>(null);
  const s = me.security;

  const available: VerifyMethod[] = [
    ...(me.mfa.some((d) => d.type === 'totp') ? ['totp' as const] : []),
    ...(me.mfa.some((d) => d.type === 'webauthn') ? ['webauthn' as const] : []),
    ...(me.mfa.some((d) => d.type === 'hardware_token') ? ['hardware_token' as const] : []),
    ...(me.contacts.phone ? ['sms' as const] : []),
    'email' as const,
  ];

  const save = async (key: Key, patch: SecurityPatch) => {
    setBusy(key);
    try {
      await updateSecurity(patch);
      message.success(t('common.saved'));
    } catch (err) {
      if (!isApiError(err, STEP_UP_CANCELLED)) message.error(errorMessage(err, t));
    } finally {
      await reload();
      setBusy(null);
    }
  };

  const methodsSelect = (key: 'loginProtection' | 'operationProtection') => {
    const current = s[key].methods ?? [];
    const options = [...new Set([...available, ...current])].map((m) => ({ value: m, label: t(METHOD_LABEL[m]) }));
    return (
      <Select<VerifyMethod[]>
        mode="multiple"
        aria-label={t('protection.methods')}
        placeholder={t('protection.methods')}
        value={current}
        options={options}
        disabled={!s[key].enabled || busy === key}
        onChange={(methods) => void save(key, { [key]: { enabled: s[key].enabled, methods } })}
        style={{ minWidth: 220, maxWidth: '100%' }}
      />
    );
  };

  const toggle = (key: Key) => (
    <Switch
      aria-label={t(`protection.${key}` as const)}
      checked={s[key].enabled}
      loading={busy === key}
      onChange={(enabled) => void save(key, key === 'remoteLoginProtection'
        ? { remoteLoginProtection: { enabled } }
        : { [key]: { enabled, methods: s[key].methods } })}
    />
  );

  return (
    <Card title={t('protection.title')} style={{ marginBottom: 16 }}>
      <SettingRow label={t('protection.loginProtection')} description={t('protection.login.desc')}
        action={<>{methodsSelect('loginProtection')}{toggle('loginProtection')}</>} />
      <SettingRow label={t('protection.operationProtection')} description={t('protection.operation.desc')}
        action={<>{methodsSelect('operationProtection')}{toggle('operationProtection')}</>} />
      <SettingRow label={t('protection.remoteLoginProtection')} description={t('protection.remote.desc')}
        action={toggle('remoteLoginProtection')} />
    </Card>
  );
}
