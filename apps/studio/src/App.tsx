import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { SessionUser } from '@mapwright/api';
import { ChannelList } from './channels/ChannelList';
import { ChannelPage } from './channels/ChannelPage';
import { ErrorBoundary } from './ErrorBoundary';
import { MappingList } from './MappingList';
import { hrefFor, useRoute } from './routes';
import { SignIn } from './SignIn';
import { TerminologyScreen } from './terminology/TerminologyScreen';
import { useTRPC } from './trpc';

// The editor (React Flow, ELK, Monaco, the engine) loads when a mapping is opened, not on sign-in.
const EditorPage = lazy(() => import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })));
const VersionPage = lazy(() => import('./versions/VersionPage').then((m) => ({ default: m.VersionPage })));
const ComparePage = lazy(() => import('./diff/ComparePage').then((m) => ({ default: m.ComparePage })));
const ReviewPage = lazy(() => import('./review/ReviewPage').then((m) => ({ default: m.ReviewPage })));

/** First run -> create the administrator; signed out -> sign in; signed in -> the studio. */
export function App() {
  const trpc = useTRPC();
  // Asked once per page: a refetch on window focus that failed (server down) or found the session gone
  // would swap the editor for another screen and drop its unsaved state. The editor handles both itself;
  // signing in and out invalidate this query on purpose.
  const status = useQuery({
    ...trpc.auth.status.queryOptions(),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  if (status.isError && !status.data) {
    return <p role="alert">The server does not answer. Check that Mapwright is running, then reload.</p>;
  }
  if (!status.data) return <p aria-busy="true">Loading…</p>;
  if (status.data.needsSetup) return <SignIn mode="setup" />;
  if (!status.data.user) return <SignIn mode="login" />;
  return <Shell user={status.data.user} />;
}

function Shell({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const route = useRoute();
  const section =
    route.name === 'terminology'
      ? 'terminology'
      : route.name === 'channels' || route.name === 'channel'
        ? 'channels'
        : 'mappings';
  // Signing out drops every cached answer: nothing of this user's stays in the page.
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.resetQueries() }),
  );

  return (
    <div className="shell">
      <nav className="topbar" aria-label="Studio">
        <strong className="brand">Mapwright</strong>
        <a href={hrefFor({ name: 'mappings' })} aria-current={section === 'mappings' ? 'page' : undefined}>
          Mappings
        </a>
        <a
          href={hrefFor({ name: 'terminology' })}
          aria-current={section === 'terminology' ? 'page' : undefined}
        >
          Terminology
        </a>
        <a href={hrefFor({ name: 'channels' })} aria-current={section === 'channels' ? 'page' : undefined}>
          Channels
        </a>
        <span className="spacer" />
        <span>
          {user.displayName} ({user.roles.join(', ')})
        </span>
        <button type="button" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </nav>
      {route.name === 'mappings' && <MappingList user={user} />}
      {route.name === 'mapping' && (
        <ErrorBoundary what="editor" key={route.id}>
          <Suspense fallback={<p aria-busy="true">Loading the editor…</p>}>
            <EditorPage mappingId={route.id} user={user} />
          </Suspense>
        </ErrorBoundary>
      )}
      {route.name === 'version' && (
        <ErrorBoundary what="version" key={`${route.slug}/${route.number}`}>
          <Suspense fallback={<p aria-busy="true">Loading the version…</p>}>
            <VersionPage slug={route.slug} number={route.number} />
          </Suspense>
        </ErrorBoundary>
      )}
      {route.name === 'compare' && (
        <ErrorBoundary what="comparison" key={`${route.slug}/${route.from}/${route.to}`}>
          <Suspense fallback={<p aria-busy="true">Loading the comparison…</p>}>
            <ComparePage slug={route.slug} from={route.from} to={route.to} />
          </Suspense>
        </ErrorBoundary>
      )}
      {route.name === 'review' && (
        <ErrorBoundary what="review" key={route.versionId}>
          <Suspense fallback={<p aria-busy="true">Loading the review…</p>}>
            <ReviewPage versionId={route.versionId} user={user} />
          </Suspense>
        </ErrorBoundary>
      )}
      {route.name === 'terminology' && (
        <ErrorBoundary what="terminology screen">
          <TerminologyScreen user={user} />
        </ErrorBoundary>
      )}
      {route.name === 'channels' && (
        <ErrorBoundary what="channel list">
          <ChannelList user={user} />
        </ErrorBoundary>
      )}
      {route.name === 'channel' && (
        <ErrorBoundary what="channel" key={route.id}>
          <ChannelPage channelId={route.id} user={user} />
        </ErrorBoundary>
      )}
    </div>
  );
}
