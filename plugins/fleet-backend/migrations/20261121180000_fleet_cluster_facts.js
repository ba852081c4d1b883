// @ts-check

/**
 * The facts whose changes the history records (node images, versions, presence, DNS sync,
 * health), kept beside each cluster's detail, so a refresh compares against them without
 * parsing every stored cluster. Rows written before this column exist fall back to the detail.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('fleet_clusters', table => {
    table
      .text('facts', 'longtext')
      .nullable()
      .comment('JSON [kind, subject, value] triples of the recorded facts');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('fleet_clusters', table => {
    table.dropColumn('facts');
  });
};
