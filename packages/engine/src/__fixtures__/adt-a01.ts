/** A small ADT^A01: one patient with an MRN, a name, a sex, a birth date and a phone number nobody maps. */
export const ADT_A01 = [
  'MSH|^~\\&|EPIC|HOSP|MAPWRIGHT|HOSP|20240101120000||ADT^A01|MSG00001|P|2.5.1',
  'EVN|A01|20240101120000',
  'PID|1||12345^^^HOSP^MR~999-99-9999^^^SSA^SS||DOE^JOHN^Q||19800101|M|||1 MAIN ST^^BOSTON^MA^02110||555-1234^PRN^PH',
  'PV1|1|I|WARD^101^A',
].join('\r');

/** The same patient with an unknown administrative sex. */
export const ADT_A01_SEX_X = ADT_A01.replace('|19800101|M|', '|19800101|X|');
