using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coop.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_actions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    content_kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    content_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moderator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    suspended_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    overturned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_actions", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    content_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    charter_article = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "spaces",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    visibility = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spaces", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_appeals_moderation_actions_tenant_id_action_id",
                        columns: x => new { x.tenant_id, x.action_id },
                        principalTable: "moderation_actions",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    space_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    feed_key = table.Column<string>(type: "character varying(51)", maxLength: 51, nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pinned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    comment_count = table.Column<int>(type: "integer", nullable: false),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_posts_members_tenant_id_author_id",
                        columns: x => new { x.tenant_id, x.author_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_posts_spaces_tenant_id_space_id",
                        columns: x => new { x.tenant_id, x.space_id },
                        principalTable: "spaces",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "space_memberships",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    space_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_moderator = table.Column<bool>(type: "boolean", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_visit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_space_memberships", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_space_memberships_members_tenant_id_member_id",
                        columns: x => new { x.tenant_id, x.member_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_space_memberships_spaces_tenant_id_space_id",
                        columns: x => new { x.tenant_id, x.space_id },
                        principalTable: "spaces",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_comments_members_tenant_id_author_id",
                        columns: x => new { x.tenant_id, x.author_id },
                        principalTable: "members",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_comments_posts_tenant_id_post_id",
                        columns: x => new { x.tenant_id, x.post_id },
                        principalTable: "posts",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_revisions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_revisions", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_post_revisions_posts_tenant_id_post_id",
                        columns: x => new { x.tenant_id, x.post_id },
                        principalTable: "posts",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_tenant_id_action_id",
                table: "appeals",
                columns: new[] { "tenant_id", "action_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comments_tenant_id_author_id",
                table: "comments",
                columns: new[] { "tenant_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_tenant_id_post_id_created_at",
                table: "comments",
                columns: new[] { "tenant_id", "post_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_tenant_id_author_id",
                table: "moderation_actions",
                columns: new[] { "tenant_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_tenant_id_created_at",
                table: "moderation_actions",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_tenant_id_post_id_written_at",
                table: "post_revisions",
                columns: new[] { "tenant_id", "post_id", "written_at" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_tenant_id_author_id",
                table: "posts",
                columns: new[] { "tenant_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_tenant_id_feed_key",
                table: "posts",
                columns: new[] { "tenant_id", "feed_key" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_posts_tenant_id_space_id_feed_key",
                table: "posts",
                columns: new[] { "tenant_id", "space_id", "feed_key" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_reports_one_open_per_reporter",
                table: "reports",
                columns: new[] { "tenant_id", "reporter_id", "kind", "content_id" },
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_reports_tenant_id_status_created_at",
                table: "reports",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_space_memberships_tenant_id_member_id",
                table: "space_memberships",
                columns: new[] { "tenant_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_space_memberships_tenant_id_space_id_member_id",
                table: "space_memberships",
                columns: new[] { "tenant_id", "space_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spaces_tenant_id_name",
                table: "spaces",
                columns: new[] { "tenant_id", "name" },
                unique: true);
            TenantRowLevelSecurity.Enable(migrationBuilder, "spaces");
            TenantRowLevelSecurity.Enable(migrationBuilder, "space_memberships");
            TenantRowLevelSecurity.Enable(migrationBuilder, "posts");
            TenantRowLevelSecurity.Enable(migrationBuilder, "post_revisions");
            TenantRowLevelSecurity.Enable(migrationBuilder, "comments");
            TenantRowLevelSecurity.Enable(migrationBuilder, "reports");
            TenantRowLevelSecurity.Enable(migrationBuilder, "moderation_actions");
            TenantRowLevelSecurity.Enable(migrationBuilder, "appeals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TenantRowLevelSecurity.Disable(migrationBuilder, "spaces");
            TenantRowLevelSecurity.Disable(migrationBuilder, "space_memberships");
            TenantRowLevelSecurity.Disable(migrationBuilder, "posts");
            TenantRowLevelSecurity.Disable(migrationBuilder, "post_revisions");
            TenantRowLevelSecurity.Disable(migrationBuilder, "comments");
            TenantRowLevelSecurity.Disable(migrationBuilder, "reports");
            TenantRowLevelSecurity.Disable(migrationBuilder, "moderation_actions");
            TenantRowLevelSecurity.Disable(migrationBuilder, "appeals");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "comments");

            migrationBuilder.DropTable(
                name: "post_revisions");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "space_memberships");

            migrationBuilder.DropTable(
                name: "moderation_actions");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "spaces");
        }
    }
}
