import type { Db } from '@cloudbase/database'
import { CloudbaseAccountLinks } from './accountLinks'
import { CloudbaseBindingCodes } from './bindingCodes'
import { CloudbaseAudit } from './cloudbaseAudit'
import { CloudbaseBuildings } from './cloudbaseBuildings'
import { CloudbaseCases } from './cloudbaseCases'
import { CloudbaseDeclarations } from './cloudbaseDeclarations'
import { CloudbaseFiles, type CloudbaseFilesOptions } from './cloudbaseFiles'
import { CloudbaseMessages } from './cloudbaseMessages'
import { CloudbasePatrols } from './cloudbasePatrols'
import { CloudbasePoints } from './cloudbasePoints'
import { CloudbaseReference } from './cloudbaseReference'
import type { Doc } from './docs'
import { docsByIds } from './reads'

// The ports on the CloudBase document database (@cloudbase/node-sdk), one per noun. They
// behave as the SQLite ones do: both pass the contract suites in tests/functions/store/.

export { USER_QUERY_FIELDS } from './cloudbaseReference'
export type CloudbaseStoreOptions = CloudbaseFilesOptions

export class CloudbaseStore {
  readonly reference: CloudbaseReference
  readonly buildings: CloudbaseBuildings
  readonly cases: CloudbaseCases
  readonly declarations: CloudbaseDeclarations
  readonly audit: CloudbaseAudit
  readonly messages: CloudbaseMessages
  readonly points: CloudbasePoints
  readonly patrols: CloudbasePatrols
  readonly files: CloudbaseFiles
  readonly bindingCodes: CloudbaseBindingCodes
  readonly accountLinks: CloudbaseAccountLinks

  constructor(readonly db: Db, opts: CloudbaseStoreOptions = {}) {
    this.reference = new CloudbaseReference(db)
    this.buildings = new CloudbaseBuildings(db)
    this.cases = new CloudbaseCases(db)
    this.declarations = new CloudbaseDeclarations(db)
    this.audit = new CloudbaseAudit(db)
    this.messages = new CloudbaseMessages(db)
    this.points = new CloudbasePoints(db)
    this.patrols = new CloudbasePatrols(db)
    this.files = new CloudbaseFiles(db, opts)
    this.bindingCodes = new CloudbaseBindingCodes(db)
    this.accountLinks = new CloudbaseAccountLinks(db)
  }

  /** Raw documents by _id, for the adapters that keep fields beside a record (openid, photo checks). */
  docsByIds(collection: string, ids: string[]): Promise<Doc[]> {
    return docsByIds(this.db, collection, ids)
  }
}
