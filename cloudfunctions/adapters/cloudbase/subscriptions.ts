import type { GrantAnswer } from '../../../shared/api'
import type { Subscriptions } from '../../app/ports'
import { acceptedTemplates, templatesForTaps, type TemplateIds } from '../../app/subscriptions'
import type { GrantLedger } from './grants'
import type { Templates } from './templates'

// The grants the client asks for, and the ledger that records what people answered.
// Long-term grants (政务民生) are marked by the operator in the ledger, not by the client.
export class CloudbaseSubscriptions implements Subscriptions {
  private readonly ids: TemplateIds

  constructor(private readonly ledger: GrantLedger, templates: Templates) {
    this.ids = Object.fromEntries(Object.entries(templates).map(([kind, t]) => [kind, t?.id]))
  }

  templates() {
    return templatesForTaps(this.ids)
  }

  async record(userId: string, answers: Record<string, GrantAnswer>): Promise<number> {
    const granted = acceptedTemplates(this.ids, answers)
    for (const templateId of granted) await this.ledger.record(userId, templateId, 'once')
    return granted.length
  }
}
