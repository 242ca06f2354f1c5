// The second step of a sign-in (202 verification_required), for customers and operators.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { SignInApi } from '../api/auth';
import { isApiError } from '../api/client';
import type { SecondStepRequired, SignInSuccess } from '../api/types';
import { useI18n } from '../i18n';
import VerifyMethodForm from './VerifyMethodForm';

interface Props {
  api: SignInApi;
  challenge: SecondStepRequired;
  onSuccess: (res: SignInSuccess) => void;
  /** Back to the first step; `expired` when the ticket ran out. */
  onBack: (expired: boolean) => void;
}

export default function SecondStep({ api, challenge, onSuccess, onBack }: Props) {
  const { t } = useI18n();
  const reason =
    challenge.reason === 'remote_login_protection' ? t('signin.reason.remote')
    : challenge.reason === 'login_protection' ? t('signin.reason.login')
    : t('signin.reason.other');
  return (
    <div>
      <Alert type="info" role="status" showIcon title={reason} style={{ marginBottom: 16 }} />
      <VerifyMethodForm
        methods={challenge.methods}
        sendCode={(method) => api.sendSecondStepCode(challenge.ticket, method)}
        webauthnOptions={() => api.webauthnOptions(challenge.ticket)}
        submitLabel={t('signin.submit')}
        submit={async (method, proof) => {
          try {
            onSuccess(await api.verify(challenge.ticket, method, proof));
          } catch (err) {
            if (isApiError(err, 'ticket_expired')) onBack(true);
            throw err;
          }
        }}
        extra={
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => onBack(false)} style={{ paddingInline: 0, marginTop: 12 }}>
            {t('signin.back')}
          </Button>
        }
      />
    </div>
  );
}
