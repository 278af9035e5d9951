import type { ServerResponse } from 'node:http';
import { studioSecurityHeaders } from '../shared/content-security-policy.ts';

/** Sends a response with the studio's security headers; nothing the host answers is cached. */
export function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...studioSecurityHeaders('browser'),
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
