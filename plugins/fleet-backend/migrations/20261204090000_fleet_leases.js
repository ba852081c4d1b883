// @ts-check

/**
 * Leases that make one replica of several the only one doing a job (holding the fleet's
 * watches): the holder renews its lease; when it stops, another replica takes the lease once
 * it expired.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fleet_leases', table => {
    table.string('name', 255).primary();
    table.string('holder', 255).notNullable();
    table
      .bigInteger('expires_at')
      .notNullable()
      .comment('milliseconds since the epoch');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fleet_leases');
};
