import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn, type Person, type Studio } from './studio';

const PASSWORD = 'correct horse battery';

/** The installation's administrator: the first person to sign in creates this account. */
export const ADMIN: Person = { email: 'ada@hospital.example', name: 'Ada Admin', password: PASSWORD };
export const AUTHOR: Person = { email: 'ana@hospital.example', name: 'Ana Analyst', password: PASSWORD };
export const REVIEWER: Person = { email: 'rex@hospital.example', name: 'Rex Reviewer', password: PASSWORD };

export type Role = 'analyst' | 'reviewer' | 'operator' | 'admin';

/**
 * Sets the installation up as in production: the administrator signs in first (creating the account),
 * then creates each person with their roles through the API.
 */
export async function createAccounts(
  studio: Studio,
  people: ReadonlyArray<{ person: Person; roles: Role[] }>,
): Promise<void> {
  const context = await studio.browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, studio.base, ADMIN);
    for (const { person, roles } of people) {
      const created = await page.request.post(`${studio.base}/trpc/users.create`, {
        data: { email: person.email, displayName: person.name, password: person.password, roles },
      });
      expect(created.status(), `creating ${person.email}`).toBe(200);
    }
  } finally {
    await context.close();
  }
}

/** A browser context of its own (its own session cookie) signed in as `person`. */
export async function signedIn(
  studio: Studio,
  person: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await studio.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, studio.base, person);
  return { context, page };
}

/** A tRPC answer as the HTTP API gives it: the data, or the error's code and message. */
export type ApiAnswer<T> =
  { ok: true; data: T } | { ok: false; status: number; code: string; message: string };

interface TrpcBody<T> {
  result?: { data: T };
  error?: { message: string; data?: { code?: string } };
}

async function answer<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<ApiAnswer<T>> {
  const body = (await response.json()) as TrpcBody<T>;
  if (body.error)
    return {
      ok: false,
      status: response.status(),
      code: body.error.data?.code ?? 'UNKNOWN',
      message: body.error.message,
    };
  return { ok: true, data: body.result!.data };
}

/** Calls a tRPC query over HTTP with the page's session, as the studio does. */
export async function apiQuery<T>(
  page: Page,
  base: string,
  path: string,
  input: unknown,
): Promise<ApiAnswer<T>> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return answer<T>(await page.request.get(`${base}/trpc/${path}${query}`));
}

/** Calls a tRPC mutation over HTTP with the page's session. */
export async function apiMutation<T>(
  page: Page,
  base: string,
  path: string,
  input: unknown,
): Promise<ApiAnswer<T>> {
  return answer<T>(await page.request.post(`${base}/trpc/${path}`, { data: input }));
}

/** The data of a call that must succeed; a refusal fails the test with the server's message. */
export function must<T>(result: ApiAnswer<T>): T {
  if (!result.ok) throw new Error(`API call refused (${result.code}): ${result.message}`);
  return result.data;
}
