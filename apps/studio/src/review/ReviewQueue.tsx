import { useQuery } from '@tanstack/react-query';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import { ReviewBadge } from '../versions/ReviewBadge';
import { formatTime } from '../versions/review-state';
import '../versions/versions.css';
import './review.css';

/** The home page's "Waiting for review": versions in review first, each linking to its review page. */
export function ReviewQueue() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.reviews.queue.queryOptions());
  const waiting = queue.data?.filter((item) => item.state === 'in-review') ?? [];
  return (
    <section className="review-queue" aria-label="Waiting for review">
      <h2>Waiting for review</h2>
      {queue.isError && <p role="alert">{queue.error.message}</p>}
      {queue.isSuccess && waiting.length === 0 && <p>Nothing is waiting for review.</p>}
      <ul>
        {waiting.map((item) => (
          <li key={item.versionId}>
            <a href={hrefFor({ name: 'review', versionId: item.versionId })}>
              {item.mappingName} version {item.number}
            </a>{' '}
            <ReviewBadge state={item.state} /> submitted by {item.submittedBy}{' '}
            {item.submittedAt ? formatTime(item.submittedAt) : ''}
            {item.description && <span className="queue-description"> — {item.description}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
