/**
 * The ILO's five regions, from a country's ISO 3166-1 code (used to balance groups across regions). A
 * country not listed (or none) has the region `''` (unknown). PERSISTED: nothing (computed when forming).
 */
export const REGIONS = ['africa', 'americas', 'arab-states', 'asia-pacific', 'europe-central-asia'] as const;
export type Region = (typeof REGIONS)[number];

// biome-ignore format: lists of codes
const CODES: Record<Region, string> = {
  africa: 'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  americas: 'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  'arab-states': 'AE BH IQ JO KW LB OM PS QA SA SY YE',
  'asia-pacific': 'AF AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IO IR JP KH KI KP KR LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW UM VN VU WF WS',
  'europe-central-asia': 'AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IL IM IS IT JE KG KZ LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TJ TM TR UA UZ VA XK',
};

const BY_COUNTRY = new Map<string, Region>(
  REGIONS.flatMap((region) => CODES[region].split(' ').map((code) => [code, region] as const)),
);

/** The region of a country code (`''` when unknown). */
export function regionOf(country: string | null | undefined): Region | '' {
  return (country && BY_COUNTRY.get(country.toUpperCase())) || '';
}
