import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { CaptchaProps } from './AltchaCaptcha';

const AltchaCaptcha = lazy(() => import('./AltchaCaptcha'));

/** Lazily loaded ALTCHA widget; remount (change `key`) to get a fresh challenge. */
export default function Captcha(props: CaptchaProps) {
  return (
    <Suspense fallback={<Skeleton.Input active block />}>
      <AltchaCaptcha {...props} />
    </Suspense>
  );
}
