import { Flex, Form, Input } from 'antd';
import type { SendCodeResponse } from '../api/types';
import { useI18n } from '../i18n';
import SendCodeButton from './SendCodeButton';

interface Props {
  name?: string;
  label?: string;
  /** When given, a "send code" button with its resend countdown sits beside the input. */
  onSend?: () => Promise<SendCodeResponse | void>;
  validateBeforeSend?: () => Promise<boolean>;
  numeric?: boolean;
  autoFocus?: boolean;
}

/** A one-time-code input (6 digits by default) with an optional send button. */
export default function CodeField({ name = 'code', label, onSend, validateBeforeSend, numeric = true, autoFocus }: Props) {
  const { t } = useI18n();
  return (
    <Form.Item label={label ?? t('verify.code')} required>
      <Flex gap={8}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, whitespace: true, message: t('verify.codeRequired') },
            ...(numeric ? [{ pattern: /^\s*\d{6,8}\s*$/, message: t('verify.codeFormat') }] : []),
          ]}
        >
          <Input
            aria-label={label ?? t('verify.code')}
            autoFocus={autoFocus}
            autoComplete="one-time-code"
            inputMode={numeric ? 'numeric' : 'text'}
            maxLength={numeric ? 8 : 32}
          />
        </Form.Item>
        {onSend && <SendCodeButton onSend={onSend} validate={validateBeforeSend} />}
      </Flex>
    </Form.Item>
  );
}
