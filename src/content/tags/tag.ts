/** A tag: a person, place, organisation or topic that links stories across sections. */
export interface Tag {
  id: number;
  slug: string;
  name: string;
}
