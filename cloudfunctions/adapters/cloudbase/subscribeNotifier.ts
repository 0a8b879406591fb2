import type { Clock, Notifier } from '../../app/ports'
import type { Message } from '../../../shared/model'
import type { CloudbaseStore } from './cloudbaseStore'
import { COLLECTIONS, isDuplicate } from './docs'
import type { GrantLedger } from './grants'
import { sendArgs, templateOf, type SendArgs, type Templates } from './templates'

// Pushes in CloudBase: the in-app message centre always has the message (the store wrote
// it with the change); on top of that, a WeChat subscription message goes out when a
// template is configured for its kind and the person holds a grant. Each message is tried
// at most once, ever: a `pushes` document (its _id = the message id) is claimed before the
// send and records the outcome, so a refused or failed send is never retried into a loop,
// and nothing here fails the person's action.

/** What is used of wx-server-sdk's `cloud.openapi`. */
export interface SubscribeApi { subscribeMessage: { send(args: SendArgs): Promise<unknown> } }

export type PushOutcome = 'sent' | 'no_openid' | 'no_grant' | 'refused' | 'failed'

/** WeChat's answer when the person holds no grant for the template (subscribeMessage.send). */
export const ERR_NOT_SUBSCRIBED = 43101

export interface SubscribeOptions {
  templates: Templates
  miniprogramState: SendArgs['miniprogramState']
}

export class SubscribeNotifier implements Notifier {
  constructor(
    private readonly store: CloudbaseStore,
    private readonly ledger: GrantLedger,
    private readonly api: SubscribeApi,
    private readonly clock: Clock,
    private readonly opts: SubscribeOptions,
  ) {}

  async notify(messages: Message[]): Promise<void> {
    const pushable = messages.filter((m) => templateOf(this.opts.templates, m.kind))
    if (pushable.length === 0) return
    const openids = new Map((await this.store.docsByIds(COLLECTIONS.users, pushable.map((m) => m.userId))).map((d) => [d._id, d.openid as string | undefined]))
    for (const m of pushable) {
      try {
        await this.push(m, openids.get(m.userId))
      } catch (err) {
        console.warn(`push of message ${m.id} failed; the in-app message is stored`, (err as Error).message)
      }
    }
  }

  private async push(m: Message, openid: string | undefined): Promise<void> {
    const template = templateOf(this.opts.templates, m.kind)!
    if (!(await this.claim(m, template.id))) return
    if (!openid) return this.settle(m, 'no_openid')
    if (!(await this.ledger.take(m.userId, template.id))) return this.settle(m, 'no_grant')
    try {
      await this.api.subscribeMessage.send(sendArgs(template, m, openid, this.opts.miniprogramState))
    } catch (err) {
      const { errCode, errMsg } = err as { errCode?: number; errMsg?: string }
      if (errCode === ERR_NOT_SUBSCRIBED) await this.ledger.revoke(m.userId, template.id)
      return this.settle(m, errCode === ERR_NOT_SUBSCRIBED ? 'refused' : 'failed', { errCode: errCode ?? null, errMsg: String(errMsg ?? err).slice(0, 200) })
    }
    return this.settle(m, 'sent')
  }

  /** True if this call may push the message; false if it was tried before. */
  private async claim(m: Message, templateId: string): Promise<boolean> {
    try {
      await this.store.db.collection(COLLECTIONS.pushes).add({ _id: m.id, userId: m.userId, kind: m.kind, templateId, status: 'pending', at: this.clock.now() })
      return true
    } catch (err) {
      if (isDuplicate(err)) return false
      throw err
    }
  }

  private async settle(m: Message, status: PushOutcome, extra: Record<string, unknown> = {}): Promise<void> {
    await this.store.db.collection(COLLECTIONS.pushes).doc(m.id).update({ status, ...extra, settledAt: this.clock.now() })
  }
}
