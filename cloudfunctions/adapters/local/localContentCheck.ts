import type { ContentCheck, TextVerdict } from '../../app/ports'

// The local stack's content check: a short word list in place of WeChat's msgSecCheck, and
// photos pass at once (there is no reviewer to wait for). Same interface, so the use cases
// refuse text and hide photos the same way on both stacks.
export const DEFAULT_BLOCKED_WORDS = ['赌博网站', '代开发票', '枪支弹药', '办假证'] as const

export class LocalContentCheck implements ContentCheck {
  constructor(private readonly blocked: readonly string[] = DEFAULT_BLOCKED_WORDS) {}

  async checkText(texts: string[]): Promise<TextVerdict> {
    return texts.some((t) => this.blocked.some((w) => t.includes(w))) ? 'rejected' : 'pass'
  }

  async submitPhotos(): Promise<void> {}

  async visiblePhotos(fileIds: string[]): Promise<Set<string>> {
    return new Set(fileIds)
  }
}
