import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio } from '../services/studio/create-studio.ts';
import { openWorkspace, type Workspace } from '../services/workspace/open-workspace.ts';
import { startWebHost, tokenHeader, type WebHost } from './server.ts';
import { createLaunchToken } from './token.ts';

let dir: string;
let workspace: Workspace;
let host: WebHost;
const token = createLaunchToken();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Amana</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '.secret.json'), '{}');
  writeFileSync(join(dir, 'outside.json'), '{"secret":true}');
  workspace = openWorkspace(join(dir, 'workspace.db'));
  const api = createStudio({
    workspace,
    host: { edition: 'browser', appVersion: '0.1.0', nativeFileDialogs: false, workspaceFile: workspace.file },
  });
  host = await startWebHost({
    api,
    rendererDir,
    token,
    port: 0,
    language: () => 'en',
    logError: (error) => {
      throw error;
    },
  });
});

afterAll(async () => {
  await host.close();
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP request to the host, with full control over every header (Host included). */
function call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const api = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
  call('POST', `/api/${method}`, { 'content-type': 'application/json', ...headers }, JSON.stringify({ args }));

describe('the browser edition’s host', () => {
  it('listens on 127.0.0.1 and prints the address with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createLaunchToken()).not.toBe(token);
  });

  it('refuses an API request without the token', async () => {
    const answer = await api('listFlows', []);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it.each([['wrong'], [`${token}x`], [token.slice(0, -1)], ['']])('refuses the wrong token %j', async (wrong) => {
    expect((await api('listFlows', [], { [tokenHeader]: wrong })).status).toBe(403);
  });

  it('serves the API with the right token', async () => {
    const answer = await api('listFlows', [], { [tokenHeader]: token });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: [] });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it.each([['evil.example'], ['evil.example:80'], [`localhost:${0}`], ['127.0.0.1'], ['127.0.0.1:1']])(
    'refuses the Host %s, as a DNS-rebinding page would send',
    async (wrongHost) => {
      const asked = wrongHost.replace(':0', `:${host.port}`);
      expect((await api('listFlows', [], { [tokenHeader]: token, host: asked })).status).toBe(403);
      expect((await call('GET', '/', { host: asked })).status).toBe(403);
    },
  );

  it('refuses API requests from another site, even with the token', async () => {
    const fromElsewhere = { [tokenHeader]: token, origin: 'http://127.0.0.1:9999' };
    expect((await api('listFlows', [], fromElsewhere)).status).toBe(403);
    expect((await api('listFlows', [], { [tokenHeader]: token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const sameOrigin = {
      [tokenHeader]: token,
      origin: `http://127.0.0.1:${host.port}`,
      'sec-fetch-site': 'same-origin',
    };
    expect((await api('listFlows', [], sameOrigin)).status).toBe(200);
  });

  it('accepts only JSON bodies of the form {"args": [...]}, within the size limit', async () => {
    const withToken = { [tokenHeader]: token };
    expect(
      (await call('POST', '/api/listFlows', { ...withToken, 'content-type': 'text/plain' }, '{"args":[]}')).status,
    ).toBe(415);
    expect(
      (await call('POST', '/api/listFlows', { ...withToken, 'content-type': 'application/json' }, '{')).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/listFlows', { ...withToken, 'content-type': 'application/json' }, '{}')).status,
    ).toBe(400);
    const huge = JSON.stringify({ args: [{ fileName: 'x', text: 'a'.repeat(70 * 1024 * 1024) }] });
    expect(
      (await call('POST', '/api/importFlow', { ...withToken, 'content-type': 'application/json' }, huge)).status,
    ).toBe(413);
    expect((await call('GET', '/api/listFlows', withToken)).status).toBe(405);
  });

  it('answers an unknown method with the API’s own refusal', async () => {
    const answer = await api('dropDatabase', [], { [tokenHeader]: token });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('serves the interface with a strict CSP and no Referer, so the token cannot leak', async () => {
    const page = await call('GET', '/?token=whatever');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Amana</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await call('GET', '/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['/../outside.json'],
    ['/%2e%2e/outside.json'],
    ['/assets/..%2f..%2foutside.json'],
    ['/.secret.json'],
    ['/assets/'],
    ['/missing.js'],
  ])('serves nothing outside the interface’s files: %s', async (path) => {
    const answer = await call('GET', path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('secret');
  });
});
