// @ts-check

/**
 * Snapshots of the last known fleet (so a restarted or second replica serves it at once) and the
 * history of observed changes (what ran on which node, when first seen, read from where).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_clusters', table => {
    table.comment('Last known state of each cluster, as served by /clusters');
    table
      .string('id', 400)
      .primary()
      .comment('<management>/<namespace>/<name>');
    table.string('management', 63).notNullable().index();
    table
      .text('summary', 'longtext')
      .notNullable()
      .comment('ClusterSummary JSON');
    table
      .text('detail', 'longtext')
      .notNullable()
      .comment('ClusterDetail JSON');
    table.string('updated_at', 40).notNullable();
  });
  await knex.schema.createTable('fleet_sources', table => {
    table.comment('State of each configured management and DNS cluster');
    table.string('key', 200).primary().comment('<scope>:<id>');
    table.text('status').notNullable().comment('SourceStatus JSON');
  });
  await knex.schema.createTable('fleet_meta', table => {
    table.comment(
      'One row: a counter bumped on every write, so replicas know when to reload',
    );
    table.integer('id').primary();
    table.bigInteger('version').notNullable();
  });
  await knex('fleet_meta').insert({ id: 1, version: 0 });
  await knex.schema.createTable('fleet_history', table => {
    table.comment('Observed changes: one row per change, never per refresh');
    table.bigIncrements('id').primary();
    table.string('cluster_id', 400).notNullable();
    table
      .string('kind', 40)
      .notNullable()
      .comment(
        'node-image | node-version | node-presence | dns-sync | cluster-health',
      );
    table
      .string('subject', 400)
      .notNullable()
      .comment('node name, record <kind>/<namespace>/<name>, or "cluster"');
    table
      .text('value')
      .nullable()
      .comment('the new value; null when the subject disappeared');
    table.text('previous').nullable();
    table
      .text('source')
      .nullable()
      .comment('FigureSource JSON of the new value');
    table
      .string('observed_at', 40)
      .notNullable()
      .comment('ISO time the change was first seen');
    table.index(
      ['cluster_id', 'observed_at'],
      'fleet_history_cluster_time_idx',
    );
    table.index(['observed_at'], 'fleet_history_time_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_history');
  await knex.schema.dropTable('fleet_meta');
  await knex.schema.dropTable('fleet_sources');
  await knex.schema.dropTable('fleet_clusters');
};
