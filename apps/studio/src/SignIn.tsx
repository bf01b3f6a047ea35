import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from './trpc';

/** The first-run step (create the administrator) and the sign-in form share one layout. */
export function SignIn({ mode }: { mode: 'setup' | 'login' }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const done = { onSuccess: () => queryClient.invalidateQueries() };
  const setup = useMutation(trpc.auth.setup.mutationOptions(done));
  const login = useMutation(trpc.auth.login.mutationOptions(done));
  const pending = setup.isPending || login.isPending;
  const error = setup.error ?? login.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'setup') setup.mutate({ email, displayName, password });
    else login.mutate({ email, password });
  };

  return (
    <main className="sign-in">
      <h1>{mode === 'setup' ? 'Create the administrator' : 'Sign in to Mapwright'}</h1>
      {mode === 'setup' && <p>This is a new installation: the first account administers it.</p>}
      <form onSubmit={submit}>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        {mode === 'setup' && (
          <label>
            Name
            <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </label>
        )}
        <label>
          Password
          <input
            type="password"
            autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
            minLength={mode === 'setup' ? 12 : undefined}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && <p role="alert">{error.message}</p>}
        <button type="submit" disabled={pending}>
          {mode === 'setup' ? 'Create and sign in' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
