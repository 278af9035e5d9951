// The ceiling for bench/webhook.bench.ts: a bare node:http server that reads the body (3 MB
// limit), checks X-Hub-Signature-256 in constant time and answers 200 — no JSON, no storage, no
// bot. Whatever the exported bot adds is measured against what Node itself costs on this machine.
//   node bench/webhook-ceiling.mjs <app-secret>   → prints {"port": n} once listening
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.argv[2] ?? '';
const limit = 3 * 1024 * 1024;

const server = createServer((request, response) => {
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  request.on('end', () => {
    if (size > limit) return void response.writeHead(413).end();
    const header = /^sha256=([0-9a-f]{64})$/i.exec(String(request.headers['x-hub-signature-256'] ?? ''));
    const expected = createHmac('sha256', secret).update(Buffer.concat(chunks)).digest();
    const ok = header !== null && timingSafeEqual(expected, Buffer.from(header[1], 'hex'));
    response.writeHead(ok ? 200 : 401, { 'content-type': 'text/plain', 'content-length': '3' });
    response.end(ok ? 'ok\n' : 'no\n');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
