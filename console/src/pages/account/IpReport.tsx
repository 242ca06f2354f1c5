import { Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { reportIpLocation } from '../../api/me';
import type { IpLocationReportRequest } from '../../api/types';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useFormSubmit } from '../../hooks/useFormSubmit';

/** Report an IP whose location looks wrong; operators review it and correct the lookup. */
export default function IpReport() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<IpLocationReportRequest>();
  const [done, setDone] = useState<string | null>(null);

  const { busy, error, submit } = useFormSubmit(form, async (v: IpLocationReportRequest) => {
    const res = await reportIpLocation({ ...v, ip: v.ip.trim(), note: v.note?.trim() || undefined });
    setDone(res.report.id);
  });

  if (done) {
    return (
      <Result status="success" title={t('ipReport.done')} subTitle={t('ipReport.doneDetail', { id: done })}
        extra={<Button onClick={() => navigate('/logins')}>{t('nav.logins')}</Button>} />
    );
  }

  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <>
      <PageTitle title={t('nav.ipReport')} intro={t('ipReport.intro')} />
      <Form<IpLocationReportRequest>
        form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}
        initialValues={{
          ip: params.get('ip') ?? '', country: params.get('country') ?? '',
          region: params.get('region') ?? '', city: params.get('city') ?? '',
        }}
      >
        <ErrorAlert error={error} />
        <Form.Item name="ip" label={t('common.ip')} rules={required(t('ipReport.ipRequired'))}>
          <Input className="gh-mono" />
        </Form.Item>
        <Form.Item name="country" label={t('ipReport.country')} rules={required(t('common.required'))}><Input /></Form.Item>
        <Form.Item name="region" label={t('ipReport.region')} rules={required(t('common.required'))}><Input /></Form.Item>
        <Form.Item name="city" label={t('ipReport.city')} rules={required(t('common.required'))}><Input /></Form.Item>
        <Form.Item name="note" label={t('ipReport.note')}><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('common.submit')}</Button>
      </Form>
    </>
  );
}
