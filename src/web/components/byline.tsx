import type { SourceKind } from '../../arabic/wire-copy.ts';

interface BylineProps {
  byline: string | null;
  sourceKind: SourceKind;
  /** A paragraph on the article page, an inline run inside a card. */
  as?: 'p' | 'span';
}

/**
 * Who wrote or sent the story. Wire copy gets a "وكالات" badge so readers can tell agency stories
 * from the newsroom's own at a glance. The text sits in <bdi> because bylines may be Latin names.
 */
export function Byline({ byline, sourceKind, as = 'span' }: BylineProps) {
  const text = byline?.trim() ?? '';
  if (!text && sourceKind !== 'wires') return null;
  // A byline that already says وكالات ("وكالات – العربي") needs no badge saying it again.
  const badge = sourceKind === 'wires' && !text.includes('وكالات');
  const inner = (
    <>
      {badge ? <span class="badge badge-wires">وكالات</span> : null}
      {text ? <bdi class="byline-text">{text}</bdi> : null}
    </>
  );
  return as === 'p' ? <p class="byline">{inner}</p> : <span class="byline">{inner}</span>;
}
