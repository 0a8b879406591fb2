// The order the register lists rooms in, as a worker walks them: building, unit, room, with
// numbers compared as numbers ("7栋" before "10栋", "202" before "601"). Stores sort it as plain
// text, so each run of digits is padded to one width; the room's id breaks a tie.

const WIDTH = 10

/** The sort key of a room's address label ("7栋1单元202" → "0000000007栋0000000001单元0000000202"). */
export const registerOrderOf = (addressLabel: string) => addressLabel.replace(/\d+/g, (digits) => digits.padStart(WIDTH, '0'))
