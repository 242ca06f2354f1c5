import { Divider, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { customerSignIn } from '../../api/auth';
import SecondStep from '../../components/SecondStep';
import PageTitle from '../../components/PageTitle';
import ErrorAlert from '../../components/ErrorAlert';
import { useSignInFlow } from '../../hooks/useSignInFlow';
import { useI18n } from '../../i18n';
import CodeSignInForm from './CodeSignInForm';
import PasswordSignInForm from './PasswordSignInForm';
import { safeNext } from './safeNext';

export default function SignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tab, setTab] = useState('password');
  const flow = useSignInFlow(customerSignIn, () => navigate(safeNext(params.get('next'), '/'), { replace: true }));
  const [expired, setExpired] = useState(false);

  if (flow.challenge) {
    return (
      <>
        <PageTitle title={t('signin.secondStepTitle')} />
        <SecondStep
          api={customerSignIn}
          challenge={flow.challenge}
          onSuccess={() => navigate(safeNext(params.get('next'), '/'), { replace: true })}
          onBack={(wasExpired) => { setExpired(wasExpired); flow.backToFirstStep(); }}
        />
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('signin.title')} />
      {expired && <ErrorAlert error={new Error(t('signin.ticketExpired'))} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => { setTab(k); flow.setError(null); }}
        items={[
          { key: 'password', label: t('signin.tab.password'), children: <PasswordSignInForm flow={flow} initialIdentifier={params.get('identifier') ?? ''} /> },
          { key: 'code', label: t('signin.tab.code'), children: <CodeSignInForm flow={flow} /> },
        ]}
      />
      <Divider plain style={{ margin: '8px 0 16px' }} />
      <Typography.Paragraph style={{ textAlign: 'center', marginBottom: 0 }}>
        {t('signin.noAccount')} <Link to="/signup">{t('signin.toSignUp')}</Link>
      </Typography.Paragraph>
    </>
  );
}
