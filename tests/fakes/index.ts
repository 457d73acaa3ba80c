/**
 * A whole fake Google for one test: the services as globals, one spreadsheet, and the call log.
 * `install(target)` puts the services on `globalThis` (jest) or on a `node:vm` context.
 */
import { CallLog, counted } from './calls';
import { FakeDrive, fakeDocumentApp } from './drive';
import { FakeMailApp, fakeMailApp } from './mailApp';
import { FakeClock, FakeLock, FakeProperties, FakeTriggers, fakeHtmlService, fakeSession, fakeUtilities } from './services';
import { FakeDataValidationBuilder, FakeSpreadsheet, FakeUi, type FakeContext } from './spreadsheetApp';

export * from './calls';
export * from './services';
export * from './spreadsheetApp';
export * from './documentApp';
export * from './drive';
export * from './mailApp';
export { loadWorkbook } from './workbook';

export interface GoogleOptions {
  timeZone?: string;
  owner?: string;
  /** Who runs the script (Session.getEffectiveUser); the owner by default. */
  user?: string;
  /** Session.getActiveUser's address, `user` by default; '' as for a consumer account Google withholds. */
  activeUser?: string;
  /** The file is in a shared drive, so `getOwner()` is null. */
  sharedDrive?: boolean;
  /** The realm's Date for values read from cells (pass the vm context's). */
  DateCtor?: DateConstructor;
  /** Built HTML files, by the name `createHtmlOutputFromFile` takes. */
  htmlFiles?: Map<string, string>;
  /** The scopes the user granted: the manifest's by default. */
  grantedScopes?: readonly string[];
}

export type FakeGoogle = ReturnType<typeof fakeGoogle>;

export function fakeGoogle(options: GoogleOptions = {}) {
  const owner = options.owner ?? 'chu.tich@huulung.gov.vn';
  const ctx: FakeContext = {
    log: new CallLog(options.grantedScopes),
    DateCtor: options.DateCtor ?? Date,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    owner,
    effectiveUser: options.user ?? owner,
    activeUser: options.activeUser ?? options.user ?? owner,
    sharedDrive: options.sharedDrive ?? false,
  };
  const { log } = ctx;
  const spreadsheet = new FakeSpreadsheet(ctx);
  const ui = new FakeUi(ctx);
  const lock = new FakeLock();
  /** The script's lock (all users, all files) is another lock. */
  const scriptLock = new FakeLock();
  // Ui.alert waits for the user: the script is suspended and its lock is lost.
  const alert = ui.alert.bind(ui);
  ui.alert = (...args: unknown[]) => {
    lock.suspend();
    return alert(...args);
  };
  const documentProperties = new FakeProperties();
  /** User properties belong to each user. */
  const userStores = new Map<string, FakeProperties>();
  const userPropertiesOf = (email: string): FakeProperties => {
    if (!userStores.has(email)) userStores.set(email, new FakeProperties());
    return userStores.get(email)!;
  };
  const userProperties = userPropertiesOf(ctx.effectiveUser);
  const scriptProperties = new FakeProperties();
  /**
   * Under AuthMode.NONE the file cannot be read: a script that tries fails as in Sheets. A
   * time-driven trigger runs with no active spreadsheet (`container: false`); `documentLock:
   * false` is a context with no document lock (`getDocumentLock()` answers null).
   */
  const access = { spreadsheet: true, container: true, documentLock: true };
  const clock = new FakeClock();
  const drive = new FakeDrive(log, clock, () => ctx.effectiveUser, ctx.DateCtor);
  const triggers = new FakeTriggers(log, clock, () => ctx.effectiveUser);
  const mail = new FakeMailApp();

  const globals = {
    SpreadsheetApp: counted(
      {
        getActiveSpreadsheet: () => {
          if (!access.spreadsheet) throw new Error('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
          return access.container ? counted(spreadsheet, 'Spreadsheet', log) : null;
        },
        openById: (id: string) => {
          if (id !== spreadsheet.id) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
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
        getDocumentLock: () => (access.documentLock ? counted(lock, 'Lock', log) : null),
        getScriptLock: () => counted(scriptLock, 'Lock', log),
      },
      'LockService',
      log,
    ),
    PropertiesService: counted(
      {
        getDocumentProperties: () => counted(documentProperties, 'Properties', log),
        getUserProperties: () => counted(userPropertiesOf(ctx.effectiveUser), 'Properties', log),
        getScriptProperties: () => counted(scriptProperties, 'Properties', log),
      },
      'PropertiesService',
      log,
    ),
    Session: fakeSession(ctx),
    HtmlService: fakeHtmlService(log, options.htmlFiles ?? new Map()),
    ScriptApp: triggers.service(),
    DocumentApp: fakeDocumentApp(drive),
    Utilities: fakeUtilities(log, ctx.DateCtor),
    Drive: drive.service(),
    MailApp: fakeMailApp(mail, log),
    /** Enums only (reading one is no call). */
    Charts: { ChartType: { AREA: 'AREA', BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', SCATTER: 'SCATTER', TABLE: 'TABLE' } },
  };

  return {
    ctx,
    log,
    spreadsheet,
    ui,
    lock,
    documentProperties,
    userProperties,
    userPropertiesOf,
    access,
    clock,
    drive,
    triggers,
    mail,
    globals,
    /** The person at the keyboard from now on (menus, sidebars): both Session users. */
    actAs(user: string): void {
      ctx.activeUser = user;
      ctx.effectiveUser = user;
    },
    /** Puts the services where the script looks for them. */
    install(target: object = globalThis): void {
      Object.assign(target, globals);
    },
  };
}
