import type Database from 'better-sqlite3'

// The schema lives in an ordered list of migrations; PRAGMA user_version records how many
// have run. A migration, once shipped, is never edited: change the schema by appending.
// Columns hold what lists filter and sort on; the rest of a record is a JSON document, so
// an inbox page reads columns plus a small `extra` and never parses whole documents
// (TOOLCHAIN.md: parsing full documents doubles list latency).

export interface Migration {
  version: number
  name: string
  up: string | ((db: Database.Database) => void)
}

// Open statuses as they were when migration 1 shipped. The inbox query must repeat this
// IN list term for term or SQLite silently skips the partial index; a test checks the
// plan, so a change to OPEN_STATUSES needs a migration that recreates the index.
const OPEN_AT_V1 = `'submitted','assigned','accepted','transferred','escalated','returned','extension_requested','reopened'`
// Open declaration statuses as migration 8 shipped them: the same rule, for the verification lists.
const OPEN_DECLARATIONS_AT_V8 = `'pending','more_info'`
// Settled declarations whose personal fields the retention job removes (app/jobs/anonymiseExpired.ts).
const SETTLED_DECLARATIONS_AT_V8 = `'rejected','withdrawn'`

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up: `
      CREATE TABLE streets (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;
      CREATE TABLE communities (
        id TEXT PRIMARY KEY, street_id TEXT NOT NULL REFERENCES streets(id), doc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE grids (
        id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id),
        street_id TEXT NOT NULL REFERENCES streets(id), version INTEGER NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      CREATE TABLE users (id TEXT PRIMARY KEY, role TEXT NOT NULL, doc TEXT NOT NULL) STRICT;

      -- People are referenced by id without a foreign key: the CloudBase store cannot
      -- enforce one, and both adapters must pass the same contract suite.
      CREATE TABLE files (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, mime TEXT NOT NULL,
        size INTEGER NOT NULL, created_at INTEGER NOT NULL
      ) STRICT;

      -- A report and its task point at each other, so those keys are checked at commit.
      CREATE TABLE reports (
        id TEXT PRIMARY KEY, reporter_id TEXT NOT NULL,
        task_id TEXT NOT NULL REFERENCES tasks(id) DEFERRABLE INITIALLY DEFERRED,
        category TEXT NOT NULL, created_at INTEGER NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_by_reporter ON reports(reporter_id, created_at DESC, id DESC);

      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT NOT NULL, category TEXT NOT NULL, grid_id TEXT,
        queue_scope TEXT NOT NULL, queue_id TEXT NOT NULL, level TEXT NOT NULL, status TEXT NOT NULL,
        assignee_id TEXT, accepted_by_id TEXT, accept_due_at INTEGER NOT NULL, resolve_due_at INTEGER,
        due_at INTEGER, reopen_count INTEGER NOT NULL, version INTEGER NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, extra TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tasks_open_by_grid ON tasks(grid_id, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1});

      -- seq keeps insertion order among events stamped with the same millisecond.
      CREATE TABLE timeline (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        task_id TEXT NOT NULL REFERENCES tasks(id), at INTEGER NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX timeline_by_task ON timeline(task_id, at, seq);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        body TEXT NOT NULL, report_id TEXT, task_id TEXT, created_at INTEGER NOT NULL,
        read_at INTEGER, extra TEXT NOT NULL
      ) STRICT;
      CREATE INDEX messages_by_user ON messages(user_id, created_at DESC, id DESC);
      CREATE INDEX messages_unread ON messages(user_id) WHERE read_at IS NULL;

      CREATE TABLE sessions (
        token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- The UNIQUE key decides between two creates racing with the same request key.
      CREATE TABLE idempotency (
        request_key TEXT NOT NULL UNIQUE,
        report_id TEXT NOT NULL REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'index the deferred foreign keys',
    // While a deferred key is unresolved, every insert of a parent row searches its child
    // tables for rows it resolves; without these indexes that was a full scan per report.
    up: `
      CREATE INDEX tasks_by_report ON tasks(report_id);
      CREATE INDEX reports_by_task ON reports(task_id);
      CREATE INDEX idempotency_by_report ON idempotency(report_id);
    `,
  },
  {
    version: 3,
    name: 'seams: map generation, grid geometry, task milestones, queue and due indexes',
    up: `
      -- One generation for the whole grid map (DESIGN.md): every import moves it.
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      INSERT INTO meta (key, value) VALUES ('map_generation', (SELECT count(*) > 0 FROM grids));

      -- Grids carry a GeoJSON geometry (Polygon or MultiPolygon) instead of bare rings.
      UPDATE grids SET doc = json_remove(json_set(doc, '$.geometry',
          json_object('type', 'Polygon', 'coordinates', json_extract(doc, '$.polygon'))), '$.polygon')
        WHERE json_type(doc, '$.polygon') IS NOT NULL;
      UPDATE reports SET doc = json_set(doc, '$.routing.mapGeneration', 1)
        WHERE json_type(doc, '$.routing.mapGeneration') IS NULL;
      UPDATE streets SET doc = json_set(doc, '$.dispatcherIds', (SELECT json_group_array(u.id) FROM users u
          WHERE u.role = 'street_dispatcher' AND json_extract(u.doc, '$.streetId') = streets.id))
        WHERE json_type(doc, '$.dispatcherIds') IS NULL;

      -- When a task was accepted, resolved and closed, as columns: statistics count on them.
      ALTER TABLE tasks ADD COLUMN accepted_at INTEGER;
      ALTER TABLE tasks ADD COLUMN resolved_at INTEGER;
      ALTER TABLE tasks ADD COLUMN closed_at INTEGER;
      UPDATE tasks SET
        accepted_at = (SELECT max(at) FROM timeline WHERE task_id = tasks.id AND json_extract(doc, '$.action') = 'accept'),
        resolved_at = (SELECT max(at) FROM timeline WHERE task_id = tasks.id AND json_extract(doc, '$.action') = 'resolve'),
        closed_at = CASE WHEN status = 'closed' THEN updated_at END;
      -- A resolved task's deadline is the end of its 7-day rating window (the unrated-close job).
      UPDATE tasks SET due_at = coalesce(resolved_at, updated_at) + 604800000 WHERE status = 'resolved' AND due_at IS NULL;

      -- The dispatchers' queues: open tasks no grid holds, by deadline (same IN list as v1).
      -- Grid tasks stay out of it (the inbox index serves them): one index entry less per report.
      CREATE INDEX tasks_open_by_queue ON tasks(queue_scope, queue_id, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1}) AND queue_scope IN ('community', 'street');
      -- What the jobs sweep: tasks by state and deadline.
      CREATE INDEX tasks_due ON tasks(status, due_at) WHERE due_at IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'sessions stored as hashes, with an expiry',
    // A token read from the file (a backup, a copied folder) must not log anyone in: only its
    // SHA-256 is kept. Sessions of the old shape cannot be converted, so they end here.
    up: `
      DROP TABLE sessions;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);
    `,
  },
  {
    version: 5,
    name: 'staff binding: codes, account links; the inbox of a substitute',
    up: `
      -- One code per staff member, kept as a keyed hash (never the code); used_at marks its one use.
      CREATE TABLE binding_codes (
        staff_id TEXT PRIMARY KEY, code_hash TEXT NOT NULL UNIQUE, issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL, used_at INTEGER, used_by TEXT
      ) STRICT;

      -- An account (the dev login's identity, named by its own record) acting as a staff record.
      -- No foreign keys, as for people elsewhere: the CloudBase store cannot enforce them.
      CREATE TABLE account_links (
        account_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, linked_at INTEGER NOT NULL
      ) STRICT;

      -- A substitute's inbox: open tasks assigned to them in grids that are not theirs (same IN list as v1).
      CREATE INDEX tasks_open_by_assignee ON tasks(assignee_id, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1});
    `,
  },
  {
    version: 6,
    name: 'field-key canary',
    up: `
      -- One value encrypted with the current field key (app/privacy/canary.ts), opened at every
      -- start: a key ring that cannot open it stops the host. Text, so not in meta (INTEGER).
      CREATE TABLE field_canary (
        id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, written_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'the building registry: buildings and their rooms',
    up: `
      -- Ids are made from the community code, building, unit and room (app/buildings/ids.ts), so an
      -- import upserts. A room's row goes with its building's; declarations will name room ids.
      CREATE TABLE buildings (
        id TEXT PRIMARY KEY, community_id TEXT NOT NULL, grid_id TEXT NOT NULL,
        lng REAL NOT NULL, lat REAL NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX buildings_by_community ON buildings(community_id);
      CREATE INDEX buildings_by_grid ON buildings(grid_id);
      -- the box query of "buildings near me": by latitude first, as boxes are a few hundred metres tall
      CREATE INDEX buildings_by_lat ON buildings(lat, lng);
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY, building_id TEXT NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
        unit TEXT NOT NULL, number TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rooms_by_building ON rooms(building_id);
    `,
  },
  {
    version: 8,
    name: 'residence declarations, the population register, the blind-index lookup, the audit log',
    up: `
      -- A declaration's record is its document; the columns are what its lists filter and sort
      -- on. ID numbers and phones are in the document only in sealed form (token, blind index,
      -- masked): nothing here holds a plain number. request_key is UNIQUE so that two creates
      -- racing with one key are decided by the insert, as reports' idempotency table does.
      CREATE TABLE declarations (
        id TEXT PRIMARY KEY, request_key TEXT UNIQUE, declarant_id TEXT NOT NULL, grid_id TEXT NOT NULL,
        assignee_id TEXT, room_id TEXT NOT NULL, status TEXT NOT NULL, due_at INTEGER,
        updated_at INTEGER NOT NULL, created_at INTEGER NOT NULL, version INTEGER NOT NULL,
        anonymised_at INTEGER, doc TEXT NOT NULL
      ) STRICT;
      -- The verification lists: a grid's open declarations, and a substitute's in other grids.
      -- Queries repeat the IN list term for term, as the tasks' partial indexes need.
      CREATE INDEX declarations_open_by_grid ON declarations(grid_id, due_at, created_at, id)
        WHERE status IN (${OPEN_DECLARATIONS_AT_V8});
      CREATE INDEX declarations_open_by_assignee ON declarations(assignee_id, due_at, created_at, id)
        WHERE status IN (${OPEN_DECLARATIONS_AT_V8});
      CREATE INDEX declarations_by_declarant ON declarations(declarant_id, created_at DESC, id DESC);
      -- What the retention job sweeps: settled, not yet anonymised, oldest first.
      CREATE INDEX declarations_settled ON declarations(updated_at, id)
        WHERE status IN (${SETTLED_DECLARATIONS_AT_V8}) AND anonymised_at IS NULL;

      -- The population register: a row per person verified into a room. name is a column because
      -- the register sorts by it; moved_out is derived so one index serves both of its lists.
      CREATE TABLE residents (
        id TEXT PRIMARY KEY, room_id TEXT NOT NULL, building_id TEXT NOT NULL, grid_id TEXT NOT NULL,
        register_order TEXT NOT NULL,
        declarant_id TEXT NOT NULL, moved_out_at INTEGER, anonymised_at INTEGER, name TEXT NOT NULL,
        doc TEXT NOT NULL,
        moved_out INTEGER GENERATED ALWAYS AS (moved_out_at IS NOT NULL) VIRTUAL
      ) STRICT;
      CREATE INDEX residents_of_room ON residents(room_id, name, id) WHERE moved_out_at IS NULL;
      CREATE INDEX residents_by_declarant ON residents(declarant_id, room_id, name, id) WHERE moved_out_at IS NULL;
      -- the register and its moves, rooms in address order (building, unit, room), a grid's or one
      -- building's; an anonymised record is no one to list
      CREATE INDEX residents_register ON residents(grid_id, moved_out, register_order, room_id, name, id)
        WHERE anonymised_at IS NULL;
      CREATE INDEX residents_register_building ON residents(building_id, moved_out, register_order, room_id, name, id)
        WHERE anonymised_at IS NULL;
      -- coverage: rooms with a current resident, and residents, per grid (covering)
      CREATE INDEX residents_current_by_grid ON residents(grid_id, room_id) WHERE moved_out_at IS NULL;
      CREATE INDEX residents_expiring ON residents(moved_out_at, id)
        WHERE moved_out_at IS NOT NULL AND anonymised_at IS NULL;

      -- Which current resident or open declaration holds an ID number's blind index: the
      -- duplicate and conflict check is one indexed lookup. Rows exist only while their owner
      -- is current (a resident not moved out, a declaration pending or waiting for more) and
      -- not anonymised; the adapter removes them as the owner leaves that state.
      CREATE TABLE id_index (
        blind_index TEXT NOT NULL, owner_kind TEXT NOT NULL CHECK (owner_kind IN ('resident', 'declaration')),
        owner_id TEXT NOT NULL, room_id TEXT NOT NULL,
        PRIMARY KEY (blind_index, owner_kind, owner_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX id_index_by_owner ON id_index(owner_kind, owner_id);

      -- Every unmasked read of personal data. Append only, and the file itself enforces it:
      -- no code path, nor a second connection, can change or remove an entry.
      CREATE TABLE audit_log (id TEXT PRIMARY KEY, at INTEGER NOT NULL, doc TEXT NOT NULL) STRICT;
      CREATE INDEX audit_log_newest ON audit_log(at DESC, id DESC);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    `,
  },
  {
    version: 9,
    name: 'escalation and the dispatchers\' console: case numbers, areas, checks, the district queue',
    up: `
      -- What the console and the escalate job filter on (shared/model.ts Task): the 工单编号, the
      -- community and street a task lies in whichever queue holds it, and the next instant the
      -- job must look at it. UNIQUE: no two tasks share a number (an index, as ADD COLUMN takes no UNIQUE).
      ALTER TABLE tasks ADD COLUMN case_number TEXT;
      ALTER TABLE tasks ADD COLUMN community_id TEXT;
      ALTER TABLE tasks ADD COLUMN street_id TEXT;
      ALTER TABLE tasks ADD COLUMN check_at INTEGER;

      -- Areas: from the task's grid; a queued task from its queue's community or street; what is
      -- left (a grid an import removed since) from where its report was routed.
      UPDATE tasks SET community_id = g.community_id, street_id = g.street_id FROM grids g WHERE g.id = tasks.grid_id;
      UPDATE tasks SET community_id = queue_id, street_id = (SELECT c.street_id FROM communities c WHERE c.id = tasks.queue_id)
        WHERE community_id IS NULL AND queue_scope = 'community';
      UPDATE tasks SET street_id = queue_id WHERE street_id IS NULL AND queue_scope = 'street';
      UPDATE tasks SET community_id = json_extract(r.doc, '$.routing.communityId'), street_id = json_extract(r.doc, '$.routing.streetId')
        FROM reports r WHERE r.id = tasks.report_id AND tasks.community_id IS NULL AND tasks.street_id IS NULL;

      -- 工单编号 for the tasks there are: the Shanghai day (UTC+8, no daylight saving) of their
      -- creation and their place in that day, in created order; their reports show the same number.
      UPDATE tasks SET case_number = n.day || printf('%05d', n.seq)
        FROM (SELECT id, strftime('%Y%m%d', created_at / 1000, 'unixepoch', '+8 hours') AS day,
                row_number() OVER (PARTITION BY strftime('%Y%m%d', created_at / 1000, 'unixepoch', '+8 hours') ORDER BY created_at, id) AS seq
              FROM tasks) AS n
        WHERE n.id = tasks.id;
      UPDATE reports SET doc = json_set(doc, '$.caseNumber', t.case_number) FROM tasks t WHERE t.id = reports.task_id;
      CREATE UNIQUE INDEX tasks_by_case_number ON tasks(case_number);

      -- The escalate job's next look: an open task's deadline (its 80% warning cannot be placed
      -- without the calendar, so it falls due with the deadline); nothing for a finished one.
      UPDATE tasks SET check_at = due_at WHERE status IN (${OPEN_AT_V1});
      UPDATE tasks SET extra = json_insert(extra, '$.returnCount', 0,
        '$.warnAt', CASE WHEN status IN (${OPEN_AT_V1}) THEN due_at END);

      -- Each number handed out is a row, claimed by a random token inside the write thread's
      -- transaction (the one writer, so max + 1 is never taken twice) and read back by it after
      -- COMMIT: the write thread answers changes, not values (sqliteCases.ts nextCaseSequence).
      -- A day's numbers go on from the ones above.
      CREATE TABLE case_sequences (
        day TEXT NOT NULL, seq INTEGER NOT NULL, claim TEXT NOT NULL UNIQUE, PRIMARY KEY (day, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO case_sequences (day, seq, claim)
        SELECT substr(case_number, 1, 8), max(CAST(substr(case_number, 9) AS INTEGER)), 'migration 9: ' || substr(case_number, 1, 8)
        FROM tasks WHERE case_number IS NOT NULL GROUP BY substr(case_number, 1, 8);

      -- The console's lists: an area's open tasks in the inbox's order. The order's first term is
      -- an expression (undated last), and an index that holds it hands a page over without
      -- sorting every open task of the area first. Same IN list as v1, term for term.
      CREATE INDEX tasks_open_by_community ON tasks(community_id, due_at IS NULL, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1});
      CREATE INDEX tasks_open_by_street ON tasks(street_id, due_at IS NULL, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1});
      CREATE INDEX tasks_open_by_deadline ON tasks(due_at IS NULL, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1});
      -- The queues now include the district's (区网格办), in the same order.
      DROP INDEX tasks_open_by_queue;
      CREATE INDEX tasks_open_by_queue ON tasks(queue_scope, queue_id, due_at IS NULL, due_at, created_at, id)
        WHERE status IN (${OPEN_AT_V1}) AND queue_scope IN ('community', 'street', 'district');
      -- What the escalate job sweeps: a finished task has no checkAt and no entry.
      CREATE INDEX tasks_checks ON tasks(check_at, id) WHERE check_at IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: '"me too" and the public board: reports by category and time, a grid\'s resolved cases',
    up: `
      -- "Me too" (我也遇到): one category's reports of the last days, newest first; the box
      -- around the point is checked on the documents of that range (a few per block and month).
      CREATE INDEX reports_by_category ON reports(category, created_at DESC, id DESC);
      -- The public board (办结公示): a grid's resolved and closed cases, the latest resolution
      -- first. The board's query repeats this IN list term for term, or SQLite skips the index.
      CREATE INDEX tasks_resolved_by_grid ON tasks(grid_id, resolved_at DESC, id DESC)
        WHERE status IN ('resolved','closed');
    `,
  },
  {
    version: 11,
    name: "volunteers' points and the patrol log",
    up: `
      -- One entry per case (id = the report's id): the primary key, not an earlier read, makes a
      -- grant once-only however often a resolve, a rating or the close job asks for it. A capped
      -- entry is kept with 0 points so the history says why.
      CREATE TABLE points_entries (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, community_id TEXT, day TEXT NOT NULL,
        points INTEGER NOT NULL, at INTEGER NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      -- the day's total for the cap, and a person's total (covering: the sums read no document)
      CREATE INDEX points_by_user_day ON points_entries(user_id, day, points);
      -- a person's history, newest first
      CREATE INDEX points_history ON points_entries(user_id, at DESC, id DESC);
      -- a community's leaderboard: its entries grouped by person (covering)
      CREATE INDEX points_by_community ON points_entries(community_id, user_id, points, at);

      -- 巡查打卡. request_key is UNIQUE so that two starts racing with one key are decided by the
      -- insert, as declarations' is.
      CREATE TABLE patrols (
        id TEXT PRIMARY KEY, request_key TEXT UNIQUE, user_id TEXT NOT NULL,
        started_at INTEGER NOT NULL, ended_at INTEGER, version INTEGER NOT NULL, doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patrols_by_user ON patrols(user_id, started_at DESC, id DESC);
      -- a person's patrol that has not ended (one at a time)
      CREATE INDEX patrols_open ON patrols(user_id, started_at DESC) WHERE ended_at IS NULL;
    `,
  },
]

export const schemaVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number

/** Brings the file up to the newest schema; refuses a file written by newer code. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`)
  })
  const target = migrations.length
  const tooNew = (v: number) => new Error(`database schema v${v} is newer than this code (v${target}); refusing to open it`)
  const before = schemaVersion(db)
  if (before > target) throw tooNew(before)
  if (before === target) return

  // Table rebuilds in later migrations must not cascade through foreign keys, and the
  // pragma is ignored inside a transaction, so keys go off around it and are checked at the end.
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1
  db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      // Re-read under the write lock: another process may have migrated meanwhile.
      const current = schemaVersion(db)
      if (current > target) throw tooNew(current)
      for (const m of migrations.slice(current)) {
        if (typeof m.up === 'string') db.exec(m.up)
        else m.up(db)
      }
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`)
      db.pragma(`user_version = ${target}`)
    }).immediate()
  } finally {
    if (keysWereOn) db.pragma('foreign_keys = ON')
  }
}
