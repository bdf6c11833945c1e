/** Site-relative paths of reader pages, Arabic kept as written (views and redirects encode them). */
export const paths = {
  home: () => '/',
  section: (slug: string) => `/section/${slug}`,
  tag: (slug: string) => `/tag/${slug}`,
  article: (article: { id: number; slug: string }) => `/article/${article.id}/${article.slug}`,
} as const;
