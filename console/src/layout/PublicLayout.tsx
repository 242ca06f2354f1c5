// Frame for pages used without a session: sign-in, sign-up, password reset and the
// self-service help pages. `wide` gives forms with more fields more room.
import { Card, Flex, Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import LanguageSwitch from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import Logo from './Logo';

export default function PublicLayout({ wide, admin }: { wide?: boolean; admin?: boolean }) {
  const { t } = useI18n();
  const title = admin ? t('app.operatorConsole') : t('app.accountCentre');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}>
        <Flex align="center" justify="space-between" style={{ height: '100%', maxWidth: 1200, margin: '0 auto' }}>
          <Link to={admin ? '/admin' : '/'} aria-label={title}><Logo title={title} /></Link>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" style={{ padding: '24px 12px' }}>
        <Card style={{ maxWidth: wide ? 720 : 440, margin: '0 auto' }} styles={{ body: { padding: 24 } }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
            <Outlet />
          </Suspense>
        </Card>
        {!admin && (
          <Flex justify="center" wrap gap={16} style={{ marginTop: 24 }}>
            <Link to="/help/code-not-received">{t('nav.codeNotReceived')}</Link>
            <Link to="/help/account-lookup">{t('nav.accountLookup')}</Link>
            <Link to="/help/lost-mfa">{t('nav.lostMfa')}</Link>
            <Link to="/help/phone-change">{t('nav.phoneChange')}</Link>
          </Flex>
        )}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
          {t('app.footer')}
        </Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}
