import { hrefFor } from './site-href.ts';

interface LoadMoreProps {
  nextPath: string | null;
  nextFragmentPath: string | null;
}

/**
 * "اظهر المزيد": a real link to the next page, so it works without JavaScript; the script fetches
 * data-fragment instead and appends the cards in place. The polite live region announces how many
 * stories arrived, because screen readers do not notice new list items on their own.
 */
export function LoadMore({ nextPath, nextFragmentPath }: LoadMoreProps) {
  return (
    <div class="load-more-row">
      <p class="sr-status" aria-live="polite"></p>
      {nextPath ? (
        <a
          class="load-more"
          href={hrefFor(nextPath)}
          data-fragment={nextFragmentPath ? hrefFor(nextFragmentPath) : undefined}
        >
          اظهر المزيد
        </a>
      ) : null}
    </div>
  );
}
