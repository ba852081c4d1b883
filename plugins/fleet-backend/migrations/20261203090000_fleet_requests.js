// @ts-check

/**
 * Template requests and their journeys (opened → merged → applied → reconciled or failed), kept
 * so that a request's steps stay known after its branch or pull request is gone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_requests', table => {
    table
      .string('id', 512)
      .primary()
      .comment('local:<branch> or github:<owner>/<repo>#<number>');
    table.string('cluster_name', 253).nullable().index();
    table.string('requested_by', 512).notNullable().index();
    table.string('state', 32).notNullable();
    table.string('committed_at', 64).notNullable();
    table.string('updated_at', 64).notNullable();
    table
      .text('item', 'longtext')
      .notNullable()
      .comment('JSON GitopsRequestItem with its journey');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_requests');
};
