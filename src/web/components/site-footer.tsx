import { formatDigits } from '../../arabic/digits.ts';
import type { SiteView } from '../view-models.ts';

/** The page footer: site name, description and copyright year in the site's numbering system. */
export function SiteFooter({ site }: { site: SiteView }) {
  const year = new Intl.DateTimeFormat('en-u-nu-latn', { year: 'numeric', timeZone: site.dateStyle.timeZone }).format(
    site.now,
  );
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p class="footer-name">
          <a href="/">{site.name}</a>
        </p>
        {site.description ? <p class="footer-description">{site.description}</p> : null}
        <p class="copyright">
          © {formatDigits(year, site.dateStyle.numberingSystem)} {site.name}
        </p>
      </div>
    </footer>
  );
}
