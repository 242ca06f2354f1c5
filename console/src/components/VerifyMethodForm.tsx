// Second factor entry shared by the sign-in second step (customer and operator) and the
// step-up dialog of protected operations: choose a method, then a code or a security key.
import { KeyOutlined } from '@ant-design/icons';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { Button, Form, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { VerifyMethod, VerifyProof } from '../api/types';
import { useI18n } from '../i18n';
import ErrorAlert from './ErrorAlert';
import { METHOD_HINT, METHOD_LABEL } from './methods';
import CodeField from './CodeField';

export interface VerifyMethodFormProps {
  methods: VerifyMethod[];
  sendCode: (method: VerifyMethod) => Promise<void>;
  webauthnOptions: () => Promise<unknown>;
  /** Completes the verification; throw an ApiError to show it. */
  submit: (method: VerifyMethod, proof: VerifyProof) => Promise<void>;
  submitLabel?: string;
  extra?: React.ReactNode;
}

const KNOWN: VerifyMethod[] = ['totp', 'webauthn', 'hardware_token', 'sms', 'email', 'recovery_code'];

export default function VerifyMethodForm(props: VerifyMethodFormProps) {
  const { t } = useI18n();
  const methods = props.methods.filter((m) => KNOWN.includes(m));
  const [method, setMethod] = useState<VerifyMethod | undefined>(methods[0]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const run = async (proof: () => Promise<VerifyProof>) => {
    if (!method) return;
    setBusy(true);
    setError(null);
    try {
      await props.submit(method, await proof());
    } catch (err) {
      setError(err);
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  const verifyWithKey = () =>
    run(async () => {
      const optionsJSON = (await props.webauthnOptions()) as PublicKeyCredentialRequestOptionsJSON;
      return { assertion: await startAuthentication({ optionsJSON }) };
    });

  if (!method) return <ErrorAlert error={new Error(t('verify.noMethods'))} />;
  const isCode = method !== 'webauthn';
  const numeric = method !== 'recovery_code';

  return (
    <div>
      {methods.length > 1 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text id="gh-verify-method-label">{t('verify.chooseMethod')}</Typography.Text>
          <Radio.Group
            aria-labelledby="gh-verify-method-label"
            value={method}
            onChange={(e) => { setMethod(e.target.value as VerifyMethod); setError(null); }}
            optionType="button"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
            options={methods.map((m) => ({ value: m, label: t(METHOD_LABEL[m]) }))}
          />
        </div>
      )}
      <Typography.Paragraph type="secondary">{t(METHOD_HINT[method])}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {isCode ? (
        <Form form={form} layout="vertical" onFinish={(v) => run(async () => ({ code: v.code.trim() }))} requiredMark={false}>
          <CodeField
            key={method}
            numeric={numeric}
            autoFocus
            onSend={method === 'sms' || method === 'email' ? () => props.sendCode(method) : undefined}
          />
          <Button type="primary" htmlType="submit" block loading={busy}>
            {props.submitLabel ?? t('verify.submit')}
          </Button>
        </Form>
      ) : (
        <Button type="primary" icon={<KeyOutlined />} block loading={busy} onClick={verifyWithKey} autoFocus>
          {t('verify.useSecurityKey')}
        </Button>
      )}
      {props.extra}
    </div>
  );
}
