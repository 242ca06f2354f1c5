import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { errorMessage, passwordReasons } from '../util/errors';

/** The API's localised message, plus the password reasons or lock end when present. */
export default function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t, formatTime } = useI18n();
  if (!error) return null;
  const reasons = passwordReasons(error, t);
  let extra: React.ReactNode = null;
  if (reasons.length) {
    extra = (
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {reasons.map((r) => <li key={r}>{r}</li>)}
      </ul>
    );
  } else if (error instanceof ApiError && error.code === 'account_locked' && typeof error.details.lockedUntil === 'string') {
    extra = t('signin.lockedUntil', { time: formatTime(error.details.lockedUntil) });
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error, t)}
      description={extra ?? undefined}
      style={{ marginBottom: 16, ...style }}
    />
  );
}
