import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { listDeliveries, type DeliveryQuery } from '../../api/admin';
import type { Delivery } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import ResponsiveTable from '../../components/ResponsiveTable';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';

const STATUS_COLOR: Record<string, string> = { sent: 'green', stored: 'green', queued: 'blue', sending: 'blue', failed: 'red' };
const PAGE = 100;

/** Delivery log: every SMS / email / inbox message, its attempts and the provider's answers. */
export default function AdminDeliveries() {
  const { t, formatTime } = useI18n();
  const [filters, setFilters] = useState<DeliveryQuery>({});
  const list = useAsync(() => listDeliveries({ ...filters, limit: PAGE }), [JSON.stringify(filters)]);

  return (
    <>
      <PageTitle title={t('admin.nav.deliveries')} extra={<Button onClick={() => void list.reload()}>{t('common.refresh')}</Button>} />
      <Form<DeliveryQuery> layout="inline" style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => setFilters({ to: v.to?.trim() || undefined, channel: v.channel || undefined, status: v.status || undefined })}>
        <Form.Item name="to" label={t('admin.deliveries.to')}><Input allowClear style={{ width: 200 }} /></Form.Item>
        <Form.Item name="channel" label={t('admin.deliveries.channel')}>
          <Select allowClear style={{ width: 120 }} options={['sms', 'email', 'inbox'].map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="status" label={t('admin.status')}>
          <Select allowClear style={{ width: 130 }} options={['queued', 'sending', 'sent', 'failed', 'stored'].map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <ResponsiveTable<Delivery>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.messages ?? []}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (d) => !!d.deliveryAttempts?.length,
          expandedRowRender: (d) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {d.deliveryAttempts?.map((a) => (
                <li key={a.attempt}>
                  #{a.attempt} {formatTime(a.at)} · {a.provider ?? '—'} · {a.ok ? t('result.success') : <Typography.Text type="danger">{a.reason ?? t('result.failure')}</Typography.Text>}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('common.time'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          { title: t('admin.deliveries.channel'), dataIndex: 'channel', render: (c: string) => <Tag>{c}</Tag> },
          { title: t('admin.deliveries.to'), dataIndex: 'to', render: (v: string) => <span className="gh-mono">{v}</span> },
          { title: t('admin.deliveries.template'), dataIndex: 'template', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('admin.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s] ?? 'default'}>{s}</Tag> },
          { title: t('admin.deliveries.attempts'), dataIndex: 'attempts', render: (v?: number) => v ?? '—' },
          { title: t('admin.deliveries.sentAt'), dataIndex: 'sentAt', render: (v?: string | null) => formatTime(v) },
          { title: t('admin.deliveries.error'), dataIndex: 'lastError', render: (v?: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
        ]}
      />
    </>
  );
}
