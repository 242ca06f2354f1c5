import { AuditOutlined, LogoutOutlined, SendOutlined, SolutionOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Result, Spin, Tag } from 'antd';
import { createContext, useContext, useMemo } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { getOperator } from '../api/admin';
import { operatorSignOut } from '../api/auth';
import { ApiError } from '../api/client';
import type { Operator } from '../api/types';
import LanguageSwitch from '../components/LanguageSwitch';
import { useAsync } from '../hooks/useAsync';
import { useIsMobile } from '../hooks/useIsMobile';
import { useI18n } from '../i18n';
import { errorMessage } from '../util/errors';
import Shell, { type NavItem } from './Shell';

const OperatorContext = createContext<Operator | null>(null);
export const useOperator = () => useContext(OperatorContext);

export default function AdminLayout() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const op = useAsync(getOperator);

  const items: NavItem[] = useMemo(() => [
    { key: '/admin', icon: <TeamOutlined />, label: t('admin.nav.accounts') },
    {
      key: 'reviews', icon: <SolutionOutlined />, label: t('admin.nav.reviews'),
      children: [
        { key: '/admin/reviews/phone-changes', label: t('admin.queue.phone-changes') },
        { key: '/admin/reviews/mfa-unbinding', label: t('admin.queue.mfa-unbinding') },
        { key: '/admin/reviews/ip-location-reports', label: t('admin.queue.ip-location-reports') },
      ],
    },
    { key: '/admin/deliveries', icon: <SendOutlined />, label: t('admin.nav.deliveries') },
    { key: '/admin/audit', icon: <AuditOutlined />, label: t('admin.nav.audit') },
  ], [t]);

  if (op.loading && !op.data) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (op.error instanceof ApiError && op.error.status === 401) {
    return <Navigate to={`/admin/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!op.data) {
    return <Result status="warning" title={errorMessage(op.error, t)}
      extra={<Button onClick={() => void op.reload()}>{t('common.retry')}</Button>} />;
  }
  const operator = op.data.operator;

  const signOut = async () => {
    try {
      await operatorSignOut();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
    navigate('/admin/signin', { replace: true });
  };

  const headerRight = (
    <>
      <LanguageSwitch />
      <Dropdown trigger={['click']} menu={{
        items: [
          { key: 'role', disabled: true, label: <>{operator.name ? `${operator.name} ` : ''}<Tag>{operator.role}</Tag></> },
          { type: 'divider' },
          { key: 'out', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void signOut() },
        ],
      }}>
        <Button type="text" icon={<UserOutlined />} aria-label={t('header.accountMenu')}>
          {!mobile && operator.email}
        </Button>
      </Dropdown>
    </>
  );

  return (
    <OperatorContext.Provider value={operator}>
      <Shell
        title={t('app.operatorConsoleShort')}
        home="/admin"
        items={items}
        headerRight={headerRight}
        selectedKey={(p) => (p === '/admin' || p === '/admin/' ? '/admin' : p)}
      />
    </OperatorContext.Provider>
  );
}
