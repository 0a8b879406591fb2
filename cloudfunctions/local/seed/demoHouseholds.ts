import type { Relation, Standing } from '../../../shared/declarations/words'
import { checkCharacter } from '../../../shared/identity/idDocuments'
import { givenNameAt, nameOf, phoneAt } from './people'

// The demo register's households, as their declarations would list them: 1–4 people a room,
// each with a mainland resident ID number that passes every check (a 4403xx district of
// Shenzhen, a birth date in the past, the MOD 11-2 check character) and, for the adults who
// declare and their spouses, a 139 mobile number. Deterministic: the same index gives the
// same household on every machine. Fake people: no number here belongs to anyone real
// beyond chance, and the store only ever holds them sealed.

export interface DemoPerson { name: string; idNumber: string; phone: string | null; relation: Relation; moveInDate: string }
export interface DemoHousehold { standing: Standing; persons: DemoPerson[] }

// 罗湖, 福田, 南山, 宝安, 龙岗, 盐田
const REGIONS = ['440303', '440304', '440305', '440306', '440307', '440308']
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const day = (year: number, salt: number) => `${year}-${pad((salt * 5) % 12 + 1)}-${pad((salt * 7) % 28 + 1)}`

/** An 18-digit resident ID number; `serial` (0–999) keeps each one distinct within a birth day and district. */
export function demoIdNumber(region: string, birthDate: string, serial: number): string {
  const body = `${region}${birthDate.replaceAll('-', '')}${pad(serial % 1000, 3)}`
  return body + checkCharacter(body)
}

/**
 * Household `k` of the demo. `head` names its first person when the demo's own account
 * declares it (the account's name and phone); `serial` is the first person's running number
 * across the demo, so no two people share an ID number.
 */
export function demoHousehold(k: number, serial: number, head?: { name: string; phone: string }): DemoHousehold {
  const size = [2, 3, 1, 4, 2, 3, 2, 1][k % 8]
  const movedIn = day(2015 + (k % 10), k)
  const region = (i: number) => REGIONS[(k + i) % REGIONS.length]
  const surname = k * 3
  const person = (i: number, name: string, relation: Relation, birthYear: number, phone: boolean): DemoPerson => ({
    name,
    idNumber: demoIdNumber(region(i), day(birthYear, k + i * 3), serial + i),
    phone: phone ? phoneAt(1000 + serial + i) : null,
    relation,
    moveInDate: movedIn,
  })
  const persons: DemoPerson[] = [
    head
      ? { ...person(0, head.name, 'self', 1975 + (k % 15), false), phone: head.phone }
      : person(0, nameOf(surname, k * 11 + 1), 'self', 1958 + ((k * 3) % 33), true),
  ]
  if (size >= 2) persons.push(person(1, nameOf(surname + 7, k * 11 + 5), 'spouse', 1960 + ((k * 3) % 31), true))
  // born before the household moved in (2015 at the earliest), so no one moved in before birth
  // the first person's child and father carry their surname
  const family = [...persons[0].name][0]
  if (size >= 3) persons.push(person(2, family + givenNameAt(k * 11 + 9), 'child', 2003 + (k % 11), false))
  if (size >= 4) persons.push(person(3, family + givenNameAt(k * 11 + 13), 'parent', 1940 + (k % 15), false))
  return { standing: k % 5 === 4 ? 'tenant' : 'owner', persons }
}
