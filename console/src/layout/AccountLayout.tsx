import {
  AuditOutlined, BellOutlined, HistoryOutlined, LaptopOutlined, LogoutOutlined,
  QuestionCircleOutlined, SafetyCertificateOutlined, UserOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Result, Spin, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { getMe, listMessages, signOutHere } from '../api/me';
import LanguageSwitch from '../components/LanguageSwitch';
import { useAsync } from '../hooks/useAsync';
import { MESSAGES_CHANGED, MeProvider } from '../hooks/MeContext';
import { useIsMobile } from '../hooks/useIsMobile';
import { useI18n } from '../i18n';
import { errorMessage } from '../util/errors';
import Shell, { type NavItem } from './Shell';

const UNREAD_POLL_MS = 60_000;

const SECTIONS = ['/security', '/sessions', '/logins', '/messages', '/audit', '/ip-report'];

export default function AccountLayout() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useAsync(getMe);
  const [unread, setUnread] = useState(0);

  const refreshUnread = useCallback(() => {
    listMessages(1)
      .then(({ messages, unread: count }) => setUnread(count ?? messages.filter((m) => !m.readAt).length))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!me.data) return;
    refreshUnread();
    const timer = window.setInterval(refreshUnread, UNREAD_POLL_MS);
    window.addEventListener(MESSAGES_CHANGED, refreshUnread);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(MESSAGES_CHANGED, refreshUnread);
    };
  }, [me.data, refreshUnread]);

  const items: NavItem[] = useMemo(() => [
    { key: '/', icon: <UserOutlined />, label: t('nav.account') },
    { key: '/security', icon: <SafetyCertificateOutlined />, label: t('nav.security') },
    { key: '/sessions', icon: <LaptopOutlined />, label: t('nav.sessions') },
    { key: '/logins', icon: <HistoryOutlined />, label: t('nav.logins') },
    { key: '/messages', icon: <BellOutlined />, label: <Badge count={unread} size="small" offset={[12, 0]}>{t('nav.messages')}</Badge> },
    { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
    {
      key: 'help', icon: <QuestionCircleOutlined />, label: t('nav.help'),
      children: [
        { key: '/help/code-not-received', label: t('nav.codeNotReceived') },
        { key: '/ip-report', label: t('nav.ipReport') },
        { key: '/help/account-lookup', label: t('nav.accountLookup') },
        { key: '/help/lost-mfa', label: t('nav.lostMfa') },
        { key: '/help/phone-change', label: t('nav.phoneChange') },
      ],
    },
  ], [t, unread]);

  if (me.loading && !me.data) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!me.data) {
    return (
      <Result status="warning" title={errorMessage(me.error, t)}
        extra={<Button onClick={() => void me.reload()}>{t('common.retry')}</Button>} />
    );
  }

  const signOut = async () => {
    try {
      await signOutHere();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
    navigate('/signin', { replace: true });
  };

  const headerRight = (
    <>
      <Tooltip title={t('nav.messages')}>
        <Button type="text" aria-label={t('header.unread', { count: unread })} onClick={() => navigate('/messages')}
          icon={<Badge count={unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
      </Tooltip>
      <LanguageSwitch />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'id', label: t('header.accountId', { id: me.data.account.id }), disabled: true },
            { type: 'divider' },
            { key: 'signout', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={t('header.accountMenu')}>
          {!mobile && <span style={{ maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.data.account.email}</span>}
        </Button>
      </Dropdown>
    </>
  );

  return (
    <MeProvider value={{ me: me.data, reload: me.reload, unread, refreshUnread }}>
      <Shell
        title={t('app.accountCentreShort')}
        home="/"
        items={items}
        headerRight={headerRight}
        selectedKey={(path) => SECTIONS.find((s) => path.startsWith(s)) ?? (path.startsWith('/help') ? path : '/')}
      />
    </MeProvider>
  );
}
