import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { listSessions, revokeAllSessions, revokeSession } from '../../api/me';
import type { SessionInfo } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import ResponsiveTable from '../../components/ResponsiveTable';
import { useAsync } from '../../hooks/useAsync';
import { useIsMobile } from '../../hooks/useIsMobile';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { describeUserAgent, formatLocation } from '../../util/format';

export default function Sessions() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const sessions = useAsync(listSessions);

  const revoke = async (s: SessionInfo) => {
    try {
      await revokeSession(s.id);
      if (s.current) return navigate('/signin', { replace: true });
      message.success(t('sessions.revoked'));
      await sessions.reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const revokeAll = async () => {
    try {
      await revokeAllSessions();
      navigate('/signin', { replace: true });
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <>
      <PageTitle
        title={t('nav.sessions')}
        intro={t('sessions.intro')}
        extra={
          <Popconfirm title={t('sessions.revokeAllConfirm')} onConfirm={revokeAll} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button danger icon={<LogoutOutlined />}>{t('sessions.revokeAll')}</Button>
          </Popconfirm>
        }
      />
      <ErrorAlert error={sessions.error} />
      <ResponsiveTable<SessionInfo>
        rowKey="id"
        loading={sessions.loading}
        dataSource={sessions.data?.sessions ?? []}
        pagination={false}
        size={mobile ? 'small' : 'middle'}
        columns={[
          {
            title: t('sessions.device'), key: 'device',
            render: (_, s) => (
              <>
                <Typography.Text>{describeUserAgent(s.userAgent)}</Typography.Text>{' '}
                {s.current && <Tag color="blue">{t('sessions.current')}</Tag>}
              </>
            ),
          },
          { title: t('common.ip'), dataIndex: 'ip', render: (ip: string) => <span className="gh-mono">{ip}</span> },
          { title: t('common.location'), key: 'loc', render: (_, s) => formatLocation(s.location) },
          { title: t('sessions.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatTime(v) },
          {
            title: t('common.actions'), key: 'actions', fixed: mobile ? undefined : 'right',
            render: (_, s) => (
              <Popconfirm
                title={s.current ? t('sessions.revokeCurrentConfirm') : t('sessions.revokeConfirm')}
                onConfirm={() => revoke(s)} okText={t('common.confirm')} cancelText={t('common.cancel')}
              >
                <Button type="link" danger style={{ paddingInline: 0 }}>{s.current ? t('header.signOut') : t('sessions.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
