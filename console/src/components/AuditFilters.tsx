import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../i18n';

export interface AuditFilterValues {
  from?: string;
  to?: string;
  event?: string;
  sensitive?: boolean;
  accountId?: string;
}

interface FormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  event?: string;
  sensitive?: 'all' | 'yes' | 'no';
  accountId?: string;
}

/** Time range, event name and sensitivity (and account for operators). */
export default function AuditFilters({ onChange, withAccount, withSensitive = true, withRange = true }: {
  onChange: (v: AuditFilterValues) => void; withAccount?: boolean; withSensitive?: boolean; withRange?: boolean;
}) {
  const { t } = useI18n();
  const submit = (v: FormValues) => {
    onChange({
      from: v.range?.[0]?.toISOString(),
      to: v.range?.[1]?.toISOString(),
      event: v.event?.trim() || undefined,
      sensitive: v.sensitive === 'yes' ? true : v.sensitive === 'no' ? false : undefined,
      accountId: v.accountId?.trim() || undefined,
    });
  };
  return (
    <Form<FormValues> layout="inline" onFinish={submit} initialValues={{ sensitive: 'all' }}
      style={{ marginBottom: 16, rowGap: 8 }}>
      {withAccount && (
        <Form.Item name="accountId" label={t('admin.accountId')}><Input allowClear style={{ width: 160 }} /></Form.Item>
      )}
      {withRange && (
        // The date-and-time range is ~500 px wide: let it shrink to a phone's width.
        <Form.Item name="range" label={t('audit.range')} style={{ maxWidth: '100%' }}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ maxWidth: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="event" label={t('audit.event')}>
        <Input allowClear placeholder={t('audit.eventPlaceholder')} style={{ width: 180 }} />
      </Form.Item>
      {withSensitive && (
        <Form.Item name="sensitive" label={t('audit.sensitive')}>
          <Select style={{ width: 120 }} options={[
            { value: 'all', label: t('common.all') },
            { value: 'yes', label: t('audit.onlySensitive') },
            { value: 'no', label: t('audit.notSensitive') },
          ]} />
        </Form.Item>
      )}
      <Form.Item><Button type="primary" htmlType="submit">{t('common.search')}</Button></Form.Item>
    </Form>
  );
}
