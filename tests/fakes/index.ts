/**
 * A whole fake Google for one test: the services as globals, one spreadsheet, and the call log.
 * `install(target)` puts the services on `globalThis` (jest) or on a `node:vm` context.
 */
import { CallLog, counted } from './calls';
import { FakeMailApp, fakeMailApp } from './mailApp';
import { FakeDrive, fakeDocumentApp, fakeDriveApp } from './driveApp';
import { FakeClock, FakeLock, FakeProperties, FakeTriggers, fakeHtmlService, fakeSession } from './services';
import { FakeDataValidationBuilder, FakeSpreadsheet, FakeUi, midnightIn, type FakeContext } from './spreadsheetApp';

export * from './calls';
export * from './services';
export * from './spreadsheetApp';
export * from './documentApp';
export * from './driveApp';
export * from './mailApp';
export { loadWorkbook } from './workbook';

export interface GoogleOptions {
  timeZone?: string;
  owner?: string;
  /** Who runs the script (Session.getEffectiveUser); the owner by default. */
  user?: string;
  /** The realm's Date for values read from cells (pass the vm context's). */
  DateCtor?: DateConstructor;
  /** Built HTML files, by the name `createHtmlOutputFromFile` takes. */
  htmlFiles?: Map<string, string>;
}

export type FakeGoogle = ReturnType<typeof fakeGoogle>;

export function fakeGoogle(options: GoogleOptions = {}) {
  const owner = options.owner ?? 'chu.tich@huulung.gov.vn';
  const ctx: FakeContext = {
    log: new CallLog(),
    DateCtor: options.DateCtor ?? Date,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    owner,
    effectiveUser: options.user ?? owner,
  };
  const { log } = ctx;
  const spreadsheet = new FakeSpreadsheet(ctx);
  const ui = new FakeUi(ctx);
  const lock = new FakeLock();
  const documentProperties = new FakeProperties();
  const userProperties = new FakeProperties();
  const scriptProperties = new FakeProperties();
  /** Under AuthMode.NONE the file cannot be read: a script that tries fails as in Sheets. */
  const access = { spreadsheet: true };
  const clock = new FakeClock();
  const drive = new FakeDrive(log, clock, ctx.DateCtor);
  const triggers = new FakeTriggers(log, clock, () => ctx.effectiveUser);
  const mail = new FakeMailApp();

  const globals = {
    SpreadsheetApp: counted(
      {
        getActiveSpreadsheet: () => {
          if (!access.spreadsheet) throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
          return counted(spreadsheet, 'Spreadsheet', log);
        },
        getUi: () => counted(ui, 'Ui', log),
        newDataValidation: () => counted(new FakeDataValidationBuilder(), 'DataValidationBuilder', log),
        flush: () => undefined,
        ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      },
      'SpreadsheetApp',
      log,
    ),
    LockService: counted(
      {
        getDocumentLock: () => counted(lock, 'Lock', log),
        getScriptLock: () => counted(lock, 'Lock', log),
      },
      'LockService',
      log,
    ),
    PropertiesService: counted(
      {
        getDocumentProperties: () => counted(documentProperties, 'Properties', log),
        getUserProperties: () => counted(userProperties, 'Properties', log),
        getScriptProperties: () => counted(scriptProperties, 'Properties', log),
      },
      'PropertiesService',
      log,
    ),
    Session: fakeSession(ctx),
    HtmlService: fakeHtmlService(log, options.htmlFiles ?? new Map()),
    ScriptApp: triggers.service(),
    DocumentApp: fakeDocumentApp(drive),
    Utilities: counted(
      {
        /** Only the `yyyy-MM-dd` pattern the add-on uses: midnight of that day in the time zone. */
        parseDate: (text: string, timeZone: string, _pattern: string) => {
          const [y, m, d] = text.split('-').map(Number) as [number, number, number];
          return new ctx.DateCtor(midnightIn(timeZone, y, m, d).getTime());
        },
      },
      'Utilities',
      log,
    ),
    DriveApp: fakeDriveApp(drive),
    MailApp: fakeMailApp(mail, log),
  };

  return {
    ctx,
    log,
    spreadsheet,
    ui,
    lock,
    documentProperties,
    userProperties,
    access,
    clock,
    drive,
    triggers,
    mail,
    globals,
    /** Puts the services where the script looks for them. */
    install(target: object = globalThis): void {
      Object.assign(target, globals);
    },
  };
}
