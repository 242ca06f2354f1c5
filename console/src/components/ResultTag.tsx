import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';

/** A coloured tag for an outcome such as "success" or "failure"; `detail` (a reason code) as tooltip. */
export default function ResultTag({ result, detail }: { result: string; detail?: string }) {
  const { t } = useI18n();
  const r = result.toLowerCase();
  let tag = <Tag>{result}</Tag>;
  if (r === 'success' || r === 'succeeded' || r === 'ok') tag = <Tag color="green">{t('result.success')}</Tag>;
  else if (r.includes('verification') || r.includes('challenge')) tag = <Tag color="orange">{t('result.challenged')}</Tag>;
  else if (r.includes('lock')) tag = <Tag color="volcano">{t('result.locked')}</Tag>;
  else if (r.includes('fail') || r.includes('invalid') || r.includes('denied')) tag = <Tag color="red">{t('result.failure')}</Tag>;
  return detail ? <Tooltip title={detail}><span tabIndex={0}>{tag}</span></Tooltip> : tag;
}
