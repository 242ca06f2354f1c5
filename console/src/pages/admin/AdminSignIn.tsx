import { useNavigate, useSearchParams } from 'react-router';
import { operatorSignIn } from '../../api/auth';
import PageTitle from '../../components/PageTitle';
import SecondStep from '../../components/SecondStep';
import { useSignInFlow } from '../../hooks/useSignInFlow';
import { useI18n } from '../../i18n';
import { safeNext } from '../auth/safeNext';
import PasswordSignInForm from '../auth/PasswordSignInForm';

/** Operators sign in separately (cookie gh_admin_session), with the same captcha and lock rules. */
export default function AdminSignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const done = () => navigate(safeNext(params.get('next'), '/admin'), { replace: true });
  // The operator endpoint takes `email`; the shared form collects it as `identifier`.
  const api = {
    ...operatorSignIn,
    signIn: (body: Parameters<typeof operatorSignIn.signIn>[0]) => {
      const { identifier, ...rest } = body as { identifier: string; password: string; captcha?: string };
      return operatorSignIn.signIn({ ...rest, email: identifier });
    },
  };
  const flow = useSignInFlow(api, done);

  return (
    <>
      <PageTitle title={flow.challenge ? t('signin.secondStepTitle') : t('admin.signin.title')} />
      {flow.challenge ? (
        <SecondStep api={operatorSignIn} challenge={flow.challenge} onSuccess={done} onBack={() => flow.backToFirstStep()} />
      ) : (
        <PasswordSignInForm flow={flow} forgotLink={false} identifierLabel={t('admin.signin.email')} />
      )}
    </>
  );
}
