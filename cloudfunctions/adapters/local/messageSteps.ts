import type { Message } from '../../../shared/model'
import { messageToRow } from './rows'
import type { Step } from './writeThread'

// Messages are inserted by the change that causes them, in its job (a task change, a
// declaration's verification), so the message and its cause commit together. One insert
// for every adapter that writes them.

export const INSERT_MESSAGE = `INSERT INTO messages (id, user_id, kind, title, body, report_id, task_id, created_at, read_at, extra)
    VALUES (@id, @user_id, @kind, @title, @body, @report_id, @task_id, @created_at, @read_at, @extra)`

export const messageSteps = (messages: Message[]): Step[] => messages.map((m) => ({ sql: INSERT_MESSAGE, params: messageToRow(m) }))
