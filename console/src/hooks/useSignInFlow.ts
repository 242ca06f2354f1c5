// State of a sign-in form: the captcha once the server demands it (428), the lock (423),
// the second step (202) and errors. Shared by the customer and operator sign-in pages.
import { useState } from 'react';
import type { SignInApi, SignInBody } from '../api/auth';
import { isApiError } from '../api/client';
import type { SecondStepRequired, SignInSuccess } from '../api/types';

export interface SignInFlow {
  busy: boolean;
  error: unknown;
  setError: (e: unknown) => void;
  captchaNeeded: boolean;
  captchaKey: number;
  captchaReady: boolean;
  setCaptcha: (payload: string | null) => void;
  challenge: SecondStepRequired | null;
  backToFirstStep: () => void;
  attempt: (body: SignInBody) => Promise<void>;
}

export function useSignInFlow(api: SignInApi, onSuccess: (res: SignInSuccess) => void): SignInFlow {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [captchaNeeded, setCaptchaNeeded] = useState(false);
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [challenge, setChallenge] = useState<SecondStepRequired | null>(null);

  const attempt = async (body: SignInBody) => {
    setBusy(true);
    setError(null);
    const usedCaptcha = captcha;
    try {
      const res = await api.signIn(usedCaptcha ? { ...body, captcha: usedCaptcha } : body);
      if ('status' in res && res.status === 'verification_required') setChallenge(res);
      else onSuccess(res as SignInSuccess);
    } catch (err) {
      if (isApiError(err, 'captcha_required')) setCaptchaNeeded(true);
      setError(err);
    } finally {
      // A captcha payload is accepted once: every attempt gets a fresh challenge.
      if (usedCaptcha || captchaNeeded) {
        setCaptcha(null);
        setCaptchaKey((k) => k + 1);
      }
      setBusy(false);
    }
  };

  return {
    busy, error, setError, captchaNeeded, captchaKey,
    captchaReady: !captchaNeeded || !!captcha,
    setCaptcha, challenge,
    backToFirstStep: () => setChallenge(null),
    attempt,
  };
}
