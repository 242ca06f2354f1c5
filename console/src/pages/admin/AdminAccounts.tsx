import { LockOutlined, LogoutOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { findAccounts, forceSignOut, lockAccount, unlockAccount, type AccountSearch } from '../../api/admin';
import type { AdminAccount } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import FormModal from '../../components/FormModal';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';

type Field = keyof AccountSearch;

/** Look an account up by ID, email or phone; lock, unlock, force sign-out. */
export default function AdminAccounts() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const [field, setField] = useState<Field>('email');
  const [query, setQuery] = useState<AccountSearch | null>(null);
  const [accounts, setAccounts] = useState<AdminAccount[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'lock' | 'unlock' | 'signout'; account: AdminAccount } | null>(null);

  const search = async (q: AccountSearch | null = query) => {
    if (!q) return;
    setBusy(true);
    setError(null);
    try {
      setAccounts((await findAccounts(q)).accounts);
    } catch (err) {
      setError(err);
      setAccounts(null);
    } finally {
      setBusy(false);
    }
  };

  const submit = (value: string) => {
    const v = field === 'phone' ? value.replace(/[\s-]/g, '') : value.trim();
    if (!v) return;
    const q = { [field]: v } as AccountSearch;
    setQuery(q);
    void search(q);
  };

  /** Locked by an operator, or password sign-in locked after wrong passwords. */
  const locked = (a: AdminAccount) =>
    !!a.lock?.manual || (!!a.lock?.passwordLockedUntil && new Date(a.lock.passwordLockedUntil).getTime() > Date.now());

  const ACTIONS = { lock: lockAccount, unlock: unlockAccount, signout: forceSignOut } as const;
  const TITLES = { lock: t('admin.accounts.lock'), unlock: t('admin.accounts.unlock'), signout: t('admin.accounts.forceSignOut') };

  return (
    <>
      <PageTitle title={t('admin.nav.accounts')} />
      <Space.Compact style={{ width: '100%', maxWidth: 560, marginBottom: 16 }}>
        <Select<Field> value={field} onChange={setField} aria-label={t('admin.accounts.searchBy')} style={{ width: 110 }}
          options={[
            { value: 'id', label: t('admin.accounts.byId') },
            { value: 'email', label: t('admin.accounts.byEmail') },
            { value: 'phone', label: t('admin.accounts.byPhone') },
          ]} />
        <Input.Search enterButton={t('common.search')} loading={busy} onSearch={submit} allowClear
          aria-label={t('admin.accounts.searchBy')} />
      </Space.Compact>
      <ErrorAlert error={error} />
      {accounts && accounts.length === 0 && <Empty description={t('admin.accounts.none')} />}
      {accounts?.map((a) => (
        <Card key={a.id} style={{ marginBottom: 16 }}
          title={<Space wrap><span className="gh-mono">{a.id}</span>{locked(a) ? <Tag color="red">{t('admin.accounts.locked')}</Tag> : <Tag color="green">{t('admin.accounts.active')}</Tag>}</Space>}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'email', label: t('account.email'), children: a.email },
            { key: 'phone', label: t('account.phone'), children: a.phone ?? '—' },
            { key: 'semail', label: t('account.securityEmail'), children: a.securityEmail ?? '—' },
            { key: 'created', label: t('account.createdAt'), children: formatTime(a.createdAt) },
            { key: 'last', label: t('admin.accounts.lastLogin'), children: formatTime(a.lastSignInAt ?? null) },
            { key: 'sessions', label: t('admin.accounts.activeSessions'), children: a.activeSessions ?? '—' },
            { key: 'failures', label: t('admin.accounts.recentFailures'), children: a.lock?.recentFailures ?? '—' },
            ...(a.lock?.manual ? [{ key: 'manual', label: t('admin.accounts.lockReason'), children: `${a.lock.manual} (${formatTime(a.lock.lockedAt)})` }] : []),
            ...(a.lock?.passwordLockedUntil ? [{ key: 'pw', label: t('admin.accounts.passwordLockedUntil'), children: formatTime(a.lock.passwordLockedUntil) }] : []),
          ]} />
          <Space wrap style={{ marginTop: 12 }}>
            {locked(a)
              ? <Button icon={<UnlockOutlined />} onClick={() => setDialog({ kind: 'unlock', account: a })}>{t('admin.accounts.unlock')}</Button>
              : <Button danger icon={<LockOutlined />} onClick={() => setDialog({ kind: 'lock', account: a })}>{t('admin.accounts.lock')}</Button>}
            <Button icon={<LogoutOutlined />} onClick={() => setDialog({ kind: 'signout', account: a })}>{t('admin.accounts.forceSignOut')}</Button>
          </Space>
        </Card>
      ))}
      <FormModal<{ reason: string }>
        open={!!dialog}
        title={dialog ? `${TITLES[dialog.kind]} · ${dialog.account.id}` : ''}
        okText={t('common.confirm')}
        onClose={() => setDialog(null)}
        onSubmit={async ({ reason }) => {
          if (!dialog) return;
          await ACTIONS[dialog.kind](dialog.account.id, reason.trim());
          message.success(dialog.kind === 'signout' ? t('admin.accounts.signedOut') : t('common.saved'));
          void search();
        }}
      >
        {() => (
          <Form.Item name="reason" label={t('admin.reason')} rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
