// Progressive enhancement for reader pages. Every feature here has a working no-JavaScript
// baseline in the HTML (a real "next page" link, plain share links), so each one only upgrades it.
import { enhanceBackToTop } from './back-to-top.ts';
import { enhanceLoadMore } from './load-more.ts';
import { enhanceShare } from './share.ts';

enhanceLoadMore(document);
enhanceBackToTop(document);
enhanceShare(document);
