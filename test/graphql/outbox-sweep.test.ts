/**
 * The outbox sweep: a message left pending (its sender died before handing it over) is
 * delivered by the worker's sweep; a pending password-recovery message is aborted instead of
 * being sent with its password masked; fresh pending rows are left to their sender.
 */
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { redeliverPending } from '../../src/support/message.service';
import { resetMessageTransport, setMessageTransport, type OutgoingMessage } from '../../src/support/message-transport';

describe.each(enabledEngines())('the message outbox sweep on %s', (engine) => {
  let t: TestApp;
  const sent: OutgoingMessage[] = [];
  const db = () => t.database.handle.db;

  beforeAll(async () => {
    t = await startTestApp(engine);
    setMessageTransport('sms', { name: 'capture', send: async (m) => (sent.push(m), { ok: true }) });
  });
  afterEach(() => {
    sent.length = 0;
  });
  afterAll(async () => {
    resetMessageTransport();
    await t.stop();
  });

  const pending = async (template: string, body: string, ageMinutes: number) => {
    const [row] = await rows<{ id: number }>(
      db(),
      sql`insert into messages (operator_id, customer_id, channel, template, recipient, body, status_code, created_at)
          select operator_id, id, 'sms', ${template}, '+353860000001', ${body}, 201, now() - make_interval(mins => ${ageMinutes}) from customers order by id limit 1
          returning id`,
    );
    return row!.id;
  };
  const status = async (id: number) => (await rows<{ status_code: number; transport: string | null }>(db(), sql`select status_code, transport from messages where id = ${id}`))[0];

  it('delivers stale pending messages, aborts stale password recoveries, and leaves fresh ones', async () => {
    const stale = await pending('suspend', 'Your service is suspended.', 10);
    const recovery = await pending('recoverPassword', 'Your new password is ********', 10);
    const fresh = await pending('suspend', 'Just written.', 0);
    await redeliverPending(db(), { olderThanMs: 60_000 });
    expect(sent.map((m) => m.body)).toEqual(['Your service is suspended.']);
    expect(await status(stale)).toEqual({ status_code: 202, transport: 'capture' });
    expect((await status(recovery))!.status_code).toBe(505);
    expect((await status(fresh))!.status_code).toBe(201);
    // a second sweep sends nothing again
    await redeliverPending(db(), { olderThanMs: 60_000 });
    expect(sent).toHaveLength(1);
  });
});
