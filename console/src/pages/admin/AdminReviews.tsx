import { App, Button, Form, Input, Result, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { decideReviewItem, listReviewItems, REVIEW_QUEUES, type ReviewQueueId } from '../../api/admin';
import type { ReviewItem } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import FormModal from '../../components/FormModal';
import PageTitle from '../../components/PageTitle';
import ResponsiveTable from '../../components/ResponsiveTable';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';
import AttachmentsModal from './AttachmentsModal';
import { fieldLabel, fieldValue, statusLabel } from './fieldLabel';
import ReviewDetails from './ReviewDetails';

const STATUS_COLOR: Record<string, string> = {
  pending: 'gold', approved: 'green', accepted: 'green', completed: 'green', rejected: 'red', cancelled: 'default',
};

/** One review queue (phone change by documents, MFA unbinding, IP-location reports). */
export default function AdminReviews() {
  const { t, formatTime } = useI18n();
  const { message } = App.useApp();
  const { queue: queueId } = useParams();
  const queue = REVIEW_QUEUES[queueId as ReviewQueueId];
  const [status, setStatus] = useState('pending');
  const items = useAsync(() => (queue ? listReviewItems(queue, status) : Promise.resolve([])), [queueId, status]);
  const [decision, setDecision] = useState<{ item: ReviewItem; kind: 'approve' | 'reject' } | null>(null);
  const [attachments, setAttachments] = useState<ReviewItem | null>(null);

  if (!queue) return <Result status="404" title="404" />;
  const needsReason = decision?.kind === 'reject' || queue.approve.withReason;

  return (
    <>
      <PageTitle title={t(`admin.queue.${queue.id}`)} extra={<Button onClick={() => void items.reload()}>{t('common.refresh')}</Button>} />
      <Segmented value={status} onChange={(v) => setStatus(String(v))} style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        options={[...queue.statuses.map((s) => ({ value: s, label: statusLabel(s, t) })), { value: 'all', label: t('common.all') }]} />
      <ErrorAlert error={items.error} />
      <ResponsiveTable<ReviewItem>
        rowKey="id"
        loading={items.loading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (item) => <ReviewDetails item={item} skip={queue.columns} /> }}
        columns={[
          { title: t('common.time'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          ...queue.columns.map((c) => ({
            title: fieldLabel(c, t), key: c,
            render: (_: unknown, item: ReviewItem) => <Typography.Text>{fieldValue(c, item[c], t)}</Typography.Text>,
          })),
          {
            title: t('admin.status'), key: 'status',
            render: (_: unknown, item: ReviewItem) => <Tag color={STATUS_COLOR[item.status] ?? 'default'}>{statusLabel(item.status, t)}</Tag>,
          },
          {
            title: t('common.actions'), key: 'actions',
            render: (_: unknown, item: ReviewItem) => (
              <Space wrap>
                {queue.hasAttachments && (
                  <Button size="small" onClick={() => setAttachments(item)}>{t('admin.documents')}</Button>
                )}
                {item.status === 'pending' && (
                  <>
                    <Button type="primary" size="small" onClick={() => setDecision({ item, kind: 'approve' })}>{t('admin.approve')}</Button>
                    <Button danger size="small" onClick={() => setDecision({ item, kind: 'reject' })}>{t('admin.reject')}</Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AttachmentsModal queue={queue} item={attachments} onClose={() => setAttachments(null)} />
      <FormModal<{ reason?: string }>
        open={!!decision}
        title={decision?.kind === 'approve' ? t('admin.approveTitle') : t('admin.rejectTitle')}
        okText={decision?.kind === 'approve' ? t('admin.approve') : t('admin.reject')}
        onClose={() => setDecision(null)}
        onSubmit={async ({ reason }) => {
          if (!decision) return;
          await decideReviewItem(queue, decision.item.id, decision.kind, reason?.trim() ?? '');
          message.success(t('common.saved'));
          void items.reload();
        }}
      >
        {() => needsReason ? (
          <Form.Item name="reason" label={t('admin.reason')} rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        ) : (
          <Typography.Paragraph>{t('admin.approveConfirm', { id: decision?.item.id ?? '' })}</Typography.Paragraph>
        )}
      </FormModal>
    </>
  );
}
