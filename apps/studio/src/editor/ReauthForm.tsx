import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc';

/** Signs the same user in again without leaving the editor, so unsaved work stays in the page. */
export function ReauthForm({ email, onSignedIn }: { email: string; onSignedIn: () => void }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: onSignedIn }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <form className="reauth" onSubmit={submit}>
      <label>
        Password for {email}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" disabled={login.isPending}>
        Sign in again
      </button>
      {login.error && <span role="alert">{login.error.message}</span>}
    </form>
  );
}
