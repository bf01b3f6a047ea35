import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { childElements, getTypeDef, hasInlineChildren } from './definitions';
import type { ElementDef, TypeDef } from './definitions';
import generated from './generated/required-bindings.json';

/** Codes allowed by a required ValueSet, shaped for O(1) lookups. */
interface AllowedCodes {
  readonly url: string;
  /** Every allowed code, whatever its system: what a `code` element or a system-less Coding is checked against. */
  readonly codes: ReadonlySet<string>;
  readonly bySystem: ReadonlyMap<string, ReadonlySet<string>>;
}

type CheckKind = 'code' | 'Coding' | 'CodeableConcept';
const CHECKED_TYPES: ReadonlySet<string> = new Set<CheckKind>(['code', 'Coding', 'CodeableConcept']);

interface PropPlan {
  readonly check?: { readonly kind: CheckKind; readonly allowed: AllowedCodes };
  /** Key of the context to walk into, or 'resource' to dispatch on the value's resourceType. */
  readonly next?: string;
}

/** What to look at inside one kind of object (a resource, a backbone element or a datatype). */
interface Plan {
  readonly props: ReadonlyMap<string, PropPlan>;
}

interface Context {
  readonly type: TypeDef;
  readonly el: ElementDef | undefined;
}

const RESOURCE = 'resource';
const valueSetData: Record<string, Record<string, string[]>> = generated.valueSets;
const allowedByUrl = new Map<string, AllowedCodes | undefined>();

function allowedCodes(url: string): AllowedCodes | undefined {
  if (allowedByUrl.has(url)) return allowedByUrl.get(url);
  const data = valueSetData[url];
  const allowed = data
    ? {
        url,
        codes: new Set(Object.values(data).flat()),
        bySystem: new Map(Object.entries(data).map(([system, codes]) => [system, new Set(codes)])),
      }
    : undefined;
  allowedByUrl.set(url, allowed);
  return allowed;
}

/** Required-binding ValueSets the generator expanded, and those it skipped with the reason. */
export function requiredBindingCoverage(): { expanded: string[]; skipped: Record<string, string> } {
  return { expanded: Object.keys(valueSetData), skipped: { ...generated.skipped } };
}

// Plans are built lazily per context and kept for the life of the process: the definitions never change.
const contexts = new Map<string, Context>();
const rawPlans = new Map<string, Plan>();
const prunedPlans = new Map<string, Plan>();

function contextKey(type: TypeDef, el: ElementDef | undefined): string {
  const path = el ? (el.contentReference ?? el.path) : type.rootPath;
  return `${type.name}|${path}`;
}

function register(type: TypeDef, el: ElementDef | undefined): string {
  const key = contextKey(type, el);
  if (!contexts.has(key)) contexts.set(key, { type, el });
  return key;
}

function rawPlan(key: string): Plan {
  const cached = rawPlans.get(key);
  if (cached) return cached;
  const ctx = contexts.get(key);
  const props = new Map<string, PropPlan>();
  if (ctx) {
    for (const el of childElements(ctx.type, ctx.el)) {
      const choice = el.name.endsWith('[x]');
      for (const t of el.types) {
        const jsonName = choice
          ? `${el.name.slice(0, -3)}${t.charAt(0).toUpperCase()}${t.slice(1)}`
          : el.name;
        props.set(jsonName, propPlan(ctx.type, el, t));
      }
    }
  }
  const plan = { props };
  rawPlans.set(key, plan);
  return plan;
}

function propPlan(type: TypeDef, el: ElementDef, typeName: string): PropPlan {
  let next: string | undefined;
  if (hasInlineChildren(type, el)) next = register(type, el);
  else if (typeName === 'Resource') next = RESOURCE;
  else {
    const dataType = getTypeDef(typeName);
    if (dataType && dataType.kind === 'complex-type') next = register(dataType, undefined);
  }
  const allowed = el.binding?.strength === 'required' ? allowedCodes(el.binding.valueSet) : undefined;
  // Base R4 binds `code` and CodeableConcept as required; Coding is handled for profiles and extensions.
  const kind = CHECKED_TYPES.has(typeName) ? (typeName as CheckKind) : undefined;
  return {
    ...(allowed && kind ? { check: { kind, allowed } } : {}),
    ...(next ? { next } : {}),
  };
}

/** True when some required binding (or a nested resource) can be reached from this context. */
function reachesCheck(start: string): boolean {
  const seen = new Set([start]);
  const queue = [start];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    for (const prop of rawPlan(key).props.values()) {
      if (prop.check || prop.next === RESOURCE) return true;
      if (prop.next && !seen.has(prop.next)) {
        seen.add(prop.next);
        queue.push(prop.next);
      }
    }
  }
  return false;
}

