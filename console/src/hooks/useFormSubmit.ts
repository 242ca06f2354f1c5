import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { applyFieldErrors } from '../util/errors';

/**
 * The submit handling every form page shares: a busy flag for the button, the last error for an
 * ErrorAlert, and the API's `details.fields` shown under the fields they name.
 */
export function useFormSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<void>, onError?: (err: unknown) => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await action(values);
    } catch (err) {
      applyFieldErrors(form, err, t);
      setError(err);
      onError?.(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
