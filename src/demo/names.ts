import type { Random } from './random.js'

// Surnames are made from two invented halves ("Bramblewick"), so no demo student shares a real
// family name by design and anyone reading the data can see it is made up.
const SURNAME_STARTS = [
  'Amber',
  'Bramble',
  'Cinder',
  'Dapple',
  'Elder',
  'Fennel',
  'Gorse',
  'Hazel',
  'Ivy',
  'Juniper',
  'Kestrel',
  'Larch',
  'Marigold',
  'Nettle',
  'Otter',
  'Pebble',
  'Quince',
  'Rowan',
  'Sorrel',
  'Thistle',
  'Umber',
  'Vetch',
  'Willow',
  'Yarrow',
]
const SURNAME_ENDS = [
  'wick',
  'brook',
  'combe',
  'dell',
  'fold',
  'gate',
  'holt',
  'mere',
  'stead',
  'thorpe',
]
const FORENAMES = [
  'Ada',
  'Ben',
  'Cara',
  'Dev',
  'Esme',
  'Finn',
  'Gwen',
  'Hari',
  'Isla',
  'Jude',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Omar',
  'Pia',
  'Rafi',
  'Saba',
  'Theo',
  'Uma',
  'Vik',
  'Wren',
  'Yusuf',
  'Zara',
  'Chloé',
  'Zoë',
  'Róisín',
  'Anne-Marie',
]

export function fictionalName(random: Random): {
  forename: string
  surname: string
  preferredForename: string
} {
  const forename = random.pick(FORENAMES)
  return {
    forename,
    surname: random.pick(SURNAME_STARTS) + random.pick(SURNAME_ENDS),
    // A preferred name that differs from the legal one, as schools record for a student who goes by it.
    preferredForename: random.pick(FORENAMES.filter((name) => name !== forename)),
  }
}
