/** `npm run preview`: loopback only, and no page but its own may change the workbook it serves. */
import { request } from 'node:http';
import { nominationToDraft, readWorkbook } from '../../src/core';
import { startPreview, TOKEN_HEADER } from '../../scripts/preview';
import type { Preview } from '../../scripts/preview';

let preview: Preview;
let port: number;
beforeAll(async () => {
  preview = await startPreview({ port: 0, log: () => undefined });
  port = Number(new URL(preview.url).port);
});
afterAll(() => preview.close());

/** One raw HTTP request, with exactly the headers given (a browser's Host and Origin included). */
function call(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const own = () => ({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, [TOKEN_HEADER]: preview.token, 'content-type': 'application/json' });
const writes = () => preview.host.writes.length;
/** A new nomination the server would save: a copy of the sample's first, under another name. */
const newNomination = () =>
  JSON.stringify([{ draft: { ...nominationToDraft(readWorkbook(preview.host.input).nominations[0]!), row: null, name: `Người thử ${writes()}` }, loaded: null }]);

describe('the preview server', () => {
  it('listens on the loopback address only', () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
  });

  it('answers its own page, whose calls carry the token', async () => {
    const index = await call('GET', '/', { host: `localhost:${port}` });
    expect(index.status).toBe(200);
    const sidebar = /src="(\/[^"]+)"/.exec(index.text)![1]!;
    expect((await call('GET', sidebar, { host: `127.0.0.1:${port}` })).text).toContain(`'${TOKEN_HEADER}': '${preview.token}'`);
    const before = writes();
    const answer = await call('POST', '/rpc/saveNomination', own(), newNomination());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true });
    expect(writes()).toBe(before + 1);
  });

  it.each([
    ['another site’s page (Origin)', { origin: 'https://evil.example' }],
    ['a page without Origin', { origin: undefined }],
    ['a rebound name (Host)', { host: `evil.example:${port}` }],
    ['no token', { [TOKEN_HEADER]: undefined }],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(48) }],
  ])('refuses a call from %s, and nothing is written', async (_, change) => {
    const before = writes();
    const headers = Object.fromEntries(Object.entries({ ...own(), ...change }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const answer = await call('POST', '/rpc/saveNomination', headers, newNomination());
    expect(answer.status).toBe(403);
    expect(answer.text).toMatch(/^Từ chối: /);
    expect(writes()).toBe(before);
  });

  it('refuses a page asked for under another name (DNS rebinding)', async () => {
    expect((await call('GET', '/', { host: 'evil.example' })).status).toBe(403);
  });
});
