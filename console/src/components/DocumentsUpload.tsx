import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import type { DocumentKind, UploadedDocument } from '../api/types';
import { useI18n } from '../i18n';
import { fileToBase64 } from '../util/format';

/** The server's limits: JPEG, PNG or WebP, at most 2 MiB each. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const DOCUMENT_ACCEPT = 'image/jpeg,image/png,image/webp';

/** The single picked file of an upload field, as base64 without a data: prefix. */
export async function toDocument(kind: DocumentKind, files: UploadFile[] | undefined): Promise<UploadedDocument | null> {
  const f = files?.[0];
  if (!f?.originFileObj) return null;
  // The picker only offers DOCUMENT_ACCEPT types; anything else is sent as is and the server
  // refuses it with a field error, which the form shows.
  const contentType = (f.type || 'image/jpeg') as UploadedDocument['contentType'];
  return { kind, contentType, data: await fileToBase64(f.originFileObj) };
}

/** Use inside a Form.Item with valuePropName="fileList" and getValueFromEvent={uploadValue}. */
export default function DocumentsUpload(props: { fileList?: UploadFile[]; onChange?: (info: { fileList: UploadFile[] }) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <Upload {...props} accept={DOCUMENT_ACCEPT} maxCount={1} listType="picture" beforeUpload={() => false}>
      <Button icon={<UploadOutlined />} id={props.id}>{t('docs.choose')}</Button>
    </Upload>
  );
}

export const uploadValue = (e: { fileList: UploadFile[] }) => e.fileList;

export const documentRules = (t: (k: 'docs.required' | 'docs.tooLarge') => string, required: boolean) => [
  ...(required ? [{ required: true, type: 'array' as const, min: 1, message: t('docs.required') }] : []),
  {
    validator: (_: unknown, files: UploadFile[] | undefined) =>
      (files ?? []).every((f) => (f.size ?? 0) <= MAX_DOCUMENT_BYTES) ? Promise.resolve() : Promise.reject(new Error(t('docs.tooLarge'))),
  },
];
