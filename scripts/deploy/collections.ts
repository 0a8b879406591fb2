import { init } from '@cloudbase/node-sdk'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase/docs'

// Creates the database collections the functions use (docs/deploy.md), leaving existing
// ones alone. Indexes are created in the console: the server SDK has no index API.
async function main() {
  const env = process.env.GRIDLINK_TCB_ENV
  if (!env) throw new Error('GRIDLINK_TCB_ENV is not set')
  const db = init({ env }).database()
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.createCollection(name)
      console.log(`  created collection ${name}`)
    } catch (err) {
      const code = String((err as { code?: string }).code ?? '')
      if (!/EXIST/.test(code)) throw err
      console.log(`  collection ${name} exists`)
    }
  }
}

main().catch((err) => {
  console.error(`✖ creating collections failed: ${(err as Error).message}`)
  process.exit(1)
})
