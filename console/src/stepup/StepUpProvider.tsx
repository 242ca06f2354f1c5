// Operation protection: when any API call answers 403 verification_required, the client
// asks this provider for a verification token. The provider opens a dialog, lets the user
// verify with one of the offered methods, and resolves with the token, after which the
// client repeats the original request with X-Verification-Token. useStepUp() exposes the
// same dialog for callers that want to drive it themselves.
import { Modal, Skeleton, Typography } from 'antd';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { completeStepUp, sendStepUpCode, stepUpWebauthnOptions } from '../api/auth';
import { ApiError, STEP_UP_CANCELLED, setStepUpHandler } from '../api/client';
import type { StepUpChallenge } from '../api/types';
import { useI18n } from '../i18n';

type StepUp = (challenge: StepUpChallenge) => Promise<string>;

interface Pending {
  challenge: StepUpChallenge;
  resolve: (token: string) => void;
  reject: (err: unknown) => void;
}

// Loaded only when a protected operation actually asks for verification.
const VerifyMethodForm = lazy(() => import('../components/VerifyMethodForm'));

const StepUpContext = createContext<StepUp | null>(null);

export function StepUpProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  pendingRef.current = pending;

  const open = useCallback<StepUp>(
    (challenge) =>
      new Promise<string>((resolve, reject) => {
        // A second request while the dialog is open: the earlier one is abandoned.
        pendingRef.current?.reject(new ApiError(0, STEP_UP_CANCELLED, ''));
        setPending({ challenge, resolve, reject });
      }),
    [],
  );

  useEffect(() => {
    setStepUpHandler(open);
    return () => setStepUpHandler(null);
  }, [open]);

  const cancel = () => {
    pending?.reject(new ApiError(0, STEP_UP_CANCELLED, ''));
    setPending(null);
  };

  return (
    <StepUpContext.Provider value={open}>
      {children}
      <Modal
        open={!!pending}
        title={t('stepup.title')}
        onCancel={cancel}
        footer={null}
        destroyOnHidden
        mask={{ closable: false }}
      >
        {pending && (
          <Suspense fallback={<Skeleton active />}>
            <Typography.Paragraph>{t('stepup.intro')}</Typography.Paragraph>
            <VerifyMethodForm
              methods={pending.challenge.methods}
              sendCode={(method) => sendStepUpCode(pending.challenge.ticket, method)}
              webauthnOptions={() => stepUpWebauthnOptions(pending.challenge.ticket)}
              submit={async (method, proof) => {
                const { verificationToken } = await completeStepUp(pending.challenge.ticket, method, proof);
                pending.resolve(verificationToken);
                setPending(null);
              }}
            />
          </Suspense>
        )}
      </Modal>
    </StepUpContext.Provider>
  );
}

export function useStepUp(): StepUp {
  const ctx = useContext(StepUpContext);
  if (!ctx) throw new Error('useStepUp outside StepUpProvider');
  return ctx;
}
