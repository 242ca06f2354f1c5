import { App, Button, Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { listMessages, markMessageRead } from '../../api/me';
import type { InboxMessage } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import { MESSAGES_CHANGED } from '../../hooks/MeContext';
import { errorMessage } from '../../util/errors';

const SIGN_IN_NOTICES = new Set(['remote_login', 'long_interval_login']);

/** The in-app message centre: the same notices as SMS and email. */
export default function Messages() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const messages = useAsync(listMessages);
  const list = messages.data?.messages ?? [];
  const unread = list.filter((m) => !m.readAt);

  const markRead = async (ids: string[]) => {
    if (!ids.length || !messages.data) return;
    try {
      await Promise.all(ids.map((id) => markMessageRead(id)));
      const now = new Date().toISOString();
      messages.setData({ messages: list.map((m) => (ids.includes(m.id) ? { ...m, readAt: m.readAt ?? now } : m)) });
      window.dispatchEvent(new Event(MESSAGES_CHANGED));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const body = (m: InboxMessage) => (
    <>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }}>{m.text}</Typography.Paragraph>
      {SIGN_IN_NOTICES.has(m.template) && (
        <Space wrap>
          <Typography.Text type="secondary">{t('messages.notYou')}</Typography.Text>
          <Button size="small" onClick={() => navigate('/logins')}>{t('messages.reviewLogins')}</Button>
          <Button size="small" onClick={() => navigate('/security')}>{t('messages.changePassword')}</Button>
          <Button size="small" danger onClick={() => navigate('/sessions')}>{t('messages.signOutAll')}</Button>
        </Space>
      )}
    </>
  );

  return (
    <>
      <PageTitle
        title={t('nav.messages')}
        extra={
          <Space wrap>
            <Button onClick={() => void messages.reload()}>{t('common.refresh')}</Button>
            <Button disabled={!unread.length} onClick={() => void markRead(unread.map((m) => m.id))}>
              {t('messages.markAllRead')}
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={messages.error} />
      {!messages.loading && !list.length && <Empty description={t('messages.empty')} />}
      {list.length > 0 && (
        <Collapse
          accordion={false}
          onChange={(keys) => {
            const open = Array.isArray(keys) ? keys : [keys];
            void markRead(list.filter((m) => !m.readAt && open.includes(m.id)).map((m) => m.id));
          }}
          items={list.map((m) => ({
            key: m.id,
            label: (
              <Flex justify="space-between" wrap gap={8}>
                <span className={m.readAt ? undefined : 'gh-unread'}>
                  {!m.readAt && <Tag color="blue">{t('messages.unread')}</Tag>}
                  {m.subject}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(m.createdAt)}</Typography.Text>
              </Flex>
            ),
            children: body(m),
          }))}
        />
      )}
    </>
  );
}
