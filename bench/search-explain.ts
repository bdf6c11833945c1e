/**
 * Query plans for the benchmark report: runs a piece of work against a Kysely instance that records
 * every statement it sends, then asks the engine how it ran them (SQLite: EXPLAIN QUERY PLAN;
 * PostgreSQL: EXPLAIN (ANALYZE, BUFFERS), which runs the statement again). The statements are the
 * ones src/db/full-text.ts builds, so the report shows the plan of the code as it is, not of a copy.
 */
import { CompiledQuery, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Database, Dialect } from '../src/db/database.ts';

/** One statement and the engine's account of it, one line per plan row. */
export interface ExplainedStatement {
  sql: string;
  plan: string[];
}

class RecordingPlugin implements KyselyPlugin {
  readonly nodes: { node: RootOperationNode; queryId: PluginTransformQueryArgs['queryId'] }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Runs `work` once on a recording connection, then explains each statement it sent. */
export async function explainStatements(
  kysely: Kysely<Database>,
  dialect: Dialect,
  work: (recording: Kysely<Database>) => Promise<unknown>,
): Promise<ExplainedStatement[]> {
  const plugin = new RecordingPlugin();
  const recording = kysely.withPlugin(plugin);
  await work(recording);
  const executor = recording.getExecutor();
  const out: ExplainedStatement[] = [];
  for (const { node, queryId } of plugin.nodes) {
    const compiled = executor.compileQuery(node, queryId);
    const prefix = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
    const result = await kysely.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    const plan = result.rows.map((row) => (dialect === 'sqlite' ? String(row.detail) : String(row['QUERY PLAN'])));
    out.push({ sql: compiled.sql.replace(/\s+/g, ' ').trim(), plan });
  }
  return out;
}
