/** A section of the site (دول العالم, رياضة …), shown in the menu in `position` order. */
export interface Section {
  id: number;
  slug: string;
  name: string;
  position: number;
}
