// A dialog holding one form: submit state, the API error (with password reasons and
// field errors placed on their inputs) and closing on success.
import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { isApiError, STEP_UP_CANCELLED } from '../api/client';
import { useI18n } from '../i18n';
import { applyFieldErrors } from '../util/errors';
import ErrorAlert from './ErrorAlert';

interface Props<V> {
  open: boolean;
  title: string;
  okText?: string;
  onClose: () => void;
  /** Throw to keep the dialog open with the error shown. */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  children: (form: FormInstance<V>) => ReactNode;
  fieldAliases?: Record<string, string>;
  initialValues?: Partial<V>;
}

export default function FormModal<V extends object>(props: Props<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (props.open) {
      setError(null);
      form.resetFields();
    }
  }, [props.open, form]);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values, form);
      props.onClose();
    } catch (err) {
      if (!isApiError(err, STEP_UP_CANCELLED)) {
        applyFieldErrors(form, err, t, props.fieldAliases);
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      forceRender
    >
      <Form<V> form={form} layout="vertical" requiredMark={false} onFinish={submit} initialValues={props.initialValues}>
        <ErrorAlert error={error} />
        {props.children(form)}
        {/* Enter in any field submits. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
