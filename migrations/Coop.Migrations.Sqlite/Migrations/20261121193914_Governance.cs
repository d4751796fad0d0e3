using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Sqlite.Migrations
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
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    convocation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    scheduled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    documents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    correspondence_voting = table.Column<bool>(type: "INTEGER", nullable: false),
                    notice_days = table.Column<int>(type: "INTEGER", nullable: false),
                    first_convocation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    convened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    session_opened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    chair_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    secretary_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    eligible_count = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes = table.Column<string>(type: "TEXT", nullable: true),
                    chair_signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    secretary_signed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    second_convocation_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assemblies", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "statutory_rules",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    decision_type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    convocation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    quorum_numerator = table.Column<int>(type: "INTEGER", nullable: false),
                    quorum_denominator = table.Column<int>(type: "INTEGER", nullable: false),
                    majority_numerator = table.Column<int>(type: "INTEGER", nullable: false),
                    majority_denominator = table.Column<int>(type: "INTEGER", nullable: false),
                    strict_majority = table.Column<bool>(type: "INTEGER", nullable: false),
                    majority_base = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    abstentions_count_as_cast = table.Column<bool>(type: "INTEGER", nullable: false),
                    blanks_count_as_cast = table.Column<bool>(type: "INTEGER", nullable: false),
                    weighting = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    bloc_numerator = table.Column<int>(type: "INTEGER", nullable: false),
                    bloc_denominator = table.Column<int>(type: "INTEGER", nullable: false),
                    proxy_cap = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    proxy_fixed_cap = table.Column<int>(type: "INTEGER", nullable: false),
                    blank_proxy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    secret_for_elections = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statutory_rules", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "assembly_attendees",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assembly_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    college_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    attendance = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    checked_in_at = table.Column<long>(type: "INTEGER", nullable: true),
                    voted_by_correspondence = table.Column<bool>(type: "INTEGER", nullable: false),
                    proxies_held = table.Column<int>(type: "INTEGER", nullable: false)
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
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assembly_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    giver_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assembly_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decision_type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    options = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    max_choices_or_score = table.Column<int>(type: "INTEGER", nullable: false),
                    secret = table.Column<bool>(type: "INTEGER", nullable: false),
                    hide_results_until_close = table.Column<bool>(type: "INTEGER", nullable: false),
                    elects_people = table.Column<bool>(type: "INTEGER", nullable: false),
                    backed_by_board = table.Column<bool>(type: "INTEGER", nullable: false),
                    closes_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    convocation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    blank_proxy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    colleges = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    eligible_count = table.Column<int>(type: "INTEGER", nullable: false),
                    frozen_at = table.Column<long>(type: "INTEGER", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    closing_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ballot_count = table.Column<int>(type: "INTEGER", nullable: false),
                    participants = table.Column<int>(type: "INTEGER", nullable: true),
                    reminder_sent_at = table.Column<long>(type: "INTEGER", nullable: true)
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
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vote_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    voter_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cast_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    college_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    choice = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    receipt = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    replaces = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    cast_at = table.Column<long>(type: "INTEGER", nullable: true),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    vote_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    college_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    has_voted = table.Column<bool>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
