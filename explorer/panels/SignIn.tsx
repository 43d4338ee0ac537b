import { useState, type FormEvent } from 'react';
import { apiToken, signIn, signOut } from '../api/session.ts';

/**
 * Server mode's sign-in: the viewer pastes the API token an administrator made with
 * `overblik token`. The page reloads signed in, so every view asks again with the token.
 */
export function SignIn() {
  // A stored token that the server refused has expired or been withdrawn: say so, forget it.
  const [rejected] = useState(() => {
    const had = apiToken() !== null;
    if (had) signOut();
    return had;
  });
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    signIn(token);
    window.location.reload();
  };
  return (
    <main className="sign-in">
      <h1>Overblik</h1>
      <p>
        Denne server deles af flere kommuner. Log ind med den API-nøgle, din administrator har givet
        dig; du ser din egen kommunes data og det, andre kommuner deler.
      </p>
      <form onSubmit={submit}>
        <label>
          API-nøgle
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="ovb_…"
            required
          />
        </label>
        <button type="submit">Log ind</button>
      </form>
      {rejected && (
        <p role="alert" className="sign-in-error">
          Nøglen blev ikke godkendt. Den kan være forkert eller trukket tilbage.
        </p>
      )}
    </main>
  );
}