/** The plan with every property dropped that cannot lead to a check, so the walk skips dead branches. */
function plan(key: string): Plan {
  const cached = prunedPlans.get(key);
  if (cached) return cached;
  const props = new Map<string, PropPlan>();
  for (const [name, prop] of rawPlan(key).props) {
    const next = prop.next && (prop.next === RESOURCE || reachesCheck(prop.next)) ? prop.next : undefined;
    if (!prop.check && !next) continue;
    props.set(name, { ...(prop.check ? { check: prop.check } : {}), ...(next ? { next } : {}) });
  }
  const pruned = { props };
  prunedPlans.set(key, pruned);
  return pruned;
}

function resourcePlanKey(resourceType: unknown): string | undefined {
  if (typeof resourceType !== 'string') return undefined;
  const type = getTypeDef(resourceType);
  return type && type.kind === 'resource' ? register(type, undefined) : undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks every element of `resource` that has a required binding to a ValueSet we could expand.
 * Expressions are FHIRPath from the resource type: `Patient.name[0].use`.
 * Values of the wrong JSON type are left alone: the structural validator reports those.
 */
export function checkRequiredBindings(resource: unknown): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  if (!isObject(resource)) return issues;
  const key = resourcePlanKey(resource.resourceType);
  if (key) walk(resource, plan(key), resource.resourceType as string, issues);
  return issues;
}

function walk(value: Json, current: Plan, expr: string, issues: OperationOutcomeIssue[]): void {
  for (const name in value) {
    const prop = current.props.get(name);
    if (!prop) continue;
    const child = value[name];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) visit(child[i], prop, `${expr}.${name}[${i}]`, issues);
    } else {
      visit(child, prop, `${expr}.${name}`, issues);
    }
  }
}

function visit(value: unknown, prop: PropPlan, expr: string, issues: OperationOutcomeIssue[]): void {
  const check = prop.check;
  if (check) {
    if (check.kind === 'code') {
      if (typeof value === 'string' && !check.allowed.codes.has(value)) {
        issues.push(codeIssue(`The value is not in required ValueSet ${check.allowed.url}`, expr));
      }
    } else if (check.kind === 'Coding') {
      checkCoding(value, check.allowed, expr, true, issues);
    } else {
      checkCodeableConcept(value, check.allowed, expr, issues);
    }
  }
  if (!prop.next || !isObject(value)) return;
  if (prop.next === RESOURCE) {
    const key = resourcePlanKey(value.resourceType);
    if (key) walk(value, plan(key), expr, issues);
  } else {
    walk(value, plan(prop.next), expr, issues);
  }
}

/** Returns true when the coding's system belongs to the ValueSet (whether or not its code does). */
function checkCoding(
  coding: unknown,
  allowed: AllowedCodes,
  expr: string,
  mustMatchSystem: boolean,
  issues: OperationOutcomeIssue[],
): boolean {
  if (!isObject(coding) || typeof coding.code !== 'string') return false;
  const { system, code } = coding;
  if (typeof system !== 'string') {
    if (!allowed.codes.has(code)) {
      issues.push(
        codeIssue(`The code (no system) is not in required ValueSet ${allowed.url}`, `${expr}.code`),
      );
    }
    return true;
  }
  const codes = allowed.bySystem.get(system);
  if (!codes) {
    if (mustMatchSystem) {
      issues.push(
        codeIssue(`The coding system is not part of required ValueSet ${allowed.url}`, `${expr}.system`),
      );
    }
    return false;
  }
  if (!codes.has(code)) {
    issues.push(codeIssue(`The code is not in required ValueSet ${allowed.url}`, `${expr}.code`));
  }
  return true;
}

function checkCodeableConcept(
  concept: unknown,
  allowed: AllowedCodes,
  expr: string,
  issues: OperationOutcomeIssue[],
): void {
  if (!isObject(concept) || !Array.isArray(concept.coding) || concept.coding.length === 0) return;
  // Codings from other systems may be translations; only those in the ValueSet's systems are judged.
  let fromValueSet = false;
  concept.coding.forEach((coding, i) => {
    if (checkCoding(coding, allowed, `${expr}.coding[${i}]`, false, issues)) fromValueSet = true;
  });
  if (!fromValueSet) {
    issues.push({
      severity: 'warning',
      code: 'code-invalid',
      details: { text: `No coding is from required ValueSet ${allowed.url}` },
      expression: [expr],
    });
  }
}

function codeIssue(text: string, expr: string): OperationOutcomeIssue {
  return { severity: 'error', code: 'code-invalid', details: { text }, expression: [expr] };
}
