/**
 * Turns a locale's blocks into the plain-text and HTML email bodies. Kept apart from the
 * wording so translators never touch markup and escaping is done in exactly one place.
 */
import type { Block } from './types.js';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function blockText(block: Block): string {
  if (typeof block === 'string') return block;
  if ('emphasis' in block) return `    ${block.emphasis}`;
  if ('lines' in block) return block.lines.join('\n');
  return block.steps.map((step, i) => `${i + 1}. ${step}`).join('\n');
}

export function layoutText(blocks: readonly Block[], footer: readonly string[]): string {
  // "-- " is the conventional signature separator; clients fold what follows it.
  return [...blocks.map(blockText), '-- ', ...footer].join('\n\n') + '\n';
}

/**
 * Only URLs we produced ourselves (the console, the "not me" link) become links; a URL that
 * arrives inside a parameter such as a User-Agent stays inert text.
 */
function inline(text: string, trustedUrls: readonly string[]): string {
  let html = '';
  let rest = text;
  for (;;) {
    let at = -1;
    let url = '';
    for (const candidate of trustedUrls) {
      const i = candidate === '' ? -1 : rest.indexOf(candidate);
      if (i !== -1 && (at === -1 || i < at || (i === at && candidate.length > url.length))) {
        at = i;
        url = candidate;
      }
    }
    if (at === -1) return html + escapeHtml(rest);
    html += `${escapeHtml(rest.slice(0, at))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    rest = rest.slice(at + url.length);
  }
}

const P = '<p style="margin:0 0 16px 0">';

function blockHtml(block: Block, trustedUrls: readonly string[]): string {
  if (typeof block === 'string') return `${P}${inline(block, trustedUrls)}</p>`;
  if ('emphasis' in block) {
    return `<p style="margin:0 0 16px 0;font-size:28px;font-weight:bold;letter-spacing:4px;font-family:monospace">${escapeHtml(block.emphasis)}</p>`;
  }
  if ('lines' in block) return `${P}${block.lines.map((line) => inline(line, trustedUrls)).join('<br>')}</p>`;
  return `<ol style="margin:0 0 16px 0">${block.steps.map((step) => `<li>${inline(step, trustedUrls)}</li>`).join('')}</ol>`;
}

export function layoutHtml(
  lang: string,
  subject: string,
  blocks: readonly Block[],
  footer: readonly string[],
  trustedUrls: readonly string[],
): string {
  const body = blocks.map((block) => blockHtml(block, trustedUrls)).join('\n');
  const foot = footer.map((line) => `<p style="margin:0 0 8px 0">${inline(line, trustedUrls)}</p>`).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:-apple-system,Segoe UI,PingFang SC,Microsoft YaHei,sans-serif;font-size:14px;line-height:1.6;color:#1f2328">',
    '<div style="max-width:600px;margin:0 auto;padding:24px">',
    body,
    `<div style="margin-top:24px;padding-top:16px;border-top:1px solid #d0d7de;font-size:12px;color:#656d76">\n${foot}\n</div>`,
    '</div></body></html>',
  ].join('\n');
}
