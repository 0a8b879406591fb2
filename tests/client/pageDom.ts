import { act, fireEvent } from '@testing-library/react'

// Reading and tapping a rendered page by element id, for the page tests.

/** The element's text, or null when it is not on the page. */
export const text = (id: string) => document.getElementById(id)?.textContent ?? null

/** The element, or a failure that names the id. */
export function el(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is not on the page`)
  return found
}

/** A tap, with the state updates it causes settled. */
export const tap = async (id: string) => { await act(async () => { fireEvent.click(el(id)) }) }
