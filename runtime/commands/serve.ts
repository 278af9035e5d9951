import { offersHuman } from '../../flows/check/index.ts';
import { assembleBot } from '../bot.ts';
import { serveConfig, type ServeConfig } from '../config/config.ts';
import { secretLookup, secretProblems } from '../config/secrets.ts';
import { callRecipient } from '../conversation/recipient-call.ts';
import { erasePerson } from '../erasure/erase-person.ts';
import { GraphClient } from '../graph/client.ts';
import { deskRoute } from '../desk/route.ts';
import { adminRoute } from '../handoff/admin.ts';
import { prepareRequests } from '../http/client.ts';
import { healthRoute } from '../http/health.ts';
import { botServer } from '../http/server.ts';
import { jsonLogger } from '../log.ts';
import { runtimeText } from '../messages.ts';
import { CloudTransport } from '../transport.ts';
import { webhookRoute } from '../webhook/route.ts';
import { line, openBundle, type RuntimeIo } from './context.ts';
import { PurgeSchedule } from './purge-schedule.ts';
import { subjectReport } from './subject.ts';

/**
 * `node server.js serve`: checks every setting first, then answers WhatsApp. Unprocessed inbox
 * rows and unsent outbox rows left by a crash are picked up at once; expired values are purged
 * at start and every hour. SIGTERM/SIGINT stop it cleanly. Resolves when it is listening.
 */
export async function serve(io: RuntimeIo): Promise<number | undefined> {
  let serveSettings: ServeConfig | undefined;
  const opened = await openBundle(io, (settings, flow) => {
    const checked = serveConfig(settings, io.language);
    for (const warning of checked.warnings) if (!settings.warnings.includes(warning)) line(io.stderr, warning);
    if (checked.ok) serveSettings = checked.config;
    const secrets = flow ? secretProblems(flow, settings, io.language) : [];
    return [
      ...(checked.ok ? [] : checked.problems.filter((problem) => !settings.problems.includes(problem))),
      ...secrets,
    ];
  });
  if (typeof opened === 'number') return opened;
  const config = serveSettings;
  if (!config) return 2;
  const { flow, store, keys, clock } = opened;
  const log = jsonLogger(io.stdout);
  const secrets = secretLookup(opened.settings);
  let stopping = false;

  const bot = assembleBot({
    flow,
    flowHash: opened.flowHash,
    store,
    keys,
    clock,
    log,
    transport: new CloudTransport(
      new GraphClient(config.graphApiBase, config.phoneNumberId, config.accessToken),
      config.forwardSecret,
    ),
    sendRate: config.sendRate,
    callRecipient: (flowOfCall, call) => callRecipient(flowOfCall, call, secrets),
    secrets,
  });
  const server = botServer(
    {
      webhook: webhookRoute({
        appSecret: config.appSecret,
        verifyToken: config.verifyToken,
        phoneNumberId: config.phoneNumberId,
        store,
        keys,
        clock,
        log,
        received: () => bot.worker.notify(),
      }),
      admin: adminRoute({
        flow,
        ...(config.adminToken ? { token: config.adminToken } : {}),
        store,
        keys,
        log,
        clock,
        exclusive: (personId, work) => bot.worker.exclusive(personId, work),
        release: (handoff) => bot.processor.release(handoff),
        reply: async (handoff, text, key) => (await bot.processor.agentReply(handoff, text, key)) !== false,
      }),
      desk: deskRoute({
        flow,
        store,
        keys,
        log,
        clock,
        exclusive: (personId, work) => bot.worker.exclusive(personId, work),
        release: (handoff) => bot.processor.release(handoff),
        reply: (handoff, text, key) => bot.processor.agentReply(handoff, text, key),
        erase: async (phone) => {
          const person = await store.findPerson(keys.keyring.phoneHash(phone));
          const erase = async () => (await erasePerson({ flow, store, keys }, phone, clock())).erased;
          const erased = person ? await bot.worker.exclusive(person.id, erase) : await erase();
          bot.erasures.notify();
          return erased;
        },
        exportSubject: (phone) => subjectReport({ flow, store, keys }, phone),
      }),
      health: healthRoute(store, clock, io.language),
    },
    log,
  );

  if (!config.adminToken) {
    line(io.stderr, runtimeText(io.language, offersHuman(flow) ? 'admin-off-handoff' : 'admin-off'));
  }

  // A paused store purges nothing, and a purge under way when the lock went may have failed or been
  // cut short: each resume runs one (on a shared store it is a no-op when another instance is purging).
  const purges = new PurgeSchedule({ store, clock, log });
  purges.start();
  const onSigterm = () => void stop('SIGTERM');
  const onSigint = () => void stop('SIGINT');
  /**
   * Gives back everything opened above, the last opened first: what a stop does, and what a refused
   * listen does before it exits 2. The server takes no more connections, the workers finish the
   * turn under way and stop, and the store closes last.
   */
  const closeAll = async () => {
    stopping = true;
    purges.stop();
    process.off('SIGTERM', onSigterm);
    process.off('SIGINT', onSigint);
    server.close();
    server.closeIdleConnections();
    await bot.stop();
    await store.close();
  };
  const stop = async (signal: string) => {
    if (stopping) return;
    log.info('stopping', { signal });
    await closeAll();
    log.info('stopped', {});
  };
  process.once('SIGTERM', onSigterm);
  process.once('SIGINT', onSigint);
  store.access.onChange((pause) => {
    if (pause) {
      const by = pause.reason === 'key-rotation' ? pause.holders.map((holder) => holder.name).join('; ') : undefined;
      // Replaced: only a restart with the new key helps, so it is an error; the other pauses end by themselves.
      (pause.reason === 'key-replaced' ? log.error : log.warn)('paused', {
        reason: pause.reason,
        ...(by ? { by } : {}),
      });
      return;
    }
    log.info('resumed', {});
    if (stopping) return;
    bot.worker.notify();
    bot.sender.notify();
    bot.erasures.notify();
    void purges.run();
  });

  // A port taken or refused is the operator's to fix: say so in their words, give everything back, and exit.
  const refused = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(config.port, config.host, () => resolve(undefined));
  });
  if (refused) {
    const where = { port: config.port, host: config.host ?? '0.0.0.0 / ::' };
    line(
      io.stderr,
      refused.code === 'EADDRINUSE'
        ? runtimeText(io.language, 'port-in-use', where)
        : runtimeText(io.language, 'listen-failed', { ...where, reason: refused.code ?? refused.name }),
    );
    await closeAll();
    return 2;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('listening', { port, flow: flow.id });
  line(io.stderr, runtimeText(io.language, 'listening', { flow: flow.name, port }));
  prepareRequests();
  await purges.run();
  bot.worker.notify();
  bot.sender.notify();
  bot.erasures.notify();
  return undefined;
}
