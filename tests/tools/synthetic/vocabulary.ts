// Invented people and clinical wording for synthetic records. No real person is named; the
// note fragments are varied on purpose so a full-text search over notes has words to find.
import type { Rng } from './prng';

export const FAMILY_NAMES = [
  'Ashcombe', 'Brereton', 'Calloway', 'Dunmore', 'Elphick', 'Fairbairn', 'Garside', 'Hartigan', 'Ingleby', 'Jessop',
  'Kettering', 'Lathbury', 'Marchbank', 'Nettleford', 'Oakhurst', 'Pendleton', 'Quenby', 'Rushworth', 'Sallowby', 'Thistlewood',
  'Upcott', 'Varley', 'Wetherall', 'Yardley', 'Abernethy', 'Bramwell', 'Cresswell', 'Dalgleish', 'Eastwood', 'Fenwick',
  'Greenhalgh', 'Holroyd', 'Illingworth', 'Jowett', 'Kershaw', 'Lockwood', 'Mottram', 'Normanton', 'Ormerod', 'Pickersgill',
  'Ramsbottom', 'Shackleton', 'Tattersall', 'Uttley', 'Wadsworth', 'Okonkwo-Hale', 'Nakamura-Reid', 'Castellano', 'Ferreira-Lyle', 'Mbeki-Hart',
  'Kowalczyk', 'Abubakar', 'Lindqvist', 'Papadakis', 'Szabo-Grant', 'Van der Berg', "O'Halloran", 'McCorquodale', 'Featherstonehaugh', 'Llewellyn-Price',
] as const;

export const GIVEN_NAMES = {
  female: ['Margaret', 'Aisha', 'Bronwen', 'Clodagh', 'Delphine', 'Esme', 'Farida', 'Greta', 'Hollis', 'Ingrid', 'Juniper', 'Kerensa', 'Leontine', 'Mairead', 'Niamh', 'Ottilie', 'Priya', 'Rosalind', 'Sunniva', 'Thea'],
  male: ['Arthur', 'Bartholomew', 'Cormac', 'Desmond', 'Eamon', 'Florian', 'Gideon', 'Horatio', 'Ifeanyi', 'Jasper', 'Kasimir', 'Lachlan', 'Malcolm', 'Nikhil', 'Oswin', 'Peregrine', 'Rufus', 'Stellan', 'Tobias', 'Wilfred'],
} as const;

export interface Clinician {
  name: string;
  profession: string;
  registrationBody: 'gmc' | 'nmc' | 'hcpc';
  registrationNumber: string;
}

export const OPERATORS: readonly Clinician[] = [
  { name: 'Dr Imogen Hartley', profession: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990011' },
  { name: 'Dr Rahul Venkataraman', profession: 'Consultant in rehabilitation medicine', registrationBody: 'gmc', registrationNumber: '9990012' },
  { name: 'Dr Siobhan Ferris', profession: 'Consultant neurologist', registrationBody: 'gmc', registrationNumber: '9990013' },
  { name: 'Dr Kwame Asante-Boyd', profession: 'Specialty registrar', registrationBody: 'gmc', registrationNumber: '9990014' },
  { name: 'Dr Helena Marsh', profession: 'Consultant anaesthetist', registrationBody: 'gmc', registrationNumber: '9990015' },
  { name: 'Alys Pemberton', profession: 'Advanced practice physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH999021' },
];

export const ASSISTANTS: readonly Clinician[] = [
  { name: 'Tomasz Nowicki', profession: 'Physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH999011' },
  { name: 'Grace Odunsi', profession: 'Specialist nurse', registrationBody: 'nmc', registrationNumber: '99A9011E' },
  { name: 'Callum Brodie', profession: 'Occupational therapist', registrationBody: 'hcpc', registrationNumber: 'OT999012' },
  { name: 'Marisol Quintero', profession: 'Physiotherapist', registrationBody: 'hcpc', registrationNumber: 'PH999013' },
  { name: 'Bethan Lloyd', profession: 'Specialist nurse', registrationBody: 'nmc', registrationNumber: '99B9014E' },
];

export const LOCATIONS = [
  'Spasticity clinic, Neurorehabilitation Unit, Example General Hospital',
  'Day treatment suite, Example General Hospital',
  'Ward 7 (neurorehabilitation), Example General Hospital',
] as const;

const OPENINGS = [
  'Reviewed with family present.',
  'Attended with carer from residential home.',
  'Came alone by hospital transport.',
  'Partner present throughout; questions answered.',
  'Interpreter used for consent and aftercare.',
  'Seen after therapy session in the gym.',
];
const OBSERVATIONS = [
  'Tone noticeably reduced within minutes of the final freeze.',
  'Catch felt later in range on fast stretch after treatment.',
  'Splint fitting easier at the end of the session.',
  'Hygiene in the palm improved as fingers opened further.',
  'Gait observed in corridor: less toe drag on the treated side.',
  'Heel strike achieved on three of five steps afterwards.',
  'Scissoring reduced when transferring bed to chair.',
  'Night spasms reported as the main complaint today.',
  'Clonus shorter on rapid dorsiflexion after cycles.',
  'Sleeve dressing trial done with minimal help afterwards.',
];
const PLANS = [
  'Continue stretching programme and serial casting review.',
  'Community physiotherapy referral renewed.',
  'Orthotist to review ankle-foot orthosis in four weeks.',
  'Botulinum toxin held for now; reassess at clinic.',
  'Goal attainment scaling to be repeated at twelve weeks.',
  'Discussed baclofen dose with GP; no change today.',
  'Hand splint to be worn overnight, review skin daily.',
];
const EXTRA_WORDS = [
  'wheelchair', 'hoist', 'footplate', 'armrest', 'sling', 'orthosis', 'thermoplastic', 'cushion', 'carer', 'daughter',
  'son', 'husband', 'wife', 'neighbour', 'physiotherapy', 'hydrotherapy', 'gabapentin', 'paracetamol', 'tizanidine', 'baclofen',
  'allotment', 'grandchildren', 'piano', 'knitting', 'gardening', 'cycling', 'swimming', 'driving', 'kettle', 'stairs',
];

/** A few sentences of free text, different from session to session. */
export function noteText(rng: Rng, muscles: readonly string[]): string {
  const parts = [rng.pick(OPENINGS), rng.pick(OBSERVATIONS)];
  if (rng.chance(0.6)) parts.push(rng.pick(OBSERVATIONS));
  if (muscles.length > 0) parts.push(`Treated ${muscles.join(', ')}.`);
  parts.push(`Patient mentioned ${rng.pick(EXTRA_WORDS)} and ${rng.pick(EXTRA_WORDS)}.`);
  parts.push(rng.pick(PLANS));
  return parts.join(' ');
}

export const AMENDMENT_REASONS = [
  'Delayed complication reported at the day-7 phone call',
  'Patient rang the clinic on day 5 with burning pain in the treated area',
  'Complication recorded late after GP letter received',
] as const;
