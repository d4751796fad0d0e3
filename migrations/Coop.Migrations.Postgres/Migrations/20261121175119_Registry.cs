using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "active_member_count",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "tenants",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "proxies_allowed",
                table: "tenants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "share_nominal_value_minor",
                table: "tenants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "category_id",
                table: "members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "listed_in_directory",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "motivation",
                table: "members",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    after = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "charter_versions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: true),
                    markdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    change_summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charter_versions", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    roles = table.Column<int>(type: "integer", nullable: false),
                    invited_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "voting_colleges",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    weight_percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voting_colleges", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "charter_acceptances",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    charter_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charter_acceptances", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_charter_acceptances_charter_versions_tenant_id_charter_vers~",
                        columns: x => new { x.tenant_id, x.charter_version_id },
                        principalTable: "charter_versions",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_charter_acceptances_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_categories",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    minimum_shares = table.Column<int>(type: "integer", nullable: false),
                    college_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_categories", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_member_categories_voting_colleges_tenant_id_college_id",
                        columns: x => new { x.tenant_id, x.college_id },
                        principalTable: "voting_colleges",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_tenant_id_category_id",
                table: "members",
                columns: new[] { "tenant_id", "category_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_at",
                table: "audit_entries",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_charter_acceptances_tenant_id_charter_version_id",
                table: "charter_acceptances",
                columns: new[] { "tenant_id", "charter_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_charter_acceptances_tenant_id_member_id_charter_version_id",
                table: "charter_acceptances",
                columns: new[] { "tenant_id", "member_id", "charter_version_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charter_versions_tenant_id_number",
                table: "charter_versions",
                columns: new[] { "tenant_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_tenant_id_secret_hash",
                table: "invitations",
                columns: new[] { "tenant_id", "secret_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_categories_tenant_id_college_id",
                table: "member_categories",
                columns: new[] { "tenant_id", "college_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_categories_tenant_id_name",
                table: "member_categories",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_voting_colleges_tenant_id_name",
                table: "voting_colleges",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_members_member_categories_tenant_id_category_id",
                table: "members",
                columns: new[] { "tenant_id", "category_id" },
                principalTable: "member_categories",
                principalColumns: new[] { "tenant_id", "id" },
                onDelete: ReferentialAction.Restrict);

            TenantRowLevelSecurity.Enable(migrationBuilder, "voting_colleges");
            TenantRowLevelSecurity.Enable(migrationBuilder, "member_categories");
            TenantRowLevelSecurity.Enable(migrationBuilder, "invitations");
            TenantRowLevelSecurity.Enable(migrationBuilder, "charter_versions");
            TenantRowLevelSecurity.Enable(migrationBuilder, "charter_acceptances");
            TenantRowLevelSecurity.Enable(migrationBuilder, "audit_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TenantRowLevelSecurity.Disable(migrationBuilder, "voting_colleges");
            TenantRowLevelSecurity.Disable(migrationBuilder, "member_categories");
            TenantRowLevelSecurity.Disable(migrationBuilder, "invitations");
            TenantRowLevelSecurity.Disable(migrationBuilder, "charter_versions");
            TenantRowLevelSecurity.Disable(migrationBuilder, "charter_acceptances");
            TenantRowLevelSecurity.Disable(migrationBuilder, "audit_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_members_member_categories_tenant_id_category_id",
                table: "members");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "charter_acceptances");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "member_categories");

            migrationBuilder.DropTable(
                name: "charter_versions");

            migrationBuilder.DropTable(
                name: "voting_colleges");

            migrationBuilder.DropIndex(
                name: "ix_members_tenant_id_category_id",
                table: "members");

            migrationBuilder.DropColumn(
                name: "active_member_count",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "contact_email",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "proxies_allowed",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "share_nominal_value_minor",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "category_id",
                table: "members");

            migrationBuilder.DropColumn(
                name: "listed_in_directory",
                table: "members");

            migrationBuilder.DropColumn(
                name: "motivation",
                table: "members");
        }
    }
}
