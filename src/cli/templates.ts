/**
 * Fills a user's own .docx template with a document's placeholder values (docxtemplater):
 * `{{ten_don_vi}}`, and a table row repeated per nominee with `{{#de_nghi}} … {{/de_nghi}}` (per
 * previous award of a D3's nominee with `{{#khen_thuong}} … {{/khen_thuong}}`).
 * Values go in as literal text: a `{{x}}` or `<b>` inside a name stays as typed.
 */
import Docxtemplater from 'docxtemplater';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { GAP } from '../core/documents';
import type { Field, PlaceholderData } from '../core/documents';
import { systemCode } from './fsErrors';

/** A template that cannot be used, with a Vietnamese message saying what to fix. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** The file a user puts in the templates folder to replace a default document. */
export const TEMPLATE_FILE = { D1: 'D1.docx', D2: 'D2.docx', D3: 'D3.docx' } as const;

/**
 * The user's templates in `dir`, by kind (each of D1, D2, D3 optional). A folder that is missing,
 * is a file, or holds none of them is a TemplateError: the user named it for a reason.
 */
export async function loadTemplates(dir: string): Promise<Map<string, Buffer>> {
  const templates = new Map<string, Buffer>();
  let isFolder = false;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    throw new TemplateError(`Không tìm thấy thư mục mẫu «${dir}»: hãy kiểm tra đường dẫn sau --templates (hoặc bỏ --templates để dùng mẫu có sẵn).`);
  }
  if (!isFolder) throw new TemplateError(`«${dir}» là một tệp, không phải thư mục mẫu: sau --templates hãy nêu thư mục chứa D1.docx, D2.docx, D3.docx.`);
  const names = Object.values(TEMPLATE_FILE).join(', ');
  for (const [kind, file] of Object.entries(TEMPLATE_FILE)) {
    const path = join(dir, file);
    try {
      templates.set(kind, await readFile(path));
    } catch (error) {
      if (systemCode(error) === 'ENOENT') continue;
      throw new TemplateError(`Không đọc được mẫu «${path}» (${systemCode(error) ?? 'lỗi hệ thống'}): hãy đóng tệp nếu đang mở và kiểm tra quyền đọc.`);
    }
  }
  if (!templates.size) throw new TemplateError(`Thư mục mẫu «${dir}» không có tệp nào trong ${names}: hãy đặt mẫu vào đó (tên tệp đúng như vậy) hoặc bỏ --templates.`);
  return templates;
}

const isField = (v: unknown): v is Field =>
  typeof v === 'object' && v !== null && 'text' in v && 'missing' in v && Object.keys(v).length === 2;

interface ErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
}

/** docxtemplater's errors, said in Vietnamese for the common ones. */
function explain(error: unknown): string {
  const props = (error as { properties?: ErrorProperties & { errors?: { properties?: ErrorProperties }[] } }).properties;
  const list = props?.errors?.map((e) => e.properties ?? {}) ?? (props ? [props] : []);
  const said = list.map(({ id, xtag, explanation }) => {
    const tag = xtag ?? '';
    switch (id) {
      case 'unclosed_loop':
        return `vòng lặp {{#${tag}}} chưa có {{/${tag}}}`;
      case 'unopened_loop':
        return `{{/${tag}}} không có {{#${tag}}} mở trước`;
      case 'closing_tag_does_not_match_opening_tag':
        return `vòng lặp mở và đóng không khớp (${tag})`;
      case 'unclosed_tag':
        return `thẻ «{{${tag}» thiếu }}`;
      case 'unopened_tag':
        return `thẻ «${tag}}}» thiếu {{`;
      default:
        return explanation ?? tag;
    }
  });
  return said.filter(Boolean).join('; ') || (error instanceof Error ? error.message : String(error));
}

/**
 * Fills `template` (the bytes of a .docx) with `data`. Returns the new file and the gaps it
 * filled (`missing`, each once), including placeholders the template names but that do not exist.
 */
/** The date of every part of a filled template: 1980-01-01 00:00, as the documents the command lays out itself. */
const ZIP_DATE = new Date(1980, 0, 1);

export function fillTemplate(template: Uint8Array, data: PlaceholderData, templateName: string): { buffer: Buffer; missing: string[] } {
  const missing: string[] = [];
  const note = (m: string | null) => {
    if (m && !missing.includes(m)) missing.push(m);
  };
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new TemplateError(`Mẫu «${templateName}» không phải tệp .docx đọc được. Lưu lại mẫu bằng Word hoặc LibreOffice dưới dạng .docx rồi chạy lại.`);
  }
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      delimiters: { start: '{{', end: '}}' },
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      parser: (tag) => ({
        get(scope: unknown) {
          const value = tag === '.' ? scope : (scope as Record<string, unknown> | null)?.[tag.trim()];
          if (isField(value)) {
            note(value.missing);
            return value.text;
          }
          return value;
        },
      }),
      nullGetter(part) {
        note(`Mẫu ${templateName}: không có trường {{${part.value}}} (xem danh sách trường trong README)`);
        return GAP;
      },
    });
    doc.render({ ...data.fields, de_nghi: data.de_nghi, khen_thuong: data.khen_thuong });
  } catch (error) {
    throw new TemplateError(
      `Mẫu «${templateName}» có lỗi ở ${explain(error)}. Mỗi trường viết dạng {{ten_truong}}, vòng lặp dạng {{#de_nghi}} … {{/de_nghi}}; sửa mẫu rồi chạy lại.`,
    );
  }
  // Each part keeps one date, not the clock's: the same workbook gives the same bytes, whichever thread or second fills it.
  const filled = doc.getZip();
  for (const part of Object.values(filled.files) as { date: Date }[]) part.date = ZIP_DATE;
  return { buffer: filled.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), missing };
}
