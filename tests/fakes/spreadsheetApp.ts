/**
 * A small SpreadsheetApp, faithful to the documented behaviour the add-on relies on:
 * `getValues()` gives `Date` objects and `''` for empty cells; `setValues()` throws when the
 * data and the range differ in size, and reads a string as a person typing it would (`'x` is
 * text, `=x` a formula, `5` a number, `05/01/2023` a date); a range outside the sheet throws;
 * a new protection starts with every editor of the file.
 */
import type { CallLog, Subset } from './calls';
import { counted } from './calls';
import { FakeBlob } from './documentApp';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export type Value = string | number | boolean | Date;

/** What the fakes share: the call log, the realm's `Date`, the file's owner and time zone. */
export interface FakeContext {
  log: CallLog;
  /** The `Date` of the realm running the script (a `node:vm` context has its own). */
  DateCtor: DateConstructor;
  timeZone: string;
  owner: string;
  effectiveUser: string;
  /** Session.getActiveUser's address: '' when Google withholds it (consumer accounts). */
  activeUser: string;
  /** The file is in a shared drive: it has no owner (`getOwner()` is null). */
  sharedDrive: boolean;
}

const DEFAULT_FORMAT = '0.###############';

export interface Cell {
  value: Value;
  formula: string;
  format: string;
  background: string | null;
  fontWeight: string;
  wrap: boolean;
  note: string;
  validation: FakeDataValidation | null;
  /** A formula's array result shown in this cell (not its content: getFormulas gives ''). */
  spilledFrom?: Cell;
  /** The cells an array formula here spills into. */
  spill?: Cell[];
}

function emptyCell(): Cell {
  return { value: '', formula: '', format: DEFAULT_FORMAT, background: null, fontWeight: 'normal', wrap: false, note: '', validation: null };
}

/** Midnight of a calendar day in a time zone, as Sheets stores a date cell. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const guess = Date.UTC(year, month - 1, day);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (shown - guess));
}

/**
 * A string as Sheets reads it when a script writes it with `setValue(s)` (as if typed, in a
 * day-first locale): `'x` is the text x, `=x` a formula, `+x`/`-x` a formula too (Sheets shows
 * #ERROR! for text), `5`, `1,000`, `1e5`, `0312e45` and `$5` numbers, `95%` a percent,
 * `TRUE` a boolean, `05/01/2023`, `1/2` and `2023-01-05` dates, `10:30` a time. A cell
 * formatted as plain text (`@`) stores the string untouched, apostrophe included.
 */
function enter(ctx: FakeContext, cell: Cell, input: unknown): void {
  if (cell.spilledFrom) {
    // Writing into an array result blocks it: the formula shows #REF! and its results vanish.
    if (input === null || input === undefined || input === '') return;
    const anchor = cell.spilledFrom;
    for (const c of anchor.spill ?? []) {
      c.value = '';
      delete c.spilledFrom;
    }
    anchor.value = '#REF!';
  }
  if (cell.spill) {
    for (const c of cell.spill) {
      c.value = '';
      delete c.spilledFrom;
    }
    delete cell.spill;
  }
  cell.formula = '';
  if (input === null || input === undefined || input === '') {
    cell.value = '';
  } else if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    cell.value = new Date((input as Date).getTime());
  } else if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
  } else if (typeof input !== 'string') {
    throw new Error(`Giá trị không ghi được vào ô: ${String(input)}`);
  } else if (cell.format === '@') {
    cell.value = input;
  } else if (input.startsWith("'")) {
    cell.value = input.slice(1);
  } else {
    parseTyped(ctx, cell, input);
  }
}

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?$/i;

function parseTyped(ctx: FakeContext, cell: Cell, input: string): void {
  const text = input.trim();
  const number = (t: string) => (/\d/.test(t) && NUMBER.test(t) ? Number(t.replace(/,/g, '')) : null);
  const year = new Date().getFullYear();
  let m: RegExpExecArray | null;
  if (text.startsWith('=')) {
    cell.formula = text;
    cell.value = '';
  } else if (number(text) !== null) {
    cell.value = number(text)!;
  } else if (/^[-+]/.test(text)) {
    cell.formula = `=${text}`;
    cell.value = '#ERROR!';
  } else if ((m = /^(.*)%$/.exec(text)) && number(m[1]!.trim()) !== null) {
    cell.value = number(m[1]!.trim())! / 100;
    cell.format = '0%';
  } else if ((m = /^\$(.*)$/.exec(text)) && number(m[1]!) !== null) {
    cell.value = number(m[1]!)!;
    cell.format = '$#,##0.00';
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === 'true';
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(text)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    cell.value = midnightIn(ctx.timeZone, m[3] ? Number(m[3]) : year, Number(m[2]), Number(m[1]));
    cell.format = 'dd/MM/yyyy';
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    cell.value = midnightIn(ctx.timeZone, Number(m[1]), Number(m[2]), Number(m[3]));
    cell.format = 'yyyy-MM-dd';
  } else if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text))) {
    const midnight = midnightIn(ctx.timeZone, 1899, 12, 30).getTime();
    cell.value = new Date(midnight + ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000);
    cell.format = 'HH:mm:ss';
  } else {
    cell.value = input;
  }
}

