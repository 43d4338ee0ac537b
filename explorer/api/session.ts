/**
 * The API token of server mode. It lives in sessionStorage: it stays through reloads of the tab
 * and is gone when the tab closes, so a shared computer does not keep anyone signed in.
 */
const TOKEN_KEY = 'overblik.token';

export function apiToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The Authorization header for the server's API, when signed in. */
export function authHeaders(): Record<string, string> {
  const token = apiToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** `fetch` of one of the server's API routes, signed in when there is a token. */
export function fetchApi(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), ...authHeaders() },
  });
}
