import { useQuery } from '@tanstack/react-query';
import { MappingList } from './MappingList';
import { SignIn } from './SignIn';
import { useTRPC } from './trpc';

/** First run -> create the administrator; signed out -> sign in; signed in -> the mappings. */
export function App() {
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.status.queryOptions());

  if (status.isError) {
    return <p role="alert">The server does not answer. Check that Mapwright is running, then reload.</p>;
  }
  if (status.isPending) return <p aria-busy="true">Loading…</p>;
  if (status.data.needsSetup) return <SignIn mode="setup" />;
  if (!status.data.user) return <SignIn mode="login" />;
  return <MappingList user={status.data.user} />;
}
