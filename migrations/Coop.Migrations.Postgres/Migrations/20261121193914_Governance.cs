using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assemblies",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    convocation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    documents = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    correspondence_voting = table.Column<bool>(type: "boolean", nullable: false),
                    notice_days = table.Column<int>(type: "integer", nullable: false),
                    first_convocation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    convened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    session_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    chair_id = table.Column<Guid>(type: "uuid", nullable: true),
                    secretary_id = table.Column<Guid>(type: "uuid", nullable: true),
                    eligible_count = table.Column<int>(type: "integer", nullable: false),
                    minutes = table.Column<string>(type: "text", nullable: true),
                    chair_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    secretary_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    second_convocation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assemblies", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "statutory_rules",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    convocation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    quorum_numerator = table.Column<int>(type: "integer", nullable: false),
                    quorum_denominator = table.Column<int>(type: "integer", nullable: false),
                    majority_numerator = table.Column<int>(type: "integer", nullable: false),
                    majority_denominator = table.Column<int>(type: "integer", nullable: false),
                    strict_majority = table.Column<bool>(type: "boolean", nullable: false),
                    majority_base = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    abstentions_count_as_cast = table.Column<bool>(type: "boolean", nullable: false),
                    blanks_count_as_cast = table.Column<bool>(type: "boolean", nullable: false),
                    weighting = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    bloc_numerator = table.Column<int>(type: "integer", nullable: false),
                    bloc_denominator = table.Column<int>(type: "integer", nullable: false),
                    proxy_cap = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    proxy_fixed_cap = table.Column<int>(type: "integer", nullable: false),
                    blank_proxy = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    secret_for_elections = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statutory_rules", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "assembly_attendees",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    college_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attendance = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voted_by_correspondence = table.Column<bool>(type: "boolean", nullable: false),
                    proxies_held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assembly_attendees", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_assembly_attendees_assemblies_tenant_id_assembly_id",
                        columns: x => new { x.tenant_id, x.assembly_id },
                        principalTable: "assemblies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assembly_attendees_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proxy_grants",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    giver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proxy_grants", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_proxy_grants_assemblies_tenant_id_assembly_id",
                        columns: x => new { x.tenant_id, x.assembly_id },
                        principalTable: "assemblies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    options = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    max_choices_or_score = table.Column<int>(type: "integer", nullable: false),
                    secret = table.Column<bool>(type: "boolean", nullable: false),
                    hide_results_until_close = table.Column<bool>(type: "boolean", nullable: false),
                    elects_people = table.Column<bool>(type: "boolean", nullable: false),
                    backed_by_board = table.Column<bool>(type: "boolean", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    convocation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    rule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    blank_proxy = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    colleges = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    eligible_count = table.Column<int>(type: "integer", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    closing_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ballot_count = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: true),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_votes", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_votes_assemblies_tenant_id_assembly_id",
                        columns: x => new { x.tenant_id, x.assembly_id },
                        principalTable: "assemblies",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballots",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    vote_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    voter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cast_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    college_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answer = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    choice = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    receipt = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    replaces = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    source = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    cast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballots", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_ballots_votes_tenant_id_vote_id",
                        columns: x => new { x.tenant_id, x.vote_id },
                        principalTable: "votes",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "voter_roll",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    vote_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    college_id = table.Column<Guid>(type: "uuid", nullable: true),
                    has_voted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voter_roll", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_voter_roll_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_voter_roll_votes_tenant_id_vote_id",
                        columns: x => new { x.tenant_id, x.vote_id },
                        principalTable: "votes",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assemblies_tenant_id_scheduled_at",
                table: "assemblies",
                columns: new[] { "tenant_id", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assembly_attendees_tenant_id_assembly_id_member_id",
                table: "assembly_attendees",
                columns: new[] { "tenant_id", "assembly_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assembly_attendees_tenant_id_member_id",
                table: "assembly_attendees",
                columns: new[] { "tenant_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ballots_current_tally",
                table: "ballots",
                columns: new[] { "tenant_id", "vote_id", "college_id", "choice" },
                filter: "is_current");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_one_current_per_voter",
                table: "ballots",
                columns: new[] { "tenant_id", "vote_id", "voter_id" },
                unique: true,
                filter: "is_current AND voter_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_one_replacement_per_receipt",
                table: "ballots",
                columns: new[] { "tenant_id", "vote_id", "replaces" },
                unique: true,
                filter: "replaces IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_tenant_id_vote_id_receipt",
                table: "ballots",
                columns: new[] { "tenant_id", "vote_id", "receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ballots_tenant_id_vote_id_sequence",
                table: "ballots",
                columns: new[] { "tenant_id", "vote_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proxy_grants_tenant_id_assembly_id_giver_id",
                table: "proxy_grants",
                columns: new[] { "tenant_id", "assembly_id", "giver_id" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_proxy_grants_tenant_id_assembly_id_holder_id",
                table: "proxy_grants",
                columns: new[] { "tenant_id", "assembly_id", "holder_id" });

            migrationBuilder.CreateIndex(
                name: "ix_statutory_rules_tenant_id_decision_type_convocation",
                table: "statutory_rules",
                columns: new[] { "tenant_id", "decision_type", "convocation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_voter_roll_tenant_id_member_id",
                table: "voter_roll",
                columns: new[] { "tenant_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_voter_roll_tenant_id_vote_id_member_id",
                table: "voter_roll",
                columns: new[] { "tenant_id", "vote_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_votes_tenant_id_assembly_id_position",
                table: "votes",
                columns: new[] { "tenant_id", "assembly_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_votes_tenant_id_status_closes_at",
                table: "votes",
                columns: new[] { "tenant_id", "status", "closes_at" });
            TenantRowLevelSecurity.Enable(migrationBuilder, "assemblies");
            TenantRowLevelSecurity.Enable(migrationBuilder, "statutory_rules");
            TenantRowLevelSecurity.Enable(migrationBuilder, "assembly_attendees");
            TenantRowLevelSecurity.Enable(migrationBuilder, "proxy_grants");
            TenantRowLevelSecurity.Enable(migrationBuilder, "votes");
            TenantRowLevelSecurity.Enable(migrationBuilder, "ballots");
            TenantRowLevelSecurity.Enable(migrationBuilder, "voter_roll");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TenantRowLevelSecurity.Disable(migrationBuilder, "assemblies");
            TenantRowLevelSecurity.Disable(migrationBuilder, "statutory_rules");
            TenantRowLevelSecurity.Disable(migrationBuilder, "assembly_attendees");
            TenantRowLevelSecurity.Disable(migrationBuilder, "proxy_grants");
            TenantRowLevelSecurity.Disable(migrationBuilder, "votes");
            TenantRowLevelSecurity.Disable(migrationBuilder, "ballots");
            TenantRowLevelSecurity.Disable(migrationBuilder, "voter_roll");

            migrationBuilder.DropTable(
                name: "assembly_attendees");

            migrationBuilder.DropTable(
                name: "ballots");

            migrationBuilder.DropTable(
                name: "proxy_grants");

            migrationBuilder.DropTable(
                name: "statutory_rules");

            migrationBuilder.DropTable(
                name: "voter_roll");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "assemblies");
        }
    }
}
