import { Empty, Image, Modal, Space, Spin, Typography } from 'antd';
import { getReviewItem, type ReviewQueue } from '../../api/admin';
import type { ReviewItem } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../i18n';

interface Picture { label: string; src: string }

/** Pictures from a detail response: `documents[{kind, contentType, data}]` or a data: URL licence. */
function picturesOf(detail: Record<string, unknown> | undefined): Picture[] {
  if (!detail) return [];
  const out: Picture[] = [];
  if (Array.isArray(detail.documents)) {
    for (const d of detail.documents as { kind?: string; contentType?: string; data?: string }[]) {
      if (d.data) out.push({ label: d.kind ?? '', src: d.data.startsWith('data:') ? d.data : `data:${d.contentType ?? 'image/jpeg'};base64,${d.data}` });
    }
  }
  if (typeof detail.businessLicence === 'string' && detail.businessLicence.startsWith('data:')) {
    out.push({ label: 'business_license', src: detail.businessLicence });
  }
  return out;
}

/** Opens one item (the server audits the viewing) and shows its images. */
export default function AttachmentsModal({ queue, item, onClose }: { queue: ReviewQueue; item: ReviewItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useAsync(() => (item ? getReviewItem(queue, item.id) : Promise.resolve(undefined)), [item?.id]);
  const pictures = picturesOf(detail.data);
  return (
    <Modal open={!!item} title={t('admin.documents')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('admin.documentsAudited')}</Typography.Paragraph>
      <ErrorAlert error={detail.error} />
      {detail.loading ? <Spin style={{ display: 'block', margin: '32px auto' }} /> : pictures.length === 0 ? <Empty /> : (
        <Image.PreviewGroup>
          <Space wrap size={16}>
            {pictures.map((p, i) => (
              <figure key={i} style={{ margin: 0 }}>
                <Image src={p.src} width={200} alt={p.label} />
                <figcaption style={{ fontSize: 12, color: '#888' }}>{p.label}</figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Modal>
  );
}
