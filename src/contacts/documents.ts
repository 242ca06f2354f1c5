/**
 * Identity documents uploaded with a phone change request: base64 images, checked before
 * anything is stored. The declared content type must match the file's magic bytes, so a
 * reviewer's browser is never handed a script or an HTML page labelled as a photo.
 */
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES, DOCUMENTS_MAX, DOCUMENTS_MIN, type DocumentContentType, type DocumentKind } from './constants.js';

export interface UploadedDocument {
  kind: DocumentKind;
  contentType: string;
  /** Standard base64 (no data: URL prefix). */
  data: string;
}

export interface CheckedDocument {
  kind: DocumentKind;
  contentType: DocumentContentType;
  bytes: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const MAGIC: Record<DocumentContentType, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The documents decoded, or the reason per field (`documents[i]`) they cannot be accepted. */
export function checkDocuments(docs: UploadedDocument[]): { ok: true; documents: CheckedDocument[] } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (docs.length < DOCUMENTS_MIN || docs.length > DOCUMENTS_MAX) {
    return { ok: false, fields: { documents: `send between ${DOCUMENTS_MIN} and ${DOCUMENTS_MAX} documents` } };
  }
  const documents: CheckedDocument[] = [];
  docs.forEach((doc, i) => {
    const field = `documents[${i}]`;
    if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(doc.contentType)) {
      fields[field] = `contentType must be one of ${DOCUMENT_CONTENT_TYPES.join(', ')}`;
      return;
    }
    if (doc.data.length % 4 !== 0 || !BASE64.test(doc.data)) {
      fields[field] = 'data must be standard base64';
      return;
    }
    const bytes = Buffer.from(doc.data, 'base64');
    if (bytes.length > DOCUMENT_MAX_BYTES) {
      fields[field] = `larger than ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MiB`;
      return;
    }
    const type = doc.contentType as DocumentContentType;
    if (!MAGIC[type](bytes)) {
      fields[field] = `the data is not a ${type} image`;
      return;
    }
    documents.push({ kind: doc.kind, contentType: type, bytes });
  });
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, documents };
}
