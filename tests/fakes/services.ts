/** Fakes of the small services around the sheet: locks, session, properties, HTML, triggers. */
import type { Subset } from './calls';
import type { FakeContext } from './spreadsheetApp';
import { counted, type CallLog } from './calls';
import { zipSync } from 'fflate';
import { FakeBlob, bytesOf } from './documentApp';
import { FakeUser, midnightIn } from './spreadsheetApp';

type Lock = GoogleAppsScript.Lock.Lock;
type Properties = GoogleAppsScript.Properties.Properties;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/**
 * One document lock shared by every execution of the fake: `held` by someone else blocks. A
 * dialog that waits for the user (`Ui.alert`, `prompt`) suspends the script, and the lock does
 * not survive it: `suspend()` drops it, so a second execution can take it meanwhile.
 */
export class FakeLock implements Subset<Lock, 'tryLock' | 'releaseLock' | 'hasLock'> {
  /** Another execution holds the lock (the test sets it to simulate a concurrent user). */
  heldElsewhere = false;
  held = false;
  /** How many times a held lock was lost to a suspension. */
  lost = 0;
  tryLock(_timeoutInMillis: number): boolean {
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }
  suspend(): void {
    if (this.held) this.lost++;
    this.held = false;
  }
  releaseLock(): void {
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

/** Apps Script's limits: 9 KB a value, 500 KB a store (keys and values). */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class FakeProperties implements Subset<Properties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties'> {
  readonly data = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    const text = String(value);
    if (bytes(text) > PROPERTY_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
    const others = [...this.data].filter(([k]) => k !== key).reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
    if (others + bytes(key) + bytes(text) > PROPERTY_STORE_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.data.set(key, text);
    return this;
  }
  /** Bytes the store holds (test inspection). */
  size(): number {
    return [...this.data].reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
  }
  deleteProperty(key: string): this {
    this.data.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
}

export class FakeHtmlOutput implements Subset<HtmlOutput, 'getContent' | 'setTitle' | 'getTitle' | 'setWidth' | 'setHeight'> {
  title = '';
  width = 0;
  height = 0;
  constructor(public content: string) {}
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
}

export function fakeHtmlService(log: CallLog, files: Map<string, string>) {
  return counted(
    {
      createHtmlOutput: (html = '') => counted(new FakeHtmlOutput(html), 'HtmlOutput', log),
      createHtmlOutputFromFile: (name: string) => {
        const html = files.get(name);
        if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return counted(new FakeHtmlOutput(html), 'HtmlOutput', log);
      },
    },
    'HtmlService',
    log,
  );
}

export function fakeSession(ctx: FakeContext) {
  return counted(
    {
      getActiveUser: () => counted(new FakeUser(ctx.activeUser), 'User', ctx.log),
      getEffectiveUser: () => counted(new FakeUser(ctx.effectiveUser), 'User', ctx.log),
      getScriptTimeZone: () => ctx.timeZone,
    },
    'Session',
    ctx.log,
  );
}

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;

/** The time a script sees, moved by the test (and by slow fake services), not by the wall clock. */
export class FakeClock {
  constructor(public ms = Date.UTC(2023, 0, 6, 2, 0, 0)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

type Trigger = GoogleAppsScript.Script.Trigger;

/** An editor add-on may not run a time-driven trigger more often than once an hour. */
export const ADDON_TRIGGER_MIN_MS = 3600_000;

export class FakeTrigger implements Subset<Trigger, 'getUniqueId' | 'getHandlerFunction'> {
  constructor(
    readonly id: string,
    readonly handler: string,
    /** When it fires, on the fake clock. */
    readonly at: number,
    /** Who made it: it runs as them, and only they see it in `getProjectTriggers`. */
    readonly owner: string,
    /** `after`: a one-off clock trigger; `hourly`: every hour from `at`; `daily`: every day at `hour`; `edit`: on every edit of the file. */
    readonly kind: 'after' | 'hourly' | 'daily' | 'edit' = 'after',
    readonly hour: number | null = null,
  ) {}
  getUniqueId(): string {
    return this.id;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
}

/**
 * ScriptApp's installable triggers: `newTrigger(f).timeBased().after(ms)` or `.everyDays(n)`,
 * `forSpreadsheet(s).onEdit()`, listing, deleting. Each user has their own (a fired one-off
 * trigger stays listed until deleted); an add-on has one trigger of each type (clock, edit) per
 * user and document (stricter, in one file, than the 20 a user may have per script), and its
 * clock trigger fires at most hourly.
 */
export class FakeTriggers {
  readonly list: FakeTrigger[] = [];
  private counter = 0;
  constructor(
    private readonly log: CallLog,
    private readonly clock: FakeClock,
    private readonly user: () => string,
  ) {}
  /** This user's triggers (test inspection). */
  mine(): FakeTrigger[] {
    return this.list.filter((t) => t.owner === this.user());
  }
  private add(handler: string, at: number, kind: FakeTrigger['kind'], hour: number | null = null): FakeTrigger {
    const type = (k: FakeTrigger['kind']) => (k === 'edit' ? 'edit' : 'clock');
    if (this.mine().some((t) => type(t.kind) === type(kind))) {
      throw new Error(`This add-on has created too many ${type(kind) === 'edit' ? 'edit' : 'time-based'} triggers in this document for this Google user account.`);
    }
    const trigger = new FakeTrigger(`trigger-${++this.counter}`, handler, at, this.user(), kind, hour);
    this.list.push(trigger);
    return counted(trigger, 'Trigger', this.log);
  }
  service() {
    const newTrigger = (handler: string) => {
      let after: number | null = null;
      let everyDays: number | null = null;
      let everyHours: number | null = null;
      let hour: number | null = null;
      const tooOften = () => new Error('Add-ons may not create time-based triggers that run more often than once an hour.');
      const clockBuilder = {
        after: (ms: number) => {
          after = ms;
          return counted(clockBuilder, 'ClockTriggerBuilder', this.log);
        },
        everyDays: (n: number) => {
          if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: days');
          everyDays = n;
          return counted(clockBuilder, 'ClockTriggerBuilder', this.log);
        },
        everyMinutes: (_n: number) => {
          throw tooOften();
        },
        everyHours: (n: number) => {
          if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: hours');
          everyHours = n;
          return counted(clockBuilder, 'ClockTriggerBuilder', this.log);
        },
        atHour: (h: number) => {
          if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error('Invalid argument: hour');
          hour = h;
          return counted(clockBuilder, 'ClockTriggerBuilder', this.log);
        },
        create: () => {
          if (everyDays !== null) return this.add(handler, this.clock.now(), 'daily', hour);
          if (everyHours !== null) return this.add(handler, this.clock.now() + everyHours * ADDON_TRIGGER_MIN_MS, 'hourly');
          if (after === null) throw new Error('The trigger needs a time: call after() or at() first.');
          if (after < ADDON_TRIGGER_MIN_MS) throw tooOften();
          return this.add(handler, this.clock.now() + after, 'after');
        },
      };
      const sheetBuilder = {
        onEdit: () => counted({ create: () => this.add(handler, this.clock.now(), 'edit') }, 'SpreadsheetTriggerBuilder', this.log),
      };
      return counted(
        {
          timeBased: () => counted(clockBuilder, 'ClockTriggerBuilder', this.log),
          forSpreadsheet: (_sheet: unknown) => counted(sheetBuilder, 'SpreadsheetTriggerBuilder', this.log),
        },
        'TriggerBuilder',
        this.log,
      );
    };
    return counted(
      {
        AuthMode,
        newTrigger,
        getProjectTriggers: () => this.mine().map((t) => counted(t, 'Trigger', this.log)),
        deleteTrigger: (trigger: Trigger) => {
          // Read through the fake's field: the script's own call is `deleteTrigger`, not `getUniqueId`.
          const i = this.list.findIndex((t) => t.id === (trigger as unknown as FakeTrigger).id && t.owner === this.user());
          if (i >= 0) this.list.splice(i, 1);
        },
      },
      'ScriptApp',
      this.log,
    );
  }
}

/**
 * Utilities: `parseDate` for the only pattern the add-on uses (`yyyy-MM-dd`: midnight of that day
 * in the time zone), and real blobs and zips, so a test can unzip what the add-on uploads. As in
 * Apps Script, a string becomes UTF-8 bytes, a zip is `application/zip`, and two entries with one
 * name are refused.
 */
export function fakeUtilities(log: CallLog, DateCtor: DateConstructor) {
  return counted(
    {
      parseDate: (text: string, timeZone: string, _pattern: string) => {
        const [y, m, d] = text.split('-').map(Number) as [number, number, number];
        return new DateCtor(midnightIn(timeZone, y, m, d).getTime());
      },
      newBlob: (data: string | number[], contentType?: string, name?: string) =>
        counted(new FakeBlob(name ?? '', contentType ?? '', typeof data === 'string' ? data : Uint8Array.from(data, (b) => b & 255)), 'Blob', log),
      zip: (blobs: FakeBlob[], name?: string) => {
        const entries: Record<string, Uint8Array> = {};
        for (const blob of blobs) {
          if (!(blob instanceof FakeBlob)) throw new Error('Utilities.zip takes blobs.');
          const path = blob.name; // read by Apps Script itself, not a script call
          if (!path) throw new Error('Utilities.zip: every blob needs a name.');
          if (path in entries) throw new Error(`Utilities.zip: duplicate entry ${path}.`);
          entries[path] = bytesOf(blob);
        }
        return counted(new FakeBlob(name ?? 'Archive.zip', 'application/zip', zipSync(entries)), 'Blob', log);
      },
    },
    'Utilities',
    log,
  );
}
