/**
 * The fakes refuse, as Apps Script does, every call the manifest's `oauthScopes` do not allow,
 * from a method → scopes table generated from the `gas-types-detailed` package.
 */
import { readFileSync } from 'node:fs';
import { SCOPES_FILE, render, scopeTable } from '../../scripts/scopes';
import {
  ADVANCED_SERVICE_SCOPES,
  BUILT_IN_SCOPES,
  CallLog,
  MANIFEST_SCOPES,
  counted,
  fakeGoogle,
  scopeProblem,
  takeRefusedCalls,
} from '../fakes';

describe('the method → scopes table', () => {
  it('is what scripts/scopes.ts makes of the installed gas-types-detailed (run it after an upgrade)', () => {
    expect(readFileSync(SCOPES_FILE, 'utf8')).toBe(render(scopeTable()));
  });

  it('says what the Apps Script reference says', () => {
    expect(BUILT_IN_SCOPES['Range.setValues']).toEqual(['spreadsheets', 'spreadsheets.currentonly']);
    expect(BUILT_IN_SCOPES['Ui.showSidebar']).toEqual(['script.container.ui']);
    expect(BUILT_IN_SCOPES['ScriptApp.newTrigger']).toEqual(['script.scriptapp']);
    expect(BUILT_IN_SCOPES['Lock.tryLock']).toEqual([]);
    expect(BUILT_IN_SCOPES['DriveApp.getFolderById']).toEqual(['drive', 'drive.readonly']);
  });
});

describe('a call the manifest does not allow', () => {
  it('throws Apps Script’s message naming the scopes it needs', () => {
    const log = new CallLog(['documents']);
    const range = counted({ getValues: () => [['x']] }, 'Range', log);
    expect(() => range.getValues()).toThrow(
      'Specified permissions are not sufficient to call Range.getValues. Required permissions: https://www.googleapis.com/auth/spreadsheets || https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(takeRefusedCalls()).toHaveLength(1);
  });

  it('is allowed once granted, and a method needing no scope always is', () => {
    const log = new CallLog(['spreadsheets.currentonly']);
    expect(counted({ getValues: () => 1 }, 'Range', log).getValues()).toBe(1);
    expect(counted({ tryLock: () => true }, 'Lock', log).tryLock()).toBe(true);
    expect(log.calls()).toEqual(['Lock.tryLock', 'Range.getValues']);
  });

  it('fails even when the script catches the error (as the dossier code did to fall back to defaults)', () => {
    const google = fakeGoogle();
    const gmail = counted({ sendEmail: () => undefined }, 'GmailApp', google.log);
    try {
      gmail.sendEmail();
    } catch {
      // the script swallows it…
    }
    // …and the check after each test still sees it (taken here so this test passes).
    expect(takeRefusedCalls()).toEqual([expect.stringContaining('no scope table knows GmailApp.sendEmail')]);
  });

  it('fails for a method no table knows (a service the add-on does not declare)', () => {
    expect(scopeProblem('GmailApp.sendEmail', MANIFEST_SCOPES)).toMatch(/no scope table knows GmailApp\.sendEmail/);
  });
});

describe('the Drive scope', () => {
  it('reaches the Drive advanced service on files the add-on made (drive.file), never all of Drive', () => {
    expect(MANIFEST_SCOPES).toContain('drive.file');
    expect(MANIFEST_SCOPES).not.toContain('drive');
    for (const call of ['Drive.Files.create', 'Drive.Files.get', 'Drive.Files.update', 'Drive.Files.export']) {
      expect(ADVANCED_SERVICE_SCOPES[call]).toContain('drive.file');
      expect(scopeProblem(call, MANIFEST_SCOPES)).toBeNull();
    }
  });

  it('refuses DriveApp, Folder and File, which need the restricted drive scope', () => {
    for (const call of ['DriveApp.createFolder', 'DriveApp.getFileById', 'Folder.createFile', 'File.setTrashed']) {
      expect(scopeProblem(call, MANIFEST_SCOPES)).toMatch(/^Specified permissions are not sufficient to call/);
    }
  });
});
