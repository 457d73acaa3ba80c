/**
 * MailApp as documented (reference/mail/mail-app): `getRemainingDailyQuota()` counts
 * recipients left today (100 for a consumer account, 1,500 for Workspace); the call log refuses
 * both methods without the `script.send_mail` scope, as for every service. Sending more recipients than are left throws Google's quota
 * error and sends nothing; an unparsable address throws `Invalid email`.
 */
import type { Subset } from './calls';
import { counted, type CallLog } from './calls';

type MailApp = GoogleAppsScript.Mail.MailApp;

/** The scope the manifest must list for any MailApp call. */
export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export const DAILY_QUOTA = { consumer: 100, workspace: 1500 } as const;

export interface SentMail {
  to: string[];
  subject: string;
  body: string;
  name?: string;
}

const ADDRESS = /^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/;

export class FakeMailApp implements Subset<MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  readonly sent: SentMail[] = [];
  /** Addresses Google refuses to deliver to (the test sets them). */
  readonly failing = new Set<string>();
  constructor(public remaining: number = DAILY_QUOTA.consumer) {}

  getRemainingDailyQuota(): number {
    return this.remaining;
  }

  sendEmail(...args: unknown[]): void {
    const message = (typeof args[0] === 'object' && args[0] !== null
      ? args[0]
      : { to: args[0], subject: args[1], body: args[2], ...(args[3] as object | undefined) }) as { to?: unknown; cc?: unknown; bcc?: unknown; subject?: unknown; body?: unknown; htmlBody?: unknown; name?: unknown };
    const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((a) => a.trim()).filter(Boolean) : []);
    const to = list(message.to);
    const all = [...to, ...list(message.cc), ...list(message.bcc)];
    if (all.length === 0) throw new Error('Failed to send email: no recipient');
    for (const address of all) if (!ADDRESS.test(address)) throw new Error(`Invalid email: ${address}`);
    if (typeof message.subject !== 'string') throw new Error('Invalid argument: subject');
    if (all.length > this.remaining) throw new Error('Service invoked too many times for one day: email.');
    const refused = all.find((a) => this.failing.has(a));
    if (refused) throw new Error(`Failed to send email: ${refused}`);
    this.remaining -= all.length;
    this.sent.push({ to, subject: message.subject, body: String(message.body ?? message.htmlBody ?? ''), ...(typeof message.name === 'string' ? { name: message.name } : {}) });
  }
}

export function fakeMailApp(mail: FakeMailApp, log: CallLog) {
  return counted(mail, 'MailApp', log);
}
