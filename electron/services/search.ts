/**
 * Search over the office's cases (issue 8), answered from the search index inside the office's
 * database (search-index.ts; FTS5 in the encrypted file, a tsvector on the office server), limited
 * to the cases the user may open: the kierownik every case, a social worker the cases she leads,
 * an assistant the families assigned to her now (the same rules as caseAccess and the case list).
 *
 * What the user typed is folded like the index and split into words (data/search-terms.ts): no
 * query syntax of the user's reaches either engine, and the query is a bound parameter. The order
 * (found by name, number or PESEL before found by address; newest case first) is
 * data/queries/search.ts's.
 */
import type { EntityManager } from 'typeorm';
import type { SearchHit } from '../../shared/search';
import { searchCases, type SearchScope } from '../data/queries/search';
import { searchHit, searchMatch } from '../data/search-terms';
import type { Actor } from '../session/context';

function scope(actor: Actor): SearchScope {
  const { id, roles } = actor.user;
  if (roles.includes('head')) return { all: true };
  return { all: false, workerId: roles.includes('social_worker') ? id : null, assistantId: roles.includes('family_assistant') ? id : null };
}

export class SearchService {
  async search(m: EntityManager, query: string, limit: number, actor: Actor): Promise<SearchHit[]> {
    const match = searchMatch(query);
    if (!match) return [];
    return (await searchCases(m, match, limit, scope(actor))).map(searchHit);
  }
}