function sameSize(what: string, data: unknown[][], rows: number, columns: number): void {
  if (!Array.isArray(data) || data.length !== rows) {
    throw new Error(`The number of rows in the ${what} does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${rows}.`);
  }
  for (const row of data) {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(`The number of columns in the ${what} does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${columns}.`);
    }
  }
}

export class FakeDataValidation {
  constructor(
    readonly criteria: string,
    readonly args: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this.args;
  }
  getHelpText(): string {
    return this.helpText;
  }
}

type BuilderMethods = 'requireCheckbox' | 'requireValueInList' | 'requireNumberBetween' | 'requireDate' | 'setAllowInvalid' | 'setHelpText' | 'build';

export class FakeDataValidationBuilder implements Subset<DataValidationBuilder, BuilderMethods> {
  private criteria = '';
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  requireCheckbox(): this {
    this.criteria = 'CHECKBOX';
    this.args = [];
    return this;
  }
  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.criteria = 'VALUE_IN_LIST';
    this.args = [[...values], showDropdown ?? true];
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [start, end];
    return this;
  }
  requireDate(): this {
    this.criteria = 'DATE_IS_VALID_DATE';
    this.args = [];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

type ProtectionMethods = 'getDescription' | 'setDescription' | 'getEditors' | 'addEditor' | 'addEditors' | 'removeEditors' | 'getRange' | 'remove' | 'canEdit' | 'setDomainEdit' | 'canDomainEdit' | 'setWarningOnly' | 'isWarningOnly';

export class FakeProtection implements Subset<Protection, ProtectionMethods> {
  description = '';
  editors: string[];
  domainEdit: boolean;
  /** Editors added by name on this protection (others hold the right through the file, maybe a group). */
  readonly named = new Set<string>();
  warningOnly = false;
  removed = false;
  constructor(
    private readonly ctx: FakeContext,
    readonly range: FakeRange,
    readonly type: 'RANGE' | 'SHEET',
  ) {
    this.editors = [...range.sheet.spreadsheet.editors];
    // A consumer file has no domain: nobody edits «by domain».
    this.domainEdit = !range.sheet.spreadsheet.consumer;
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getEditors(): FakeUser[] {
    return this.editors.map((e) => counted(new FakeUser(e), 'User', this.ctx.log));
  }
  addEditor(who: string | GoogleAppsScript.Base.User): this {
    return this.addEditors([typeof who === 'string' ? who : who.getEmail()]);
  }
  addEditors(emails: string[]): this {
    for (const email of emails) {
      if (!/^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/.test(email)) throw new Error(`Invalid email: ${email}`);
      if (!this.editors.includes(email)) this.editors.push(email);
      this.named.add(email);
    }
    return this;
  }
  removeEditors(who: Array<string | GoogleAppsScript.Base.User>): this {
    const gone = new Set(who.map((w) => (typeof w === 'string' ? w : w.getEmail())));
    // Sheets: a runner who is not the owner must add themself first, or removing the editors
    // they hold their right through (a group) throws.
    const runner = this.ctx.effectiveUser;
    if (runner !== this.ctx.owner && !this.named.has(runner)) {
      throw new Error('You are trying to remove yourself as an editor of this protected range. Add yourself as an editor with addEditor() first.');
    }
    // The owner and the user running the script cannot be removed.
    this.editors = this.editors.filter((e) => !gone.has(e) || e === this.ctx.owner || e === this.ctx.effectiveUser);
    return this;
  }
  getRange(): FakeRange {
    return counted(this.range, 'Range', this.ctx.log);
  }
  remove(): void {
    // Only someone allowed to edit the protected range may lift its protection.
    if (!this.canEdit()) throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    this.removed = true;
    const all = this.range.sheet.spreadsheet.protections;
    all.splice(all.indexOf(this), 1);
  }
  canEdit(): boolean {
    return this.editors.includes(this.ctx.effectiveUser) || this.ctx.effectiveUser === this.ctx.owner;
  }
  setDomainEdit(editable: boolean): this {
    if (this.range.sheet.spreadsheet.consumer) throw new Error('Exception: This operation is not supported for this spreadsheet: it does not belong to a Google Workspace domain.');
    this.domainEdit = editable;
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
}

type RangeMethods = 'activate' | 'getValues' | 'setValues' | 'getValue' | 'getFormulas' | 'getNumberFormats' | 'setNumberFormat' | 'getBackgrounds' | 'setBackground' | 'setBackgrounds' | 'setFontWeight' | 'setFontWeights' | 'setWrap' | 'setNote' | 'setNotes' | 'setDataValidation' | 'protect' | 'getA1Notation' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getSheet' | 'setHorizontalAlignment' | 'setVerticalAlignment';

export class FakeRange implements Subset<Range, RangeMethods> {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private map<T>(f: (cell: Cell | undefined) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, i) =>
      Array.from({ length: this.numColumns }, (_, j) => f(this.sheet.peek(this.row + i, this.column + j))),
    );
  }

  private each(f: (cell: Cell, i: number, j: number) => void): this {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) f(this.sheet.cell(this.row + i, this.column + j), i, j);
    }
    return this;
  }

  /** A script writes as the user it runs as: a protection that leaves them out refuses the write. */
  private checkProtections(): void {
    const overlaps = (r: FakeRange) =>
      r.sheet === this.sheet && r.row <= this.row + this.numRows - 1 && this.row <= r.row + r.numRows - 1 && r.column <= this.column + this.numColumns - 1 && this.column <= r.column + r.numColumns - 1;
    const user = this.ctx.effectiveUser;
    if (this.sheet.spreadsheet.protections.some((p) => !p.warningOnly && overlaps(p.range) && !p.editors.includes(user) && user !== this.ctx.owner)) {
      throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    }
  }
  getValues(): Value[][] {
    return this.map((c) => {
      const v = c?.value ?? '';
      return v instanceof Date ? new this.ctx.DateCtor(v.getTime()) : v;
    });
  }
  getValue(): Value {
    return this.getValues()[0]![0]!;
  }
  setValues(values: unknown[][]): this {
    sameSize('data', values, this.numRows, this.numColumns);
    this.checkProtections();
    return this.each((cell, i, j) => enter(this.ctx, cell, values[i]![j]));
  }
  /** '' for a cell holding a plain value, as Sheets gives. */
  getFormulas(): string[][] {
    return this.map((c) => c?.formula ?? '');
  }
  getNumberFormats(): string[][] {
    return this.map((c) => c?.format ?? DEFAULT_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.each((cell) => (cell.format = format));
  }
  getBackgrounds(): string[][] {
    return this.map((c) => c?.background ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    return this.each((cell) => (cell.background = color));
  }
  setBackgrounds(colors: Array<Array<string | null>>): this {
    sameSize('data', colors, this.numRows, this.numColumns);
    return this.each((cell, i, j) => (cell.background = colors[i]![j] ?? null));
  }
  setFontWeight(weight: string | null): this {
    return this.each((cell) => (cell.fontWeight = weight ?? 'normal'));
  }
  setFontWeights(weights: Array<Array<string | null>>): this {
    sameSize('data', weights, this.numRows, this.numColumns);
    return this.each((cell, i, j) => (cell.fontWeight = weights[i]![j] ?? 'normal'));
  }
  setWrap(wrap: boolean): this {
    return this.each((cell) => (cell.wrap = wrap));
  }
  setNote(note: string | null): this {
    return this.each((cell) => (cell.note = note ?? ''));
  }
  setNotes(notes: Array<Array<string | null>>): this {
    sameSize('data', notes, this.numRows, this.numColumns);
    return this.each((cell, i, j) => (cell.note = notes[i]![j] ?? ''));
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    return this.each((cell) => (cell.validation = rule as unknown as FakeDataValidation | null));
  }
  setHorizontalAlignment(_alignment: string | null): this {
    return this;
  }
  setVerticalAlignment(_alignment: string | null): this {
    return this;
  }
  protect(): FakeProtection {
    const protection = new FakeProtection(this.ctx, this, 'RANGE');
    this.sheet.spreadsheet.protections.push(protection);
    return counted(protection, 'Protection', this.ctx.log);
  }
  getA1Notation(): string {
    const start = `${columnLetter(this.column)}${this.row}`;
    const end = `${columnLetter(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
    return start === end ? start : `${start}:${end}`;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getSheet(): FakeSheet {
    return counted(this.sheet, 'Sheet', this.ctx.log);
  }
  /** Selects the range: `getActiveRange()` gives it from now on. */
  activate(): this {
    this.sheet.spreadsheet.select(this.sheet.name, this.getA1Notation());
    return this;
  }
}

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseA1(a1: string): [number, number, number, number] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
}

type SheetMethods = 'newChart' | 'insertChart' | 'getCharts' | 'removeChart' | 'protect' | 'getName' | 'getSheetId' | 'getParent' | 'getDataRange' | 'getRange' | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'deleteRows' | 'insertColumnsAfter' | 'clear' | 'setFrozenRows' | 'getFrozenRows' | 'setColumnWidth' | 'setColumnWidths' | 'getProtections' | 'activate' | 'getRangeList';

export class FakeSheet implements Subset<Sheet, SheetMethods> {
  readonly cells: Array<Array<Cell | undefined>> = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  /** The charts on the sheet, in the order inserted. */
  readonly charts: FakeEmbeddedChart[] = [];

  constructor(
    private readonly ctx: FakeContext,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  peek(row: number, column: number): Cell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }
  cell(row: number, column: number): Cell {
    const cells = (this.cells[row - 1] ??= []);
    return (cells[column - 1] ??= emptyCell());
  }
  /** Fills the sheet as a person would (test set-up, not counted): values are stored as given. */
  fill(values: Value[][], formats?: string[][]): void {
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxColumns = Math.max(this.maxColumns, ...values.map((r) => r.length));
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = this.cell(i + 1, j + 1);
        cell.value = v instanceof Date ? new Date(v.getTime()) : v;
        const format = formats?.[i]?.[j];
        if (format) cell.format = format;
      }),
    );
  }
  /**
   * An array formula as a user types it (test set-up): the formula at (row, column), its results
   * down the column, the first in the formula's own cell.
   */
  arrayFormula(row: number, column: number, formula: string, results: Value[]): void {
    const anchor = this.cell(row, column);
    anchor.formula = formula;
    anchor.value = results[0] ?? '';
    anchor.spill = results.slice(1).map((v, i) => {
      const cell = this.cell(row + 1 + i, column);
      cell.value = v;
      cell.spilledFrom = anchor;
      return cell;
    });
  }
  /** The stored values, '' for empty (test inspection, not counted). */
  dump(): Value[][] {
    const rows = this.getLastRow();
    const columns = this.getLastColumn();
    return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => this.peek(i + 1, j + 1)?.value ?? ''));
  }

  getName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): FakeSpreadsheet {
    return counted(this.spreadsheet, 'Spreadsheet', this.ctx.log);
  }
  private used(cell: Cell | undefined): boolean {
    return cell !== undefined && (cell.value !== '' || cell.formula !== '');
  }
  getLastRow(): number {
    for (let r = this.cells.length; r > 0; r--) if (this.cells[r - 1]?.some((c) => this.used(c))) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.cells) row?.forEach((c, j) => this.used(c) && (last = Math.max(last, j + 1)));
    return last;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertRowsAfter(_afterPosition: number, howMany: number): this {
    this.maxRows += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows - this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.cells.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  insertColumnsAfter(_afterPosition: number, howMany: number): this {
    this.maxColumns += howMany;
    return this;
  }
  getDataRange(): FakeRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    const [r, c, nr, nc] = typeof rowOrA1 === 'string' ? parseA1(rowOrA1) : [rowOrA1, column ?? 1, numRows ?? 1, numColumns ?? 1];
    if (r < 1 || c < 1 || nr < 1 || nc < 1 || r + nr - 1 > this.maxRows || c + nc - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return counted(new FakeRange(this.ctx, this, r, c, nr, nc), 'Range', this.ctx.log);
  }
  clear(): this {
    this.cells.length = 0;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(column: number, width: number): this {
    this.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, count: number, width: number): this {
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    return this.spreadsheet.protections
      .filter((p) => p.type === (type as unknown as string) && p.range.sheet === this)
      .map((p) => counted(p, 'Protection', this.ctx.log));
  }
  /** Protects the whole sheet; a new protection starts with every editor of the file. */
  protect(): FakeProtection {
    const protection = new FakeProtection(this.ctx, new FakeRange(this.ctx, this, 1, 1, this.maxRows, this.maxColumns), 'SHEET');
    this.spreadsheet.protections.push(protection);
    return counted(protection, 'Protection', this.ctx.log);
  }
  activate(): this {
    this.spreadsheet.selections.push([this.name]);
    return this;
  }
  newChart(): FakeEmbeddedChartBuilder {
    return counted(new FakeEmbeddedChartBuilder(this), 'EmbeddedChartBuilder', this.ctx.log);
  }
  /** Sheet.clear() leaves charts in place (they are not cell content): only `removeChart` takes one away. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const c = (chart as unknown as FakeEmbeddedChart).me;
    if (c.sheet !== this) throw new Error('Fake: a chart built on another sheet cannot be inserted here.');
    if (this.charts.includes(c)) throw new Error('The chart is already in the sheet.');
    if (c.anchor.row > this.maxRows || c.anchor.column > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    this.charts.push(c);
  }
  getCharts(): FakeEmbeddedChart[] {
    return this.charts.map((c) => counted(c, 'EmbeddedChart', this.ctx.log));
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const at = this.charts.indexOf((chart as unknown as FakeEmbeddedChart).me);
    if (at < 0) throw new Error('Fake: that chart is not on this sheet.');
    this.charts.splice(at, 1);
  }
  /** A list of ranges (A1 notations) that is selected at once with `activate()`. */
  getRangeList(a1Notations: string[]) {
    return counted({ activate: () => this.spreadsheet.selections.push([this.name, ...a1Notations]) }, 'RangeList', this.ctx.log);
  }
}

type ChartBuilderMethods = 'addRange' | 'setChartType' | 'setNumHeaders' | 'setOption' | 'setPosition' | 'build';

/**
 * EmbeddedChartBuilder as documented: ranges, a chart type, header rows, options, an anchor
 * (1-based row and column, pixel offsets). `build` needs a type and a range, as Sheets does.
 */
export class FakeEmbeddedChartBuilder implements Subset<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, ChartBuilderMethods> {
  private readonly ranges: FakeRange[] = [];
  private type: string | null = null;
  private headers = -1;
  private readonly options = new Map<string, unknown>();
  private anchor = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  constructor(private readonly sheet: FakeSheet) {}
  addRange(range: GoogleAppsScript.Spreadsheet.Range): this {
    const r = range as unknown as FakeRange;
    if (r.sheet !== this.sheet) throw new Error('Fake: a chart reads ranges of its own sheet here.');
    this.ranges.push(r);
    return this;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.type = type as unknown as string;
    return this;
  }
  setNumHeaders(headers: number): this {
    this.headers = headers;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options.set(option, value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (![anchorRowPos, anchorColPos].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('Invalid argument: anchor row and column start at 1.');
    this.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  build(): FakeEmbeddedChart {
    if (!this.type) throw new Error('Chart type must be set before the chart is built.');
    if (!this.ranges.length) throw new Error('A chart needs at least one range.');
    return new FakeEmbeddedChart(this.sheet, this.type, [...this.ranges], this.headers, new Map(this.options), { ...this.anchor });
  }
}

/** An embedded chart: what was built, and `getAs` an image of it (a stand-in PNG naming its title). */
export class FakeEmbeddedChart implements Subset<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getAs'> {
  readonly me: this = this;
  constructor(
    readonly sheet: FakeSheet,
    readonly type: string,
    readonly ranges: FakeRange[],
    readonly numHeaders: number,
    readonly options: Map<string, unknown>,
    readonly anchor: { row: number; column: number; offsetX: number; offsetY: number },
  ) {}
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'image/png') throw new Error(`Fake: charts convert to image/png here, not ${contentType}.`);
    return new FakeBlob(`${String(this.options.get('title') ?? 'chart')}.png`, 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  }
}

export interface Toast {
  message: string;
  title: string;
}

type SpreadsheetMethods = 'getSheets' | 'getSheetByName' | 'insertSheet' | 'getSpreadsheetTimeZone' | 'toast' | 'getId' | 'getUrl' | 'getName' | 'getActiveRange' | 'getOwner';

export class FakeSpreadsheet implements Subset<Spreadsheet, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  readonly protections: FakeProtection[] = [];
  readonly toasts: Toast[] = [];
  /** What the script selected, in order: the sheet's name, then the A1 ranges of a range list. */
  readonly selections: string[][] = [];
  /** People with edit access to the file; a new protection starts with all of them. */
  readonly editors: string[];
  /** Owned by a consumer account (no Workspace domain): `setDomainEdit` throws. */
  consumer = false;
  private nextSheetId = 0;
  /** What the user has selected (`select` in a test); null: the cursor is where a file opens. */
  private activeRange: { sheet: FakeSheet; a1: string } | null = null;

  constructor(
    private readonly ctx: FakeContext,
    readonly id = '1AbCdEfGhIjKlMnOpQrStUvWxYz',
    readonly name = 'Thi đua CCHC 2022',
  ) {
    this.editors = [ctx.owner];
  }

  /** Adds a sheet for a test's set-up (not counted). */
  addSheet(name: string, values: Value[][] = [], formats?: string[][]): FakeSheet {
    const sheet = new FakeSheet(this.ctx, this, name, this.nextSheetId++ * 1000 + 7);
    sheet.fill(values, formats);
    this.sheets.push(sheet);
    return sheet;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** Selects a range as the user would by clicking (test set-up, not counted). */
  select(sheetName: string, a1: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    this.activeRange = { sheet, a1 };
  }
  getOwner(): FakeUser | null {
    return this.ctx.sharedDrive ? null : counted(new FakeUser(this.editors[0]!), 'User', this.ctx.log);
  }
  /** Never null in Sheets: with nothing selected it is the cursor's cell, A1 of the first sheet when a file opens. */
  getActiveRange(): FakeRange {
    const { sheet, a1 } = this.activeRange ?? { sheet: this.sheets[0], a1: 'A1' };
    if (!sheet) throw new Error('Fake: a spreadsheet always has a sheet; add one in the test.');
    return sheet.getRange(a1);
  }

  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => counted(s, 'Sheet', this.ctx.log));
  }
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.sheet(name);
    return sheet ? counted(sheet, 'Sheet', this.ctx.log) : null;
  }
  insertSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    return counted(this.addSheet(name), 'Sheet', this.ctx.log);
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.timeZone;
  }
  toast(message: string, title?: string, _timeoutSeconds?: number | null): void {
    this.toasts.push({ message, title: title ?? '' });
  }
  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return this.name;
  }
}

export type MenuEntry = { caption: string; functionName: string } | 'separator';

export class FakeMenu implements Subset<Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly entries: MenuEntry[] = [];
  added = false;
  constructor(readonly caption: string) {}
  addItem(caption: string, functionName: string): this {
    this.entries.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.entries.push('separator');
    return this;
  }
  addToUi(): void {
    this.added = true;
  }
}

/** The fake page behind an `HtmlOutput` (its fields: reading them is not a service call). */
function page(output: GoogleAppsScript.HTML.HtmlOutput): { content: string; title: string } {
  return output as unknown as { content: string; title: string };
}

export interface Shown {
  title: string;
  html: string;
}

export class FakeUi implements Subset<Ui, 'createMenu' | 'createAddonMenu' | 'alert' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar'> {
  readonly menus: FakeMenu[] = [];
  readonly alerts: Array<{ title: string; prompt: string }> = [];
  /** The buttons the user will press, in order (a test sets them); OK once they run out. */
  readonly answers: string[] = [];
  readonly dialogs: Shown[] = [];
  readonly sidebars: Shown[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(private readonly ctx: FakeContext) {}

  createMenu(caption: string): FakeMenu {
    const menu = new FakeMenu(caption);
    this.menus.push(menu);
    return counted(menu, 'Menu', this.ctx.log);
  }
  createAddonMenu(): FakeMenu {
    return this.createMenu('(Tiện ích bổ sung)');
  }
  alert(...args: unknown[]): string {
    const [title, prompt] = args.length >= 3 || (args.length === 2 && typeof args[1] === 'string') ? [String(args[0]), String(args[1])] : ['', String(args[0])];
    this.alerts.push({ title, prompt });
    return this.answers.shift() ?? this.Button.OK;
  }
  // Reads the page's fields, not its methods: showing a page is one call, not three.
  showModalDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialogs.push({ title, html: page(output).content });
  }
  showModelessDialog(output: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialogs.push({ title, html: page(output).content });
  }
  showSidebar(output: GoogleAppsScript.HTML.HtmlOutput): void {
    this.sidebars.push({ title: page(output).title, html: page(output).content });
  }
}
