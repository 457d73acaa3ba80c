/**
 * The legal preset in the documents (issue 12): the awarding title and the «Căn cứ» lines, filled
 * from the same facts as everything else, so a gap in them is listed like any other. Every
 * document that cites the law or names the awarding body calls these, never its own text.
 */
import { SETTING } from '../contract';
import type { BasisDocument, BasisPlaceholder, LegalBasis } from '../legalBasis';
import type { Settings } from '../model';
import type { Field } from './facts';
import { GAP, fullBodyName, shortBodyName } from './layout';

/**
 * The awarding title from `Chức vụ người ký` and `Cơ quan phát động`: `full` as an address
 * («Chủ tịch Ủy ban nhân dân xã Tân Lập», «Giám đốc Sở Nội vụ tỉnh …»), `short` in a subject line
 * («Chủ tịch UBND xã Tân Lập»); a Giấy khen prints `upper(full.text)`. A missing issuer is a gap.
 */
export function awardingTitle(settings: Pick<Settings, 'signerTitle' | 'issuer'>): { short: Field; full: Field } {
  const issuer = settings.issuer.normalize('NFC').trim();
  const missing = issuer ? null : `Cấu hình: thiếu ${SETTING.issuer}`;
  return {
    short: { text: `${settings.signerTitle} ${issuer ? shortBodyName(issuer) : GAP}`, missing },
    full: { text: `${settings.signerTitle} ${issuer ? fullBodyName(issuer) : GAP}`, missing },
  };
}

/** The values of a line's `{{…}}` placeholders. */
export type BasisValues = Partial<Record<BasisPlaceholder, Field>>;

function fill(line: string, values: BasisValues, use: (f: Field) => string): string {
  return line.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: BasisPlaceholder) => {
    const value = values[name];
    return value ? use(value) : GAP;
  });
}

/**
 * A submission's or a decision's «Căn cứ» paragraphs, in order, each closed with `;` and the last
 * with `.` (a decision's «Xét đề nghị …» line follows them, so pass `last: ';'` there).
 */
export function basisLines(basis: LegalBasis, document: BasisDocument, values: BasisValues, use: (f: Field) => string, last = '.'): string[] {
  const lines = basis.lines[document];
  return lines.map((line, i) => `${fill(line, values, use)}${i === lines.length - 1 ? last : ';'}`);
}

/** What the minutes' criteria sentence cites: «A, B và C». */
export function citedTexts(basis: LegalBasis, values: BasisValues, use: (f: Field) => string): string {
  const texts = basis.lines.minutes.map((line) => fill(line, values, use));
  return texts.length < 2 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} và ${texts[texts.length - 1]}`;
}
