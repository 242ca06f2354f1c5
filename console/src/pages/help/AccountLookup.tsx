import { Button, Empty, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { lookupAccountsByPhone, sendCode } from '../../api/auth';
import type { LookupResponse } from '../../api/types';
import CodeField from '../../components/CodeField';
import ErrorAlert from '../../components/ErrorAlert';
import PageTitle from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useFormSubmit } from '../../hooks/useFormSubmit';

interface Values { phone: string; code: string }
const normalise = (p: unknown) => String(p ?? '').replace(/[\s-]/g, '');

/** "Which accounts use this phone?": nothing is shown before the code is proven. */
export default function AccountLookup() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<LookupResponse | null>(null);

  const { busy, error, submit } = useFormSubmit(form, async (v: Values) => {
    setResult(await lookupAccountsByPhone({ phone: normalise(v.phone), code: v.code.trim() }));
  });

  return (
    <>
      <PageTitle title={t('lookup.title')} intro={t('lookup.intro')} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <ErrorAlert error={error} />
        <Form.Item name="phone" label={t('phone.label')} extra={t('phone.hint')}
          rules={[{ required: true, whitespace: true, message: t('phone.required') }]}>
          <Input inputMode="tel" autoComplete="tel" autoFocus />
        </Form.Item>
        <CodeField
          validateBeforeSend={() => form.validateFields(['phone']).then(() => true, () => false)}
          onSend={() => sendCode({ channel: 'sms', to: normalise(form.getFieldValue('phone')), purpose: 'verify' })}
        />
        <Button type="primary" htmlType="submit" loading={busy}>{t('lookup.submit')}</Button>
      </Form>
      {result && (
        <section aria-live="polite" style={{ marginTop: 24 }}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>{t('lookup.result')}</Typography.Title>
          {result.accounts.length === 0 ? (
            <Empty description={t('lookup.none')} />
          ) : (
            <List
              bordered
              dataSource={result.accounts}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta title={<span className="gh-mono">{t('lookup.accountId', { id: a.id })}</span>} description={a.maskedEmail} />
                </List.Item>
              )}
            />
          )}
        </section>
      )}
    </>
  );
}
