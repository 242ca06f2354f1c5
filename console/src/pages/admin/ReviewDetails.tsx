import { Alert, Descriptions, Typography } from 'antd';
import type { ReviewItem } from '../../api/types';
import { useI18n } from '../../i18n';
import { fieldLabel, fieldValue } from './fieldLabel';

const HIDDEN = new Set(['id', 'status', 'createdAt']);

/** Every field of a review item not already in the table; a real-name mismatch stands out. */
export default function ReviewDetails({ item, skip }: { item: ReviewItem; skip: string[] }) {
  const { t } = useI18n();
  const rest = Object.entries(item).filter(([k]) => !HIDDEN.has(k) && !skip.includes(k));
  const check = item.check as { status?: string } | undefined;
  return (
    <>
      {check?.status === 'mismatch' && (
        <Alert type="error" showIcon title={t('admin.mismatchTitle')} description={fieldValue('check', item.check, t)} style={{ marginBottom: 8 }} />
      )}
      <Descriptions size="small" column={1} bordered items={rest.map(([k, v]) => ({
        key: k, label: fieldLabel(k, t),
        children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{fieldValue(k, v, t)}</Typography.Text>,
      }))} />
    </>
  );
}
