// Every page is its own lazily loaded chunk; the first load carries only the layouts'
// shared code and the page being opened.
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

const PublicLayout = lazy(() => import('./layout/PublicLayout'));
const AccountLayout = lazy(() => import('./layout/AccountLayout'));
const AdminLayout = lazy(() => import('./layout/AdminLayout'));

const SignIn = lazy(() => import('./pages/auth/SignIn'));
const SignUp = lazy(() => import('./pages/auth/SignUp'));
const ForgotPassword = lazy(() => import('./pages/auth/ForgotPassword'));

const Overview = lazy(() => import('./pages/account/Overview'));
const Security = lazy(() => import('./pages/security/SecurityPage'));
const Sessions = lazy(() => import('./pages/account/Sessions'));
const Logins = lazy(() => import('./pages/account/Logins'));
const Messages = lazy(() => import('./pages/account/Messages'));
const Audit = lazy(() => import('./pages/account/Audit'));
const IpReport = lazy(() => import('./pages/account/IpReport'));

const CodeNotReceived = lazy(() => import('./pages/help/CodeNotReceived'));
const AccountLookup = lazy(() => import('./pages/help/AccountLookup'));
const LostMfa = lazy(() => import('./pages/help/LostMfa'));
const PhoneChange = lazy(() => import('./pages/help/PhoneChange'));
const NotMe = lazy(() => import('./pages/help/NotMe'));

const AdminSignIn = lazy(() => import('./pages/admin/AdminSignIn'));
const AdminAccounts = lazy(() => import('./pages/admin/AdminAccounts'));
const AdminReviews = lazy(() => import('./pages/admin/AdminReviews'));
const AdminDeliveries = lazy(() => import('./pages/admin/AdminDeliveries'));
const AdminAudit = lazy(() => import('./pages/admin/AdminAudit'));

const NotFound = lazy(() => import('./pages/NotFound'));

export default function AppRoutes() {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="signin" element={<SignIn />} />
        <Route path="signup" element={<SignUp />} />
        <Route path="forgot-password" element={<ForgotPassword />} />
        <Route path="not-me/:token" element={<NotMe />} />
      </Route>
      <Route element={<PublicLayout wide />}>
        <Route path="help/code-not-received" element={<CodeNotReceived />} />
        <Route path="help/account-lookup" element={<AccountLookup />} />
        <Route path="help/lost-mfa" element={<LostMfa />} />
        <Route path="help/phone-change" element={<PhoneChange />} />
      </Route>
      <Route element={<AccountLayout />}>
        <Route index element={<Overview />} />
        <Route path="security" element={<Security />} />
        <Route path="sessions" element={<Sessions />} />
        <Route path="logins" element={<Logins />} />
        <Route path="messages" element={<Messages />} />
        <Route path="audit" element={<Audit />} />
        <Route path="ip-report" element={<IpReport />} />
      </Route>
      <Route path="admin">
        <Route element={<PublicLayout admin />}>
          <Route path="signin" element={<AdminSignIn />} />
        </Route>
        <Route element={<AdminLayout />}>
          <Route index element={<AdminAccounts />} />
          <Route path="reviews/:queue" element={<AdminReviews />} />
          <Route path="deliveries" element={<AdminDeliveries />} />
          <Route path="audit" element={<AdminAudit />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
    </Suspense>
  );
}
