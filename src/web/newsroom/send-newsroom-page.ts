import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { WebDeps } from '../web-deps.ts';
import { csrfTokenFor } from './newsroom-auth.ts';
import { renderNewsroomPage } from './views/newsroom-layout.tsx';

/** One newsroom page: its title, the navigation entry it belongs to, and its content (given the CSRF token). */
export interface NewsroomPage {
  title: string;
  active?: string;
  status?: number;
  body(csrfToken: string): VNode;
}

/** Renders a page of the article desk in the newsroom layout and sends it. */
export async function sendNewsroomPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, page: NewsroomPage): Promise<FastifyReply> {
  const csrfToken = csrfTokenFor(reply);
  const html = renderNewsroomPage({
    site: await deps.siteView(),
    newsroomAssets: deps.assets.newsroom,
    actor: request.actor,
    csrfToken,
    title: page.title,
    ...(page.active ? { active: page.active } : {}),
    children: page.body(csrfToken),
  });
  return reply.code(page.status ?? 200).type('text/html; charset=utf-8').send(html);
}
