import { renderToString } from 'preact-render-to-string';
import { CardItems } from '../../components/card-list.tsx';
import { hrefFor } from '../../components/site-href.ts';
import type { CardPage, SiteView } from '../../view-models.ts';

/**
 * The next cards of a list as an HTML fragment for the load-more script: only the `<li>` items,
 * exactly as the full page renders them, and nothing else. Where the list continues travels in the
 * response headers from {@link cardsFragmentHeaders}.
 */
export function renderCardsFragment(list: CardPage, site: SiteView): string {
  return renderToString(<CardItems cards={list.cards} site={site} showDek />);
}

/**
 * The headers a fragment response must carry. X-Next-Page / X-Next-Fragment are percent-encoded
 * (header values must be ASCII, and Arabic slugs are not) and empty at the end of the list.
 */
export function cardsFragmentHeaders(list: CardPage): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'x-next-page': list.nextPath ? hrefFor(list.nextPath) : '',
    'x-next-fragment': list.nextFragmentPath ? hrefFor(list.nextFragmentPath) : '',
    'x-robots-tag': 'noindex',
  };
}
