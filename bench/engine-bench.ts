import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMapping, runMapping, type CompiledMapping } from '@mapwright/engine';
import { parseHl7 } from '@mapwright/hl7v2';
import { validateBundle, loadFhirDefinitions } from '@mapwright/fhir';
import { handWrittenAdt } from './hand-written-adt';
import { corpusMessages } from './lib/corpus';
import { benchParse } from './parse-bench';
import { round, throughput } from './lib/stats';

const ADT_MAPPING = join(import.meta.dirname, '..', 'mappings', 'adt-patient', 'mapping.json');

function compileAdt(): CompiledMapping {
  const compiled = compileMapping(JSON.parse(readFileSync(ADT_MAPPING, 'utf8')));
  if (!compiled.ok) throw new Error(`adt-patient does not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.value;
}

export async function benchEngine() {
  const adt = corpusMessages('ADT');
  console.log(`HL7 v2 full parse over ${adt.length} corpus ADT messages (every field read)…`);
  const parse = benchParse(adt);
  console.log(
    `  ours ${parse.oursMedianMicros} µs/message (median), @medplum/core ${parse.medplumMedianMicros} µs: ${parse.speedup}x  [target ≤ 10 µs and faster than medplum]`,
  );

  loadFhirDefinitions();
  const compiled = compileAdt();
  const accepted: string[] = [];
  for (const m of adt) {
    const result = await runMapping(compiled, m.text, { validate: false, coverage: false });
    if (result.ok) accepted.push(m.text);
  }
  console.log(`Map the ${accepted.length} ADT messages the adt-patient mapping accepts, one core…`);

  const map = await throughput(accepted, (text) =>
    runMapping(compiled, text, { validate: false, coverage: false }),
  );
  const mapValidate = await throughput(accepted, (text) =>
    runMapping(compiled, text, { validate: true, coverage: false }),
  );
  const full = await throughput(accepted, (text) =>
    runMapping(compiled, text, { validate: true, coverage: true }),
  );
  console.log(
    `  map ${round(map, 0)} msg/s; map+validate ${round(mapValidate, 0)} msg/s [target ≥ 1,000]; with coverage ${round(full, 0)} msg/s`,
  );

  const hand = await throughput(accepted, async (text) => {
    const parsed = parseHl7(text);
    if (parsed.ok) handWrittenAdt(parsed.message, text);
  });
  const handValidate = await throughput(accepted, async (text) => {
    const parsed = parseHl7(text);
    if (parsed.ok) validateBundle(handWrittenAdt(parsed.message, text));
  });
  console.log(
    `  hand-written TypeScript: map ${round(hand, 0)} msg/s, map+validate ${round(handValidate, 0)} msg/s; ours/hand-written ${round(map / hand, 3)} (map), ${round(mapValidate / handValidate, 3)} (map+validate)`,
  );

  // Where the time goes, from the engine's own per-stage timings.
  const stages = { parseMs: 0, mapMs: 0, validateMs: 0, totalMs: 0 };
  for (const text of accepted) {
    const result = await runMapping(compiled, text, { validate: true, coverage: true });
    if (!result.ok) continue;
    for (const key of Object.keys(stages) as (keyof typeof stages)[]) stages[key] += result.timings[key];
  }
  const share = (ms: number) => round((100 * ms) / stages.totalMs, 1);
  const profile = {
    parsePercent: share(stages.parseMs),
    jsonataMapPercent: share(stages.mapMs),
    validatePercent: share(stages.validateMs),
    otherPercent: round(100 - share(stages.parseMs) - share(stages.mapMs) - share(stages.validateMs), 1),
  };
  console.log(`  profile of one map+validate+coverage run: ${JSON.stringify(profile)}`);

  return {
    parse: { ...parse, targetMicros: 10, published: { nhapiMicros: 182, elixirHl7Micros: 17 } },
    adtMapping: {
      messages: accepted.length,
      mapPerSecond: round(map, 0),
      mapValidatePerSecond: round(mapValidate, 0),
      mapValidateCoveragePerSecond: round(full, 0),
      targetMapValidatePerSecond: 1000,
    },
    handWritten: {
      mapPerSecond: round(hand, 0),
      mapValidatePerSecond: round(handValidate, 0),
      ratioMap: round(map / hand, 3),
      ratioMapValidate: round(mapValidate / handValidate, 3),
      publishedPlainJsonataSlowdown: '57-582x slower than hand-written JS (jsonata-js #499)',
    },
    profile,
  };
}
